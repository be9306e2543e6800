import { describe, expect, it } from 'vitest';
import { classify, pageFigures, threadBreakdown, type TraceEvent } from './outside-trace.js';

const PAGE = 10;
const WORKER = 20;
const url = 'http://127.0.0.1:1/page.html';
const ext = 'chrome-extension://abc/content.js';

const X = (pid: number, name: string, ts: number, dur: number, data?: Record<string, unknown>): TraceEvent => ({
  name,
  ph: 'X',
  pid,
  tid: pid,
  ts,
  dur,
  ...(data ? { args: { data } } : {}),
});

const meta: TraceEvent[] = [
  { name: 'thread_name', ph: 'M', pid: PAGE, tid: PAGE, ts: 0, args: { name: 'CrRendererMain' } },
  { name: 'thread_name', ph: 'M', pid: WORKER, tid: WORKER, ts: 0, args: { name: 'CrRendererMain' } },
  { name: 'FrameCommittedInBrowser', ph: 'I', pid: 1, tid: 1, ts: 0, args: { data: { url: 'about:blank', processId: WORKER } } },
  { name: 'FrameCommittedInBrowser', ph: 'I', pid: 1, tid: 1, ts: 1, args: { data: { url, processId: PAGE, isOutermostMainFrame: true } } },
];

describe('pageFigures', () => {
  it('sums top-level tasks of the page process only, split by self time', () => {
    const events = [
      ...meta,
      // Task 1: 60 ms; our script evaluates for 40 ms (10 of it compile, 5 of it a GC), then 10 ms of style.
      X(PAGE, 'RunTask', 1000, 60_000),
      X(PAGE, 'EvaluateScript', 2000, 40_000, { url: ext }),
      X(PAGE, 'v8.compile', 2000, 10_000, { url: ext }),
      X(PAGE, 'MinorGC', 20_000, 5000),
      X(PAGE, 'UpdateLayoutTree', 45_000, 10_000),
      // Task 2: 10 ms with a 4 ms paint and an unclassified 3 ms parse.
      X(PAGE, 'RunTask', 100_000, 10_000),
      X(PAGE, 'Paint', 101_000, 4000),
      X(PAGE, 'ParseHTML', 106_000, 3000),
      // A task in another renderer (the service worker's process): not the page's.
      X(WORKER, 'RunTask', 1000, 500_000),
    ];
    const f = pageFigures(events, url)!;
    expect(f.tasks).toBe(2);
    expect(f.totalMs).toBeCloseTo(70, 6);
    expect(f.parts.script).toBeCloseTo(35, 6); // 40 minus the 5 ms GC inside it
    expect(f.parts.gc).toBeCloseTo(5, 6);
    expect(f.parts.style).toBeCloseTo(10, 6);
    expect(f.parts.paint).toBeCloseTo(4, 6);
    // RunTask self time (60-40-10 = 10, 10-4-3 = 3) and the parse: other.
    expect(f.parts.other).toBeCloseTo(16, 6);
    expect(f.longTasks).toBe(1);
    expect(f.longTasksWithExtension).toBe(1);
    expect(f.extensionScriptMs).toBeCloseTo(40, 6);
  });

  it('counts thread (CPU) time when the trace has it, wall time beside it', () => {
    const events: TraceEvent[] = [
      ...meta,
      // 80 ms of wall time, of which the thread ran 30 (descheduled on a busy machine): not a long task.
      { ...X(PAGE, 'RunTask', 0, 80_000), tdur: 30_000 },
      { ...X(PAGE, 'FunctionCall', 1000, 60_000, { url: ext }), tdur: 20_000 },
    ];
    const f = pageFigures(events, url)!;
    expect(f.totalMs).toBeCloseTo(30, 6);
    expect(f.wallMs).toBeCloseTo(80, 6);
    expect(f.parts.script).toBeCloseTo(20, 6);
    expect(f.parts.other).toBeCloseTo(10, 6);
    expect(f.extensionScriptMs).toBeCloseTo(20, 6);
    expect(f.longTasks).toBe(0);
  });

  it('counts a microtask checkpoint as ours only in a task where extension code ran', () => {
    const events: TraceEvent[] = [
      ...meta,
      // Our slice: the channel's onmessage resolves a promise (0.1 ms), the scan resumes in the checkpoint (5 ms).
      X(PAGE, 'RunTask', 0, 6000),
      X(PAGE, 'FunctionCall', 100, 100, { url: ext }),
      X(PAGE, 'RunMicrotasks', 300, 5000),
      // A page task's checkpoint: script, but not ours.
      X(PAGE, 'RunTask', 10_000, 3000),
      X(PAGE, 'FunctionCall', 10_100, 1000, { url: 'http://127.0.0.1:1/page.js' }),
      X(PAGE, 'RunMicrotasks', 11_200, 1000),
    ];
    const f = pageFigures(events, url)!;
    expect(f.parts.script).toBeCloseTo(7.1, 6);
    expect(f.extensionScriptMs).toBeCloseTo(5.1, 6);
  });

  it('returns null when the page was never committed', () => {
    expect(pageFigures(meta, 'http://127.0.0.1:1/other.html')).toBeNull();
  });

  it('pairs begin/end events and ignores events outside a task', () => {
    const events: TraceEvent[] = [
      ...meta,
      { name: 'RunTask', ph: 'B', pid: PAGE, tid: PAGE, ts: 0 },
      { name: 'Layout', ph: 'X', pid: PAGE, tid: PAGE, ts: 100, dur: 900 },
      { name: 'RunTask', ph: 'E', pid: PAGE, tid: PAGE, ts: 2000 },
      X(PAGE, 'Layout', 5000, 1000),
    ];
    const f = pageFigures(events, url)!;
    expect(f.totalMs).toBeCloseTo(2, 6);
    expect(f.parts.layout).toBeCloseTo(0.9, 6);
    expect(f.longTasks).toBe(0);
  });
});

describe('classify', () => {
  it('puts GC first, then script, style, layout, paint', () => {
    expect(classify('V8.GC_SCAVENGER')).toBe('gc');
    expect(classify('v8.compile')).toBe('script');
    expect(classify('UpdateLayoutTree')).toBe('style');
    expect(classify('Layout')).toBe('layout');
    expect(classify('PrePaint')).toBe('paint');
    expect(classify('ParseHTML')).toBeNull();
  });
});

describe('threadBreakdown', () => {
  it('totals self time by event name and top-level tasks by their longest child, top-level tasks only', () => {
    const events = [
      ...meta,
      X(PAGE, 'RunTask', 1000, 20_000),
      X(PAGE, 'EventDispatch', 2000, 12_000),
      X(PAGE, 'RunMicrotasks', 3000, 9000),
      X(PAGE, 'UpdateLayoutTree', 15_000, 3000),
      X(PAGE, 'RunTask', 30_000, 5000),
      X(PAGE, 'ParseHTML', 31_000, 4000),
      // Not inside a top-level task: left out.
      X(PAGE, 'Layout', 50_000, 7000),
      X(WORKER, 'RunTask', 1000, 90_000),
    ];
    const b = threadBreakdown(events, PAGE, PAGE);
    expect(b.selfMs).toEqual({ RunTask: 5 + 1, EventDispatch: 3, RunMicrotasks: 9, UpdateLayoutTree: 3, ParseHTML: 4 });
    expect(b.tasks).toEqual({ EventDispatch: { count: 1, ms: 20 }, ParseHTML: { count: 1, ms: 5 } });
  });
});
