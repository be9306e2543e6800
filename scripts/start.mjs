// `npm start`: build, serve the demo article on 127.0.0.1 and open Chromium with the extension on it.
//
//   With a display (DISPLAY or WAYLAND_DISPLAY set): a normal window; stays open until Ctrl+C.
//   Without one: headless — waits for the marks, hovers a marked term, saves artifacts/start-card.png,
//   prints the terms it found and exits 0 (non-zero, with the reason, when nothing was marked or no card showed).
//
// Self-contained (puppeteer-core + node): the e2e harness is TypeScript and this must run on a fresh checkout
// with plain node.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = join(ROOT, 'tests', 'fixtures');
const EXTENSION = join(ROOT, 'dist', 'chrome');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
const DEMO = 'demo/article.html';
const SCREENSHOT = join(ROOT, 'artifacts', 'start-card.png');
const HEADFUL = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && process.env.START_HEADLESS !== '1';

const log = (msg) => process.stdout.write(`[start] ${msg}\n`);
const fail = (msg) => {
  process.stderr.write(`[start] FAILED: ${msg}\n`);
  process.exitCode = 1;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.png': 'image/png', '.svg': 'image/svg+xml', '.json': 'application/json' };

/** Static files of tests/fixtures on 127.0.0.1 (random port); nothing outside that folder. */
function serveFixtures() {
  const server = createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      return res.writeHead(400).end('bad url');
    }
    const file = resolve(join(FIXTURES, pathname));
    if (!file.startsWith(FIXTURES + sep)) return res.writeHead(403).end('outside fixtures');
    if (!existsSync(file) || !statSync(file).isFile()) return res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok, bad) => {
    server.once('error', bad);
    server.listen(0, '127.0.0.1', () => ok(server));
  });
}

/** Entry names from the glossary compiler the build just bundled (dist/tools/compile-glossary.mjs). */
async function entryNames() {
  try {
    const mod = await import(pathToFileURL(join(ROOT, 'dist', 'tools', 'compile-glossary.mjs')).href);
    const result = mod.compileGlossaryDir(join(ROOT, 'glossary'));
    if (result.ok) return new Map(result.glossary.entries.map((e) => [e.id, e.name]));
  } catch {
    // names are a nicety: ids still print
  }
  return new Map();
}

/** Rectangles (viewport coordinates) and texts of our marks, read from the page's CSS highlight registry. */
function readMarkRects(page) {
  return page.evaluate(() => {
    const out = [];
    const registry = CSS.highlights;
    if (!registry) return out;
    for (const [name, highlight] of registry) {
      if (!name.startsWith('context-glossary')) continue;
      for (const r of highlight) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const rect = range.getClientRects()[0];
        if (rect) out.push({ text: range.toString(), name, x: rect.x, y: rect.y, w: rect.width, h: rect.height, top: rect.top + scrollY });
      }
    }
    return out.sort((a, b) => a.top - b.top);
  });
}

/** The content script's own list of marked entries (asked through the extension's service worker). */
async function listPageTerms(browser, pageUrl) {
  const target = browser.targets().find((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'));
  const worker = await target?.worker();
  if (!worker) return null;
  return worker.evaluate(async (url) => {
    const tabs = await chrome.tabs.query({});
    for (const tab of tabs) {
      try {
        const reply = await chrome.tabs.sendMessage(tab.id, { type: 'listPageTerms', payload: {} }, { frameId: 0 });
        if (reply && Array.isArray(reply.terms) && (tab.url === undefined || tab.url === url)) return reply.terms;
      } catch {
        // not our page
      }
    }
    return null;
  }, pageUrl);
}

async function main() {
  log('building…');
  const build = spawnSync(process.execPath, [join(ROOT, 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) return fail('the build failed (see above)');
  if (!existsSync(CHROMIUM)) return fail(`Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH)`);

  const server = await serveFixtures();
  const url = `http://127.0.0.1:${server.address().port}/${DEMO}`;
  const profile = mkdtempSync(join(tmpdir(), 'cg-start-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: !HEADFUL,
    pipe: true,
    enableExtensions: [EXTENSION],
    userDataDir: profile,
    defaultViewport: HEADFUL ? null : { width: 1280, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const cleanup = async () => {
    await browser.close().catch(() => undefined);
    server.closeAllConnections();
    server.close();
    rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  };

  try {
    await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), { timeout: 15_000 });
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    await page.goto(url, { waitUntil: 'load' });
    log(`demo article: ${url}`);

    if (HEADFUL) {
      log('Chromium is open with the extension: hover a dotted term. Ctrl+C to quit.');
      await new Promise((done) => {
        process.once('SIGINT', done);
        browser.once('disconnected', done);
      });
      return;
    }

    // Headless: wait for the marks (the content script runs at document_idle).
    let marks = [];
    for (let i = 0; i < 100 && marks.length === 0; i++) {
      marks = await readMarkRects(page);
      if (marks.length === 0) await sleep(100);
    }
    if (marks.length === 0) return fail('no term was marked on the demo article within 10 s');
    // The engine paints the viewport first and the rest in slices: wait until the count stops changing.
    for (let i = 0; i < 20; i++) {
      await sleep(250);
      const again = await readMarkRects(page);
      if (again.length === marks.length) break;
      marks = again;
    }

    // Hover a mark in the article's body (the first one below the headline area that is on screen).
    const first = marks.find((m) => m.text === 'TTP') ?? marks[0];
    // Scroll the term to the upper part of the view so the card has room below it. Checked and repeated: right
    // after load the page can still move the scroll position back (seen as a race in headless runs).
    for (let i = 0; i < 10; i++) {
      const done = await page.evaluate((top) => {
        const want = Math.min(Math.max(0, top - 160), document.documentElement.scrollHeight - innerHeight);
        if (Math.abs(scrollY - want) < 2) return true;
        window.scrollTo({ top: want, behavior: 'instant' });
        return false;
      }, first.top);
      if (done) break;
      await sleep(200);
    }
    const onScreen = (await readMarkRects(page)).filter((m) => m.y > 0 && m.y + m.h < 900 && m.w > 0);
    const target = onScreen.find((m) => m.text === 'TTP') ?? onScreen[0];
    if (!target) return fail('no marked term is on screen to hover');
    const x = target.x + target.w / 2;
    const y = target.y + target.h / 2;
    await page.mouse.move(x - 40, y + 30);
    await page.mouse.move(x, y, { steps: 8 });
    const shown = await page
      .waitForFunction(
        () => {
          const host = document.querySelector('[data-context-glossary-host]');
          const layer = host?.shadowRoot?.querySelector('[role="dialog"]');
          return layer && !layer.hidden && layer.getBoundingClientRect().height > 0 ? layer.textContent : null;
        },
        { timeout: 5_000, polling: 100 },
      )
      .then((h) => h.jsonValue())
      .catch(() => null);
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await sleep(200); // the card's 120 ms fade-in
    await page.screenshot({ path: SCREENSHOT });

    const names = await entryNames();
    const terms = await listPageTerms(browser, url).catch(() => null);
    if (terms && terms.length > 0) {
      log(`${terms.length} distinct terms marked on the demo article:`);
      for (const t of [...terms].sort((a, b) => b.count - a.count || a.id.localeCompare(b.id)))
        log(`  ${String(t.count).padStart(3)} × ${names.get(t.id) ?? t.id}${names.has(t.id) ? ` (${t.id})` : ''}`);
    } else {
      // Fallback: the marked spellings as they appear on the page.
      const counts = new Map();
      for (const m of await readMarkRects(page)) counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
      log(`${counts.size} distinct spellings marked on the demo article:`);
      for (const [text, n] of [...counts].sort((a, b) => b[1] - a[1])) log(`  ${String(n).padStart(3)} × ${text}`);
    }
    log(`hovered "${target.text}"`);
    log(`screenshot: ${SCREENSHOT}`);
    if (!shown) return fail(`hovering "${target.text}" showed no card within 5 s (screenshot saved anyway)`);
    log('card shown: ' + shown.replace(/\s+/g, ' ').slice(0, 140) + '…');
  } finally {
    await cleanup();
  }
}

main().catch((err) => fail(err?.stack ?? String(err)));
