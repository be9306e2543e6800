import { describe, expect, it } from 'vitest';
import { type BenchRow, type BenchSide, checkTargets, markdown, summarizeTimes } from './bench-report.js';

const row = (over: Partial<BenchRow>): BenchRow => ({
  page: 'gen-1mb', glossary: 'gen-5000', browser: 'chromium', textChars: 1_000_000, terms: 11_000, firstFrameMs: 50,
  scanDoneMs: 40, allPaintedMs: 70, glossaryMs: 5, marks: 100, matcherMBs: 40, loopMBs: 100, sliceP95: 8, sliceMax: 9, workMs: 30,
  longTasks: 0, longTaskSource: 'longtask-observer', hoverP95: 0.1, hoverHits: 1000, hoverSamples: 1000,
  incrementalMedianMs: null, incrementalMaxMs: null, heapAddedMB: 3, ...over,
});
const side: BenchSide = {
  bundleBytes: 100_000, bundleGzipBytes: 30_000, popupInteractiveMs: null, popupNote: 'no mark',
  markjs: { page: 'gen-1mb', terms: 50, ms: 5000, timedOutAfterMs: null, oursMs: 40, ratio: 125, oursWorkMs: 25, workRatio: 200 },
};

describe('checkTargets', () => {
  it('checks each issue-6 target against the matching Chromium row', () => {
    const rows = [
      row({}),
      row({ page: 'gen-100kb', glossary: 'real', firstFrameMs: 12 }),
      row({ page: 'live-blog', glossary: 'real', incrementalMedianMs: 0.4, incrementalMaxMs: 2 }),
      row({ browser: 'firefox', longTasks: 3, hoverP95: 5 }), // Firefox rows do not count against Chromium targets
    ];
    const all = checkTargets(rows, side);
    const t = (prefix: string) => all.find((c) => c.target.startsWith(prefix));
    expect(t('1 MB page + 5,000 t')).toMatchObject({ ok: true, measured: '50.0 ms' });
    expect(t('100 KB article + rea')).toMatchObject({ ok: false });
    expect(t('0 long tasks (all Ch')).toMatchObject({ ok: true, measured: '0' });
    expect(t('hover p95 ≤ 0.2 ms (')).toMatchObject({ ok: true });
    expect(t('≥ 100× faster than m')).toMatchObject({ ok: true });
    expect(t('matcher at 5,000 ter')).toMatchObject({ ok: true, measured: '0.40' });
    expect(t('≤ 5 MB heap added at')).toMatchObject({ ok: true });
    expect(t('incremental batch ≤ ')).toMatchObject({ ok: true, measured: '0.40 ms' });
  });
  it('says n/a, not pass, when a figure is missing', () => {
    const t = checkTargets([], { ...side, markjs: null });
    expect(t.every((c) => c.ok === null && c.measured === 'n/a')).toBe(true);
  });
});

describe('markdown / summarizeTimes', () => {
  it('renders one table row per bench row, the side figures and the targets', () => {
    const res = {
      date: '2026-01-01T00:00:00Z',
      machine: { cpu: 'x', cores: 2, memoryGB: 24, os: 'linux', node: 'v20', chromium: '156', firefox: null },
      rows: [row({}), row({ browser: 'firefox', longTaskSource: 'slices', heapAddedMB: null, hoverP95: null })],
      side,
      targets: checkTargets([row({})], side),
    };
    const md = markdown(res);
    expect(md).toContain('| gen-1mb | gen-5000 (11000) | chromium |');
    expect(md).toMatch(/\| firefox \|.*\| 0¹ \|/);
    expect(md).toContain('mark.js 8 on gen-1mb, 50 terms');
    expect(md).toContain('125×');
    expect(md).toContain('main-thread time (sum of slices) 25.0 ms → 200×');
    expect(md).toContain('2 cores, 24 GB');
  });
  it('summarizes times with nearest-rank percentiles', () => {
    expect(summarizeTimes([1, 2, 3, 4, 100])).toEqual({ p95: 100, max: 100, median: 3 });
    expect(summarizeTimes([])).toEqual({ p95: 0, max: 0, median: 0 });
  });
});
