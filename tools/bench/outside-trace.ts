// Reads a Chrome trace (devtools.timeline + disabled-by-default-devtools.timeline) the way the browser pays for a
// page: the top-level tasks on the renderer main thread of the page's process, split into style, layout, paint,
// script and GC. Pure: the bench (outside-chromium.ts) records the trace, this turns it into figures.
//
// Which thread: a trace is browser-wide (browser process, GPU, the extension's service worker in its own process,
// WebUI renderers, ...). The page's process is the one `FrameCommittedInBrowser` names for the navigation to the
// page's URL (Chromium's own DevTools performance panel picks it the same way); its main thread is `CrRendererMain`,
// whose tid equals the pid on Linux but is looked up by name rather than assumed.

/** The fields of a trace event this file reads (Chrome's JSON trace format). */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, µs: what the thread actually ran, without the time the OS gave other processes. */
  tts?: number;
  tdur?: number;
  cat?: string;
  args?: { name?: string; data?: { url?: string; processId?: number; frame?: string; isOutermostMainFrame?: boolean } };
}

export type Part = 'style' | 'layout' | 'paint' | 'script' | 'gc' | 'other';
export const PARTS: Part[] = ['style', 'layout', 'paint', 'script', 'gc', 'other'];

export interface TraceFigures {
  /**
   * Sum of top-level task durations on the page's renderer main thread, ms of thread (CPU) time. CPU time rather
   * than wall time because the bench machine is shared (load averages of 15-25 on 2 cores were seen): a descheduled
   * task's wall time counts other processes' work. On a quiet machine the two agree; the wall sum is kept beside it.
   */
  totalMs: number;
  /** The same sum in wall-clock time, ms. */
  wallMs: number;
  /** totalMs split by what the time was spent in (self time, attributed to the nearest classified event). */
  parts: Record<Part, number>;
  /** Top-level tasks of 50 ms or more of CPU time (tasks that are long on a quiet machine, not merely descheduled). */
  longTasks: number;
  /** Long tasks in which extension code (a chrome-extension:// script) ran. */
  longTasksWithExtension: number;
  /** Time inside script events whose URL is a chrome-extension:// script (compile + evaluate + calls), ms. */
  extensionScriptMs: number;
  /** Top-level tasks counted. */
  tasks: number;
}

const GC = /^(MinorGC|MajorGC|ScavengeGC|V8\.GC|BlinkGC|ThreadState::|CppGC|GCEvent)/;
const SCRIPT = new Set([
  'EvaluateScript',
  'v8.compile',
  'v8.compileModule',
  'v8.evaluateModule',
  'v8.run',
  'v8.callFunction',
  'v8.produceCache',
  'CompileScript',
  'FunctionCall',
  'TimerFire',
  'FireIdleCallback',
  'FireAnimationFrame',
  'RunMicrotasks', // category v8.execute (outside-chromium.ts records it)
  'EventDispatch',
  'XHRReadyStateChange',
  'V8.Execute',
]);
const STYLE = new Set(['UpdateLayoutTree', 'RecalculateStyles', 'ParseAuthorStyleSheet', 'StyleInvalidatorInvalidationTracking']);
const LAYOUT = new Set(['Layout', 'IntersectionObserverController::computeIntersections']);
const PAINT = new Set(['Paint', 'PrePaint', 'Layerize', 'Commit', 'UpdateLayer', 'UpdateLayerTree', 'CompositeLayers', 'PaintImage', 'Decode Image', 'Animation Frame Fired']);
const TOP_LEVEL = new Set(['RunTask', 'ThreadControllerImpl::RunTask', 'ThreadControllerImpl::DoWork']);
const LONG_TASK_US = 50_000;

export function classify(name: string): Part | null {
  if (GC.test(name)) return 'gc';
  if (SCRIPT.has(name) || name.startsWith('V8.') || name.startsWith('v8.')) return 'script';
  if (STYLE.has(name)) return 'style';
  if (LAYOUT.has(name)) return 'layout';
  if (PAINT.has(name)) return 'paint';
  return null;
}

const isExtensionUrl = (url: string | undefined) => !!url && /^(chrome|moz)-extension:\/\//.test(url);

/** The renderer process that committed the page at `url` (the last commit wins: a reload or redirect moves it). */
export function pageProcess(events: TraceEvent[], url: string): number | null {
  let pid: number | null = null;
  for (const e of events) {
    const d = e.args?.data;
    if (e.name === 'FrameCommittedInBrowser' && d?.url === url && typeof d.processId === 'number' && d.isOutermostMainFrame !== false) {
      pid = d.processId;
    }
  }
  return pid;
}

/** The main thread of process `pid` (thread named CrRendererMain), or null. */
export function mainThread(events: TraceEvent[], pid: number): number | null {
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain') return e.tid;
  }
  return null;
}

interface Node {
  e: TraceEvent;
  /** An extension script event (counted in extensionScriptMs, nested ones not again). */
  ext: boolean;
  end: number;
  cpu: number;
  part: Part | null;
  childCpu: number;
}

/** One thread's events as spans (complete events, and begin/end pairs joined), enclosing ones first: earlier start,
 *  then longer. */
function spans(events: TraceEvent[], pid: number, tid: number): Array<{ e: TraceEvent; dur: number; cpu: number }> {
  const complete: Array<{ e: TraceEvent; dur: number; cpu: number }> = [];
  const open: TraceEvent[] = [];
  for (const e of events) {
    if (e.pid !== pid || e.tid !== tid) continue;
    if (e.ph === 'X' && typeof e.dur === 'number') complete.push({ e, dur: e.dur, cpu: e.tdur ?? e.dur });
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const b = open.pop();
      if (b) complete.push({ e: b, dur: e.ts - b.ts, cpu: b.tts !== undefined && e.tts !== undefined ? e.tts - b.tts : e.ts - b.ts });
    }
  }
  return complete.sort((a, b) => a.e.ts - b.e.ts || b.dur - a.dur);
}

/**
 * Figures for one thread. Complete events ('X') and begin/end pairs ('B'/'E') are nested by time; a task is
 * top-level when no other event encloses it. Time is counted as self time so nothing is counted twice (a compile
 * inside an evaluate, a GC inside a call): each event's self time goes to its own part, or its nearest classified
 * ancestor's, or 'other'.
 */
export function threadFigures(events: TraceEvent[], pid: number, tid: number): TraceFigures {
  const complete = spans(events, pid, tid);
  const parts = Object.fromEntries(PARTS.map((p) => [p, 0])) as Record<Part, number>;
  const out: TraceFigures = { totalMs: 0, wallMs: 0, parts, longTasks: 0, longTasksWithExtension: 0, extensionScriptMs: 0, tasks: 0 };
  const stack: Node[] = [];
  let topIsTask = false;
  let topHasExtension = false;
  let topLong = false;
  let extensionDepth = 0;
  const closeNode = (n: Node) => {
    const self = Math.max(0, n.cpu - n.childCpu);
    if (topIsTask) {
      const part = n.part ?? 'other';
      parts[part] += self / 1000;
    }
    if (n.ext) extensionDepth--;
  };
  const finishTop = () => {
    if (topIsTask && topLong && topHasExtension) out.longTasksWithExtension++;
  };
  for (const { e, dur, cpu } of complete) {
    const end = e.ts + dur;
    while (stack.length > 0 && stack[stack.length - 1]!.end <= e.ts) {
      closeNode(stack.pop()!);
      if (stack.length === 0) finishTop();
    }
    const parent = stack[stack.length - 1];
    if (!parent) {
      topIsTask = TOP_LEVEL.has(e.name);
      topHasExtension = false;
      topLong = cpu >= LONG_TASK_US;
      if (topIsTask) {
        out.tasks++;
        out.totalMs += cpu / 1000;
        out.wallMs += dur / 1000;
        if (topLong) out.longTasks++;
      }
    } else {
      parent.childCpu += Math.min(cpu, parent.cpu);
    }
    const own = classify(e.name);
    // A continuation after `await` runs in a microtask checkpoint (RunMicrotasks, category v8.execute), which
    // carries no URL: the content script's pipelined slices resume there, so most of its work showed as
    // unattributed "other". In a task where extension code already ran (the saved pages' own scripts are
    // blocked), the checkpoint is ours.
    const extScript = own === 'script' && (isExtensionUrl(e.args?.data?.url) || (e.name === 'RunMicrotasks' && topHasExtension));
    if (extScript) {
      topHasExtension = true;
      // Only the outermost extension script event counts (a compile inside an evaluate of the same script).
      if (extensionDepth === 0 && topIsTask) out.extensionScriptMs += cpu / 1000;
      extensionDepth++;
    }
    // GC keeps its own part wherever it happens; other unclassified events inherit their parent's part.
    stack.push({ e, ext: extScript, end: Math.min(end, parent ? parent.end : end), cpu, part: own ?? parent?.part ?? null, childCpu: 0 });
  }
  while (stack.length > 0) {
    closeNode(stack.pop()!);
    if (stack.length === 0) finishTop();
  }
  return out;
}

/** Figures for the page at `url` in a browser-wide trace; null when the page's process or thread is not found. */
export function pageFigures(events: TraceEvent[], url: string): TraceFigures | null {
  const pid = pageProcess(events, url);
  if (pid === null) return null;
  const tid = mainThread(events, pid);
  if (tid === null) return null;
  return threadFigures(events, pid, tid);
}

/** Where a thread's time went, finer than TraceFigures' parts: for the attribution of added time (issue 13, wave 10). */
export interface TraceBreakdown {
  /** Self CPU ms per event name, inside top-level tasks. */
  selfMs: Record<string, number>;
  /** Top-level tasks by kind (the name of their longest direct child, or `(empty)`): count and CPU ms. */
  tasks: Record<string, { count: number; ms: number }>;
}

/** The same nesting as threadFigures (self time, top-level tasks only), totalled by event name and by task kind. */
export function threadBreakdown(events: TraceEvent[], pid: number, tid: number): TraceBreakdown {
  const complete = spans(events, pid, tid);
  const out: TraceBreakdown = { selfMs: {}, tasks: {} };
  interface N {
    name: string;
    end: number;
    cpu: number;
    childCpu: number;
    kind: string;
    kindCpu: number;
  }
  const stack: N[] = [];
  let inTask = false;
  const close = (n: N) => {
    if (inTask) out.selfMs[n.name] = (out.selfMs[n.name] ?? 0) + Math.max(0, n.cpu - n.childCpu) / 1000;
    if (stack.length === 0 && inTask) {
      const t = (out.tasks[n.kind] ??= { count: 0, ms: 0 });
      t.count++;
      t.ms += n.cpu / 1000;
    }
  };
  for (const { e, dur, cpu } of complete) {
    while (stack.length > 0 && stack[stack.length - 1]!.end <= e.ts) close(stack.pop()!);
    const parent = stack[stack.length - 1];
    if (!parent) inTask = TOP_LEVEL.has(e.name);
    else {
      parent.childCpu += Math.min(cpu, parent.cpu);
      if (stack.length === 1 && cpu > parent.kindCpu) {
        parent.kind = e.name;
        parent.kindCpu = cpu;
      }
    }
    stack.push({ name: e.name, end: Math.min(e.ts + dur, parent ? parent.end : e.ts + dur), cpu, childCpu: 0, kind: '(empty)', kindCpu: -1 });
  }
  while (stack.length > 0) close(stack.pop()!);
  return out;
}
