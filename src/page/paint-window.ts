/**
 * The paint window: the one gate between the mark store and the highlight layer. The store says which marks are
 * painted (`show`/`hide`); the window decides which of them are in the highlights right now.
 *
 * Normal articles (< LARGE_PAGE_CHARS of text) are `open`: every painted mark goes to the layer at once. Very large
 * pages are `limited` to the viewport: Chromium re-validates every range of every registered highlight whenever any
 * highlight changes (cost grows with the total number of ranges: on a 1 MB page with ~19k marks each batch of
 * additions cost 200-800 ms — long tasks). Above LARGE_PAGE_CHARS of text (~8,000 words), only marks of blocks within
 * about one viewport of the visible area are in the highlights; an IntersectionObserver adds and removes them as the
 * reader scrolls. Marks stay found, counted and navigable either way (the hover index and counts do not depend on it).
 *
 * The window owns its state; the engine only switches it (`limitToViewport` mid-scan, `reset` before a full scan).
 */
import type { HighlightLayer, Paintable } from './highlights.js';

export const LARGE_PAGE_CHARS = 50_000;

/** What the window needs of a mark: it is drawn by the layer and belongs to a block (its segment's key). */
export interface GatedMark extends Paintable {
  readonly segment: { readonly key: Node };
}

/** A block's segments, each with its marks (the engine's bookkeeping, read when a block enters or leaves view). */
export type SegmentsOf = (key: Node) => readonly { readonly marks: readonly GatedMark[] }[] | undefined;

interface Limited {
  readonly io: IntersectionObserver;
  readonly near: Set<Node>;
  readonly keysOf: WeakMap<Element, Node[]>;
  readonly observed: WeakSet<Element>;
}

export class PaintWindow {
  /** null: open (every painted mark is drawn); else limited to blocks near the viewport. */
  private limited: Limited | null = null;

  constructor(
    private readonly view: (Window & typeof globalThis) | null,
    private readonly layer: HighlightLayer,
    private readonly segmentsOf: SegmentsOf,
  ) {}

  /** True while limited to the viewport. */
  get isLimited(): boolean {
    return this.limited !== null;
  }

  /** A painted mark: drawn now when its block is in the window. */
  show(m: GatedMark): void {
    if (!this.limited || this.limited.near.has(m.segment.key)) this.layer.queueAdd(m);
  }

  /** Painted marks drawn at once, those of blocks in the window (a glossary swap: glossary-swap.ts). */
  drawNow(marks: Iterable<GatedMark>): void {
    const w = this.limited;
    const shown: GatedMark[] = [];
    for (const m of marks) if (!w || w.near.has(m.segment.key)) shown.push(m);
    this.layer.addNow(shown);
  }

  /** An unpainted mark: out of the highlights at once. */
  hide(m: GatedMark): void {
    this.layer.remove(m);
  }

  /**
   * From now on only blocks near the viewport are drawn. `painted` are the blocks that already have painted marks (a scan
   * that grew past LARGE_PAGE_CHARS): they are watched, and the observer's first report (a frame later) undraws
   * those off screen. No-op when already limited or without a window (no IntersectionObserver).
   */
  limitToViewport(painted: Iterable<Node>): void {
    const view = this.view;
    if (this.limited || !view) return;
    this.limited = {
      io: new view.IntersectionObserver((entries) => this.changed(entries), { rootMargin: '100% 0px 100% 0px' }),
      near: new Set(),
      keysOf: new WeakMap(),
      observed: new WeakSet(),
    };
    for (const key of painted) {
      this.seedNear(key);
      this.watch(key);
    }
  }

  /** Back to open (a new full scan decides again). */
  reset(): void {
    this.limited?.io.disconnect();
    this.limited = null;
  }

  /**
   * Marks a block as near before the observer's first report (which comes a frame later): the blocks found on
   * screen by the engine's viewport search are drawn in the first slice.
   */
  seedNear(key: Node): void {
    this.limited?.near.add(key);
  }

  /** A block has a painted mark: watched while limited (when it comes near, its painted marks are drawn). */
  watch(key: Node): void {
    const w = this.limited;
    if (!w) return;
    const el = key.nodeType === 1 ? (key as Element) : key.nodeType === 11 ? (key as ShadowRoot).host : null;
    if (!el) {
      w.near.add(key); // nothing to observe: always drawn
      return;
    }
    let keys = w.keysOf.get(el);
    if (!keys) w.keysOf.set(el, (keys = []));
    if (!keys.includes(key)) keys.push(key);
    if (!w.observed.has(el)) {
      w.observed.add(el);
      w.io.observe(el);
    }
  }

  private changed(entries: IntersectionObserverEntry[]): void {
    const w = this.limited;
    if (!w) return;
    for (const e of entries) {
      for (const key of w.keysOf.get(e.target) ?? []) {
        const was = w.near.has(key);
        if (e.isIntersecting === was) continue;
        if (e.isIntersecting) w.near.add(key);
        else w.near.delete(key);
        for (const seg of this.segmentsOf(key) ?? []) {
          for (const m of seg.marks) {
            if (!m.painted) continue;
            if (e.isIntersecting) this.layer.queueAdd(m);
            else this.layer.remove(m);
          }
        }
      }
    }
  }

  destroy(): void {
    this.reset();
  }
}
