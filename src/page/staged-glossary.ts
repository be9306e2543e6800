/**
 * The engine's bookkeeping for a glossary swap (glossary-swap.ts says why): the new glossary's store, its segments
 * and the changes seen meanwhile, filled by a full scan run beside the marks on screen (engine.ts holds the state and
 * does the swap).
 */
import type { MentionMode } from '../core/settings/schema.js';
import { runFullScan, type ScanTarget } from './full-scan.js';
import { type MarkSink, MutationBacklog, PaintGate } from './glossary-swap.js';
import { type Mark, MarkStore, type PageGlossary, type SegmentState } from './mark-store.js';
import { addTo, marked } from './segments.js';

/** A new glossary scanned beside the marks on screen, swapped in when complete. */
export interface Staged {
  glossary: PageGlossary;
  store: MarkStore;
  /** Shut until the swap: the store's painting does not reach the layer. */
  gate: PaintGate<Mark>;
  segments: Map<Node, SegmentState[]>;
  /** DOM changes seen during the scan, replayed after the swap. */
  backlog: MutationBacklog<Node>;
}

/**
 * Starts the staged scan: `base` is the engine's own scan target (document, root, probe, paint window, shadow roots);
 * nothing is cleared and nothing reaches the page's terms until the swap. Resolves when the scan ends or gives up
 * (`current` false: the engine checks which).
 */
export function stageGlossary(
  glossary: PageGlossary,
  paint: MarkSink<Mark>,
  paintable: readonly boolean[],
  mentions: MentionMode,
  base: ScanTarget,
  current: () => boolean,
): { staged: Staged; scanned: Promise<void> } {
  const gate = new PaintGate<Mark>(paint);
  const store = new MarkStore(glossary, gate, paintable, mentions);
  const staged: Staged = { glossary, store, gate, segments: new Map(), backlog: new MutationBacklog() };
  const target: ScanTarget = {
    ...base,
    begin: () => undefined,
    blocksPainted: () => marked(staged.segments),
    addSegment: (seg, fresh) => addTo(staged.segments, store, seg, fresh),
    commit: (fresh) => store.commit(fresh),
    termsChanged: () => undefined,
  };
  return { staged, scanned: runFullScan(target, current) };
}
