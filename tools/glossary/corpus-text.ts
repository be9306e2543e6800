/**
 * A long report for the extraction figures (issue 14 "a 150 KB report"), built at run time and never stored in the
 * project: the bundled report's text first, then the shared corpus's news articles (Readability text, one paragraph
 * per line) until `target` characters, cut at a line end.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { htmlToArticle } from './html-text';

function corpusFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.html')) files.push(p);
    }
  };
  walk(dir);
  return files;
}

/** `root` is the package root (npm run's cwd); the corpus sits beside it in ../shared/corpus. */
export function corpusText(root: string, target: number, start = ''): string {
  let text = start;
  for (const f of corpusFiles(join(root, '../shared/corpus'))) {
    if (text.length >= target) break;
    try {
      text += `${htmlToArticle(readFileSync(f, 'utf8')).text}\n`;
    } catch {
      // pages Readability cannot read are skipped
    }
  }
  if (text.length <= target) return text;
  const cut = text.lastIndexOf('\n', target);
  return text.slice(0, cut > 0 ? cut : target);
}
