// npm run bench — the page engine measured in real headless browsers (issue 6). One run, figures side by side:
// our engine, mark.js 8 with the same terms on the same page, and a bare charCodeAt loop over the same text in the
// same page (the calibration ceiling). Markdown on stdout; JSON + markdown in bench/ (commit them with the run).
//
//   node dist/tools/bench.mjs [--browser chromium|firefox|both] [--quick] [--out DIR] [--corpus DIR] [--only TEXT]
//
// --only keeps the cases whose "page × glossary" contains TEXT (profiling one row; do not commit such a run).
//
// Pages are generated (bench-data.ts) or the largest pages of ../shared/corpus (served with their scripts blocked
// by CSP), all on 127.0.0.1 with every other host unresolvable (Chromium) or refused by a local proxy (Firefox).
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'puppeteer-core';
import glossary from 'virtual:glossary';
import { launchBrowser, launchWithExtension } from '../../tests/e2e/harness/launch.js';
import { DIST_DIR, ROOT } from '../../tests/e2e/harness/paths.js';
import type { ColdResult } from './page-bench.js';
import { bundleBenchPage } from './bench-build.js';
import { articlePage, liveBlogUpdates, syntheticGlossary, textSources } from './bench-data.js';
import { type BenchResult, type BenchRow, type BenchSide, checkTargets, type Machine, markdown, summarizeTimes } from './bench-report.js';
import { benchServer, type BenchServer } from './bench-server.js';
import { parseCorpusIndex } from '../corpus/corpus-index.js';
import { CHROMIUM_LOOPBACK_ONLY_ARG, firefoxProxyPrefs, rejectProxy } from '../../tests/e2e/harness/network.js';

type Kind = 'chromium' | 'firefox';
interface Case {
  page: string;
  glossary: string;
  browser: Kind;
  incremental: boolean;
}

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const browsersArg = opt('--browser') ?? 'both';
const quick = args.includes('--quick');
const only = opt('--only');
const outDir = resolve(opt('--out') ?? join(ROOT, 'bench'));
const corpusDir = resolve(opt('--corpus') ?? join(ROOT, '..', 'shared', 'corpus'));
const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);

function largestCorpusPages(n: number): string[] {
  const index = join(corpusDir, 'INDEX.tsv');
  if (!existsSync(index)) return [];
  return parseCorpusIndex(readFileSync(index, 'utf8'))
    .filter((p) => existsSync(join(corpusDir, p.path)))
    .sort((a, b) => b.size - a.size)
    .slice(0, n)
    .map((p) => p.path);
}

/** No extension here: the bench injects the engine itself. Nothing but 127.0.0.1 is reachable. */
function launch(kind: Kind, proxyPort: number) {
  return kind === 'chromium'
    ? launchBrowser(kind, { args: [CHROMIUM_LOOPBACK_ONLY_ARG] })
    : launchBrowser(kind, { prefs: firefoxProxyPrefs(proxyPort) });
}

/** Cold runs per row, each in a fresh page: the row reports the median one (a single cold sample swung 3× between
 *  runs, the first row of a browser most: nothing of the engine was compiled yet). */
const COLD_RUNS = 3;


async function openBenchPage(browser: Browser, c: Case, server: BenchServer, json: string) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  await page.goto(server.url(c.page), { waitUntil: 'load', timeout: 60_000 });
  await page.addScriptTag({ url: server.url(`/bench-${c.browser}.js`) });
  await page.evaluate((j) => window.__cgBench.setGlossary(j), json);
  return page;
}

/** The median cold run by time to first marked frame (scan done when nothing was marked). */
function medianCold(runs: ColdResult[]): ColdResult {
  const key = (r: ColdResult) => r.firstFrameMs ?? r.scanDoneMs;
  return [...runs].sort((a, b) => key(a) - key(b))[Math.floor(runs.length / 2)]!;
}

async function runCase(browser: Browser, c: Case, server: BenchServer, glossaries: Map<string, string>, updates: string[]): Promise<BenchRow> {
  const json = glossaries.get(c.glossary)!;
  const earlier: ColdResult[] = [];
  for (let i = 1; i < COLD_RUNS; i++) {
    const p = await openBenchPage(browser, c, server, json);
    try {
      earlier.push(await p.evaluate(() => window.__cgBench.cold()));
    } finally {
      await p.close().catch(() => undefined);
    }
  }
  // The last cold run's page stays open for everything else (heap, throughput, hover, incremental).
  const page = await openBenchPage(browser, c, server, json);
  try {
    const cdp = c.browser === 'chromium' ? await page.createCDPSession() : null;
    const heap = async () => {
      if (!cdp) return null;
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    const before = await heap();
    const last = await page.evaluate(() => window.__cgBench.cold());
    const after = await heap();
    const cold = medianCold([...earlier, last]);
    // Long tasks: the worst of the cold runs, not the median's.
    const longTasks = Math.max(
      ...[...earlier, last].map((r) => Math.max(r.longTasks ?? 0, r.slices.filter((x) => x >= 50).length)),
    );
    const tp = await page.evaluate(() => window.__cgBench.matcherThroughput());
    const hv = await page.evaluate(() => window.__cgBench.hover(1000));
    let inc: { batchMs: number[] } | null = null;
    if (c.incremental) inc = await page.evaluate((u) => window.__cgBench.incremental(u, 5, 20), updates);
    const sl = summarizeTimes(cold.slices);
    const hs = summarizeTimes(hv.times);
    const is = inc ? summarizeTimes(inc.batchMs) : null;
    return {
      page: c.page.replace(/^\/(gen|corpus)\//, '').replace(/\.html$/, ''),
      glossary: c.glossary,
      browser: c.browser,
      textChars: tp.chars,
      terms: (JSON.parse(json) as { matcher: { terms: unknown[] } }).matcher.terms.length,
      firstFrameMs: cold.firstFrameMs,
      scanDoneMs: cold.scanDoneMs,
      allPaintedMs: cold.allPaintedMs,
      glossaryMs: cold.glossaryMs,
      marks: cold.marks,
      matcherMBs: tp.matcherMBs,
      loopMBs: tp.loopMBs,
      sliceP95: sl.p95,
      sliceMax: sl.max,
      workMs: cold.slices.reduce((a, x) => a + x, 0),
      // The observer misses work inside a DevTools-initiated task (our first slice runs inside page.evaluate), so
      // the engine's own slices of 50 ms or more count too: the larger of the two.
      longTasks,
      longTaskSource: cold.longTasks === null ? 'slices' : 'longtask-observer',
      hoverP95: hv.times.length ? hs.p95 : null,
      hoverHits: hv.hits,
      hoverSamples: hv.times.length,
      incrementalMedianMs: is ? is.median : null,
      incrementalMaxMs: is ? is.max : null,
      heapAddedMB: before !== null && after !== null ? (after - before) / (1024 * 1024) : null,
    };
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** mark.js 8 on the same page with the same terms; capped: a run past the cap is reported as "> cap". */
async function runMarkJs(browser: Browser, server: BenchServer, page: string, terms: string[], capMs: number) {
  const p = await browser.newPage();
  try {
    await p.goto(server.url(page), { waitUntil: 'load', timeout: 60_000 });
    await p.addScriptTag({ url: server.url('/markjs.js') });
    const run = p.evaluate(
      (t) =>
        new Promise<number>((done) => {
          const t0 = performance.now();
          const M = (window as unknown as { Mark: new (el: Element) => { mark(t: string[], o: object): void } }).Mark;
          new M(document.body).mark(t, { accuracy: 'exactly', separateWordSearch: false, done: () => done(performance.now() - t0) });
        }),
      terms,
    );
    const capped = await Promise.race([run, new Promise<null>((r) => setTimeout(() => r(null), capMs))]);
    return capped;
  } finally {
    // A page still inside mark.js's synchronous loop may not answer close(): do not wait for it.
    void p.close().catch(() => undefined);
  }
}

async function popupInteractive(): Promise<{ ms: number | null; note: string }> {
  if (!existsSync(join(DIST_DIR, 'chrome', 'popup.js'))) return { ms: null, note: 'no dist/chrome/popup.js' };
  const ext = await launchWithExtension('chromium');
  try {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const page = await ext.openExtensionPage('popup.html');
      const t = await page
        .waitForFunction(() => performance.getEntriesByName('popup-interactive')[0]?.startTime ?? null, { timeout: 5_000 })
        .then((h) => h.jsonValue() as Promise<number>)
        .catch(() => null);
      await page.close();
      if (t === null) return { ms: null, note: "no performance mark 'popup-interactive' in popup.html" };
      times.push(t);
    }
    return { ms: summarizeTimes(times).median, note: 'median of 5 opens in a tab, ms from navigation start' };
  } finally {
    await ext.close();
  }
}

async function main(): Promise<void> {
  const kinds: Kind[] = browsersArg === 'both' ? ['chromium', 'firefox'] : [browsersArg as Kind];
  const src = textSources(glossary);
  const glossaries = new Map<string, string>([
    ['real', JSON.stringify(glossary)],
    ['gen-50', JSON.stringify(syntheticGlossary(50, glossary))],
    ['gen-500', JSON.stringify(syntheticGlossary(500, glossary))],
    ['gen-5000', JSON.stringify(syntheticGlossary(5000, glossary))],
  ]);
  const corpusPages = quick ? [] : largestCorpusPages(3);
  const pages: Record<string, string> = {
    '/gen/gen-100kb.html': articlePage(100 * 1024, src, 1, 'Generated article, 100 KB'),
    '/gen/gen-1mb.html': articlePage(1024 * 1024, src, 2, 'Generated article, 1 MB'),
    '/gen/live-blog.html': articlePage(60 * 1024, src, 3, 'Live blog'),
  };
  const server = await benchServer({
    pages,
    corpusDir,
    scripts: {
      '/bench-chromium.js': await bundleBenchPage(ROOT, 'chrome'),
      '/bench-firefox.js': await bundleBenchPage(ROOT, 'firefox'),
      '/markjs.js': readFileSync(join(ROOT, 'node_modules', 'mark.js', 'dist', 'mark.min.js'), 'utf8'),
    },
  });
  const proxy = await rejectProxy();
  const updates = liveBlogUpdates(200, src);
  const cases: Case[] = [];
  const all = ['/gen/gen-100kb.html', '/gen/gen-1mb.html', '/gen/live-blog.html', ...corpusPages.map((p) => `/corpus/${p}`)];
  for (const page of all) {
    for (const g of quick ? ['real', 'gen-5000'] : ['real', 'gen-500', 'gen-5000']) {
      cases.push({ page, glossary: g, browser: 'chromium', incremental: page.includes('live-blog') });
    }
  }
  cases.push({ page: '/gen/gen-1mb.html', glossary: 'gen-50', browser: 'chromium', incremental: false });
  // Firefox: the main rows only.
  for (const [page, g] of [['/gen/gen-100kb.html', 'real'], ['/gen/gen-1mb.html', 'gen-5000'], ['/gen/gen-1mb.html', 'gen-50'], ['/gen/live-blog.html', 'real']] as const) {
    cases.push({ page, glossary: g, browser: 'firefox', incremental: page.includes('live-blog') });
  }
  if (only) cases.splice(0, cases.length, ...cases.filter((c) => `${c.page} × ${c.glossary}`.includes(only)));
  const rows: BenchRow[] = [];
  const versions: Record<Kind, string | null> = { chromium: null, firefox: null };
  let markjs: BenchSide['markjs'] = null;
  try {
    for (const kind of kinds) {
      const launched = await launch(kind, proxy.port);
      const browser = launched.browser;
      versions[kind] = (await browser.version()).replace(/^[^/]*\//, '');
      try {
        for (const c of cases.filter((x) => x.browser === kind)) {
          log(`${kind} ${c.page} × ${c.glossary}`);
          rows.push(await runCase(browser, c, server, glossaries, updates));
        }
        if (kind === 'chromium' && (!only || rows.some((r) => r.page === 'gen-1mb' && r.glossary === 'gen-50'))) {
          const terms = (JSON.parse(glossaries.get('gen-50')!) as { matcher: { terms: Array<{ text: string }> } }).matcher.terms.map((t) => t.text).slice(0, 50);
          const ours = rows.find((r) => r.browser === 'chromium' && r.page === 'gen-1mb' && r.glossary === 'gen-50');
          const capMs = 120_000;
          log(`mark.js on gen-1mb, ${terms.length} terms (cap ${capMs / 1000} s)`);
          const ms = await runMarkJs(browser, server, '/gen/gen-1mb.html', terms, capMs);
          const oursMs = ours?.scanDoneMs ?? NaN;
          const oursWorkMs = ours?.workMs ?? NaN;
          markjs = {
            page: 'gen-1mb',
            terms: terms.length,
            ms,
            timedOutAfterMs: ms === null ? capMs : null,
            oursMs,
            ratio: (ms ?? capMs) / oursMs,
            oursWorkMs,
            workRatio: (ms ?? capMs) / oursWorkMs,
          };
        }
      } finally {
        await launched.close().catch(() => undefined);
      }
    }
  } finally {
    await server.close();
    await proxy.close();
  }
  const content = join(DIST_DIR, 'chrome', 'content.js');
  const popup = kinds.includes('chromium') ? await popupInteractive() : { ms: null, note: 'Chromium not run' };
  const side: BenchSide = {
    bundleBytes: existsSync(content) ? statSync(content).size : null,
    bundleGzipBytes: existsSync(content) ? gzipSync(readFileSync(content), { level: 9 }).length : null,
    popupInteractiveMs: popup.ms,
    popupNote: popup.note,
    markjs,
  };
  const machine: Machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGB: Math.round(totalmem() / 1024 ** 3),
    os: `${platform()} ${release()}`,
    node: process.version,
    chromium: versions.chromium,
    firefox: versions.firefox,
  };
  const result: BenchResult = { date: new Date().toISOString(), machine, rows, side, targets: checkTargets(rows, side) };
  const md = markdown(result);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'results.json'), `${JSON.stringify(result, null, 1)}\n`);
  writeFileSync(join(outDir, 'RESULTS.md'), `${md}\n`);
  process.stdout.write(`${md}\n`);
}

main().catch((err) => {
  process.stderr.write(`bench: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
