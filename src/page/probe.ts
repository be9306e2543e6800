/**
 * The page engine's measurement probe: what `npm run bench` (tools/bench/page-bench.ts) observes of the engine,
 * typed, instead of casting to private members, wrapping methods at run time or rewriting scheduling.ts while
 * bundling (issue 10, deliverable 4).
 *
 * Costs nothing where it is not used: the probe is an optional construction option (`PageEngineOptions.probe`).
 * The content script and the reader pass none, so every hook is one `undefined` check, and the engine reads the
 * clock for a probe only when one is there.
 */

/** Read-only queries on a running engine, handed to the probe once at construction. */
export interface EngineView {
  /** The entry id of the mark under this viewport point (the hover hit-test: caret lookup, index, rect check). */
  termAt(x: number, y: number): string | null;
  /** Live ranges of every painted mark, in document order (in or out of the paint window). */
  paintedRanges(): Range[];
  /** Ranges in our highlights right now: what reaches the screen (the per-frame paint queue not counted). */
  paintedCount(): number;
}

export interface EngineProbe {
  /** Called once by the engine's constructor. */
  attach(view: EngineView): void;
  /** A slice of the full scan starts (the engine resumed after yielding to the page). */
  sliceStart(): void;
  /** The current slice ends (the engine is about to yield to the page). */
  sliceEnd(): void;
  /** A full scan finished: every mark found and committed (painting may still be queued). */
  scanDone(): void;
  /** An incremental rescan (one mutation batch) took `ms` of main-thread time. */
  rescanned(ms: number): void;
}
