/**
 * Places the card beside its anchor (a marked Range or any CardAnchor) inside the viewport with Floating UI:
 * below the term by default, flipped above when there is no room, shifted to stay on screen, its height capped
 * to the space available. Follows the anchor while the page scrolls or resizes (autoUpdate).
 */
import { autoUpdate, computePosition, flip, inline, offset, shift, size, type VirtualElement } from '@floating-ui/dom';
import type { CardAnchor } from './card-api.js';

/** Gap between the term and the card, and the margin kept from the viewport's edges (CSS px). */
const GAP = 6;
const EDGE = 8;

/** Floating UI's virtual element for an anchor; a Range's context element is its common ancestor element. */
function toVirtualElement(anchor: CardAnchor): VirtualElement {
  let context = anchor.contextElement;
  if (!context && 'commonAncestorContainer' in anchor) {
    const node = (anchor as unknown as Range).commonAncestorContainer;
    context = node.nodeType === 1 ? (node as Element) : (node.parentElement ?? undefined);
  }
  return {
    getBoundingClientRect: () => anchor.getBoundingClientRect(),
    getClientRects: () => Array.from(anchor.getClientRects()),
    ...(context ? { contextElement: context } : {}),
  };
}

/**
 * Positions `floating` (a `position: fixed` element) next to `anchor` and keeps it there until the returned
 * cleanup runs. `onMaxHeight` receives the room left between the anchor and the viewport edge.
 */
export function placeCard(anchor: CardAnchor, floating: HTMLElement, onMaxHeight: (px: number) => void): () => void {
  const reference = toVirtualElement(anchor);
  const update = () => {
    // An anchor that left the DOM (the page replaced the paragraph) has an empty rect: keep the last position.
    const r = reference.getBoundingClientRect();
    if (r.width === 0 && r.height === 0 && r.x === 0 && r.y === 0) return;
    computePosition(reference, floating, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        // inline(): a term wrapped over two lines anchors to the line the pointer is on, not the union box.
        inline(),
        offset(GAP),
        flip({ padding: EDGE, fallbackPlacements: ['top-start', 'bottom-end', 'top-end'] }),
        shift({ padding: EDGE }),
        size({
          padding: EDGE,
          apply({ availableHeight }) {
            onMaxHeight(Math.max(120, Math.floor(availableHeight)));
          },
        }),
      ],
    }).then(
      ({ x, y, placement }) => {
        floating.style.left = `${Math.round(x)}px`;
        floating.style.top = `${Math.round(y)}px`;
        floating.dataset.placement = placement;
      },
      () => undefined,
    );
  };
  return autoUpdate(reference, floating, update, { animationFrame: false });
}
