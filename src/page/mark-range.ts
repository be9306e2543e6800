/**
 * Live ranges over marks: `rangeOf` (geometry for the card and the hit-test; StaticRange has none) and `revealMark`
 * (scroll a mark into view and flash it).
 */
import type { CardAnchor } from './card-api.js';
import type { HighlightLayer } from './highlights.js';
import type { Mark } from './mark-store.js';

/** A live Range over a mark (StaticRange has no geometry); cheap, made on demand and not kept. */
export function rangeOf(doc: Document, m: Mark): Range & CardAnchor {
  const r = doc.createRange();
  r.setStart(m.range.startContainer, m.range.startOffset);
  r.setEnd(m.range.endContainer, m.range.endOffset);
  return r;
}

/** Scrolls a mark into view (centred; instant when asked or when the user prefers reduced motion) and flashes it. */
export function revealMark(doc: Document, m: Mark, layer: HighlightLayer, instant = false): void {
  const el = m.range.startContainer.parentElement;
  const view = doc.defaultView;
  const reduced = instant || (view?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false);
  el?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: reduced ? 'auto' : 'smooth' });
  layer.flashRange(m.range);
}
