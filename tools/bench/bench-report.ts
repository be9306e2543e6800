// Bench results: one row per page × glossary × browser, the side figures (bundle, popup, mark.js), the targets
// from issue 6 checked against this run, and the machine. Pure formatting, unit-tested.
import { percentile } from '../corpus/corpus-trace.js';

export interface BenchRow {
  page: string;
  glossary: string;
  browser: 'chromium' | 'firefox';
  textChars: number;
  terms: number;
  firstFrameMs: number | null;
  scanDoneMs: number;
  allPaintedMs: number | null;
  glossaryMs: number;
  marks: number;
  matcherMBs: number;
  loopMBs: number;
  /** Engine slices (ms) of the cold scan, from the yieldToMain hook. */
  sliceP95: number;
  sliceMax: number;
  /** Main-thread time of the cold run: the sum of its slices (glossary load included; the yields between not). */
  workMs: number;
  /** Long tasks: PerformanceObserver entries during the cold run (Chromium), else slices ≥ 50 ms. */
  longTasks: number;
  longTaskSource: 'longtask-observer' | 'slices';
  hoverP95: number | null;
  hoverHits: number;
  hoverSamples: number;
  incrementalMedianMs: number | null;
  incrementalMaxMs: number | null;
  heapAddedMB: number | null;
}

export interface BenchSide {
  bundleBytes: number | null;
  bundleGzipBytes: number | null;
  popupInteractiveMs: number | null;
  popupNote: string;
  /** `ratio`: mark.js time over ours to scan done (wall clock, our yields to the page included); `workRatio`: over
   *  our main-thread time (mark.js runs in one synchronous block, so its wall clock is its work). */
  markjs: {
    page: string;
    terms: number;
    ms: number | null;
    timedOutAfterMs: number | null;
    oursMs: number;
    ratio: number | null;
    oursWorkMs?: number;
    workRatio?: number | null;
  } | null;
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGB: number;
  os: string;
  node: string;
  chromium: string | null;
  firefox: string | null;
}

export interface BenchResult {
  date: string;
  machine: Machine;
  rows: BenchRow[];
  side: BenchSide;
  targets: TargetCheck[];
}

export interface TargetCheck {
  target: string;
  measured: string;
  ok: boolean | null;
}

export const summarizeTimes = (xs: readonly number[]) => ({
  p95: percentile(xs, 95),
  max: xs.reduce((a, b) => Math.max(a, b), 0),
  median: percentile(xs, 50),
});

const f = (n: number | null | undefined, d = 1) => (n === null || n === undefined || !Number.isFinite(n) ? 'n/a' : n.toFixed(d));

export function checkTargets(rows: readonly BenchRow[], side: BenchSide): TargetCheck[] {
  const chromium = rows.filter((r) => r.browser === 'chromium');
  const find = (page: string, glossary: string) => chromium.find((r) => r.page === page && r.glossary === glossary);
  const out: TargetCheck[] = [];
  const add = (target: string, value: number | null | undefined, ok: (v: number) => boolean, unit: string, d = 1) => {
    const has = value !== null && value !== undefined && Number.isFinite(value);
    out.push({ target, measured: has ? `${f(value, d)}${unit}` : 'n/a', ok: has ? ok(value as number) : null });
  };
  const big = find('gen-1mb', 'gen-5000');
  add('1 MB page + 5,000 terms, cold to first marked frame ≤ 60 ms', big?.firstFrameMs, (v) => v <= 60, ' ms');
  add('100 KB article + real glossary, cold to first marked frame ≤ 10 ms', find('gen-100kb', 'real')?.firstFrameMs, (v) => v <= 10, ' ms');
  const lt = chromium.reduce((a, r) => a + r.longTasks, 0);
  add('0 long tasks (all Chromium rows)', chromium.length ? lt : null, (v) => v === 0, '', 0);
  const hover = chromium.map((r) => r.hoverP95).filter((v): v is number => v !== null);
  add('hover p95 ≤ 0.2 ms (worst Chromium row)', hover.length ? Math.max(...hover) : null, (v) => v <= 0.2, ' ms', 3);
  add('≥ 100× faster than mark.js (1 MB page, 50 terms)', side.markjs?.ratio ?? null, (v) => v >= 100, '×');
  add('matcher at 5,000 terms ≥ 1/3 of the bare loop (1 MB page)', big ? big.matcherMBs / big.loopMBs : null, (v) => v >= 1 / 3, '', 2);
  add('≤ 5 MB heap added at 5,000 terms (1 MB page)', big?.heapAddedMB, (v) => v <= 5, ' MB');
  const inc = chromium.map((r) => r.incrementalMedianMs).filter((v): v is number => v !== null);
  add('incremental batch ≤ 1 ms (median, worst live-blog row)', inc.length ? Math.max(...inc) : null, (v) => v <= 1, ' ms', 2);
  return out;
}

export function markdown(res: BenchResult): string {
  const m = res.machine;
  const lines = [
    `# Bench results`,
    '',
    `${res.date} — ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, ${m.os}, node ${m.node}, Chromium ${m.chromium ?? 'n/a'}, Firefox ${m.firefox ?? 'n/a'}.`,
    '',
    '| page | glossary | browser | text KB | first marked frame ms | of which glossary load ms | scan done ms | main-thread ms | all painted ms | marks | matcher MB/s | bare loop MB/s | matcher/loop | slice p95 / max ms | long tasks | hover p95 ms (hits/n) | incremental median / max ms | heap added MB |',
    '|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---|---|---:|',
  ];
  for (const r of res.rows) {
    lines.push(
      `| ${r.page} | ${r.glossary} (${r.terms}) | ${r.browser} | ${Math.round(r.textChars / 1024)} | ${f(r.firstFrameMs)} | ${f(r.glossaryMs)} | ${f(r.scanDoneMs)} | ${f(r.workMs)} | ${f(r.allPaintedMs)} | ${r.marks} | ` +
        `${f(r.matcherMBs, 0)} | ${f(r.loopMBs, 0)} | ${f(r.matcherMBs / r.loopMBs, 2)} | ${f(r.sliceP95)} / ${f(r.sliceMax)} | ` +
        `${r.longTasks}${r.longTaskSource === 'slices' ? '¹' : ''} | ${r.hoverP95 === null ? 'n/a' : `${f(r.hoverP95, 3)} (${r.hoverHits}/${r.hoverSamples})`} | ` +
        `${r.incrementalMedianMs === null ? 'n/a' : `${f(r.incrementalMedianMs, 2)} / ${f(r.incrementalMaxMs, 2)}`} | ${f(r.heapAddedMB, 2)} |`,
    );
  }
  const s = res.side;
  lines.push(
    '',
    'Cold figures (first marked frame, glossary load, scan done, main-thread ms, all painted, slices): the median of 3 cold runs, each in a fresh page; long tasks: the worst of the 3. Throughput, hover, incremental and heap: on the last run’s page.',
    '',
    'Main-thread ms: the sum of the cold run’s slices (glossary load included), i.e. what the scan took from the page; scan done is wall clock, with the page’s own tasks and frames running between slices.',
    '',
    'Long tasks: the larger of PerformanceObserver longtask entries during the cold run and engine slices of 50 ms or more (measured through the engine’s probe, src/page/probe.ts; the first slice holds JSON.parse + glossary load + engine set-up, the scan starts in the next task). ¹ Firefox has no longtask entries: slices only.',
    '',
    `- content script bundle (dist/chrome/content.js): ${s.bundleBytes === null ? 'n/a' : `${(s.bundleBytes / 1024).toFixed(0)} KB, ${((s.bundleGzipBytes ?? 0) / 1024).toFixed(0)} KB gzip`}`,
    `- popup open-to-interactive: ${s.popupInteractiveMs === null ? `n/a (${s.popupNote})` : `${f(s.popupInteractiveMs)} ms (${s.popupNote})`}`,
  );
  if (s.markjs) {
    const mk = s.markjs;
    lines.push(
      `- mark.js 8 on ${mk.page}, ${mk.terms} terms, accuracy "exactly": ${mk.ms === null ? `> ${f((mk.timedOutAfterMs ?? 0) / 1000, 0)} s (stopped)` : `${f(mk.ms, 0)} ms`}; ours (cold, scan done) ${f(mk.oursMs)} ms → ${mk.ratio === null ? 'n/a' : `${mk.ms === null ? '> ' : ''}${f(mk.ratio, 0)}×`}` +
        (mk.oursWorkMs === undefined ? '' : `; ours in main-thread time (sum of slices) ${f(mk.oursWorkMs)} ms → ${mk.workRatio == null ? 'n/a' : `${f(mk.workRatio, 0)}×`}`),
    );
  }
  lines.push('', '## Targets (issue 6, Chromium)', '', '| target | measured | met |', '|---|---|---|');
  for (const t of res.targets) lines.push(`| ${t.target} | ${t.measured} | ${t.ok === null ? 'n/a' : t.ok ? 'yes' : 'NO'} |`);
  return lines.join('\n');
}
