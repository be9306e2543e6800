// `npm start`: (browsers ensured and the extension built by the npm script) serve the demo article on 127.0.0.1
// and open Chromium with the extension on it, through the same harness as the browser tests.
//
//   With a display (DISPLAY or WAYLAND_DISPLAY set): a normal window; stays open until Ctrl+C.
//   Without one: headless — waits for the marks, hovers a marked term, saves artifacts/start-card.png,
//   prints the terms it found and exits 0 (non-zero, with the reason, when nothing was marked or no card showed).
import glossary from 'virtual:glossary';
import { launchWithExtension } from '../tests/e2e/harness/launch.js';
import { countMarks, markBox, readMarks } from '../tests/e2e/harness/marks.js';
import { artifactPath, CHROMIUM_EXECUTABLE } from '../tests/e2e/harness/paths.js';
import { startServer } from '../tests/e2e/harness/server.js';

const DEMO = 'demo/article.html';
const HEADFUL = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && process.env.START_HEADLESS !== '1';

const log = (msg: string) => process.stdout.write(`[start] ${msg}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
class Failed extends Error {}

interface TermReply {
  terms: Array<{ id: string; count: number }>;
}

async function main(): Promise<void> {
  const server = await startServer();
  const url = server.url(DEMO);
  let ext;
  try {
    ext = await launchWithExtension('chromium', { headful: HEADFUL });
  } catch (err) {
    await server.close();
    throw new Failed(`could not start Chromium (${CHROMIUM_EXECUTABLE}; set CHROMIUM_PATH): ${String(err)}`);
  }
  try {
    const page = (await ext.browser.pages())[0] ?? (await ext.newPage());
    if (!HEADFUL) await page.setViewport({ width: 1280, height: 900 });
    await page.goto(url, { waitUntil: 'load' });
    log(`demo article: ${url}`);

    if (HEADFUL) {
      log('Chromium is open with the extension: hover a dotted term. Ctrl+C to quit.');
      await new Promise<void>((done) => {
        process.once('SIGINT', () => done());
        ext.browser.once('disconnected', () => done());
      });
      return;
    }

    // Headless: wait for the marks (the content script runs at document_idle), then until the count settles (the
    // engine paints the viewport first and the rest in slices).
    let count = 0;
    for (let i = 0; i < 100 && count === 0; i++) {
      count = await countMarks(page);
      if (count === 0) await sleep(100);
    }
    if (count === 0) throw new Failed('no term was marked on the demo article within 10 s');
    for (let i = 0; i < 20; i++) {
      await sleep(250);
      const again = await countMarks(page);
      if (again === count) break;
      count = again;
    }

    // Hover a TTP mark (or the first mark), scrolled to the upper part of the view so the card has room below it.
    const marks = await readMarks(page, { paths: 'names', blockText: false });
    const text = marks.find((m) => m.text === 'TTP')?.text ?? marks[0]!.text;
    const box = await markBox(page, text);
    const x = box.x + box.w / 2;
    const y = box.y + box.h / 2;
    await page.mouse.move(x - 40, y + 30);
    await page.mouse.move(x, y, { steps: 8 });
    const shown = await page
      .waitForFunction(
        () => {
          const host = document.querySelector('[data-context-glossary-host]');
          const layer = host?.shadowRoot?.querySelector<HTMLElement>('[role="dialog"]');
          return layer && !layer.hidden && layer.getBoundingClientRect().height > 0 ? layer.textContent : null;
        },
        { timeout: 5_000, polling: 100 },
      )
      .then((h) => h.jsonValue())
      .catch(() => null);
    await sleep(200); // the card's 120 ms fade-in
    const screenshot = artifactPath('start-card.png');
    await page.screenshot({ path: screenshot });

    // The content script's own list of marked entries, asked from the service worker.
    const reply = await ext
      .evaluateInBackground(async (pageUrl: string) => {
        for (const tab of await chrome.tabs.query({})) {
          // tab.url is only visible with host permission for the tab's origin; our page answers either way.
          if (tab.url !== undefined && tab.url !== pageUrl) continue;
          try {
            return (await chrome.tabs.sendMessage(tab.id!, { type: 'listPageTerms', payload: {} }, { frameId: 0 })) as unknown;
          } catch {
            // not ready
          }
        }
        return null;
      }, url)
      .catch(() => null);
    const names = new Map(glossary.entries.map((e) => [e.id, e.name]));
    const terms = (reply as TermReply | null)?.terms;
    if (Array.isArray(terms) && terms.length > 0) {
      log(`${terms.length} distinct terms marked on the demo article:`);
      for (const t of [...terms].sort((a, b) => b.count - a.count || a.id.localeCompare(b.id)))
        log(`  ${String(t.count).padStart(3)} × ${names.get(t.id) ?? t.id} (${t.id})`);
    } else {
      const counts = new Map<string, number>();
      for (const m of await readMarks(page, { paths: 'names', blockText: false })) counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
      log(`${counts.size} distinct spellings marked on the demo article:`);
      for (const [t, n] of [...counts].sort((a, b) => b[1] - a[1])) log(`  ${String(n).padStart(3)} × ${t}`);
    }
    log(`hovered "${text}"`);
    log(`screenshot: ${screenshot}`);
    if (!shown) throw new Failed(`hovering "${text}" showed no card within 5 s (screenshot saved anyway)`);
    log(`card shown: ${shown.replace(/\s+/g, ' ').slice(0, 140)}…`);
  } finally {
    await ext.close();
    await server.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`[start] FAILED: ${err instanceof Failed ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
