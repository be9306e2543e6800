// Attributes main-thread work to the extension from a Chromium performance trace (category devtools.timeline).
// Why a trace: PerformanceObserver('longtask') and long-animation-frame entries carry no attribution for content
// scripts (they run in an isolated world; LoAF lists page scripts only), so they cannot tell our long tasks from
// the page's. The trace names the script URL of every top-level FunctionCall / EvaluateScript, and ours is
// chrome-extension://<id>/content.js.
// Pure: takes the parsed trace events.

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid?: number;
  tid?: number;
  args?: { data?: { url?: string; functionName?: string } };
}

export interface ScriptSlices {
  /** Our top-level script slices (ms), in time order. */
  slices: number[];
  count: number;
  totalMs: number;
  maxMs: number;
  p95Ms: number;
  /** Slices of 50 ms or more: long tasks we caused. */
  longTasks: number;
}

const SCRIPT_EVENTS = new Set(['FunctionCall', 'EvaluateScript', 'v8.callFunction', 'TimerFire', 'FireAnimationFrame']);

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? 0;
}

/**
 * Our slices: complete ('X') script events whose URL starts with `origin`, not nested inside another of ours on
 * the same thread (a FunctionCall inside our EvaluateScript is the same slice).
 */
export function extensionSlices(events: readonly TraceEvent[], origin: string): ScriptSlices {
  const ours = events
    .filter((e) => e.ph === 'X' && SCRIPT_EVENTS.has(e.name) && typeof e.dur === 'number' && (e.args?.data?.url ?? '').startsWith(origin))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const slices: number[] = [];
  const openUntil = new Map<string, number>();
  for (const e of ours) {
    const thread = `${e.pid ?? 0}:${e.tid ?? 0}`;
    const end = e.ts + (e.dur ?? 0);
    if ((openUntil.get(thread) ?? -Infinity) > e.ts) continue; // nested in a slice already counted
    openUntil.set(thread, end);
    slices.push((e.dur ?? 0) / 1000);
  }
  const totalMs = slices.reduce((a, b) => a + b, 0);
  return {
    slices,
    count: slices.length,
    totalMs,
    maxMs: slices.reduce((a, b) => Math.max(a, b), 0),
    p95Ms: percentile(slices, 95),
    longTasks: slices.filter((s) => s >= 50).length,
  };
}

/** Trace JSON from puppeteer's tracing.stop(): either { traceEvents: [...] } or a bare array. */
export function parseTrace(json: string): TraceEvent[] {
  const parsed: unknown = JSON.parse(json);
  if (Array.isArray(parsed)) return parsed as TraceEvent[];
  const events = (parsed as { traceEvents?: unknown }).traceEvents;
  return Array.isArray(events) ? (events as TraceEvent[]) : [];
}
