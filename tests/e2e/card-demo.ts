// The demo article the card tests run on (card.test.ts, card-more.test.ts): the compiled glossary, a fixture server
// with a hostile-styles copy of the page, and helpers that open it and hover a term until its card shows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { compileGlossaryDir } from '../../tools/glossary/compile-glossary.js';
import type { CompiledEntry, CompiledGlossary } from '../../src/core/glossary-types.js';
import { hover, markBox, waitForCard } from './card-helpers.js';
import { FIXTURES_DIR, type FixtureServer, ROOT, startServer, waitForMarks } from './harness/index.js';

export let glossary: CompiledGlossary;
let server: FixtureServer;
export const entry = (id: string): CompiledEntry => {
  const e = glossary.entries.find((x) => x.id === id);
  if (!e) throw new Error(`no entry ${id}`);
  return e;
};

/** The demo article with a hostile stylesheet: everything red and huge, every div hidden, our host targeted. */
const HOSTILE_CSS = `<style>
  * { color: red !important; font-size: 40px !important; font-family: "Comic Sans MS", cursive !important;
      line-height: 3 !important; letter-spacing: 5px !important; background: yellow !important; }
  div { display: none !important; }
  [data-context-glossary-host], html > div { display: none !important; opacity: 0 !important; width: 1px !important;
      transform: scale(0.1) !important; }
  *::before { content: "X" !important; }
</style>`;

/** Compiles the glossary and starts the server: call from a file-level beforeAll; `stopCardDemo` in afterAll. */
export async function startCardDemo(): Promise<void> {
  const result = compileGlossaryDir(join(ROOT, 'glossary'));
  if (!result.ok) throw new Error(result.errors.join('\n'));
  glossary = result.glossary;
  const demo = readFileSync(join(FIXTURES_DIR, 'demo', 'article.html'), 'utf8');
  server = await startServer({
    routes: { '/hostile.html': () => ({ body: demo.replace('</head>', `${HOSTILE_CSS}</head>`) }) },
  });
}
export async function stopCardDemo(): Promise<void> {
  await server?.close();
}

export async function openDemo(page: Page, path = 'demo/article.html'): Promise<void> {
  await page.setViewport({ width: 1200, height: 900 });
  await page.goto(server.url(path), { waitUntil: 'load' });
  await waitForMarks(page, (m) => m.some((x) => x.text === 'TTP'), 10_000);
}

/**
 * Hovers the nth mark with this text and waits for the card of `id`. Retried (pointer away, mark found afresh)
 * when a re-scan replaced the mark under the pointer — e.g. right after a settings change.
 */
export async function hoverFor(page: Page, text: string, id: string, nth = 0) {
  for (let attempt = 1; ; attempt++) {
    await hover(page, await markBox(page, text, nth));
    try {
      return (await waitForCard(page, (c) => c?.visible === true && c.entry === id, 2_500))!;
    } catch (err) {
      if (attempt === 3) throw err;
      await page.mouse.move(5, 5);
      await new Promise((r) => setTimeout(r, 400));
    }
  }
}
