// npm run bench:outside (and the second half of npm run bench) — the extension measured from outside, as the browser
// pays for it (issue 13): the same saved page in a profile with the extension and in a clean one, interleaved,
// median of 5; Chromium from a trace of the page's renderer main thread, Firefox from a page-world frame probe;
// mark.js 8 on the same pages with the same terms in the same run. Writes bench/outside.json and its section of
// bench/RESULTS.md (between markers; the inside bench's tables stay beside it).
//
//   node dist/tools/bench-outside.mjs [--browser chromium|firefox|both] [--only TEXT] [--corpus DIR] [--out DIR]
//                                     [--baseline FILE] [--no-markjs | --markjs TEXT] [--floor] [--merge FILE,FILE]
//                                     [--user-glossaries [--no-page-terms]] [--base DIST_DIR] [--variant NAME=DIST_DIR,…]
//
// --only keeps rows whose id contains TEXT (or one of TEXT,TEXT,…) (do not commit such a run); --baseline adds a "before" column from an
// earlier bench/outside.json; --no-markjs leaves mark.js out (quick before/after runs of one row while working: a mark.js
// run on the 1 MB wiki page holds a core for the whole 60 s cap); --markjs TEXT runs mark.js only on rows whose id contains
// TEXT (or one of TEXT,TEXT,…), the others say so; --floor adds each selected row again with an empty content script
// and with one that only reads the settings snapshot (outside-floor.ts: the browser's price of any content script).
// --user-glossaries measures only the issue-14 pairs instead (outside-user-glossaries.ts): two topic pages and a
// nothing-to-mark page with the bundled glossary alone and with 5 made glossaries × 200 terms saved into the profile;
// it writes bench/user-glossaries.json and its own section of bench/RESULTS.md, leaving outside.json and the
// outside-in section as they are. --no-page-terms leaves the topic pages' phrases out of the made glossaries: their
// terms then mark nothing on the pages, and the rows show the price of the glossaries' size alone (do not commit such a run).
// --base DIST_DIR runs each selected row first with another build (DIST_DIR holds chrome/ and firefox/, as dist/ does;
// e.g. main built in a separate worktree) as `<row>-base`, then with this one: before/after in the same run, each
// against its own interleaved clean loads (do not commit such a run). --variant NAME=DIST_DIR (comma-separated for
// several) does the same with any number of other builds, each row run as `<row>-NAME` after the base and before
// this build: the attribution of issue 13 (wave 10) ran copies of the build with one piece removed side by side.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { extensionDir, ROOT } from '../../tests/e2e/harness/paths.js';
import { startServer } from '../../tests/e2e/harness/server.js';
import { firefoxProxyPrefs, rejectProxy } from '../../tests/e2e/harness/network.js';
import { openChromium, RUNS, runChromiumRow } from './outside-chromium.js';
import { extensionWithGlossary } from './outside-extension.js';
import { FLOOR_VARIANTS, floorExtension, floorRows } from './outside-floor.js';
import { openFirefox, runFirefoxRow } from './outside-firefox.js';
import { glossaryTerms, type GlossaryName, outsideSite, type OutsideRow } from './outside-pages.js';
import { type ChromiumRowResult, chromiumTable, type FirefoxRowResult, firefoxTable, placeSection, targets, targetsTable } from './outside-report.js';
import { insideTable } from './outside-inside.js';
import { baseRow, pagePhrases, seedUserGlossaries, USER_SECTION_BEGIN, USER_SECTION_END, userGlossaryDrafts, userMarkdown, userRows } from './outside-user-glossaries.js';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const browsers = opt('--browser') ?? 'both';
const only = opt('--only');
const outDir = resolve(opt('--out') ?? join(ROOT, 'bench'));
const corpusDir = resolve(opt('--corpus') ?? join(ROOT, '..', 'shared', 'corpus'));
const baselineFile = opt('--baseline');
const noMarkJs = args.includes('--no-markjs');
const markJsOnly = opt('--markjs');
const floor = args.includes('--floor');
const userMode = args.includes('--user-glossaries');
const baseDist = opt('--base');
const noPageTerms = args.includes('--no-page-terms');
const variantDists = (opt('--variant') ?? '')
  .split(',')
  .filter(Boolean)
  .map((v) => {
    const i = v.indexOf('=');
    if (i <= 0) throw new Error(`--variant wants NAME=DIST_DIR, got "${v}"`);
    return { name: v.slice(0, i), dir: resolve(v.slice(i + 1)) };
  });
const log = (s: string) => process.stderr.write(`[bench:outside] ${s}\n`);

export interface OutsideResult {
  date: string;
  machine: Record<string, string | number | null>;
  chromium: ChromiumRowResult[];
  firefox: FirefoxRowResult[];
  skipped: string[];
}

function markdown(r: OutsideResult, baseline: OutsideResult | null): string {
  const m = r.machine;
  const parts = [
    '## Outside-in: what the browser pays (issue 13)',
    '',
    `${r.date} — ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, ${m.os}, node ${m.node}, Chromium ${m.chromium ?? 'not run'}, Firefox ${m.firefox ?? 'not run'}; ` +
      `load average at start ${m.loadStart}, at end ${m.loadEnd} (the machine is shared: trust ratios within one run more than absolute ms).`,
    '',
    'Each row: the same page served on 127.0.0.1 (page scripts blocked by a `script-src \'self\'` CSP, other hosts unresolvable), ' +
      `loaded in a profile with the built extension and in a clean profile, interleaved, ${RUNS} pairs; figures are the median of the paired differences. ` +
      'mark.js 8 runs in the clean profile on the same page, called at `load` by a page script, with our glossary’s spellings (`accuracy: "exactly"`, `iframes: true`).',
    '',
    '### Chromium',
    '',
    'From a trace (`devtools.timeline`, `disabled-by-default-devtools.timeline`, `v8.execute` for microtask checkpoints: a slice resumed after `await` runs there) from navigation to 2 s after `load` (live blog: 4.5 s): the sum of top-level tasks on the main thread of the page’s renderer, in **thread (CPU) time** (`tdur`: on this shared machine a task’s wall time includes other processes’ turns; the wall-clock difference is in its own column) ' +
      '(the process `FrameCommittedInBrowser` names for the page; the service worker’s and other processes are excluded), split by self time into style, layout, paint, script (compile + evaluate + calls + timers/idle/rAF callbacks) and GC; “other” is parsing, loading and task overhead. ' +
      'Long tasks: top-level tasks of ≥ 50 ms CPU time, added (median paired difference) / the most in one run that ran our code. “Our script ms”: script events whose URL is the extension’s (content script compile + run + callbacks). Heap: the page’s V8 isolate after a forced GC at the end (the content script’s world shares it). ' +
      'First marked frame: separate untraced loads with a page-world probe, the first animation frame after DOMContentLoaded at which a `context-glossary*` highlight holds a range (content script at `document_start`, reading the page from DOMContentLoaded: src/content/index.ts says why).',
    '',
    chromiumTable(r.chromium, baseline?.chromium),
    '',
    targetsTable(targets(r.chromium)),
    '',
    '### Firefox',
    '',
    'Firefox offers no trace over WebDriver BiDi and no longtask entries, so its figure is what a page can see: a page-world probe records every animation frame from DOMContentLoaded to the end of the window, and ' +
      '“blocked” is the time frames were late (Σ gap − one frame, over gaps ≥ 1.5 frames) — main-thread work that stopped the page painting, whoever did it. It misses work done in idle time between frames, and has no style/paint split and no heap figure. ' +
      'Load event delay: `loadEventEnd` with the extension minus without.',
    '',
    r.firefox.length ? firefoxTable(r.firefox) : 'Not run.',
  ];
  if (r.skipped.length) parts.push('', `Skipped: ${r.skipped.join('; ')}.`);
  const inside = insideTable(join(outDir, 'results.json'));
  if (inside) parts.push('', '### Inside figures of the same build (from `bench/results.json`, the inside bench below)', '', inside);
  return parts.join('\n');
}

/**
 * --merge FILE,FILE…: rows measured in separate runs (a run cut short, a browser run alone with --out elsewhere) join
 * bench/outside.json: each file's rows replace the rows of the same id and browser; then RESULTS.md is written again.
 * Nothing is measured. The machine line keeps bench/outside.json's, with the merged files' dates added.
 */
function merge(files: string[]): void {
  const target = join(outDir, 'outside.json');
  const r = JSON.parse(readFileSync(target, 'utf8')) as OutsideResult;
  for (const f of files) {
    const add = JSON.parse(readFileSync(f, 'utf8')) as OutsideResult;
    const put = <T extends { row: { id: string } }>(into: T[], rows: T[]) => {
      for (const row of rows) {
        const i = into.findIndex((x) => x.row.id === row.row.id);
        if (i >= 0) into[i] = row;
        else into.push(row);
      }
    };
    put(r.chromium, add.chromium);
    put(r.firefox, add.firefox);
    for (const k of ['chromium', 'firefox'] as const) r.machine[k] ??= add.machine[k] ?? null;
    r.date = `${r.date}, rows merged from runs of ${add.date}`;
  }
  writeFileSync(target, `${JSON.stringify(r, null, 1)}\n`);
  const resultsMd = join(outDir, 'RESULTS.md');
  const doc = existsSync(resultsMd) ? readFileSync(resultsMd, 'utf8') : '# Bench results\n';
  writeFileSync(resultsMd, placeSection(doc, markdown(r, null)));
}

async function main(): Promise<void> {
  const mergeFiles = opt('--merge');
  if (mergeFiles) return merge(mergeFiles.split(','));
  const { real, synthetic: gen5000, built, routes } = outsideSite(corpusDir, 5000);
  const candidates = userMode ? userRows(built.rows) : built.rows;
  const picked = only ? candidates.filter((r) => only.split(',').some((o) => r.id.includes(o))) : candidates;
  const paired = picked.flatMap((r) => [
    ...(baseDist ? [baseRow(r, baseDist)] : []),
    ...variantDists.map((v): OutsideRow => ({ ...r, id: `${r.id}-${v.name}`, label: `${r.label} — variant ${v.name} (${v.dir})`, glossary: `variant:${v.name}` })),
    r,
  ]);
  const rows = floor ? [...paired, ...floorRows(picked)] : paired;
  // Made glossaries hold some capitalized phrases of the topic pages, so those pages really meet new terms.
  const topicHtml = ['topic-small', 'topic-large'].map((id) => built.files[`/rows/${id}.html`]?.body ?? '');
  const userDrafts = userMode ? userGlossaryDrafts(noPageTerms ? [] : topicHtml.flatMap((h) => pagePhrases(h, 10))) : [];
  let kept: number[] = [];
  const markjs = readFileSync(join(ROOT, 'node_modules', 'mark.js', 'dist', 'mark.min.js'), 'utf8');
  routes['/markjs.js'] = () => ({ type: 'text/javascript; charset=utf-8', body: markjs });
  const server = await startServer({ routes });
  const proxy = await rejectProxy();
  const markjsFor = (row: OutsideRow, results: Array<{ row: OutsideRow; markjs: { inPageMs: number | null } | null }>): true | string => {
    if (noMarkJs) return 'not run (--no-markjs)';
    if (userMode) return 'not run (--user-glossaries)';
    if (markJsOnly && !markJsOnly.split(',').some((o) => row.id.includes(o))) return 'not run in this run (--markjs)';
    if (row.glossary === 'real') return true;
    if (row.glossary === 'base' || row.glossary.startsWith('variant:')) return 'n/a (base or variant row)';
    if (row.glossary !== 'gen-5000') return 'n/a (floor row)';
    // 11,519 spellings: mark.js builds and runs one regular expression per spelling over the whole page.
    const ref = results.find((x) => x.row.id === 'gen-1mb-real')?.markjs?.inPageMs;
    const n = glossaryTerms(gen5000).length;
    const perTerm = ref ? ref / glossaryTerms(real).length : null;
    return `not run: ${n.toLocaleString('en')} terms${perTerm ? `, ≈ ${((perTerm * n) / 1000).toFixed(0)} s at the real row’s ${perTerm.toFixed(1)} ms per term` : ''}`;
  };
  const tmpDirs: string[] = [];
  const variants = async (kind: 'chromium' | 'firefox'): Promise<Record<GlossaryName, string | null>> => {
    const base = extensionDir(kind);
    const v = extensionWithGlossary(base, JSON.stringify(gen5000));
    tmpDirs.push(v.dir);
    if (v.swapped === 0) built.skipped.push(`${kind} 5,000-term variant: the compiled glossary was not found in the build`);
    const dirs: Record<GlossaryName, string | null> = {
      real: base,
      'gen-5000': v.swapped > 0 && !userMode ? v.dir : null,
      'floor-empty': null,
      'floor-snapshot': null,
      'user-5x200': userMode ? base : null,
      base: baseDist ? resolve(baseDist, kind === 'chromium' ? 'chrome' : 'firefox') : null,
      // The base build with the same made glossaries: the with/without pair measured on both builds.
      'base-user-5x200': baseDist && userMode ? resolve(baseDist, kind === 'chromium' ? 'chrome' : 'firefox') : null,
    };
    for (const v of variantDists) dirs[`variant:${v.name}`] = resolve(v.dir, kind === 'chromium' ? 'chrome' : 'firefox');
    if (floor) {
      for (const f of FLOOR_VARIANTS) tmpDirs.push((dirs[f] = await floorExtension(ROOT, base, kind === 'chromium' ? 'chrome' : 'firefox', f)));
    }
    return dirs;
  };
  const loadStart = loadavg()[0]!.toFixed(2);
  const chromium: ChromiumRowResult[] = [];
  const firefox: FirefoxRowResult[] = [];
  const versions: { chromium: string | null; firefox: string | null } = { chromium: null, firefox: null };
  const write = (): string => {
    const result: OutsideResult = {
      date: new Date().toISOString(),
      machine: {
        cpu: cpus()[0]?.model ?? 'unknown',
        cores: cpus().length,
        memoryGB: Math.round(totalmem() / 1024 ** 3),
        os: `${platform()} ${release()}`,
        node: process.version,
        chromium: versions.chromium,
        firefox: versions.firefox,
        loadStart,
        loadEnd: loadavg()[0]!.toFixed(2),
      },
      chromium,
      firefox,
      skipped: built.skipped,
    };
    const resultsMd = join(outDir, 'RESULTS.md');
    const doc = existsSync(resultsMd) ? readFileSync(resultsMd, 'utf8') : '# Bench results\n';
    if (userMode) {
      const md = userMarkdown(result, kept, { pairs: RUNS, pageTerms: !noPageTerms });
      writeFileSync(join(outDir, 'user-glossaries.json'), `${JSON.stringify({ ...result, kept }, null, 1)}\n`);
      writeFileSync(resultsMd, placeSection(doc, md, USER_SECTION_BEGIN, USER_SECTION_END));
      return md;
    }
    const baseline = baselineFile && existsSync(baselineFile) ? (JSON.parse(readFileSync(baselineFile, 'utf8')) as OutsideResult) : null;
    const md = markdown(result, baseline);
    writeFileSync(join(outDir, 'outside.json'), `${JSON.stringify(result, null, 1)}\n`);
    writeFileSync(resultsMd, placeSection(doc, md));
    return md;
  };
  try {
    if (browsers !== 'firefox') {
      const s = await openChromium(await variants('chromium'));
      versions.chromium = s.version;
      const seeded = s.ext['user-5x200'];
      if (seeded) kept = await seedUserGlossaries(seeded, userDrafts);
      const seededBase = s.ext['base-user-5x200'];
      if (seededBase) await seedUserGlossaries(seededBase, userDrafts);
      try {
        for (const row of rows) {
          log(`chromium ${row.id}`);
          chromium.push(await runChromiumRow(s, row, { url: server.url, markjs: markjsFor(row, chromium), log }));
          write(); // after every row: a run cut short keeps what it measured
        }
      } finally {
        await s.close();
      }
    }
    if (browsers !== 'chromium') {
      const s = await openFirefox(await variants('firefox'), firefoxProxyPrefs(proxy.port));
      versions.firefox = s.version;
      const seeded = s.ext['user-5x200'];
      if (seeded) kept = await seedUserGlossaries(seeded, userDrafts);
      const seededBase = s.ext['base-user-5x200'];
      if (seededBase) await seedUserGlossaries(seededBase, userDrafts);
      try {
        for (const row of rows) {
          log(`firefox ${row.id}`);
          firefox.push(await runFirefoxRow(s, row, { url: server.url, markjs: markjsFor(row, firefox), log }));
          write();
        }
      } finally {
        await s.close();
      }
    }
  } finally {
    await server.close();
    await proxy.close();
    for (const d of tmpDirs) rmSync(d, { recursive: true, force: true });
  }
  const md = write();
  process.stdout.write(`${md}\n`);
}

main().catch((err) => {
  process.stderr.write(`bench:outside: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
