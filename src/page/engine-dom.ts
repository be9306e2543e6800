/**
 * Small DOM helpers of the engine: the pointer hit-test, live ranges for the card, reveal (scroll + flash), where a
 * scrolled page's scan starts, block geometry.
 */
import type { CardAnchor } from './card-api.js';
import { insideSkipped } from './collect.js';
import { INLINE_TAGS } from './dom-rules.js';
import type { HighlightLayer } from './highlights.js';
import type { MarkIndex } from './mark-index.js';
import type { Mark } from './mark-store.js';

/** Pixels of slack around a mark's client rects (sub-pixel layout, pointer rounding). */
const RECT_TOLERANCE = 1;

type CaretDoc = Document & {
  caretPositionFromPoint?: (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => CaretPosition | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/**
 * The painted mark under a viewport point, or null. caretPositionFromPoint (with our known open shadow roots, so
 * it enters them — caretRangeFromPoint does not) → node + offset → index lookup → confirmed against the mark's
 * client rects: the caret snaps to the nearest text, so without the check a pointer beside a line or in the margin
 * would "hit" (measured: 132 hits where 100 were real). Never highlightsFromPoint: its cost grows with the ranges.
 */
export function hitTestMarks(doc: Document, index: MarkIndex<Text, Mark>, shadowRoots: ShadowRoot[], x: number, y: number): Mark | null {
  const d = doc as CaretDoc;
  let node: Node | null = null;
  let offset = 0;
  if (typeof d.caretPositionFromPoint === 'function') {
    const pos = d.caretPositionFromPoint(x, y, shadowRoots.length > 0 ? { shadowRoots } : undefined);
    if (pos) {
      node = pos.offsetNode;
      offset = pos.offset;
    }
  } else if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    if (r) {
      node = r.startContainer;
      offset = r.startOffset;
    }
  }
  if (!node || node.nodeType !== 3) return null;
  const candidates = index.at(node as Text, offset);
  for (const m of candidates) if (pointInMark(doc, m, x, y)) return m;
  return null;
}

function pointInMark(doc: Document, m: Mark, x: number, y: number): boolean {
  const rects = rangeOf(doc, m).getClientRects();
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i]!;
    if (
      x >= r.left - RECT_TOLERANCE &&
      x <= r.right + RECT_TOLERANCE &&
      y >= r.top - RECT_TOLERANCE &&
      y <= r.bottom + RECT_TOLERANCE
    ) {
      return true;
    }
  }
  return false;
}

/** A live Range over a mark (StaticRange has no geometry); cheap, made on demand and not kept. */
export function rangeOf(doc: Document, m: Mark): Range & CardAnchor {
  const r = doc.createRange();
  r.setStart(m.range.startContainer, m.range.startOffset);
  r.setEnd(m.range.endContainer, m.range.endOffset);
  return r;
}

/** Scrolls a mark into view (centred; instant when the user prefers reduced motion) and flashes it. */
export function revealMark(doc: Document, m: Mark, layer: HighlightLayer): void {
  const el = m.range.startContainer.parentElement;
  const view = doc.defaultView;
  const reduced = view?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  el?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: reduced ? 'auto' : 'smooth' });
  layer.flashRange(m.range);
}

/** A point anchor a third down the viewport, centred: for cards of terms not on screen. */
export function centredAnchor(view: Window): CardAnchor {
  const rect = () => new DOMRect(view.innerWidth / 2, view.innerHeight / 3, 0, 0);
  return { getBoundingClientRect: rect, getClientRects: () => [rect()] };
}

/**
 * Where a scrolled page's scan starts: the block element at the top of the viewport (its own start is a segment
 * boundary, so nothing is split), or null to start at the top (not scrolled, or nothing usable there).
 */
export function viewportStartBlock(doc: Document, root: Node): Element | null {
  const view = doc.defaultView;
  if (!view || root.nodeType !== 9 || view.scrollY < 1) return null;
  const x = view.innerWidth / 2;
  for (const y of [1, view.innerHeight / 4, view.innerHeight / 2]) {
    let el: Element | null = doc.elementFromPoint(x, y);
    while (el && INLINE_TAGS.has(el.localName)) el = el.parentElement;
    if (!el || el === doc.documentElement || el === doc.body || !root.contains(el)) continue;
    if (insideSkipped(el, root)) continue;
    return el;
  }
  return null;
}

/** A block's top edge in the viewport (NaN when it has no box). */
export function blockTop(key: Node): number {
  const el = key.nodeType === 1 ? (key as Element) : key.nodeType === 11 ? (key as ShadowRoot).host : null;
  return el ? el.getBoundingClientRect().top : Number.NaN;
}

/** True when `node` is an added element or lies inside one below `stop`. */
export function isNew(node: Node, stop: Node, added: Set<Node>): boolean {
  for (let n: Node | null = node; n && n !== stop; n = n.parentNode) if (added.has(n)) return true;
  return added.has(stop);
}
