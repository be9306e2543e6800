/**
 * Painting window for very large pages. Chromium re-validates every range of every registered highlight whenever
 * any highlight changes (cost grows with the total number of ranges: on a 1 MB page with ~19k marks each batch of
 * additions cost 200-800 ms — long tasks). Above LARGE_PAGE_CHARS of text (~8,000 words), only marks of blocks within about one
 * viewport of the visible area are in the highlights; an IntersectionObserver adds and removes them as the reader
 * scrolls. Marks stay found, counted and navigable either way (the hover index and counts do not depend on it).
 * Normal articles (< 50 KB of text) paint everything at once and never use this.
 */
import type { HighlightLayer } from './highlights.js';
import type { Mark, SegmentState } from './mark-store.js';

export const LARGE_PAGE_CHARS = 50_000;

export class PaintWindow {
  private readonly near = new Set<Node>();
  private readonly keysOf = new WeakMap<Element, Node[]>();
  private readonly observed = new WeakSet<Element>();
  private readonly io: IntersectionObserver;

  constructor(
    view: Window & typeof globalThis,
    private readonly layer: HighlightLayer,
    private readonly segmentsOf: (key: Node) => readonly SegmentState[] | undefined,
  ) {
    this.io = new view.IntersectionObserver((entries) => this.changed(entries), { rootMargin: '100% 0px 100% 0px' });
  }

  /** Is this block near the viewport (its marks belong in the highlights)? */
  isNear(key: Node): boolean {
    return this.near.has(key);
  }

  /**
   * Marks a block as near before the observer's first report (which comes a frame later): the blocks found on
   * screen by the engine's viewport search are painted in the first slice.
   */
  seedNear(key: Node): void {
    this.near.add(key);
  }

  /** Starts watching a block that has marks. */
  watch(key: Node): void {
    const el = key.nodeType === 1 ? (key as Element) : key.nodeType === 11 ? (key as ShadowRoot).host : null;
    if (!el) {
      this.near.add(key); // nothing to observe: always painted
      return;
    }
    let keys = this.keysOf.get(el);
    if (!keys) this.keysOf.set(el, (keys = []));
    if (!keys.includes(key)) keys.push(key);
    if (!this.observed.has(el)) {
      this.observed.add(el);
      this.io.observe(el);
    }
  }

  private changed(entries: IntersectionObserverEntry[]): void {
    for (const e of entries) {
      for (const key of this.keysOf.get(e.target) ?? []) {
        const was = this.near.has(key);
        if (e.isIntersecting === was) continue;
        if (e.isIntersecting) this.near.add(key);
        else this.near.delete(key);
        for (const seg of this.segmentsOf(key) ?? []) {
          for (const m of seg.marks) if (m.painted) this.toggle(m, e.isIntersecting);
        }
      }
    }
  }

  private toggle(m: Mark, on: boolean): void {
    if (on) this.layer.queueAdd(m);
    else this.layer.remove(m);
  }

  destroy(): void {
    this.io.disconnect();
    this.near.clear();
  }
}
