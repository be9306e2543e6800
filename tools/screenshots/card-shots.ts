/**
 * Screenshots of the card on three saved corpus pages (Times of India, NY Post, Al Jazeera), with the system in
 * light and dark mode (prefers-color-scheme emulated; the card's theme setting left at "system"), at 1280 and 400 px
 * wide (800 px high): issue 12's "before/after" pictures in docs/screenshots/. Headless Chromium through the e2e
 * harness, the page's own scripts blocked (the corpus server's /static/), the card opened by hovering the first mark
 * in the article's text scrolled to 40 % of the viewport; each PNG is clipped to the card and its term.
 *
 *   node build.mjs && node tools/run.mjs tools/screenshots/card-shots.ts --label after
 *   E2E_DIST_DIR=/tmp/cg-before/dist node tools/run.mjs tools/screenshots/card-shots.ts --label before
 *
 * ("before": the build of d3bcd6e, the commit before this wave, in a temporary worktree; see docs/screenshots/README.md.)
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { launchWithExtension } from '../../tests/e2e/harness/launch.js';
import { ROOT } from '../../tests/e2e/harness/paths.js';
import { corpusServer } from '../corpus/corpus-server.js';

const argv = process.argv.slice(2);
const label = argv.includes('--label') ? argv[argv.indexOf('--label') + 1]! : 'after';
const outDir = join(ROOT, 'docs', 'screenshots');
const corpus = resolve(ROOT, '..', 'shared', 'corpus');

const PAGES = [
  { name: 'timesofindia', path: 'postlight-parser/timesofindia.indiatimes.com.html' },
  { name: 'nypost', path: 'scrapinghub-article-extraction-benchmark/nypost.com_a1fca19b88.html' },
  { name: 'aljazeera', path: 'scrapinghub-article-extraction-benchmark/aljazeera.com_7916ecca96.html' },
];
const SCHEMES = ['light', 'dark'] as const;
const WIDTHS = [1280, 400];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Scrolls the first mark inside a paragraph to 40 % of the viewport; its box, or null when nothing is marked. */
function placeFirstMark(page: Page): Promise<{ x: number; y: number; w: number; h: number } | null> {
  return page.evaluate(() => {
    const reg = CSS.highlights as unknown as Map<string, Set<AbstractRange>>;
    const ranges: Range[] = [];
    for (const [name, h] of reg) {
      if (!/^context-glossary-(person|organization|place|event|concept)$/.test(name)) continue;
      for (const r of h) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        if (range.startContainer.parentElement?.closest('p') && range.getClientRects().length > 0) ranges.push(range);
      }
    }
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    const first = ranges[0];
    if (!first) return null;
    scrollBy({ top: first.getBoundingClientRect().top - innerHeight * 0.4, behavior: 'instant' });
    const b = first.getClientRects()[0]!;
    return { x: b.x, y: b.y, w: b.width, h: b.height };
  });
}

/** The card's box (null while hidden). */
function cardBox(page: Page): Promise<{ x: number; y: number; w: number; h: number } | null> {
  return page.evaluate(() => {
    const layer = document.querySelector('[data-context-glossary-host]')?.shadowRoot?.querySelector<HTMLElement>('[role="dialog"]');
    if (!layer || layer.hidden) return null;
    const r = layer.getBoundingClientRect();
    return r.height > 0 ? { x: r.x, y: r.y, w: r.width, h: r.height } : null;
  });
}

async function shoot(page: Page, file: string, width: number): Promise<boolean> {
  await page.setViewport({ width, height: 800 });
  await sleep(300);
  await page.mouse.move(2, 2);
  const mark = await placeFirstMark(page);
  if (!mark) return false;
  await sleep(300);
  const x = mark.x + mark.w / 2;
  const y = mark.y + mark.h / 2;
  await page.mouse.move(x - 30, y + 25);
  await page.mouse.move(x, y, { steps: 5 });
  let card = null;
  for (let i = 0; i < 60 && !card; i++) {
    await sleep(100);
    card = await cardBox(page);
  }
  if (!card) return false;
  await sleep(400); // the fade-in
  const pad = 16;
  const left = Math.max(0, Math.min(card.x, mark.x) - pad);
  const top = Math.max(0, Math.min(card.y, mark.y) - pad);
  const right = Math.min(width, Math.max(card.x + card.w, mark.x + mark.w) + pad);
  const bottom = Math.min(800, Math.max(card.y + card.h, mark.y + mark.h) + pad);
  await page.screenshot({ path: file as `${string}.png`, clip: { x: left, y: top, width: right - left, height: bottom - top } });
  return true;
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const server = await corpusServer(corpus);
  const b = await launchWithExtension('chromium');
  try {
    for (const p of PAGES) {
      for (const scheme of SCHEMES) {
        const page = await b.newPage();
        await page.bringToFront();
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
        await page.setViewport({ width: 1280, height: 800 });
        await page.goto(server.url(p.path, 'static'), { waitUntil: 'load', timeout: 60_000 });
        await sleep(2500); // the engine scans at idle time and paints in frames
        for (const width of WIDTHS) {
          const file = join(outDir, `${label}-${p.name}-${scheme}-${width}.png`);
          const ok = await shoot(page, file, width);
          process.stdout.write(`${ok ? 'wrote' : 'NO CARD'} ${file}\n`);
        }
        await page.close();
      }
    }
  } finally {
    await b.close();
    await server.close();
  }
}

await main();
