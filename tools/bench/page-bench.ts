// Browser side of `npm run bench`: the real page engine (src/page/engine.ts) and matcher, run inside the bench
// page by bench.ts, with measurements taken in the page. Bundled by bench-build.ts with esbuild and served as
// /bench-<browser>.js (a URL of its own, so traces and long-task attributions name it).
//
// Everything the bench sees of the engine comes through its typed measurement probe (src/page/probe.ts), passed in
// at construction: slice boundaries, scan done, rescan cost, the hit-test and the painted ranges. bench.ts drives
// this page through `window.__cgBench` (its only global: page.evaluate needs a name to call).
import type { CompiledGlossary } from '../../src/core/glossary-types.js';
import { Matcher } from '../../src/core/matcher/index.js';
import { buildRuntimeGlossary } from '../../src/core/runtime-glossary.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings/schema.js';
import type { CardController } from '../../src/page/card-api.js';
import { createPageEngine, type PageEngine } from '../../src/page/engine.js';
import type { EngineProbe, EngineView } from '../../src/page/probe.js';

/** The card is not measured here: a controller that records what it was asked and shows nothing. */
function silentCard(): CardController {
  return {
    show() {},
    hide() {},
    visible: false,
    pinned: false,
    entryId: null,
    onPointerEnter: () => () => {},
    onPointerLeave: () => () => {},
    onClose: () => () => {},
    onHide: () => () => {},
    hostElement: null,
    destroy() {},
  };
}

/** The bench's probe: records the engine's slices and rescans, resolves `scanned` when a full scan ends. */
class BenchProbe implements EngineProbe {
  view: EngineView | null = null;
  readonly slices: number[] = [];
  readonly rescanMs: number[] = [];
  private sliceStartAt = 0;
  private inSlice = false;
  private onScanDone: (() => void) | null = null;

  attach(view: EngineView): void {
    this.view = view;
  }
  sliceStart(): void {
    this.sliceStartAt = performance.now();
    this.inSlice = true;
  }
  sliceEnd(): void {
    if (this.inSlice) this.slices.push(performance.now() - this.sliceStartAt);
    this.inSlice = false;
  }
  scanDone(): void {
    this.sliceEnd();
    this.onScanDone?.();
    this.onScanDone = null;
  }
  rescanned(ms: number): void {
    this.rescanMs.push(ms);
  }
  /** Resolves at the next scanDone(). */
  scanned(): Promise<void> {
    return new Promise((resolve) => (this.onScanDone = resolve));
  }
}

/** Resolves just after the first frame that painted one of our highlights: rAF, then a task after that frame. */
function firstMarkedFrame(view: EngineView): Promise<number> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      if (view.paintedCount() > 0) resolve(performance.now());
      else requestAnimationFrame(() => ch.port2.postMessage(null));
    };
    requestAnimationFrame(() => ch.port2.postMessage(null));
  });
}

let glossaryJson = '';
let engine: PageEngine | null = null;
let probe: BenchProbe | null = null;

export interface ColdResult {
  /** ms from t0 (before glossary load) to just after the first frame with marks painted. */
  firstFrameMs: number | null;
  /** ms from t0 to the end of the first full scan (every mark found and queued). */
  scanDoneMs: number;
  /** ms from t0 until our highlights' range count stopped changing (the layer adds ≤ 1,000 ranges a frame). */
  allPaintedMs: number | null;
  /** Part of the above spent building the runtime glossary (JSON.parse + matcher load). */
  glossaryMs: number;
  marks: number;
  slices: number[];
  longTasks: number | null;
}

async function cold(): Promise<ColdResult> {
  const lt: PerformanceEntry[] = [];
  let obs: PerformanceObserver | null = null;
  if (PerformanceObserver.supportedEntryTypes?.includes('longtask')) {
    obs = new PerformanceObserver((l) => lt.push(...l.getEntries()));
    obs.observe({ type: 'longtask' });
  }
  const p = new BenchProbe();
  probe = p;
  const t0 = performance.now();
  // The first slice runs from here (glossary load, engine construction) to the engine's first yield.
  p.sliceStart();
  const compiled = JSON.parse(glossaryJson) as CompiledGlossary;
  const glossary = buildRuntimeGlossary(compiled, null);
  const glossaryMs = performance.now() - t0;
  engine = createPageEngine({ root: document, glossary, settings: DEFAULT_SETTINGS, card: silentCard(), site: location.hostname, probe: p });
  const view = p.view;
  if (!view) throw new Error('bench: the engine did not attach its probe');
  const frame = firstMarkedFrame(view);
  const scanned = p.scanned();
  engine.start();
  await scanned;
  const scanDoneMs = performance.now() - t0;
  const marks = engine.terms().reduce((a, t) => a + t.count, 0);
  // First frame, or give up after 5 s (a page with no marks at all).
  const firstFrameAt = marks > 0 ? await Promise.race([frame, new Promise<null>((r) => setTimeout(() => r(null), 5000))]) : null;
  // All painted: the registry's range count stops changing (10 frames unchanged; the layer adds ≤ 1,000 a frame).
  let allPaintedMs: number | null = null;
  let last = view.paintedCount();
  let lastChange = last > 0 ? performance.now() : 0;
  for (let i = 0, still = 0; i < 600 && still < 10; i++) {
    await new Promise((r) => requestAnimationFrame(r));
    const n = view.paintedCount();
    if (n !== last) {
      last = n;
      lastChange = performance.now();
      still = 0;
    } else still++;
  }
  if (last > 0) allPaintedMs = Math.max(lastChange - t0, firstFrameAt === null ? 0 : firstFrameAt - t0);
  await new Promise((r) => setTimeout(r, 100));
  obs?.disconnect();
  return {
    firstFrameMs: firstFrameAt === null ? null : firstFrameAt - t0,
    scanDoneMs,
    allPaintedMs,
    glossaryMs,
    marks,
    slices: [...p.slices],
    longTasks: obs ? lt.length : null,
  };
}

function pageText(): string {
  const parts: string[] = [];
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = w.nextNode(); n; n = w.nextNode()) parts.push((n as Text).data);
  return parts.join('');
}

/** Best of several runs, at least `minMs` of work in total: chars per second. */
function throughput(fn: () => void, chars: number, minMs = 500): number {
  let best = Infinity;
  let total = 0;
  for (let i = 0; i < 30 && (i < 5 || total < minMs); i++) {
    const t = performance.now();
    fn();
    const d = performance.now() - t;
    total += d;
    best = Math.min(best, d);
  }
  return chars / (best / 1000);
}

/** `sink` is returned so the calibration loop's work is observable (not optimized away). */
function matcherThroughput(): { chars: number; matcherMBs: number; loopMBs: number; hits: number; sink: number } {
  const text = pageText();
  const m = Matcher.load((JSON.parse(glossaryJson) as CompiledGlossary).matcher);
  let hits = 0;
  const matcher = throughput(() => {
    hits = m.scan(text).length;
  }, text.length);
  let sink = 0;
  // The calibration ceiling: the cheapest loop that still reads every code unit of the same text.
  const loop = throughput(() => {
    let h = 0;
    for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
    sink ^= h;
  }, text.length);
  return { chars: text.length, matcherMBs: matcher / 1e6, loopMBs: loop / 1e6, hits, sink };
}

/** Resolves after `frames` rendered frames (rAF runs before a frame's rendering; the task after it, after). */
async function settle(frames: number): Promise<void> {
  for (let f = 0; f < frames; f++) await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
}

/**
 * The hover path (engine.hitTest: caret lookup + index + rect check) at `n` points over painted marks, the way a
 * reader hovers: the page is scrolled to a random mark, left to settle (three frames: the scroll is rendered, the
 * paint window's IntersectionObserver adds the marks now near, those are rendered), then up to 50 marks on screen
 * are hovered. Real pointer events arrive at the start of a frame with rendering done; timing right after a scroll
 * charged the scroll's rendering update and the paint window's highlight changes to the hit-test.
 */
async function hover(n: number): Promise<{ times: number[]; hits: number }> {
  const view = probe?.view;
  if (!view) throw new Error('cold() first');
  const ranges = view.paintedRanges();
  const times: number[] = [];
  let hits = 0;
  let seed = 12345;
  const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0);
  const rectOf = (r: Range) => r.getClientRects()[0];
  for (let views = 0; times.length < n && ranges.length > 0 && views < 200; views++) {
    const target = rectOf(ranges[rnd() % ranges.length]!);
    if (!target) continue;
    window.scrollBy(0, target.top - innerHeight / 2);
    await settle(3);
    const onScreen: DOMRect[] = [];
    for (const r of ranges) {
      const rect = rectOf(r);
      if (rect && rect.top >= 0 && rect.bottom <= innerHeight && rect.width > 0) onScreen.push(rect);
    }
    for (let k = 0; k < 50 && onScreen.length > 0 && times.length < n; k++) {
      const rect = onScreen[rnd() % onScreen.length]!;
      const t = performance.now();
      const hit = view.termAt(rect.left + rect.width / 2, rect.top + rect.height / 2);
      times.push(performance.now() - t);
      if (hit) hits++;
    }
  }
  return { times, hits };
}

/** Appends `perBatch` paragraphs `batches` times (one mutation batch each), ms of engine rescan work per batch. */
async function incremental(updates: string[], perBatch: number, batches: number): Promise<{ batchMs: number[]; marksAfter: number }> {
  const rescanMs = probe?.rescanMs;
  if (!rescanMs) throw new Error('cold() first');
  const article = document.querySelector('article') ?? document.body;
  rescanMs.length = 0;
  const perBatchMs: number[] = [];
  let u = 0;
  for (let b = 0; b < batches; b++) {
    const before = rescanMs.length;
    const frag = document.createDocumentFragment();
    for (let k = 0; k < perBatch; k++) {
      const p = document.createElement('p');
      p.textContent = updates[u++ % updates.length]!;
      frag.append(p);
    }
    article.append(frag);
    // Let the MutationObserver deliver and the engine settle.
    await new Promise((r) => setTimeout(r, 60));
    perBatchMs.push(rescanMs.slice(before).reduce((a, x) => a + x, 0));
  }
  return { batchMs: perBatchMs, marksAfter: engine?.terms().reduce((a, t) => a + t.count, 0) ?? 0 };
}

declare global {
  interface Window {
    __cgBench: typeof api;
  }
}

const api = {
  setGlossary(json: string) {
    glossaryJson = json;
  },
  cold,
  matcherThroughput,
  hover,
  incremental,
  crossOriginIsolated: () => globalThis.crossOriginIsolated === true,
};
window.__cgBench = api;
