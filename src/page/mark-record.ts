/**
 * A mark as MarkStore keeps it (the `Mark` of mark-store.ts; generic in its segment so this file needs nothing of
 * the store's). Its StaticRange is made on first use: only painted marks need one (the highlight layer, navigation,
 * the card's anchor), and in the default first-mention mode almost no mark is painted. On the 1 MB wiki×80 page
 * the ranges of 1,300+ unpainted marks were ~66 KB of the page's V8 heap beside their Blink objects (issue 13,
 * JS heap added ≤ 2 MB; heap snapshot of tools/bench/outside.ts, CG_OUTSIDE_HEAP_DIR). Document order reads the
 * first node and offset (mark-order.ts), not the range. A mark in one text node (nearly all) holds that node, not an
 * array of one: 4,243 marks there had as many one-element arrays (~100 KB of the heap added).
 */
import type { Category } from '../core/glossary-types.js';

export class MarkRecord<S> {
  allowed = false;
  painted = false;
  dead = false;
  private made: StaticRange | null = null;

  constructor(
    readonly entry: number,
    /** Index into the matcher's terms; -1 for a bare acronym the page defined that the glossary does not know. */
    readonly term: number,
    readonly category: Category,
    readonly segment: S,
    /** The text node the mark lies in, or the nodes it covers first to last (most marks lie in one: no array each). */
    private readonly covered: Text | Text[],
    readonly startOffset: number,
    readonly endOffset: number,
    /** The mention-level rule (sentence/paragraph window, decideLocal) holds for this mark. */
    readonly localOk: boolean,
    /** A shared name resolved on weak evidence (cues for both readings in its paragraph): the card says so. */
    readonly weak: boolean,
  ) {}

  /** Text nodes the mark covers, first to last (the offsets are in the first and the last). */
  get nodes(): Text[] {
    const c = this.covered;
    return Array.isArray(c) ? c : [c];
  }

  get startNode(): Text {
    const c = this.covered;
    return Array.isArray(c) ? c[0]! : c;
  }

  get range(): StaticRange {
    const c = this.covered;
    const [first, last] = Array.isArray(c) ? [c[0]!, c[c.length - 1]!] : [c, c];
    return (this.made ??= new StaticRange({ startContainer: first, startOffset: this.startOffset, endContainer: last, endOffset: this.endOffset }));
  }
}
