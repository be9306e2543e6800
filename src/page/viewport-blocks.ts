/**
 * Blocks and the viewport: where a scrolled page's scan starts (`viewportStartBlock`) and a block's top edge
 * (`blockTop`, for seeding the paint window with the blocks on screen).
 */
import { insideSkipped } from './collect.js';
import { INLINE_TAGS } from './dom-rules.js';

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
