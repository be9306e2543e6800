// Browser side of `npm run bench`: the real page engine (src/page/engine.ts) and matcher, run inside the bench
// page by bench.ts, with measurements taken in the page. Bundled by bench.ts with esbuild into a temp dir and
// served as /bench.js (a URL of its own, so traces and long-task attributions name it).
//
// Hooks come from wrapping, never from test code in src/page: the engine instance's private fullScan/rescan/
// hitTest are wrapped or called on the instance (TypeScript privacy is compile-time only), and bench.ts's esbuild
// plugin wraps scheduling.ts's yieldToMain to time the engine's slices (see sliceHookPlugin in bench-build.ts).
import type { CompiledGlossary } from '../core/glossary-types.js';
import { Matcher } from '../core/matcher/index.js';
import { buildRuntimeGlossary } from '../core/runtime-glossary.js';
import { DEFAULT_SETTINGS } from '../core/settings/schema.js';
import type { CardController } from '../page/card-api.js';
import { rangeOf } from '../page/mark-range.js';
import { createPageEngine, type PageEngine } from '../page/engine.js';
import type { Mark } from '../page/mark-store.js';

interface EngineInternals {
  /** The engine's marks (MarkStore.paintedInOrder: every painted mark, in or out of the paint window). */
  store: { paintedInOrder(): Mark[] };
  fullScan(): Promise<void>;
  rescan(keys: Set<Node>, removed: Node[], added: Set<Node>): void;
  hitTest(x: number, y: number): { entryId: string } | null;
}

/** The card is not measured here: a controller that records what it was asked and shows nothing. */
function silentCard(): CardController {
  return {
    show() {},
    hide() {},
    visible: false,
    pinned: false,
    entryId: null,
    onPointerEnter: null,
    onPointerLeave: null,
    onClose: null,
    hostElement: null,
    destroy() {},
  };
}

const PREFIX = 'context-glossary';
function paintedInRegistry(): number {
  let n = 0;
  for (const [name, h] of CSS.highlights) if (name.startsWith(PREFIX)) n += h.size;
  return n;
}

/** Resolves just after the first frame that painted one of our highlights: rAF, then a task after that frame. */
function firstMarkedFrame(): Promise<number> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      if (paintedInRegistry() > 0) resolve(performance.now());
      else requestAnimationFrame(() => ch.port2.postMessage(null));
    };
    requestAnimationFrame(() => ch.port2.postMessage(null));
  });
}

interface SliceHook {
  start(): void;
  end(): void;
}

const slices: number[] = [];
let sliceStart = 0;
let inSlice = false;
(globalThis as { __cgSliceHook?: SliceHook }).__cgSliceHook = {
  start() {
    sliceStart = performance.now();
    inSlice = true;
  },
  end() {
    if (inSlice) slices.push(performance.now() - sliceStart);
    inSlice = false;
  },
};

let glossaryJson = '';
let engine: PageEngine | null = null;
let internals: EngineInternals | null = null;
const rescanMs: number[] = [];

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
  slices.length = 0;
  const t0 = performance.now();
  const frame = firstMarkedFrame();
  (globalThis as { __cgSliceHook?: SliceHook }).__cgSliceHook!.start();
  const compiled = JSON.parse(glossaryJson) as CompiledGlossary;
  const glossary = buildRuntimeGlossary(compiled, null);
  const glossaryMs = performance.now() - t0;
  engine = createPageEngine({ root: document, glossary, settings: DEFAULT_SETTINGS, card: silentCard(), site: location.hostname });
  internals = engine as unknown as EngineInternals;
  (window as unknown as { __cgEngine?: PageEngine }).__cgEngine = engine;
  let done: Promise<void> = Promise.resolve();
  const scan = internals.fullScan.bind(engine);
  internals.fullScan = () => (done = scan());
  const rescan = internals.rescan.bind(engine);
  internals.rescan = (keys, removed, added) => {
    const t = performance.now();
    rescan(keys, removed, added);
    rescanMs.push(performance.now() - t);
  };
  engine.start();
  await done;
  (globalThis as { __cgSliceHook?: SliceHook }).__cgSliceHook!.end();
  const scanDoneMs = performance.now() - t0;
  const marks = engine.terms().reduce((a, t) => a + t.count, 0);
  // First frame, or give up after 5 s (a page with no marks at all).
  const firstFrameAt = marks > 0 ? await Promise.race([frame, new Promise<null>((r) => setTimeout(() => r(null), 5000))]) : null;
  // All painted: the registry's range count stops changing (10 frames unchanged; the layer adds ≤ 1,000 a frame).
  let allPaintedMs: number | null = null;
  let last = paintedInRegistry();
  let lastChange = last > 0 ? performance.now() : 0;
  for (let i = 0, still = 0; i < 600 && still < 10; i++) {
    await new Promise((r) => requestAnimationFrame(r));
    const n = paintedInRegistry();
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
    slices: [...slices],
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

function matcherThroughput(): { chars: number; matcherMBs: number; loopMBs: number; hits: number } {
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
  (globalThis as { __cgSink?: number }).__cgSink = sink;
  return { chars: text.length, matcherMBs: matcher / 1e6, loopMBs: loop / 1e6, hits };
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
  if (!internals) throw new Error('cold() first');
  const marks = internals.store.paintedInOrder();
  const times: number[] = [];
  let hits = 0;
  let seed = 12345;
  const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0);
  const rectOf = (m: Mark) => rangeOf(document, m).getClientRects()[0];
  for (let views = 0; times.length < n && marks.length > 0 && views < 200; views++) {
    const target = rectOf(marks[rnd() % marks.length]!);
    if (!target) continue;
    window.scrollBy(0, target.top - innerHeight / 2);
    await settle(3);
    const onScreen: DOMRect[] = [];
    for (const m of marks) {
      const rect = rectOf(m);
      if (rect && rect.top >= 0 && rect.bottom <= innerHeight && rect.width > 0) onScreen.push(rect);
    }
    for (let k = 0; k < 50 && onScreen.length > 0 && times.length < n; k++) {
      const rect = onScreen[rnd() % onScreen.length]!;
      const t = performance.now();
      const hit = internals.hitTest(rect.left + rect.width / 2, rect.top + rect.height / 2);
      times.push(performance.now() - t);
      if (hit) hits++;
    }
  }
  return { times, hits };
}

/** Appends `perBatch` paragraphs `batches` times (one mutation batch each), ms of engine rescan work per batch. */
async function incremental(updates: string[], perBatch: number, batches: number): Promise<{ batchMs: number[]; marksAfter: number }> {
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
