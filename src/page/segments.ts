/**
 * The engine's segments per block (a block element, a shadow root or the root: src/page/collect.ts) and their marks
 * in a store: added as collected, dropped when the page changes a block or removes a subtree. Shared by the engine's
 * own scans and a glossary swap's scan beside them (staged-glossary.ts); split from engine.ts.
 */
import type { Mark, MarkStore, SegmentState } from './mark-store.js';

export type Segments = Map<Node, SegmentState[]>;

/** Blocks that have painted marks (when the paint window closes in on the viewport mid-scan, these are watched). */
export function* marked(segments: Segments): Generator<Node> {
  for (const [key, list] of segments) if (list.some((s) => s.marks.some((m) => m.painted))) yield key;
}

/**
 * Matches a collected segment into the store (marks in `fresh`, to commit) and records it under its block when it has
 * marks. A segment without marks never gets any later (re-evaluation only flips the marks it has), so keeping it
 * only held every text node of the page: on the 1 MB wiki×80 page most blocks have no term (issue 13, heap ≤ 2 MB).
 */
export function addTo(segments: Segments, store: MarkStore, seg: SegmentState, fresh: Mark[]): void {
  store.addSegment(seg, fresh);
  if (seg.marks.length === 0) return;
  // Its text nodes were read by the scan; a kept segment needs only its key and marks (each mark holds its own
  // nodes). Kept, they held every text node of each marked block, wrappers and all (issue 13, heap ≤ 2 MB).
  seg.nodes = [];
  let list = segments.get(seg.key);
  if (!list) segments.set(seg.key, (list = []));
  list.push(seg);
}

/** Forgets one block's segments and their marks. */
export function dropBlock(segments: Segments, store: MarkStore, key: Node): void {
  const list = segments.get(key);
  if (!list) return;
  for (const s of list) store.removeSegment(s);
  segments.delete(key);
}

/** Drops segments whose block is `node` or inside it (a removed subtree). */
export function dropUnder(doc: Document, segments: Segments, store: MarkStore, node: Node): void {
  dropBlock(segments, store, node);
  if (node.nodeType !== 1 && node.nodeType !== 11) return;
  const w = doc.createTreeWalker(node, 0x1);
  for (let n = w.nextNode(); n; n = w.nextNode()) {
    dropBlock(segments, store, n);
    const sr = (n as Element).shadowRoot;
    if (sr) dropBlock(segments, store, sr);
  }
}
