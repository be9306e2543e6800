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

const ALLOWED = 1;
const PAINTED = 2;
const DEAD = 4;
const LOCAL_OK = 8;
const WEAK = 16;

export class MarkRecord<S> {
  /** allowed, painted, dead, localOk and weak in one small integer (4 fields less per mark: ~68 KB on wiki×80). */
  private flags: number;
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
    localOk: boolean,
    /** A shared name resolved on weak evidence (cues for both readings in its paragraph): the card says so. */
    weak: boolean,
  ) {
    this.flags = (localOk ? LOCAL_OK : 0) | (weak ? WEAK : 0);
  }

  private flag(bit: number, on: boolean): void {
    this.flags = on ? this.flags | bit : this.flags & ~bit;
  }

  get allowed(): boolean {
    return (this.flags & ALLOWED) !== 0;
  }
  set allowed(on: boolean) {
    this.flag(ALLOWED, on);
  }
  get painted(): boolean {
    return (this.flags & PAINTED) !== 0;
  }
  set painted(on: boolean) {
    this.flag(PAINTED, on);
  }
  get dead(): boolean {
    return (this.flags & DEAD) !== 0;
  }
  set dead(on: boolean) {
    this.flag(DEAD, on);
  }
  get localOk(): boolean {
    return (this.flags & LOCAL_OK) !== 0;
  }
  get weak(): boolean {
    return (this.flags & WEAK) !== 0;
  }

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
