/**
 * Hover timing: pointer → (one hit-test per animation frame) → dwell → card; leaving → grace period → hide, unless
 * the pointer entered the card. Wikipedia Page Previews and Word Hunter use a similar shape (a show delay, ~300 ms
 * grace on leave); the dwell is the user's setting (default 200 ms).
 *
 * Noise is ignored: touch pointers, moves while a button is down (selecting text), moves under 2 px, and a pointer
 * that merely crosses a mark (the dwell restarts only when the mark under the pointer changes, and is cancelled
 * when it leaves). A card opened by keyboard is left alone by pointer movement.
 */
import type { CardAnchor, CardController } from './card-api.js';

export interface HoverTarget {
  /** Identity of the mark under the pointer. */
  key: object;
  entryId: string;
  anchor: CardAnchor;
  /** The mark is a shared name resolved on weak evidence (Mark.weak, from decideLocal; issue 11): the card says so. */
  weak?: boolean;
}

export const GRACE_MS = 300;
const MIN_MOVE_PX = 2;

export class HoverController {
  private x = -1;
  private y = -1;
  private frame = 0;
  private dwellKey: object | null = null;
  private dwellTimer: ReturnType<typeof setTimeout> | undefined;
  private graceTimer: ReturnType<typeof setTimeout> | undefined;
  private shownKey: object | null = null;
  private shownByHover = false;
  private pointerInCard = false;
  /** After Esc, the mark under the pointer stays quiet until the pointer leaves it. */
  private suppressedKey: object | null = null;
  private readonly view: Window;
  private readonly unsubscribe: readonly (() => void)[];
  private readonly onMove = (e: PointerEvent) => this.pointerMove(e);
  private readonly onLeave = (e: PointerEvent) => {
    if (!e.relatedTarget) this.left();
  };

  constructor(
    private readonly doc: Document,
    private readonly card: CardController,
    private readonly hitTest: (x: number, y: number) => HoverTarget | null,
    private readonly show: (target: HoverTarget) => void,
    public delayMs: number,
  ) {
    this.view = doc.defaultView!;
    doc.addEventListener('pointermove', this.onMove, { capture: true, passive: true });
    doc.addEventListener('pointerout', this.onLeave, { capture: true, passive: true });
    this.unsubscribe = [
      card.onPointerEnter(() => {
        this.pointerInCard = true;
        this.cancelGrace();
      }),
      card.onPointerLeave(() => {
        this.pointerInCard = false;
        this.startGrace();
      }),
    ];
  }

  /** The card was opened by someone else (keyboard, lookup): pointer movement must not close it. */
  shownElsewhere(): void {
    this.cancelDwell();
    this.cancelGrace();
    this.shownKey = null;
    this.shownByHover = false;
  }

  private pointerMove(e: PointerEvent): void {
    // Page scripts can dispatch pointer events; only the user's pointer opens cards.
    if (!e.isTrusted || e.pointerType === 'touch') return;
    if (e.buttons !== 0) {
      // Selecting text or dragging: no card now.
      this.cancelDwell();
      return;
    }
    const host = this.card.hostElement;
    if (host && (e.target === host || e.composedPath().includes(host))) {
      this.pointerInCard = true;
      this.cancelGrace();
      this.cancelDwell();
      // A hit-test queued by a move just before (in the gap between term and card) must not start the grace
      // timer now that the pointer is in the card.
      if (this.frame) this.view.cancelAnimationFrame(this.frame);
      this.frame = 0;
      return;
    }
    this.pointerInCard = false;
    if (Math.abs(e.clientX - this.x) < MIN_MOVE_PX && Math.abs(e.clientY - this.y) < MIN_MOVE_PX) return;
    this.x = e.clientX;
    this.y = e.clientY;
    if (!this.frame) this.frame = this.view.requestAnimationFrame(() => this.resolve());
  }

  private resolve(): void {
    this.frame = 0;
    const t = this.hitTest(this.x, this.y);
    if (t && t.key === this.suppressedKey) return;
    this.suppressedKey = null;
    if (t) {
      this.cancelGrace();
      if (this.card.visible && this.shownKey === t.key) return;
      if (this.dwellKey === t.key) return;
      this.cancelDwell();
      this.dwellKey = t.key;
      this.dwellTimer = setTimeout(() => {
        this.dwellTimer = undefined;
        this.dwellKey = null;
        this.shownKey = t.key;
        this.shownByHover = true;
        this.pointerInCard = false;
        this.show(t);
      }, this.delayMs);
      return;
    }
    this.cancelDwell();
    this.startGrace();
  }

  private left(): void {
    this.cancelDwell();
    this.pointerInCard = false;
    this.startGrace();
  }

  private startGrace(): void {
    if (!this.card.visible || !this.shownByHover || this.card.pinned || this.graceTimer !== undefined) return;
    this.graceTimer = setTimeout(() => {
      this.graceTimer = undefined;
      if (this.pointerInCard || this.card.pinned || !this.shownByHover) return;
      this.card.hide();
      this.shownKey = null;
      this.shownByHover = false;
    }, GRACE_MS);
  }

  private cancelGrace(): void {
    clearTimeout(this.graceTimer);
    this.graceTimer = undefined;
  }

  private cancelDwell(): void {
    clearTimeout(this.dwellTimer);
    this.dwellTimer = undefined;
    this.dwellKey = null;
  }

  /**
   * The marks were replaced (a glossary swapped in, or all marks cleared): the keys held here name marks that are gone,
   * and a pending dwell would open the card of a stale mark, whose entry index may name another entry in the new
   * glossary (entries toggled, a review accepted or rejected: CI hovered a preview term right as it swapped). `map`
   * carries a key to the new mark at the same place, if any (glossary-swap.ts `carryOver`): the card shown and the
   * mark quieted by Esc keep their state; a pending dwell is hit-tested again on the new marks at the next frame.
   */
  remap(map: (key: object) => object | undefined): void {
    this.shownKey = this.shownKey ? (map(this.shownKey) ?? null) : null;
    this.suppressedKey = this.suppressedKey ? (map(this.suppressedKey) ?? null) : null;
    if (this.dwellTimer === undefined) return;
    this.cancelDwell();
    if (!this.frame) this.frame = this.view.requestAnimationFrame(() => this.resolve());
  }

  /** The card closed (Esc, close button): forget what was shown. */
  closed(): void {
    this.suppressedKey = this.shownKey;
    this.cancelDwell();
    this.cancelGrace();
    this.shownKey = null;
    this.shownByHover = false;
    this.pointerInCard = false;
  }

  destroy(): void {
    this.doc.removeEventListener('pointermove', this.onMove, { capture: true });
    this.doc.removeEventListener('pointerout', this.onLeave, { capture: true });
    if (this.frame) this.view.cancelAnimationFrame(this.frame);
    this.cancelDwell();
    this.cancelGrace();
    for (const off of this.unsubscribe) off();
  }
}
