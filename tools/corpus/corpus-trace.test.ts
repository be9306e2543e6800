import { describe, expect, it } from 'vitest';
import { extensionSlices, parseTrace, percentile, type TraceEvent } from './corpus-trace.js';

const O = 'chrome-extension://abc';
const ev = (name: string, ts: number, durMs: number, url: string, tid = 1): TraceEvent => ({
  name, ph: 'X', ts, dur: durMs * 1000, pid: 1, tid, args: { data: { url } },
});

describe('extensionSlices', () => {
  it('counts our top-level script slices only, nested calls folded into their parent', () => {
    const events = [
      ev('EvaluateScript', 0, 60, `${O}/content.js`),
      ev('FunctionCall', 1000, 5, `${O}/content.js`), // nested inside the first
      ev('FunctionCall', 100_000, 4, `${O}/content.js`),
      ev('FunctionCall', 200_000, 80, 'http://127.0.0.1:1/page.js'), // the page's own
      ev('TimerFire', 300_000, 2, `${O}/content.js`, 2), // another thread (a frame)
      { name: 'RunTask', ph: 'X', ts: 0, dur: 70_000 } as TraceEvent,
    ];
    const s = extensionSlices(events, O);
    expect(s.slices).toEqual([60, 4, 2]);
    expect(s.count).toBe(3);
    expect(s.totalMs).toBe(66);
    expect(s.maxMs).toBe(60);
    expect(s.longTasks).toBe(1);
  });
  it('measures a slice in thread time when the trace gives it (wall time holds other processes\' turns)', () => {
    const e = { ...ev('EvaluateScript', 0, 60, `${O}/content.js`), tdur: 6_000 };
    const s = extensionSlices([e, ev('FunctionCall', 100_000, 4, `${O}/content.js`)], O);
    expect(s.slices).toEqual([6, 4]);
    expect(s.maxMs).toBe(6);
    expect(s.maxWallMs).toBe(60);
    expect(s.longTasks).toBe(0);
  });
  it('is empty without our events', () => {
    expect(extensionSlices([ev('FunctionCall', 0, 99, 'http://x/a.js')], O)).toMatchObject({ count: 0, longTasks: 0, maxMs: 0 });
  });
});

describe('percentile / parseTrace', () => {
  it('nearest-rank percentile', () => {
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(percentile(Array.from({ length: 100 }, (_, i) => i + 1), 95)).toBe(95);
    expect(percentile([], 95)).toBe(0);
  });
  it('reads both trace shapes', () => {
    expect(parseTrace('{"traceEvents":[{"name":"a","ph":"X","ts":1}]}')).toHaveLength(1);
    expect(parseTrace('[{"name":"a","ph":"X","ts":1}]')).toHaveLength(1);
    expect(parseTrace('{}')).toEqual([]);
  });
});
