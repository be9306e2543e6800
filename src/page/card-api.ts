/**
 * The seam between the page engine (hit-testing, dwell/grace timing, keyboard navigation: src/page/hover*.ts)
 * and the card (Preact in a shadow root: src/page/card-host.ts + src/ui/TermCard.tsx).
 * Content script and report reader both wire an engine to a CardHost through this interface.
 */

/** What the card is placed beside: a marked Range works as is (Floating UI's virtual element shape). */
export interface CardAnchor {
  getBoundingClientRect(): DOMRect;
  getClientRects(): ArrayLike<DOMRect>;
  /** An element near the anchor (for fullscreen and scroll-parent handling). */
  contextElement?: Element;
}

export interface CardShowOptions {
  /** Why it opens: hover (no focus move), keyboard (focus the card, announce), lookup (popup/context menu). */
  reason: 'hover' | 'keyboard' | 'lookup';
  /** Date of the article the term was found in (ISO), for the "article is newer than the report" note. */
  articleDate?: string | null;
  /** The mention was told apart (Afghan Taliban or TTP) on weak evidence: the card says so in one line. */
  weak?: boolean;
}

/** Actions the card asks of its owner (the content script or the reader wires them to storage / messages). */
export interface CardActions {
  /** "Not this meaning on this site": a local rule; the owner removes the marks at once. Returns the undo
   *  (null: nothing was changed, e.g. a site that takes no rules). */
  notThisMeaning(entryId: string): (() => void) | null;
  /** "Don't mark this term" (anywhere); returns the undo as above. */
  dontMark(entryId: string): (() => void) | null;
  /** Open the report reader at a sentence anchor like "p3s2" (null: the top). */
  openReader(anchor: string | null): void;
  /**
   * The card is about to show this entry from a link in it (related term, back): the owner gets what the entry
   * lacks (a page's card text comes from the background) and hands it over with update() (absent: all is here).
   */
  needEntry?(entryId: string): void;
  /** The next/previous-term shortcuts as the browser has them, for the Actions menu (absent: not shown). */
  shortcuts?(): Promise<readonly CardShortcut[]>;
}

/** A keyboard command and its keys as the browser shows them ('' when the user removed the shortcut). */
export interface CardShortcut {
  command: 'next-term' | 'previous-term';
  keys: string;
}

export interface CardController {
  show(entryId: string, anchor: CardAnchor, options: CardShowOptions): void;
  /** Hide unless pinned (force: hide even when pinned — Esc, close button). */
  hide(force?: boolean): void;
  readonly visible: boolean;
  readonly pinned: boolean;
  /** Entry shown now, or null. */
  readonly entryId: string | null;
  /** The pointer entered/left the card: the hover controller's grace timer uses these to keep the card open.
   *  Each returns its unsubscribe. */
  onPointerEnter(listener: () => void): () => void;
  onPointerLeave(listener: () => void): () => void;
  /** The card closed itself (Esc, close button, page scrolled away): the engine returns focus where it was. */
  onClose(listener: () => void): () => void;
  /** The card was hidden, for whatever reason (the engine drops the term's "current" highlight). */
  onHide(listener: () => void): () => void;
  /** The host element (excluded from page scans and DOM comparisons in tests). */
  readonly hostElement: HTMLElement | null;
  destroy(): void;
}

/** Attribute on our one host element in a page; tests and scans skip it. */
export const HOST_ATTRIBUTE = 'data-context-glossary-host';
/** Prefix of every CSS highlight name we register (documented in README for `::highlight(...)` restyling). */
export const HIGHLIGHT_PREFIX = 'context-glossary';
