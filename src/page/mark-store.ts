/**
 * The engine's bookkeeping of marks: every hit found on the page (painted or not), per segment and per entry, the
 * counts behind the context rules, and which marks are painted. Painting goes through the paint window (which draws
 * them in the HighlightLayer, all or only near the viewport) and the hover index (MarkIndex) in step.
 *
 * A mark is *allowed* when its entry may be painted here (settings) and its hit passes the context rules given the
 * entries present on the page; it is *painted* when allowed and (every mention, or the first in document order of its
 * block or of the page: the mention mode, issue 12 deliverable 4, docs/noise.md).
 * Presence is recomputed only when a term's count crosses zero (cheap: one pass over the terms present).
 */
import { type CarriedSense, carriedSense, decideLocal, type HeadingCues, headingCues, hitAllowed, type LocalHit, presentEntries } from '../core/context-rules.js';
import { acronymsSpelledOtherwise, findAcronymMentions, findDefinitions } from '../core/page-acronyms.js';
import { locate, mentionsAcronym } from './block-text.js';
import { compareMarks } from './mark-order.js';
import { FirstMentions } from './first-mention.js';
import { MarkKinds, MarkRecord } from './mark-record.js';
import type { Category, CompiledEntry } from '../core/glossary-types.js';
import { mapToChunks } from '../core/matcher/chunks.js';
import type { ChunkHit, Hit, TermInput } from '../core/matcher/types.js';
import type { MentionMode } from '../core/settings/schema.js';
import type { Segment } from './collect.js';
import type { Paintable } from './highlights.js';
import { MarkIndex } from './mark-index.js';
import { nearestHeading } from './nearest-heading.js';
import { nextBlocks, previousBlocks } from './neighbour-blocks.js';
import { MARK_PROBE, probeMark } from './mark-probe.js';
import type { MarkSink } from './glossary-swap.js';

/** What the engine needs of a glossary (RuntimeGlossary from src/core/runtime-glossary.ts fits). */
export interface PageGlossary {
  entries: readonly CompiledEntry[];
  matcher: { readonly terms: readonly TermInput[]; scan(text: string): Hit[] };
  indexById: ReadonlyMap<string, number>;
}

export interface SegmentState extends Segment {
  /** Replaced, never pushed to: most blocks have none and share NO_MARKS, the others an array of exactly theirs
   *  (a pushed-to array keeps room for 16 more: per-segment slack was ~11 KB of the 1 MB page's heap, issue 13). */
  marks: readonly Mark[];
}

export const NO_MARKS: readonly Mark[] = Object.freeze([]);

export interface Mark extends Paintable {
  readonly entry: number;
  /** Index into the matcher's terms; -1 for a bare acronym the page defined that the glossary does not know. */
  readonly term: number;
  readonly category: Category;
  /** Made on first use (mark-record.ts). */
  readonly range: StaticRange;
  segment: SegmentState;
  /** Text nodes the mark covers, first to last, and the offsets in the first and last. */
  readonly nodes: Text[];
  /** The first of `nodes` (without making the list: mark-record.ts). */
  readonly startNode: Text;
  startOffset: number;
  endOffset: number;
  allowed: boolean;
  painted: boolean;
  dead: boolean;
  /** The mention-level rule (sentence/paragraph window, decideLocal) holds for this mark. */
  readonly localOk: boolean;
  /** A shared name resolved on weak evidence (cues for both readings in its paragraph): the card says so. */
  readonly weak: boolean;
}

export class MarkStore {
  readonly index = new MarkIndex<Text, Mark>();
  /** Every live mark per entry, in no order. Arrays, not Sets: a Set's backing store was ~12 B a mark against 4 (issue
   *  13, JS heap added ≤ 2 MB on the 1 MB page, 4,243 marks); removeSegment compacts the entries it touched. */
  private readonly byEntry = new Map<number, Mark[]>();
  private readonly kinds: MarkKinds;
  /** Allowed marks per entry (what the popup lists). */
  readonly allowedCount = new Map<number, number>();
  private readonly termCount: Int32Array;
  private presenceDirty = false;
  private present = new Set<number>();
  /** Settings changed: every mark is re-evaluated on the next commit (else only the conditional ones). */
  private policyDirty = false;
  /** Marks whose term has a context rule: the only ones a change of the entries present can flip. */
  private conditional: Mark[] = [];
  private touched = new Set<number>();
  private changed = false;
  /** Acronyms this page (frame) defined, "Long Form (LF)" -> the long form's entry (issue 11, page-acronyms.ts). */
  private readonly acronyms = new Map<string, number>();
  /** Glossary acronyms this page spells out as something else ("International Energy Agency (IEA)"): never marked. */
  private readonly otherwise = new Set<string>();
  /** What each heading asked about names (window `heading`, shared names, parties). */
  private readonly headings = new WeakMap<Element, HeadingCues>();
  /** How each earlier block read its shared names, for the blocks after it (null: it read none on evidence). */
  private readonly carried = new WeakMap<Element, CarriedSense | null>();
  /** The painted first mention per entry (page) or block (paragraph), kept across commits (first-mention.ts). */
  private readonly firsts = new FirstMentions<Mark>(compareMarks, (m, on) => this.setPainted(m, on));

  constructor(
    private readonly glossary: PageGlossary,
    /** Where painted marks go: the gate in front of the highlight layer (see paint-window.ts), or a glossary
     *  swap's gate held shut while the new glossary's scan runs (glossary-swap.ts). */
    private readonly paint: MarkSink<Mark>,
    private paintable: readonly boolean[],
    private mentions: MentionMode,
  ) {
    this.termCount = new Int32Array(glossary.matcher.terms.length);
    this.kinds = new MarkKinds(glossary.entries.length);
  }

  /** Scans one segment's text and records its hits as marks (not yet evaluated: call commit). */
  addSegment(seg: SegmentState, out: Mark[]): void {
    const nodes = seg.nodes;
    // The block's text joined once (scanChunks joined it, and a block with hits joined it again below); a block of
    // one text node (most of them) makes no array of chunks unless it has a hit.
    let chunks: string[] | null = null;
    let text: string;
    if (nodes.length === 1) text = nodes[0]!.data;
    else {
      chunks = new Array<string>(nodes.length);
      for (let i = 0; i < nodes.length; i++) chunks[i] = nodes[i]!.data;
      text = chunks.join('');
    }
    // In the joined text: start and end as the mention-level rules read them (each gets its entry from them below).
    const flat = this.glossary.matcher.scan(text);
    // Most blocks of a page have no hit: they cost the scan and nothing else (no joined text, offsets or rule
    // pass: per-block garbage was a visible part of the 1 MB page's added GC, issue 13). Once the page has defined an
    // acronym the glossary does not know, a block whose only mention is that acronym is no longer empty: returning
    // here missed "… and the IEA is due to release a statement" after "Islamic Emirate of Afghanistan (IEA)"
    // (eval:news dev asiaplus-2021-hebtullah, issue 11 deliverable 2).
    const acronyms = this.acronyms.size > 0 && mentionsAcronym(text, this.acronyms);
    if (flat.length === 0 && !acronyms) return;
    chunks ??= [text];
    const hits = mapToChunks(chunks, flat);
    const entries = this.glossary.entries;
    // Mention-level rules on the block's text (the same module the report compiler uses, issue 11).
    const base: number[] = [];
    for (let i = 0, pos = 0; i < chunks.length; pos += chunks[i]!.length, i++) base.push(pos);
    const local = decideLocal(
      this.glossary.matcher.terms,
      text,
      flat,
      this.headingCuesFor(seg.key, flat),
      () => this.carriedFor(seg.key, flat),
      () => this.aheadFor(seg.key),
      () => this.namedBefore(seg.key),
    );
    flat.forEach((f, k) => (f.entry = local[k]!.entry));
    for (const a of acronymsSpelledOtherwise(this.glossary.matcher.terms, text, flat)) {
      if (this.otherwise.has(a)) continue;
      this.otherwise.add(a);
      this.policyDirty = true; // its marks elsewhere on the page, above this block too, go on the next commit
    }
    for (const def of findDefinitions(this.glossary.matcher.terms, text, flat)) {
      if (this.acronyms.has(def.acronym)) continue;
      this.acronyms.set(def.acronym, def.entry);
      this.policyDirty = true; // marks of that acronym elsewhere on the page now count: re-evaluate on commit
    }
    // Bare acronyms the page defined that are no glossary term ("IEA"): marks of their entry (term -1).
    const extra: ChunkHit[] = [];
    for (const a of acronyms ? findAcronymMentions(text, this.acronyms) : []) {
      if (flat.some((f) => a.start < f.end && f.start < a.end)) continue;
      const [sc, so] = locate(base, chunks, a.start);
      const [ec, eo] = locate(base, chunks, a.end, true);
      extra.push({ startChunk: sc, startOffset: so, endChunk: ec, endOffset: eo, entry: a.entry, term: -1 });
      local.push({ entry: a.entry, allowed: true, weak: false });
    }
    hits.push(...extra);
    const made: Mark[] = [];
    for (let k = 0; k < hits.length; k++) {
      const d = local[k]!;
      const h = hits[k]!;
      const entry = entries[d.entry];
      if (!entry) continue;
      const mark: Mark = new MarkRecord(this.kinds.get(d.entry, h.term, entry.category), seg, h.startChunk === h.endChunk ? nodes[h.startChunk]! : nodes.slice(h.startChunk, h.endChunk + 1), h.startOffset, h.endOffset, d.allowed, d.weak);
      made.push(mark);
      if (this.isConditional(h.term)) this.conditional.push(mark);
      const list = this.byEntry.get(d.entry);
      if (list) list.push(mark);
      else this.byEntry.set(d.entry, [mark]);
      this.count(h.term, 1);
      out.push(mark);
    }
    if (made.length > 0) seg.marks = seg.marks.length === 0 ? made.slice() : seg.marks.concat(made);
  }

  /** What the nearest heading above a block names, when one of its hits has a `heading` window, a shared name or
   *  parties (issue 11). */
  private headingCuesFor(block: Node, hits: readonly { term: number }[]): HeadingCues | undefined {
    const terms = this.glossary.matcher.terms;
    if (!hits.some((h) => terms[h.term]?.window === 'heading' || terms[h.term]?.resolve || terms[h.term]?.parties)) return undefined;
    return this.headingCuesOf(nearestHeading(block));
  }

  private headingCuesOf(heading: Element | null): HeadingCues | undefined {
    if (!heading) return undefined;
    let set = this.headings.get(heading);
    if (!set) {
      const text = heading.textContent ?? '';
      set = headingCues(this.glossary.matcher.terms, text, this.scanText(text));
      this.headings.set(heading, set);
    }
    return set;
  }

  private scanText(text: string): LocalHit[] {
    return this.glossary.matcher.scan(text);
  }

  /** How a block read its shared names on evidence (carriedSense, cached; null: none). */
  private senseOf(block: Element, heading: () => HeadingCues | undefined): CarriedSense | undefined {
    let sense = this.carried.get(block);
    if (sense === undefined) {
      const text = block.textContent ?? '';
      this.carried.set(block, (sense = carriedSense(this.glossary.matcher.terms, text, this.scanText(text), heading()) ?? null));
    }
    return sense ?? undefined;
  }

  /** How the nearest of the (up to three) blocks before this one that used a shared name read it (issue 11). */
  private carriedFor(block: Node, hits: readonly { term: number }[]): CarriedSense | undefined {
    // Under the same heading (previousBlocks stops at one), so the earlier block's heading is this block's.
    const heading = this.headingCuesFor(block, hits);
    for (const prev of previousBlocks(block, 3)) {
      const sense = this.senseOf(prev, () => heading);
      if (sense) return sense;
    }
    return undefined;
  }

  /** How the nearest of the (up to two) blocks after this one that used a shared name read it on evidence (issue
   *  11: a headline or lede whose cues come next). Each later block is read under its own heading (a heading's next
   *  blocks sit under it). Blocks added later do not revisit this decision. */
  private aheadFor(block: Node): CarriedSense | undefined {
    for (const next of nextBlocks(block, 2)) {
      const sense = this.senseOf(next, () => this.headingCuesOf(nearestHeading(next)));
      if (sense) return sense;
    }
    return undefined;
  }

  /** Entries the block just before this one (under the same heading) names (issue 11: whom "the banned outfit" of
   *  an event's party phrase refers to). Asked only for such a phrase in a paragraph that named no one before it. */
  private namedBefore(block: Node): ReadonlySet<number> | undefined {
    const prev = previousBlocks(block, 1)[0];
    return prev && new Set(this.scanText(prev.textContent ?? '').map((h) => h.entry));
  }

  /** Forgets a segment's marks (unpainting them at once). */
  removeSegment(seg: SegmentState): void {
    if (seg.marks.length === 0) return;
    const entries = new Set<number>();
    let conditional = false;
    for (const m of seg.marks) {
      m.dead = true;
      this.setPainted(m, false);
      if (m.allowed) {
        this.bumpAllowed(m.entry, -1);
        this.firsts.lost(m.entry);
      }
      m.allowed = false;
      entries.add(m.entry);
      conditional ||= this.isConditional(m.term);
      this.count(m.term, -1);
    }
    seg.marks = NO_MARKS;
    const live = (m: Mark) => !m.dead;
    for (const e of entries) {
      const list = this.byEntry.get(e)!.filter(live);
      if (list.length > 0) this.byEntry.set(e, list);
      else this.byEntry.delete(e);
    }
    if (conditional) this.conditional = this.conditional.filter(live);
  }

  /** Whether a term has a context rule (its marks are the `conditional` ones). */
  private isConditional(term: number): boolean {
    return !!this.glossary.matcher.terms[term]?.requires?.length;
  }

  private count(term: number, delta: number): void {
    if (term < 0) return;
    const c = (this.termCount[term] = (this.termCount[term] ?? 0) + delta);
    if ((delta > 0 && c === 1) || (delta < 0 && c === 0)) this.presenceDirty = true;
  }

  private bumpAllowed(entry: number, delta: number): void {
    this.allowedCount.set(entry, (this.allowedCount.get(entry) ?? 0) + delta);
    this.touched.add(entry);
    this.changed = true;
  }

  /** New paint policy from settings: every mark is re-evaluated on the next commit. */
  setPolicy(paintable: readonly boolean[], mentions: MentionMode): void {
    this.paintable = paintable;
    this.mentions = mentions;
    this.firsts.reset();
    this.presenceDirty = true;
    this.policyDirty = true;
  }

  /**
   * Evaluates new marks (or all of them when presence changed), paints or unpaints, and applies first-mention.
   * Returns true when the set of allowed marks changed (the engine then reports terms).
   */
  commit(fresh: readonly Mark[]): boolean {
    let all = this.policyDirty;
    let presenceChanged = false;
    this.policyDirty = false;
    if (this.presenceDirty) {
      this.presenceDirty = false;
      const terms = this.glossary.matcher.terms;
      const hits: { entry: number; term: number }[] = [];
      for (let t = 0; t < this.termCount.length; t++) if (this.termCount[t]! > 0) hits.push({ entry: terms[t]!.entry, term: t });
      const p = presentEntries(terms, hits);
      if (p.size !== this.present.size || [...p].some((e) => !this.present.has(e))) {
        this.present = p;
        presenceChanged = true;
      }
    }
    if (all) for (const list of this.byEntry.values()) for (const m of list) this.evaluate(m);
    else {
      // Presence only matters to marks with a context rule (hitAllowed): a pipelined scan changes it in most
      // slices, and re-evaluating every mark found so far each time made the scan quadratic in marks.
      if (presenceChanged) for (const m of this.conditional) this.evaluate(m);
      for (const m of fresh) if (!m.dead) this.evaluate(m);
    }
    if (this.mentions !== 'every') {
      const perBlock = this.mentions === 'paragraph';
      const keyOf = (m: Mark) => (perBlock ? m.segment.key : null);
      for (const e of this.touched) this.firsts.update(e, this.byEntry.get(e), keyOf);
    }
    this.touched.clear();
    const changed = this.changed;
    this.changed = false;
    return changed;
  }

  private evaluate(m: Mark): void {
    const terms = this.glossary.matcher.terms;
    // An acronym the page defined for this entry counts without further context (issue 11, deliverable 2); one it
    // spelled out as something else never does.
    const otherwise = m.term >= 0 && this.otherwise.has(terms[m.term]!.text);
    const defined = m.term < 0 || this.acronyms.get(terms[m.term]!.text) === m.entry;
    const allowed = this.paintable[m.entry] === true && !otherwise && (defined || (m.localOk && hitAllowed(terms, m, this.present)));
    if (allowed !== m.allowed) {
      m.allowed = allowed;
      this.bumpAllowed(m.entry, allowed ? 1 : -1);
      if (this.mentions !== 'every') {
        if (allowed) this.firsts.gained(m);
        else this.firsts.lost(m.entry);
      }
    } else if (this.mentions !== 'every') this.touched.add(m.entry);
    if (this.mentions === 'every') this.setPainted(m, allowed);
  }

  private setPainted(m: Mark, on: boolean): void {
    if (m.painted === on) return;
    m.painted = on;
    const last = m.nodes.length - 1;
    if (on) {
      // Watched from its first painted mark, not its first mark: in the default first-mention mode few marks are
      // painted, and the 1 MB wiki×80 page had ~1,500 blocks with marks in the paint window's IntersectionObserver
      // for a few dozen painted ones (issue 13).
      this.paint.watch(m.segment.key);
      this.paint.show(m);
      m.nodes.forEach((n, i) => this.index.add(n, i === 0 ? m.startOffset : 0, i === last ? m.endOffset : n.length, m));
    } else {
      this.paint.hide(m);
      for (const n of m.nodes) this.index.remove(n, m);
    }
    if (MARK_PROBE) probeMark(m.startNode.ownerDocument, this.glossary.entries[m.entry]!.id, m.weak, m.range, on);
    this.changed = true;
  }

  /** Every painted mark, in no order (a glossary swap draws them at once: glossary-swap.ts). */
  *painted(): Generator<Mark> {
    for (const list of this.byEntry.values()) for (const m of list) if (m.painted) yield m;
  }

  /** Painted marks in document order (keyboard navigation, reveal). */
  paintedInOrder(entry?: number): Mark[] {
    const out: Mark[] = [];
    const lists = entry === undefined ? this.byEntry.values() : [this.byEntry.get(entry) ?? []];
    for (const list of lists) for (const m of list) if (m.painted) out.push(m);
    return out.sort(compareMarks);
  }

  /** Distinct allowed entries with their counts. */
  terms(): { id: string; count: number }[] {
    const out: { id: string; count: number }[] = [];
    for (const [entry, count] of this.allowedCount) {
      const e = this.glossary.entries[entry];
      if (count > 0 && e) out.push({ id: e.id, count });
    }
    return out.sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1));
  }
}
