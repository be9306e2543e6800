// Firefox, measured from outside as far as it lets us: it has no trace over WebDriver BiDi and no longtask entries,
// so each run loads the page with a page-world probe (outside-probe.ts) that records every animation frame from
// DOMContentLoaded to the end of the settle window. "Blocked" is the time frames were late (Σ gap − one frame over
// gaps of 1.5 frames or more): main-thread work that kept the page from painting, whoever did it. It does not see
// work done in idle time between frames, nor style/paint split, nor heap. Interleaved with a clean profile, as in
// Chromium; the difference is what the extension added.
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { type ExtensionBrowser, FIREFOX_PREFS, launchWithExtension } from '../../tests/e2e/harness/launch.js';
import { FIREFOX_EXECUTABLE } from '../../tests/e2e/harness/paths.js';
import { blockedFromFrames, installProbe, type ProbeResult } from './outside-probe.js';
import type { GlossaryName, OutsideRow } from './outside-pages.js';
import { type FirefoxRowResult, firefoxRow, type FirefoxRun, MARKJS_CAP_MS, type MarkJsRun } from './outside-report.js';
import { RUNS, type RowOptions } from './outside-chromium.js';

const SETTLE_MS = 2000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface FirefoxSession {
  ext: Partial<Record<GlossaryName, ExtensionBrowser>>;
  clean: Browser;
  version: string;
  close(): Promise<void>;
}

export async function openFirefox(extDirs: Record<GlossaryName, string | null>, proxyPrefs: Record<string, unknown>): Promise<FirefoxSession> {
  const ext: FirefoxSession['ext'] = {};
  for (const [g, dir] of Object.entries(extDirs) as Array<[GlossaryName, string | null]>) {
    if (dir) ext[g] = await launchWithExtension('firefox', { extensionDir: dir, prefs: proxyPrefs });
  }
  const clean = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX_EXECUTABLE,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { ...FIREFOX_PREFS, ...proxyPrefs },
  });
  const version = (await clean.version()).replace(/^[^/]*\//, '');
  return {
    ext,
    clean,
    version,
    async close() {
      for (const e of Object.values(ext)) await e?.close();
      await clean.close().catch(() => undefined);
    },
  };
}

async function probedRun(browser: Browser, url: string, settleMs: number, markjs: boolean): Promise<{ run: FirefoxRun; probe: ProbeResult; markjs: MarkJsRun | null }> {
  const page: Page = await browser.newPage();
  try {
    await page.setViewport({ width: 1280, height: 800 });
    await page.evaluateOnNewDocument(installProbe, true);
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    let mj: { ms: number; hits: number } | null = null;
    if (markjs) {
      mj = await page
        .waitForFunction(() => window.__markjsDone ?? null, { timeout: MARKJS_CAP_MS, polling: 250 })
        .then((h) => h.jsonValue() as Promise<{ ms: number; hits: number }>)
        .catch(() => null);
    }
    await sleep(settleMs);
    const probe = await page.evaluate(() => window.__cgOutsideProbe?.stop() ?? null);
    if (!probe) throw new Error(`probe missing on ${url}`);
    const run: FirefoxRun = { ...blockedFromFrames(probe.frames), loadMs: probe.loadMs };
    return { run, probe, markjs: markjs ? { run, ms: mj?.ms ?? null, hits: mj?.hits ?? null } : null };
  } finally {
    await page.close().catch(() => undefined);
  }
}

export async function runFirefoxRow(s: FirefoxSession, row: OutsideRow, o: RowOptions): Promise<FirefoxRowResult> {
  const ext = s.ext[row.glossary];
  if (!ext) return firefoxRow(row, [], [], [], 'not run', 'extension variant missing');
  const url = o.url(row.path);
  const markUrl = o.url(row.path.replace(/\.html$/, '.markjs.html'));
  const settle = SETTLE_MS + row.extraSettleMs;
  const extRuns: FirefoxRun[] = [];
  const cleanRuns: FirefoxRun[] = [];
  const markRuns: MarkJsRun[] = [];
  const firstFrames: Array<number | null> = [];
  for (let i = 0; i < RUNS; i++) {
    const order = i % 2 === 0 ? (['ext', 'clean'] as const) : (['clean', 'ext'] as const);
    for (const which of order) {
      const r = await probedRun(which === 'ext' ? ext.browser : s.clean, url, settle, false);
      if (which === 'ext') {
        extRuns.push(r.run);
        if (row.marks) firstFrames.push(r.probe.firstMarkedMs);
      } else cleanRuns.push(r.run);
    }
    if (o.markjs === true) {
      const m = await probedRun(s.clean, markUrl, 1000, true);
      if (m.markjs) markRuns.push(m.markjs);
    }
    o.log(`  run ${i + 1}/${RUNS}: blocked ext ${extRuns.at(-1)!.blockedMs.toFixed(1)} ms, clean ${cleanRuns.at(-1)!.blockedMs.toFixed(1)} ms`);
  }
  return firefoxRow(row, extRuns, cleanRuns, firstFrames, o.markjs === true ? markRuns : o.markjs);
}
