/**
 * The page engine's first (and SPA-navigation) scan, pipelined in slices (split from engine.ts, which owns the state:
 * this file only drives collect → match → commit over it through `ScanTarget`).
 */
import { Collector } from './collect.js';
import { type Mark, NO_MARKS, type SegmentState } from './mark-store.js';
import { LARGE_PAGE_CHARS, type PaintWindow } from './paint-window.js';
import type { EngineProbe } from './probe.js';
import { FIRST_SLICE_BUDGET_MS, SLICE_BUDGET_MS, SliceClock, sliceBudgetAfter, yieldForFirstSlice, yieldToMain } from './scheduling.js';
import { blockTop, viewportStartBlock } from './viewport-blocks.js';

/** What the scan needs of the engine. */
export interface ScanTarget {
  doc: Document;
  root: Node;
  probe: EngineProbe | undefined;
  paintWindow: PaintWindow;
  /** Before the walk: clear the marks and the paint window (a first scan), or nothing (a glossary swap's scan beside
   *  the marks on screen: glossary-swap.ts). */
  begin(): void;
  addShadowRoot(r: ShadowRoot): void;
  /** Blocks with painted marks (watched when the paint window closes in on the viewport). */
  blocksPainted(): Iterable<Node>;
  addSegment(seg: SegmentState, fresh: Mark[]): void;
  /** Commits fresh marks; true when the page's terms changed. */
  commit(fresh: Mark[]): boolean;
  termsChanged(): void;
}

/**
 * Pipelined: each slice collects a stretch of blocks in document order, matches the segments that are complete,
 * commits their marks and yields, so the first marks reach the screen after the first slice, not after the whole
 * walk. When the page is scrolled, the walk starts at the block at the top of the viewport and the part above it
 * follows. A hit whose context anchor has not been collected yet is kept (unpainted) and painted by the commit
 * that sees its anchor (MarkStore re-evaluates every mark when the entries present change).
 */
export async function runFullScan(t: ScanTarget, current: () => boolean): Promise<void> {
  t.begin();
  // The first slice gets a task of its own: whoever started the scan (the content script after loading the
  // glossary and building the card) has already used part of this one.
  const probe = t.probe;
  probe?.sliceEnd();
  await yieldForFirstSlice();
  probe?.sliceStart();
  if (!current()) return;
  const view = t.doc.defaultView as (Window & typeof globalThis) | null;
  const height = view?.innerHeight ?? 800;
  const startAt = viewportStartBlock(t.doc, t.root);
  const collectors = startAt
    ? [new Collector(t.doc, t.root, 'all', t.root, startAt), new Collector(t.doc, t.root, 'all', t.root, null, startAt)]
    : [new Collector(t.doc, t.root, 'all')];
  let chars = 0;
  /** Large pages: while true, new blocks are checked against the viewport to seed the paint window. */
  let seeding = true;
  /** The last block checked for seeding: a block's segments come in a row, and one layout read per block is
   *  enough (reading each segment's rect cost a layout flush per <br> segment in Firefox: 100k spans took 40 s). */
  let seededKey: Node | null = null;
  const collectClock = new SliceClock();
  // The clock is read every 8 segments, not each: most blocks are a few hundred characters (microseconds to match),
  // and a clock read per segment sampled ~2 ms of the 1 MB wiki×80 page's scan (issue 13, outside-profile.ts). The
  // first slice, whose code is still cold and whose end the first marked frame waits for, reads it at each segment.
  const segClock = new SliceClock(undefined, undefined, 8);
  const queue: SegmentState[] = [];
  let qi = 0;
  let ci = 0;
  let first = true;
  let budget = SLICE_BUDGET_MS;
  for (;;) {
    segClock.start(first ? FIRST_SLICE_BUDGET_MS : budget);
    const firstSlice = first;
    const fresh: Mark[] = [];
    let scanned = 0;
    // Collect a stretch when nothing collected waits to be matched.
    if (qi === queue.length && ci < collectors.length) {
      // Matched segments are let go (each held its block's text nodes until the scan's end).
      queue.length = 0;
      qi = 0;
      collectClock.start((first ? FIRST_SLICE_BUDGET_MS : budget) / 2);
      first = false;
      const c = collectors[ci]!;
      const done = c.step(collectClock);
      const before = chars;
      for (const seg of c.takeComplete()) queue.push(seg as SegmentState);
      // The collectors count as they walk (a second pass over each text node's length here was a DOM call per node).
      chars = collectors.reduce((sum, k) => sum + k.chars, 0);
      for (const r of c.shadowRoots) t.addShadowRoot(r);
      if (before <= LARGE_PAGE_CHARS && chars > LARGE_PAGE_CHARS) t.paintWindow.limitToViewport(t.blocksPainted());
      if (done) ci++;
    }
    const paintWindow = t.paintWindow.isLimited ? t.paintWindow : null;
    // At least one segment per slice, so a slow clock cannot starve progress (more would stretch the short first
    // slice while the code is still cold).
    while (qi < queue.length && (scanned < 1 || !(firstSlice ? segClock.expiredNow() : segClock.expired()))) {
      const seg = queue[qi++]!;
      if (paintWindow && seeding && seg.key !== seededKey) {
        seededKey = seg.key;
        const top = blockTop(seg.key);
        if (top > height * 2) seeding = false;
        else if (top > -height) paintWindow.seedNear(seg.key);
      }
      seg.marks = NO_MARKS;
      t.addSegment(seg, fresh);
      scanned++;
    }
    if (t.commit(fresh)) t.termsChanged();
    if (qi === queue.length && ci >= collectors.length) break;
    probe?.sliceEnd();
    const yielded = performance.now();
    await yieldToMain();
    // Not right after the first slice: the frame that paints its marks (the first marked frame) waits for the next.
    budget = firstSlice ? SLICE_BUDGET_MS : sliceBudgetAfter(performance.now() - yielded);
    probe?.sliceStart();
    if (!current()) return;
  }
  // Report once per full scan even when nothing changed (an empty page tells the badge "0").
  t.termsChanged();
  probe?.scanDone();
}
