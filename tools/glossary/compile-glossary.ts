/**
 * Node side of the glossary compiler: reads glossary/{entries.json,report.json,report.txt} and compiles them
 * (src/core stays free of node APIs). build.mjs (through tools/bundle.mjs) bundles this file and calls
 * `compileGlossaryDir`. Run as a tool (`npm run glossary:stats [dir]`) it prints each entry's mention count.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileGlossary, type CompileResult } from '../../src/core/glossary-compiler/index.js';

export function compileGlossaryDir(dir: string): CompileResult {
  const errors: string[] = [];
  const read = (name: string): string => {
    try {
      return readFileSync(join(dir, name), 'utf8');
    } catch (err) {
      errors.push(`${join(dir, name)}: cannot read: ${err instanceof Error ? err.message : String(err)}`);
      return '';
    }
  };
  const files = { entries: read('entries.json'), report: read('report.json'), text: read('report.txt') };
  if (errors.length) return { ok: false, errors };
  return compileGlossary(files);
}

function main(): void {
  const dir = resolve(process.argv[2] ?? 'glossary');
  const result = compileGlossaryDir(dir);
  if (!result.ok) {
    process.stderr.write(`glossary: ${result.errors.length} error(s)\n${result.errors.map((e) => `  - ${e}`).join('\n')}\n`);
    process.exitCode = 1;
    return;
  }
  const { entries, report } = result.glossary;
  const sentences = report.paragraphs.reduce((n, p) => n + p.length, 0);
  const lines = entries.map((e) => {
    const flags = [e.background ? 'background' : '', e.anchorOnly ? 'anchor' : ''].filter(Boolean).join(', ');
    return `  ${e.id.padEnd(36)} ${String(e.mentions).padStart(3)} mention(s)${flags ? `  (${flags})` : ''}`;
  });
  process.stdout.write(
    `glossary: ${entries.length} entries, ${report.paragraphs.length} paragraphs, ${sentences} sentences, ` +
      `${result.glossary.matcher.terms.length} terms\n${lines.join('\n')}\n`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
