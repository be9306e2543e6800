/**
 * The incremental half of scanning (engine.ts `rescan`): a batch of the page observer's changes (mutations.ts) applied
 * to a mark store. Marks under removed subtrees and in the changed blocks are dropped; the changed blocks are
 * collected again, with the blocks nested in them that came with the change and any shadow root not seen before
 * (everything in it is new to us). Blocks the change did not touch keep their marks.
 */
import { Collector } from './collect.js';
import { type Mark, type MarkStore, NO_MARKS, type SegmentState } from './mark-store.js';
import { isNew } from './mutations.js';
import { SliceClock } from './scheduling.js';
import { addTo, dropBlock, dropUnder } from './segments.js';

export interface RescanTarget {
  doc: Document;
  segments: Map<Node, SegmentState[]>;
  store: MarkStore;
  /** Blocks the observer leaves alone (ours, editable, code). */
  skipped(block: Node): boolean;
  /** A shadow root found in a changed block: known to the engine from now on (observed, its highlights adopted);
   *  false when it was known already. */
  addShadowRoot(root: ShadowRoot): boolean;
}

/** Applies one batch; returns the new marks for the store's commit. `keys` and `added` grow with nested blocks. */
export function rescanBlocks(t: RescanTarget, keys: Set<Node>, removed: readonly Node[], added: Set<Node>): Mark[] {
  for (const r of removed) dropUnder(t.doc, t.segments, t.store, r);
  const fresh: Mark[] = [];
  const clock = new SliceClock(() => 0); // never expires: incremental batches are small by construction
  clock.start();
  const pending = [...keys];
  for (let k = 0; k < pending.length; k++) {
    const key = pending[k]!;
    dropBlock(t.segments, t.store, key);
    if (!key.isConnected || t.skipped(key)) continue;
    const c = new Collector(t.doc, key, 'own');
    c.step(clock);
    for (const seg of c.segments) {
      (seg as SegmentState).marks = NO_MARKS;
      addTo(t.segments, t.store, seg as SegmentState, fresh);
    }
    // Nested blocks that came with the change (inside an added element) are collected too; the others are
    // unchanged and keep their marks.
    for (const nb of c.nestedBlocks) {
      if (keys.has(nb) || !isNew(nb, key, added)) continue;
      keys.add(nb);
      added.add(nb);
      pending.push(nb);
    }
    for (const r of c.shadowRoots) {
      if (!t.addShadowRoot(r)) continue;
      keys.add(r);
      added.add(r);
      pending.push(r);
    }
  }
  return fresh;
}
