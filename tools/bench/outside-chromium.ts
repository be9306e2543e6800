// Chromium, measured from outside: for each row, interleaved runs of the same saved page in a browser with the
// extension and in a clean one (and in the clean one with mark.js added), each traced (devtools.timeline +
// disabled-by-default-devtools.timeline) from navigation to a settle time after `load`; the page's renderer main
// thread is read by outside-trace.ts. JS heap: the page's V8 isolate after a forced GC (the content script's
// isolated world lives in the same isolate). First marked frame: separate untraced runs with the page-world probe.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type CDPSession, type Page } from 'puppeteer-core';
import { CHROMIUM_ARGS, type ExtensionBrowser, launchWithExtension } from '../../tests/e2e/harness/launch.js';
import { CHROMIUM_EXECUTABLE } from '../../tests/e2e/harness/paths.js';
import { installProbe } from './outside-probe.js';
import type { GlossaryName, OutsideRow } from './outside-pages.js';
import { type ChromiumRowResult, type ChromiumRun, chromiumRow, MARKJS_CAP_MS, type MarkJsRun } from './outside-report.js';
import { pageFigures, type TraceEvent } from './outside-trace.js';

/** Only 127.0.0.1 resolves: a saved page's third-party hosts fail at once instead of reaching the network. */
export const HOST_RULES = '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1';
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'loading', 'v8.execute'];
/** Pairs per row: 5 (the median of 5); CG_OUTSIDE_RUNS=N takes more where a small difference must be resolved. */
export const RUNS = Math.max(1, Number(process.env.CG_OUTSIDE_RUNS) || 5);
/** After `load`: the content script reads the page from DOMContentLoaded and marks in slices; 2 s covers it on 2 cores. */
const SETTLE_MS = 2000;

/** CG_OUTSIDE_TRACE_DIR=dir keeps every trace there (open in chrome://tracing or DevTools' performance panel). */
const TRACE_DIR = process.env.CG_OUTSIDE_TRACE_DIR;
/** CG_OUTSIDE_HEAP_DIR=dir keeps a heap snapshot of each run there, after the forced GC (what the heap figure holds). */
const HEAP_DIR = process.env.CG_OUTSIDE_HEAP_DIR;
const traceTag: { clean: Browser | null } = { clean: null };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface ChromiumSession {
  ext: Partial<Record<GlossaryName, ExtensionBrowser>>;
  clean: Browser;
  version: string;
  close(): Promise<void>;
}

/** The same flags and launch mode as the harness's, without installing anything: the clean profile. */
export function launchClean(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: CHROMIUM_EXECUTABLE,
    headless: true,
    pipe: true,
    enableExtensions: true,
    args: [...CHROMIUM_ARGS, HOST_RULES],
  });
}

export async function openChromium(extDirs: Record<GlossaryName, string | null>): Promise<ChromiumSession> {
  const ext: ChromiumSession['ext'] = {};
  for (const [g, dir] of Object.entries(extDirs) as Array<[GlossaryName, string | null]>) {
    if (dir) ext[g] = await launchWithExtension('chromium', { extensionDir: dir, args: [HOST_RULES] });
  }
  const clean = await launchClean();
  traceTag.clean = clean;
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

async function newPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  return page;
}

/** One traced load of `url`; with `markjs`, also waits for mark.js to finish and returns its own time and hits. */
async function tracedRun(browser: Browser, url: string, settleMs: number, markjs: boolean, rowId = ''): Promise<{ run: ChromiumRun | null; markjs: MarkJsRun | null }> {
  const page = await newPage(browser);
  try {
    const cdp = await page.createCDPSession();
    await page.tracing.start({ categories: CATEGORIES });
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    let mj: { ms: number; hits: number } | null = null;
    if (markjs) {
      mj = await page
        .waitForFunction(() => window.__markjsDone ?? null, { timeout: MARKJS_CAP_MS, polling: 250 })
        .then((h) => h.jsonValue() as Promise<{ ms: number; hits: number }>)
        .catch(() => null);
    }
    await sleep(settleMs);
    const buf = await page.tracing.stop();
    // Named <time>-<row>-<ext|clean|markjs>.json: outside-attribute.ts groups them by row and kind.
    if (TRACE_DIR && buf) writeFileSync(join(TRACE_DIR, `${Date.now()}-${rowId}-${markjs ? 'markjs' : browser === traceTag.clean ? 'clean' : 'ext'}.json`), buf);
    const trace = JSON.parse(Buffer.from(buf ?? new Uint8Array()).toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
    const events = Array.isArray(trace) ? trace : (trace.traceEvents ?? []);
    const fig = pageFigures(events, url);
    // mark.js still running at the cap (the 1 MB wiki page with our glossary's spellings): the page's main thread is
    // busy, and a forced GC waits for it past the protocol timeout (lost runs, minutes each). Its ms stays null.
    if (markjs && !mj) return { run: null, markjs: fig ? { run: { ...fig, heapMB: null }, ms: null, hits: null } : null };
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    if (HEAP_DIR) await writeHeapSnapshot(cdp, join(HEAP_DIR, `${Date.now()}-${rowId}-${markjs ? 'markjs' : browser === traceTag.clean ? 'clean' : 'ext'}.heapsnapshot`));
    const run: ChromiumRun | null = fig && { ...fig, heapMB: heap.usedSize / (1024 * 1024) };
    return { run, markjs: markjs && run ? { run, ms: mj?.ms ?? null, hits: mj?.hits ?? null } : null };
  } finally {
    await page.close().catch(() => undefined);
  }
}

async function writeHeapSnapshot(cdp: CDPSession, file: string): Promise<void> {
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => void chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  writeFileSync(file, chunks.join(''));
}

/** One untraced load with the probe: ms from DOMContentLoaded to the first frame showing a mark, or null. */
export function firstMarkedFrame(browser: Browser, url: string): Promise<number | null> {
  return probedLoad(browser, url, 'first');
}

/**
 * One untraced load with the probe: ms from DOMContentLoaded to the page's first animation frame, marked or not. In
 * the clean profile: the floor of the first marked frame (outside-first-frame.ts prints it beside the builds').
 */
export function pageFirstFrame(browser: Browser, url: string): Promise<number | null> {
  return probedLoad(browser, url, 'own');
}

async function probedLoad(browser: Browser, url: string, figure: 'first' | 'own'): Promise<number | null> {
  const page = await newPage(browser);
  try {
    await page.evaluateOnNewDocument(installProbe, false);
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    return await page
      .waitForFunction((f: 'first' | 'own') => window.__cgOutsideProbe?.[f]() ?? null, { timeout: 8000, polling: 100 }, figure)
      .then((h) => h.jsonValue() as Promise<number>)
      .catch(() => null);
  } finally {
    await page.close().catch(() => undefined);
  }
}

export interface RowOptions {
  url(path: string): string;
  /** mark.js on this row: true, or why not. */
  markjs: true | string;
  log(s: string): void;
}

export async function runChromiumRow(s: ChromiumSession, row: OutsideRow, o: RowOptions): Promise<ChromiumRowResult> {
  const ext = s.ext[row.glossary];
  if (!ext) return chromiumRow(row, [], [], [], 'not run', 'extension variant missing');
  const url = o.url(row.path);
  const markUrl = o.url(row.path.replace(/\.html$/, '.markjs.html'));
  const settle = SETTLE_MS + row.extraSettleMs;
  const extRuns: ChromiumRun[] = [];
  const cleanRuns: ChromiumRun[] = [];
  const markRuns: MarkJsRun[] = [];
  let lost = 0;
  for (let i = 0; i < RUNS; i++) {
    // Alternate which profile goes first, so neither always runs right after mark.js's long task.
    const order = i % 2 === 0 ? (['ext', 'clean'] as const) : (['clean', 'ext'] as const);
    const got: Partial<Record<'ext' | 'clean', ChromiumRun | null>> = {};
    // A run that fails (a navigation timing out on the loaded machine) is lost, not fatal: the row says so.
    const safe = <T,>(p: Promise<T>) => p.catch((err: unknown) => (o.log(`  run failed: ${String(err).slice(0, 200)}`), null));
    for (const which of order) got[which] = (await safe(tracedRun(which === 'ext' ? ext.browser : s.clean, url, settle, false, row.id)))?.run ?? null;
    if (got.ext && got.clean) {
      extRuns.push(got.ext);
      cleanRuns.push(got.clean);
      if (o.markjs === true) {
        const m = await safe(tracedRun(s.clean, markUrl, 1000, true, row.id));
        if (m?.markjs) markRuns.push(m.markjs);
      }
    } else lost++;
    o.log(`  run ${i + 1}/${RUNS}: ext ${got.ext?.totalMs.toFixed(1) ?? 'n/a'} ms, clean ${got.clean?.totalMs.toFixed(1) ?? 'n/a'} ms`);
  }
  const firstFrames: Array<number | null> = [];
  if (row.marks) for (let i = 0; i < RUNS; i++) firstFrames.push(await firstMarkedFrame(ext.browser, url).catch(() => null));
  // mark.js's runs pair with the clean runs of the same round; a round without a mark.js run drops out of the pairs.
  return chromiumRow(row, extRuns, cleanRuns, firstFrames, o.markjs === true ? markRuns : o.markjs, lost ? `${lost} run(s) lost` : '');
}
