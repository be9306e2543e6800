/**
 * The page engine's card side: the card opened by hover, keyboard (next/previous term, Esc) and lookup (popup),
 * the positions of next/previous and of "reveal", focus given back when the card closes, and the article date
 * shown on the card. Owned by the Engine (engine.ts), which keeps scanning and marking.
 *
 * Issue 12 deliverable 3: next/previous pass over further mentions of the term just visited (settings
 * keyboard.skipRepeats: "next term" stopped 14 times on one "Taliban"), and the term whose card was opened by
 * keyboard or lookup carries the `context-glossary-current` highlight while the card is open (focus-visible).
 */
import type { CardAnchor, CardController } from './card-api.js';
import type { HighlightLayer } from './highlights.js';
import type { HoverController } from './hover.js';
import type { Mark, MarkStore, PageGlossary } from './mark-store.js';
import { readPublishDate } from './publish-date.js';
import { firstBelow } from './scheduling.js';
import { rangeOf, revealMark } from './mark-range.js';

/** What the navigation works with for its whole life. */
export interface NavigationContext {
  doc: Document;
  card: CardController;
  layer: HighlightLayer;
  hover: HoverController;
}

/** What the engine replaces on update() (a new glossary, hence a new store): handed over with `use()`. */
export interface NavigationState {
  store: MarkStore;
  glossary: PageGlossary;
}

export class CardNavigation {
  private navPosition: Mark | null = null;
  private readonly revealPosition = new Map<number, Mark>();
  private focusReturn: HTMLElement | null = null;
  private articleDate: string | null | undefined;
  /** settings.keyboard.skipRepeats (the engine sets it from settings). */
  skipRepeats = true;
  /** The document's keydown listener (capture phase), added and removed by the engine. */
  readonly onKey = (e: KeyboardEvent) => this.keyDown(e);

  /** `articleDate`: the engine's option (undefined: read from the document on first use). */
  constructor(
    private readonly ctx: NavigationContext,
    private state: NavigationState,
    private readonly givenArticleDate: string | null | undefined,
  ) {
    this.articleDate = givenArticleDate;
  }

  /** A new store and glossary (the engine's update() with a new glossary): positions in the old store are gone,
   *  or carried over to the same marks in the new one (a glossary swap: glossary-swap.ts `carryOver`). */
  use(state: NavigationState, carry?: (m: Mark) => Mark | undefined): void {
    const nav = this.navPosition;
    const revealed = [...this.revealPosition.values()];
    this.state = state;
    this.reset();
    if (!carry) return;
    this.navPosition = (nav && carry(nav)) ?? null;
    for (const m of revealed) {
      const n = carry(m);
      if (n) this.revealPosition.set(n.entry, n);
    }
  }

  /** The marks were cleared: next/previous starts again from the viewport, reveal from each term's first mark. */
  reset(): void {
    this.navPosition = null;
    this.revealPosition.clear();
  }

  /** A new article (SPA navigation): its publish date is read again. */
  resetArticleDate(): void {
    this.articleDate = this.givenArticleDate;
  }

  private dateOfArticle(): string | null {
    if (this.articleDate === undefined) this.articleDate = readPublishDate(this.ctx.doc);
    return this.articleDate;
  }

  showCard(m: Mark, reason: 'hover' | 'keyboard' | 'lookup', anchor?: CardAnchor): void {
    const entry = this.state.glossary.entries[m.entry];
    if (!entry) return;
    if (reason !== 'hover') {
      this.ctx.hover.shownElsewhere();
      this.rememberFocus();
    }
    this.ctx.card.show(entry.id, anchor ?? rangeOf(this.ctx.doc, m), { reason, articleDate: this.dateOfArticle(), weak: m.weak });
    // Keyboard and lookup make this term current (even while a lazily loaded card is still on its way); a hover that
    // replaced the card clears it (a pinned card ignores hover and keeps its term current).
    if (reason !== 'hover') this.ctx.layer.setCurrent(m.range);
    else if (this.ctx.card.entryId === entry.id) this.ctx.layer.setCurrent(null);
  }

  /** The card was hidden (any reason): no term is current any more. */
  cardHidden(): void {
    this.ctx.layer.setCurrent(null);
  }

  private rememberFocus(): void {
    const { doc, card } = this.ctx;
    const active = doc.activeElement;
    const host = card.hostElement;
    if (active instanceof doc.defaultView!.HTMLElement && active !== host && active !== doc.body) {
      this.focusReturn = active;
    } else if (!host || active !== host) this.focusReturn = null;
  }

  cardClosed(): void {
    this.ctx.hover.closed();
    const back = this.focusReturn;
    this.focusReturn = null;
    if (back && back.isConnected) back.focus({ preventScroll: true });
  }

  private keyDown(e: KeyboardEvent): void {
    const { card } = this.ctx;
    if (e.key !== 'Escape' || !card.visible) return;
    const host = card.hostElement;
    // Inside the card the card handles Esc itself (and calls onClose).
    if (host && e.composedPath().includes(host)) return;
    card.hide(true);
    this.cardClosed();
  }

  navigate(direction: 'next' | 'previous'): string | null {
    const { doc } = this.ctx;
    const list = this.state.store.paintedInOrder();
    if (list.length === 0) return null;
    let i: number;
    const cur = this.navPosition;
    const at = cur && !cur.dead ? list.indexOf(cur) : -1;
    if (at >= 0) {
      const step = direction === 'next' ? 1 : list.length - 1;
      i = (at + step) % list.length;
      // Skip further mentions of the term just visited (all of one term: plain next, so a key press still moves).
      if (this.skipRepeats) {
        let k = i;
        while (k !== at && list[k]!.entry === cur!.entry) k = (k + step) % list.length;
        if (k !== at) i = k;
      }
    } else {
      // From the viewport: the first mark at or below its top, or for "previous" the one just above it.
      const below = firstBelow(list.length, 0, (k) => rangeOf(doc, list[k]!).getBoundingClientRect().bottom);
      i = direction === 'next' ? below % list.length : (below - 1 + list.length) % list.length;
    }
    const m = list[i]!;
    this.navPosition = m;
    // An instant scroll: the card then opens where the term stays (a smooth scroll still running would move the
    // term away from it, and the card closes when its term scrolls away).
    revealMark(doc, m, this.ctx.layer, true);
    this.showCard(m, 'keyboard');
    return this.state.glossary.entries[m.entry]?.id ?? null;
  }

  reveal(id: string): boolean {
    const entry = this.state.glossary.indexById.get(id);
    if (entry === undefined) return false;
    const list = this.state.store.paintedInOrder(entry);
    if (list.length === 0) return false;
    const prev = this.revealPosition.get(entry);
    const at = prev ? list.indexOf(prev) : -1;
    const m = list[(at + 1) % list.length]!;
    this.revealPosition.set(entry, m);
    revealMark(this.ctx.doc, m, this.ctx.layer);
    return true;
  }

  openCard(id: string): boolean {
    const { doc, card } = this.ctx;
    const glossary = this.state.glossary;
    const entry = glossary.indexById.get(id);
    const e = entry === undefined ? undefined : glossary.entries[entry];
    if (entry === undefined || !e) return false;
    const view = doc.defaultView!;
    // A mark of this entry on screen anchors the card; else the card opens centred (the term may not be on the page).
    const visible = this.state.store.paintedInOrder(entry).find((m) => {
      const r = rangeOf(doc, m).getBoundingClientRect();
      return r.bottom > 0 && r.top < view.innerHeight && r.width > 0;
    });
    this.ctx.hover.shownElsewhere();
    this.rememberFocus();
    card.show(e.id, visible ? rangeOf(doc, visible) : centredAnchor(view), {
      reason: 'lookup',
      articleDate: this.dateOfArticle(),
      weak: visible?.weak ?? false,
    });
    this.ctx.layer.setCurrent(visible ? visible.range : null);
    return true;
  }
}

/** A point anchor a third down the viewport, centred: for cards of terms not on screen. */
function centredAnchor(view: Window): CardAnchor {
  const rect = () => new DOMRect(view.innerWidth / 2, view.innerHeight / 3, 0, 0);
  return { getBoundingClientRect: rect, getClientRects: () => [rect()] };
}
