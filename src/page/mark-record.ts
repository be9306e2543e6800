/**
 * A mark as MarkStore keeps it (the `Mark` of mark-store.ts; generic in its segment so this file needs nothing of
 * the store's). Its StaticRange is made on first use: only painted marks need one (the highlight layer, navigation,
 * the card's anchor), and in the default first-mention mode almost no mark is painted. On the 1 MB wiki×80 page
 * the ranges of 1,300+ unpainted marks were ~66 KB of the page's V8 heap beside their Blink objects (issue 13,
 * JS heap added ≤ 2 MB; heap snapshot of tools/bench/outside.ts, CG_OUTSIDE_HEAP_DIR). Document order reads the
 * first node and offset (mark-order.ts), not the range. A mark in one text node (nearly all) holds that node, not an
 * array of one: 4,243 marks there had as many one-element arrays (~100 KB of the heap added).
 * For the same budget a mark keeps no field its kind or the first paint can give: entry, term and category sit in
 * one MarkKind shared by every mark of that (entry, term) (MarkKinds), and the range, made for few marks, sits in a
 * WeakMap rather than in a field every mark carries (4 fields less per mark, ~16 B each with pointer compression).
 */
import type { Category } from '../core/glossary-types.js';

/** What marks of one (entry, term) share. */
export interface MarkKind {
  readonly entry: number;
  /** Index into the matcher's terms; -1 for a bare acronym the page defined that the glossary does not know. */
  readonly term: number;
  readonly category: Category;
}

/** One MarkKind per (entry, term) pair met on the page (a few hundred at most, against thousands of marks). */
export class MarkKinds {
  private readonly kinds = new Map<number, MarkKind>();
  constructor(private readonly entryCount: number) {}

  get(entry: number, term: number, category: Category): MarkKind {
    const key = (term + 1) * this.entryCount + entry;
    let kind = this.kinds.get(key);
    if (!kind) this.kinds.set(key, (kind = { entry, term, category }));
    return kind;
  }
}

/** Ranges of the marks that needed one (painted at least once): see the header. */
const ranges = new WeakMap<object, StaticRange>();

const ALLOWED = 1;
const PAINTED = 2;
const DEAD = 4;
const LOCAL_OK = 8;
const WEAK = 16;

export class MarkRecord<S> {
  /** allowed, painted, dead, localOk and weak in one small integer (4 fields less per mark: ~68 KB on wiki×80). */
  private flags: number;

  constructor(
    private readonly kind: MarkKind,
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

  get entry(): number {
    return this.kind.entry;
  }
  get term(): number {
    return this.kind.term;
  }
  get category(): Category {
    return this.kind.category;
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
    let range = ranges.get(this);
    if (!range) {
      const c = this.covered;
      const [first, last] = Array.isArray(c) ? [c[0]!, c[c.length - 1]!] : [c, c];
      range = new StaticRange({ startContainer: first, startOffset: this.startOffset, endContainer: last, endOffset: this.endOffset });
      ranges.set(this, range);
    }
    return range;
  }
}
