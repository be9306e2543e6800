/**
 * Closes an unpinned card once the page has scrolled its term more than a small distance away (issue 12 deliverable
 * 7: the card followed its term under sticky headers while the page scrolled). Wikipedia's page previews close on
 * scroll the same way. Scrolls of any scroller count (capture listener on the document); the distance is how far the
 * term moved on screen, or the window's scroll for a card with no term on screen (a centred lookup card).
 */
import type { CardAnchor } from './card-api.js';

/** CSS px the term may move before the card closes: a nudge of the wheel or a line of arrow keys keeps it open. */
const SCROLL_CLOSE_PX = 48;

export class ScrollClose {
  private anchor: CardAnchor | null = null;
  private top = 0;
  private left = 0;
  private scrollX = 0;
  private scrollY = 0;
  private readonly onScroll = () => this.check();

  constructor(
    private readonly doc: Document,
    /** Called once when the distance is passed (and the card is not pinned: `pinned` is asked then). */
    private readonly close: () => void,
    private readonly pinned: () => boolean,
  ) {}

  /** Starts watching from where the anchor is now. */
  watch(anchor: CardAnchor): void {
    const view = this.doc.defaultView;
    if (!view) return;
    if (!this.anchor) this.doc.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    this.anchor = anchor;
    const r = anchor.getBoundingClientRect();
    this.top = r.top;
    this.left = r.left;
    this.scrollX = view.scrollX;
    this.scrollY = view.scrollY;
  }

  stop(): void {
    if (!this.anchor) return;
    this.anchor = null;
    this.doc.removeEventListener('scroll', this.onScroll, { capture: true });
  }

  private check(): void {
    const anchor = this.anchor;
    const view = this.doc.defaultView;
    if (!anchor || !view || this.pinned()) return;
    const r = anchor.getBoundingClientRect();
    const moved = Math.max(
      Math.abs(r.top - this.top),
      Math.abs(r.left - this.left),
      Math.abs(view.scrollY - this.scrollY),
      Math.abs(view.scrollX - this.scrollX),
    );
    if (moved > SCROLL_CLOSE_PX) {
      this.stop();
      this.close();
    }
  }
}
