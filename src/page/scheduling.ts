/**
 * Time slicing for the page engine: work in slices of ~8 ms, yield to the page between them (a MessageChannel task,
 * which is not clamped like nested setTimeout; see yieldToMain), and add highlight
 * ranges in batches of at most 1,000 per frame (9.5k ranges at once made a 66-77 ms frame; see notes/anchors.md).
 * The ordering and budget math is pure and tested in node.
 */

export const SLICE_BUDGET_MS = 8;
/**
 * The first slice of a page scan is shorter: its marks are the ones the reader sees first, and the frame that
 * paints them waits for the slice to end (measured cold, the first slice ran 20 ms of an 8 ms budget: code not yet
 * compiled runs slowly, so a small budget keeps the first frame early).
 */
export const FIRST_SLICE_BUDGET_MS = 3;
export const MAX_RANGES_PER_FRAME = 1000;

/**
 * The budget of a slice after one that yielded: 16 ms when the yield came back at once (nothing of the page's was
 * waiting: no input, no frame due, no task of its own), else 8. Each slice is a task of its own, and a slice that
 * added marks makes a frame re-render the highlights: on an idle page twice the budget halves both (issue 13,
 * the 1 MB wiki×80 page's scan ran in ~10 slices). Never more than ~16 ms: a frame waits at most one of them.
 */
export const IDLE_SLICE_BUDGET_MS = 16;
/** A yield that came back within this was not kept waiting by anything of the page's. */
const IDLE_YIELD_MS = 1;

export function sliceBudgetAfter(yieldMs: number): number {
  return yieldMs < IDLE_YIELD_MS ? IDLE_SLICE_BUDGET_MS : SLICE_BUDGET_MS;
}

/** A frame that took longer than this after our highlights changed was slowed by them (a 60 Hz frame is ~17 ms). */
const SLOW_PAINT_FRAME_MS = 50;

/**
 * How long to hold further highlight changes after one whose frame took `frameMs` to render. Fast frames: no hold
 * (every frame may add ranges). Slow ones: twice the frame's cost, so repainting takes at most a third of the main
 * thread while the scan goes on, capped so marks keep coming. Measured: in Firefox ESR 153 every frame in which a
 * highlight with text-decoration changes re-renders the whole block around it; a 600 KB block (100k spans) cost
 * 500-800 ms per frame, so adding marks one slice at a time took 40 s, not 2.
 */
export function paintHoldMs(frameMs: number): number {
  if (!(frameMs > SLOW_PAINT_FRAME_MS)) return 0;
  return Math.min(2 * frameMs, 3000);
}

/**
 * Processing order for n items in document order when item `first` is the first one in the viewport: the viewport
 * and everything after it first (reading direction), then the items above it, nearest first.
 */
export function viewportFirstOrder(n: number, first: number): number[] {
  const start = Math.max(0, Math.min(n, first));
  const order: number[] = [];
  for (let i = start; i < n; i++) order.push(i);
  for (let i = start - 1; i >= 0; i--) order.push(i);
  return order;
}

/**
 * Index of the first item whose bottom edge is at or below `top`, for items in document order whose vertical
 * positions mostly increase (normal flow). `bottomOf` is called O(log n) times (each a getBoundingClientRect).
 * Items that are not laid out (bottom NaN) are treated as above.
 */
export function firstBelow(n: number, top: number, bottomOf: (i: number) => number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const b = bottomOf(mid);
    if (b >= top) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

let channel: MessageChannel | null = null;
const waiting: Array<() => void> = [];

/**
 * Gives the page's own tasks (input, rendering, its own scripts) a turn, then resumes. A MessageChannel task, not
 * scheduler.yield(): yield's continuations outrank the page's ordinary tasks, so a scan in many slices kept the
 * page's own follow-up work (measured: the task after the first marked frame) waiting until the whole scan ended.
 */
export function yieldToMain(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((r) => setTimeout(r, 0));
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel!.port2.postMessage(null);
  });
}

interface PostTaskScheduler {
  postTask(cb: () => void, opts: { priority: 'user-blocking' }): Promise<void>;
}

/**
 * Yields for the first slice of a scan, whose marks are what the reader sees first: a `user-blocking` task
 * (scheduler.postTask, Chromium) runs ahead of the page's queued loading tasks, where a MessageChannel task waited
 * behind them (measured on the 1 MB wiki×80 page right after DOMContentLoaded: 650 ms). Later slices use
 * yieldToMain so the page keeps its turns. Where there is no scheduler.postTask: yieldToMain.
 */
export function yieldForFirstSlice(): Promise<void> {
  const s = (globalThis as { scheduler?: PostTaskScheduler }).scheduler;
  if (typeof s?.postTask !== 'function') return yieldToMain();
  return s.postTask(() => undefined, { priority: 'user-blocking' }).catch(() => undefined);
}

/** A slice deadline: `expired()` checks the clock only every `every` calls (performance.now is not free). */
export class SliceClock {
  private deadline = 0;
  private calls = 0;
  constructor(
    private readonly now: () => number = () => performance.now(),
    private readonly budgetMs = SLICE_BUDGET_MS,
    private readonly every = 16,
  ) {}
  /** Starts a slice of the clock's budget, or of `budgetMs` for this slice only. */
  start(budgetMs = this.budgetMs): void {
    this.deadline = this.now() + budgetMs;
    this.calls = 0;
  }
  expired(): boolean {
    if (++this.calls % this.every !== 0) return false;
    return this.now() >= this.deadline;
  }
  /** Checks the clock now regardless of the call count (after an expensive step). */
  expiredNow(): boolean {
    return this.now() >= this.deadline;
  }
}
