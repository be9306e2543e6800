/**
 * `npm run --silent glossary:extract -- <file.txt|.html|.pdf>`: prints the candidate glossary of a report as
 * {"candidates":[{"name","aliases","category","count","sentences"}],"acronyms":[{"short","long"}]}, candidates
 * ranked best first. The extraction is src/core/extract, the same code the extension will run; this file only reads
 * the source. Errors go to stderr with exit code 1 (2 for a usage error).
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { extract, type Extraction } from '../../src/core/extract/index';
import { htmlToArticle } from './html-text';
import { pdfToText } from './pdf-text';

export async function readSource(path: string): Promise<string> {
  const ext = extname(path).toLowerCase();
  if (ext === '.pdf') return (await pdfToText(new Uint8Array(await readFile(path)))).text;
  if (ext === '.html' || ext === '.htm') return htmlToArticle(await readFile(path, 'utf8')).text;
  if (ext === '.txt' || ext === '.text' || ext === '.md') return readFile(path, 'utf8');
  throw new Error(`unsupported file type "${ext || '(none)'}": give a .txt, .html or .pdf file`);
}

/** The printed shape, exactly: nothing beyond the documented fields. */
export function toOutput(x: Extraction): { candidates: { name: string; aliases: string[]; category: string; count: number; sentences: string[] }[]; acronyms: { short: string; long: string }[] } {
  return {
    candidates: x.candidates.map((c) => ({ name: c.name, aliases: c.aliases.map((a) => a.text), category: c.category, count: c.count, sentences: c.sentences })),
    acronyms: x.acronyms.map((a) => ({ short: a.short, long: a.long })),
  };
}

export async function main(argv: readonly string[]): Promise<number> {
  const path = argv.find((a) => !a.startsWith('-'));
  if (!path) {
    process.stderr.write('usage: npm run --silent glossary:extract -- <file.txt|.html|.pdf>\n');
    return 2;
  }
  try {
    const text = await readSource(path);
    process.stdout.write(`${JSON.stringify(toOutput(extract(text)))}\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`glossary:extract: ${path}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
