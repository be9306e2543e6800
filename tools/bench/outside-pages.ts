// The outside-in bench's rows: which page, served how, with which glossary, and what the issue expects of it
// (issue 13). Pages are built at run time from ../shared/corpus and the generators in bench-data.ts; nothing from
// the corpus is copied into the repository. Pure apart from reading corpus files.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileGlossary } from '../../src/core/glossary-compiler/index.js';
import type { CompiledGlossary } from '../../src/core/glossary-types.js';
import { ROOT } from '../../tests/e2e/harness/paths.js';
import type { Route } from '../../tests/e2e/harness/server.js';
import { articlePage, liveBlogUpdates, syntheticGlossary, textSources, type TextSources } from './bench-data.js';

/**
 * The extension build a row loads: the shipped one, its 5,000-term copy, a floor copy (outside-floor.ts), or the
 * shipped one in a profile holding made glossaries (outside-user-glossaries.ts), or another build to compare with
 * (`--base DIR`, outside.ts).
 */
export type GlossaryName =
  | 'real'
  | 'gen-5000'
  | 'floor-empty'
  | 'floor-snapshot'
  | 'user-5x200'
  | 'base'
  | 'base-user-5x200'
  // --variant NAME=DIR: another build of the extension (an ablation copy, never shipped), run as `<row>-NAME`.
  | `variant:${string}`;

export interface OutsideRow {
  id: string;
  /** What the row is, for the table. */
  label: string;
  /** Served path of the page. */
  path: string;
  glossary: GlossaryName;
  /** Whether the extension is expected to mark something (first marked frame is measured only then). */
  marks: boolean;
  /** Extra settle time after `load` the row needs (a live blog keeps updating), ms. */
  extraSettleMs: number;
  /** Page size served, bytes. */
  bytes: number;
}

export interface BuiltRows {
  rows: OutsideRow[];
  /** pathname -> HTML or JS served by the bench server. */
  files: Record<string, { type: string; body: string }>;
  /** Rows left out, with why (a corpus page missing). */
  skipped: string[];
}

const HTML = 'text/html; charset=utf-8';
const JS = 'text/javascript; charset=utf-8';

/**
 * Page scripts are blocked (script-src 'self'): the bench measures what the extension adds, not the saved site's
 * JavaScript (which would fail without its network anyway); our own same-origin scripts (mark.js, the live blog's
 * updater) still run. A meta CSP applies to everything after it, so it goes first thing in <head>.
 */
export function withCsp(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="script-src 'self'">`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + meta + html.slice(head.index + head[0].length);
  return meta + html;
}

/** Inserts `top` right after <body ...> and `end` right before </body> (or at the end when there is none). */
export function insertInBody(html: string, top: string, end: string): string {
  const open = /<body(\s[^>]*)?>/i.exec(html);
  let out = open ? html.slice(0, open.index + open[0].length) + top + html.slice(open.index + open[0].length) : top + html;
  const close = out.toLowerCase().lastIndexOf('</body>');
  out = close >= 0 ? out.slice(0, close) + end + out.slice(close) : out + end;
  return out;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A TTP news article of the report's title and its first `paragraphs` paragraphs (glossary/report.txt). */
export function ttpArticle(reportText: string, paragraphs = 6): string {
  const lines = reportText.split('\n').map((l) => l.trim()).filter(Boolean);
  const [title, date, ...body] = lines;
  const ps = body.slice(0, paragraphs).map((p) => `<p>${escapeHtml(p)}</p>`).join('');
  return `<article><h2>${escapeHtml(title ?? '')}</h2><p><time>${escapeHtml(date ?? '')}</time></p>${ps}</article>`;
}

/** Adds mark.js and a script calling it on `load`, as a page using mark.js would (same terms as our glossary). */
export function withMarkJs(html: string, glossary: GlossaryName): string {
  return insertInBody(html, '', `<script src="/markjs.js"></script><script src="/markjs-run-${glossary}.js"></script>`);
}

/**
 * The page script that runs mark.js: at `load` (so same-origin iframes are there: `iframes: true` marks them too, as
 * our content script does with all_frames), with the options of the inside bench; it leaves the time and hit count on
 * window for the bench to read.
 */
export function markJsRunner(terms: string[]): string {
  return `(() => {
  const terms = ${JSON.stringify(terms)};
  // In a task after load, so the load event (and the bench's wait for it) is not held by mark.js's long task.
  addEventListener('load', () => setTimeout(() => {
    const t0 = performance.now();
    new Mark(document.body).mark(terms, {
      accuracy: 'exactly', separateWordSearch: false, iframes: true, iframesTimeout: 1000,
      done: (n) => { window.__markjsDone = { ms: performance.now() - t0, hits: n }; },
    });
  }, 0));
})();`;
}

/** The live blog's updater: one update every 100 ms after load, newest first, as a live blog inserts them. */
export function liveBlogScript(updates: string[]): string {
  return `(() => {
  const updates = ${JSON.stringify(updates)};
  addEventListener('load', () => {
    let i = 0;
    const article = document.querySelector('article');
    const timer = setInterval(() => {
      const p = document.createElement('p');
      p.textContent = updates[i++];
      article.insertBefore(p, article.children[1] || null);
      if (i >= updates.length) { clearInterval(timer); window.__liveBlogDone = true; }
    }, 100);
  });
})();`;
}

/** The compiled matcher's spellings: the terms mark.js gets. */
export function glossaryTerms(g: CompiledGlossary): string[] {
  return g.matcher.terms.map((t) => t.text);
}

interface CorpusPick {
  id: string;
  label: string;
  file: string;
  marks: boolean;
}

/** The saved pages of the table (../shared/corpus/INDEX.tsv: category, size, terms visible). */
const CORPUS: CorpusPick[] = [
  { id: 'none-small', label: 'Al Jazeera, 54 KB, nothing to mark', file: 'scrapinghub-article-extraction-benchmark/aljazeera.com_42aad16bde.html', marks: false },
  { id: 'none-guardian', label: 'Guardian, 1.1 MB, nothing to mark', file: 'mozilla-readability/guardian-1.html', marks: false },
  { id: 'none-wired', label: 'Wired, 1.5 MB, nothing to mark', file: 'flairNLP-fundus/Wired_2024_04_28.html', marks: false },
  { id: 'topic-small', label: 'Frontier Post, 40 KB topic page', file: 'adbar-htmldate/thefrontierpost.com_1535415671.html', marks: true },
  { id: 'topic-large', label: 'Times of India, 460 KB topic page', file: 'flairNLP-fundus/TimesOfIndia_2024_09_02.html', marks: true },
];

export const WIKI_FILE = 'mozilla-readability/wikipedia-2.html';
export const IFRAME_COUNT = 20;

export function buildRows(corpusDir: string, reportText: string, src: TextSources, real: CompiledGlossary, gen5000: CompiledGlossary): BuiltRows {
  const files: BuiltRows['files'] = {};
  const rows: OutsideRow[] = [];
  const skipped: string[] = [];
  const add = (row: Omit<OutsideRow, 'bytes' | 'path'>, html: string) => {
    const path = `/rows/${row.id}.html`;
    const body = withCsp(html);
    files[path] = { type: HTML, body };
    files[`/rows/${row.id}.markjs.html`] = { type: HTML, body: withMarkJs(body, row.glossary) };
    rows.push({ ...row, path, bytes: Buffer.byteLength(body) });
  };
  const corpus = (file: string) => {
    const p = join(corpusDir, file);
    return existsSync(p) ? readFileSync(p, 'utf8') : null;
  };
  for (const c of CORPUS) {
    const html = corpus(c.file);
    if (html === null) skipped.push(`${c.id}: ${c.file} not in ${corpusDir}`);
    else add({ id: c.id, label: c.label, glossary: 'real', marks: c.marks, extraSettleMs: 0 }, html);
  }
  const wiki = corpus(WIKI_FILE);
  if (wiki === null) skipped.push(`wiki-ttp80: ${WIKI_FILE} not in ${corpusDir}`);
  else {
    const a = ttpArticle(reportText).repeat(40);
    add({ id: 'wiki-ttp80', label: 'Wikipedia 1 MB + TTP article ×40 at top, ×40 at end', glossary: 'real', marks: true, extraSettleMs: 0 }, insertInBody(wiki, a, a));
  }
  const gen1mb = articlePage(1024 * 1024, src, 2, 'Generated article, 1 MB');
  add({ id: 'gen-1mb-real', label: 'generated 1 MB, real glossary', glossary: 'real', marks: true, extraSettleMs: 0 }, gen1mb);
  add({ id: 'gen-1mb-5000', label: 'generated 1 MB, 5,000-term glossary', glossary: 'gen-5000', marks: true, extraSettleMs: 0 }, gen1mb);
  const frames: string[] = [];
  for (let i = 0; i < IFRAME_COUNT; i++) {
    const path = `/rows/frames/frame-${i}.html`;
    files[path] = { type: HTML, body: withCsp(articlePage(6 * 1024, src, 100 + i, `Frame ${i + 1}`)) };
    frames.push(`<iframe src="${path}" width="600" height="200" title="frame ${i + 1}"></iframe>`);
  }
  add(
    { id: 'iframes-20', label: `page with ${IFRAME_COUNT} same-origin iframes`, glossary: 'real', marks: true, extraSettleMs: 0 },
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Frames</title></head><body>${ttpArticle(reportText, 2)}${frames.join('\n')}</body></html>`,
  );
  files['/rows/live-blog.js'] = { type: JS, body: liveBlogScript(liveBlogUpdates(20, src)) };
  add(
    { id: 'live-blog', label: 'live blog, 60 KB + 20 updates (one per 100 ms)', glossary: 'real', marks: true, extraSettleMs: 2500 },
    insertInBody(articlePage(60 * 1024, src, 3, 'Live blog'), '', '<script src="/rows/live-blog.js"></script>'),
  );
  files['/markjs-run-real.js'] = { type: JS, body: markJsRunner(glossaryTerms(real)) };
  files['/markjs-run-gen-5000.js'] = { type: JS, body: markJsRunner(glossaryTerms(gen5000)) };
  return { rows, files, skipped };
}

/** The rows of the outside-in benches with what serves them, and the two glossaries they were built with. */
export interface OutsideSite {
  real: CompiledGlossary;
  /** The synthetic glossary of the `gen-5000` rows (`syntheticTerms` terms). */
  synthetic: CompiledGlossary;
  built: BuiltRows;
  /** Every built file, for tests/e2e/harness/server.ts. */
  routes: Record<string, Route>;
}

/**
 * The bundled glossary compiled as build.mjs compiles it (src/tools/compile-glossary.ts is not imported: bundled, its
 * CLI main would run here), every row built from the corpus at `corpusDir`, and their routes: what outside.ts,
 * outside-profile.ts, outside-first-frame.ts and widen-count.ts each serve.
 */
export function outsideSite(corpusDir: string, syntheticTerms: number): OutsideSite {
  const read = (name: string) => readFileSync(join(ROOT, 'glossary', name), 'utf8');
  const compiled = compileGlossary({ entries: read('entries.json'), report: read('report.json'), text: read('report.txt') });
  if (!compiled.ok) throw new Error(`glossary: ${compiled.errors.join('; ')}`);
  const real = compiled.glossary;
  const synthetic = syntheticGlossary(syntheticTerms, real);
  const built = buildRows(corpusDir, read('report.txt'), textSources(real), real, synthetic);
  const routes: Record<string, Route> = {};
  for (const [path, f] of Object.entries(built.files)) routes[path] = () => ({ type: f.type, body: f.body });
  return { real, synthetic, built, routes };
}
