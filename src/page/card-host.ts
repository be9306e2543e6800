/**
 * The card host: ONE `<div data-context-glossary-host>` per document, with an open shadow root into which the
 * shared TermCard (src/ui) is rendered with Preact — a small container with render()/destroy() in the manner of
 * the Hypothesis client's shadow-root components.
 *
 * Why an open shadow root: the page can reach it either way (a closed root is no security boundary against the
 * page's own scripts), while an open one lets tests and assistive tooling read the card; the isolation that
 * matters is of styles, done by `:host { all: initial !important }` and shadow scoping (10ten Reader does the
 * same). Nothing in it is secret: the glossary is public.
 */
import { h, render } from 'preact';
import type { CompiledEntry, ReportMeta } from '../core/glossary-types.js';
import type { Settings } from '../core/settings/schema.js';
import { canGoBack, type CardHistory, popHistory, pushHistory, startHistory } from '../ui/card-history.js';
import type { Translate } from '../core/i18n.js';
import { firstSentence } from '../ui/quote-segments.js';
import { TermCard, type TermCardProps } from '../ui/TermCard.js';
import { TERM_CARD_CSS } from '../ui/term-card-css.js';
import { type CardActions, type CardAnchor, type CardController, type CardShortcut, type CardShowOptions, HOST_ATTRIBUTE } from './card-api.js';
import { CardEventSource } from './card-events.js';
import { placeCard } from './card-position.js';
import { ScrollClose } from './card-scroll-close.js';
import { pageTheme } from './card-theme.js';
import { UNDO_CSS, UndoBar } from './card-undo.js';
import { applyStyles, HOST_CSS, type StyleMode } from './card-styles.js';

/** What the host needs of the runtime glossary (src/core/runtime-glossary.ts: RuntimeGlossary has these). */
export interface CardGlossary {
  entries: readonly CompiledEntry[];
  indexById: ReadonlyMap<string, number>;
}

export interface CardHostOptions {
  glossary: CardGlossary;
  settings: Settings;
  actions: CardActions;
  document: Document;
  /** The report's metadata for the source line (the caller has the glossary: the host does not import it). */
  report: ReportMeta;
  /** Strings (src/shared/i18n.ts in the extension; tests build theirs from messages.json). */
  t: Translate;
  /** Link target for a quote (the reader's URL), e.g. for middle-click; clicks always go to actions.openReader. */
  quoteHref?: (anchor: string) => string;
  /** Actions not offered here (the report reader has no "not this meaning on this site": it is the report). */
  omitActions?: readonly ('notThisMeaning' | 'dontMark')[];
}

const NAME_ID = 'cg-term-name';

/** Elements that cannot show children: a host appended to them would be invisible. */
const REPLACED = new Set(['video', 'img', 'canvas', 'iframe', 'embed', 'object', 'audio']);

export class CardHost extends CardEventSource implements CardController {
  private glossary: CardGlossary;
  private settings: Settings;
  private readonly actions: CardActions;
  private readonly doc: Document;
  private report: ReportMeta;
  private readonly t: Translate;
  private readonly quoteHref: ((anchor: string) => string) | undefined;
  private readonly omit: ReadonlySet<string>;

  private host: HTMLElement | null = null;
  private shadow: ShadowRoot | null = null;
  private layer: HTMLElement | null = null;
  private live: HTMLElement | null = null;
  private undoBar: UndoBar | null = null;
  private styleMode: StyleMode | null = null;

  private history: CardHistory | null = null;
  private anchor: CardAnchor | null = null;
  private articleDate: string | null = null;
  private isPinned = false;
  private fresh = false;
  /** The mention was resolved on weak evidence (shown while the card shows the entry it was opened for). */
  private weakFor: string | null = null;
  /** The page's own light/dark around the term (theme "system" follows it: issue 12 deliverable 7). */
  private pageScheme: 'light' | 'dark' | null = null;
  private readonly scrollClose: ScrollClose;
  /** The keyboard shortcuts for the Actions menu: asked once, on the first card (null until they arrive). */
  private shortcuts: readonly CardShortcut[] | null = null;
  private askedShortcuts = false;
  private stopPlacing: (() => void) | null = null;
  private readonly onFullscreenChange = () => this.attach();

  constructor(opts: CardHostOptions) {
    super();
    this.glossary = opts.glossary;
    this.settings = opts.settings;
    this.actions = opts.actions;
    this.doc = opts.document;
    this.report = opts.report;
    this.t = opts.t;
    this.quoteHref = opts.quoteHref;
    this.omit = new Set(opts.omitActions ?? []);
    this.scrollClose = new ScrollClose(this.doc, () => this.close(), () => this.isPinned);
  }

  get visible(): boolean {
    return this.history !== null;
  }
  get pinned(): boolean {
    return this.isPinned;
  }
  get entryId(): string | null {
    return this.history?.current ?? null;
  }
  get hostElement(): HTMLElement | null {
    return this.host;
  }
  /** How the stylesheet got in ('adopted' or 'style-element'), null before the first show. */
  get styleInjection(): StyleMode | null {
    return this.styleMode;
  }

  show(entryId: string, anchor: CardAnchor, options: CardShowOptions): void {
    if (!this.entry(entryId)) return;
    // A pinned card stays put while the pointer crosses other terms; keyboard and lookups replace it.
    if (this.isPinned && options.reason === 'hover' && this.visible) return;
    const layer = this.ensureHost();
    const same = this.visible && this.history?.current === entryId && this.history.back.length === 0;
    this.history = startHistory(entryId);
    this.articleDate = options.articleDate ?? null;
    this.weakFor = options.weak ? entryId : null;
    this.isPinned = false;
    if (!same) this.fresh = true;
    if (this.anchor !== anchor) this.pageScheme = pageTheme(this.doc, anchor);
    layer.hidden = false;
    this.askShortcuts();
    this.renderCard();
    if (this.anchor !== anchor) {
      this.stopPlacing?.();
      this.anchor = anchor;
      this.stopPlacing = placeCard(anchor, layer, (px) => layer.style.setProperty('--cg-max-height', `${px}px`));
      this.scrollClose.watch(anchor);
    }
    if (options.reason !== 'hover') {
      layer.focus({ preventScroll: true });
      this.announce(entryId);
    }
  }

  hide(force = false): void {
    if (!this.visible) return;
    if (this.isPinned && !force) return;
    this.history = null;
    this.isPinned = false;
    this.anchor = null;
    this.stopPlacing?.();
    this.stopPlacing = null;
    this.scrollClose.stop();
    if (this.layer) {
      render(null, this.layer);
      this.layer.hidden = true;
    }
    this.events.emit('hide');
  }

  /**
   * New settings (theme, size), a new glossary (own entries changed) or new report metadata (the make page's preview:
   * the title or date edited after the first compile): re-render what is shown.
   */
  update(settings: Settings, glossary?: CardGlossary, report?: ReportMeta): void {
    this.settings = settings;
    if (glossary) this.glossary = glossary;
    if (report) this.report = report;
    if (!this.visible) return;
    if (!this.entry(this.history!.current)) this.hide(true);
    else this.renderCard();
  }

  destroy(): void {
    this.hide(true);
    this.doc.removeEventListener('fullscreenchange', this.onFullscreenChange);
    this.host?.remove();
    this.host = this.shadow = this.layer = this.live = null;
    this.undoBar = null;
    this.events.clear();
  }

  private askShortcuts(): void {
    if (this.askedShortcuts || !this.actions.shortcuts) return;
    this.askedShortcuts = true;
    this.actions.shortcuts().then(
      (list) => {
        this.shortcuts = list;
        if (this.visible) this.renderCard();
      },
      () => {
        /* the background may be restarting: the menu just does not list them */
      },
    );
  }

  private entry(id: string): CompiledEntry | undefined {
    const i = this.glossary.indexById.get(id);
    return i === undefined ? undefined : this.glossary.entries[i];
  }

  /** Creates the host, shadow root, layer and live region on first use. */
  private ensureHost(): HTMLElement {
    if (this.layer && this.host) {
      if (!this.host.isConnected) this.attach();
      return this.layer;
    }
    const doc = this.doc;
    const host = doc.createElement('div');
    host.setAttribute(HOST_ATTRIBUTE, '');
    const shadow = host.attachShadow({ mode: 'open' });
    this.styleMode = applyStyles(shadow, HOST_CSS + TERM_CARD_CSS + UNDO_CSS);
    // The shadow root is open (tests and assistive tools read it), so a page script can reach our buttons and
    // `.click()` them or dispatch keys. Only the user may act: untrusted events stop here, in the capture phase,
    // before Preact's listeners on the buttons and links see them (SECURITY.md, tests/e2e/security.test.ts).
    for (const type of ['click', 'auxclick', 'keydown', 'keyup', 'input', 'change', 'submit'] as const) {
      shadow.addEventListener(
        type,
        (e) => {
          if (e.isTrusted) return;
          e.stopImmediatePropagation();
          e.preventDefault();
        },
        { capture: true },
      );
    }

    const layer = doc.createElement('div');
    layer.className = 'cg-layer';
    layer.setAttribute('role', 'dialog');
    layer.setAttribute('aria-labelledby', NAME_ID);
    layer.tabIndex = -1;
    // The glossary's language, whatever the page's: screen readers then pronounce the card right.
    layer.lang = this.report.language || 'en';
    layer.hidden = true;
    layer.dataset.styles = this.styleMode;
    layer.addEventListener('pointerenter', () => this.events.emit('pointerenter'));
    layer.addEventListener('pointerleave', () => this.events.emit('pointerleave'));
    layer.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape') return;
      // The page must not also act on this Esc (close its own modal, leave fullscreen).
      e.stopPropagation();
      e.preventDefault();
      this.close();
    });

    const live = doc.createElement('div');
    live.className = 'cg-live';
    live.setAttribute('aria-live', 'polite');
    live.setAttribute('role', 'status');

    shadow.append(layer, live);
    this.undoBar = new UndoBar(doc, shadow);
    this.host = host;
    this.shadow = shadow;
    this.layer = layer;
    this.live = live;
    this.attach();
    doc.addEventListener('fullscreenchange', this.onFullscreenChange);
    return layer;
  }

  /** Appends the host to the fullscreen element while there is one (else it would not be seen), else <html>. */
  private attach(): void {
    const host = this.host;
    if (!host) return;
    const fs = this.doc.fullscreenElement;
    const parent = fs && !REPLACED.has(fs.localName) ? fs : this.doc.documentElement;
    if (host.parentNode !== parent) parent.appendChild(host);
  }

  private close(): void {
    this.hide(true);
    this.events.emit('close');
  }

  /** Closes the card after a destructive action and offers its undo for several seconds (issue 12). */
  private closeWithUndo(undo: (() => void) | null, message: string): void {
    const hadFocus = this.shadow?.activeElement != null;
    this.close();
    if (undo) this.undoBar?.offer({ message, undoLabel: this.t('card_undo'), undo, focus: hadFocus });
  }

  private navigate(next: CardHistory): void {
    this.actions.needEntry?.(next.current);
    const hadFocus = this.shadow?.activeElement != null;
    this.history = next;
    this.renderCard();
    // The button that had focus is gone with the old entry: keep focus in the dialog.
    if (hadFocus) this.layer?.focus({ preventScroll: true });
  }

  private announce(id: string): void {
    const entry = this.entry(id);
    const live = this.live;
    if (!entry || !live) return;
    const text = this.t('card_announce', [entry.name, firstSentence(entry.definition)]);
    // Clear first so announcing the same term twice is still a change for screen readers.
    live.textContent = '';
    setTimeout(() => {
      if (this.live === live) live.textContent = text;
    }, 50);
  }

  private renderCard(): void {
    const history = this.history;
    const layer = this.layer;
    if (!history || !layer) return;
    const entry = this.entry(history.current);
    if (!entry) return;
    const { width, fontSize } = this.settings.card;
    const theme = this.settings.card.theme === 'system' && this.pageScheme ? this.pageScheme : this.settings.card.theme;
    layer.style.setProperty('--cg-width', `${width}px`);
    layer.style.setProperty('--cg-font-size', `${fontSize}px`);
    const prev = canGoBack(history) ? this.entry(history.back[history.back.length - 1]!) : undefined;
    const id = entry.id;
    const props: TermCardProps = {
      entry,
      report: this.report,
      resolveEntry: (rid) => this.entry(rid),
      t: this.t,
      articleDate: this.articleDate,
      onNavigate: (rid) => this.history && this.navigate(pushHistory(this.history, rid)),
      onBack: prev ? () => this.history && this.navigate(popHistory(this.history)) : undefined,
      backTo: prev?.name,
      pinned: this.isPinned,
      theme,
      weak: this.weakFor === id,
      shortcuts: this.shortcuts ?? undefined,
      nameId: NAME_ID,
      quoteHref: this.quoteHref,
      animate: this.fresh,
      actions: {
        notThisMeaning: this.omit.has('notThisMeaning')
          ? undefined
          : () => {
              const undo = this.actions.notThisMeaning(id);
              this.closeWithUndo(undo, this.t('card_undo_not_this_meaning', [entry.name, this.doc.location.hostname]));
            },
        dontMark: this.omit.has('dontMark')
          ? undefined
          : () => {
              const undo = this.actions.dontMark(id);
              this.closeWithUndo(undo, this.t('card_undo_dont_mark', [entry.name]));
            },
        pin: () => {
          this.isPinned = !this.isPinned;
          this.renderCard();
        },
        close: () => this.close(),
        openQuote: (anchor) => this.actions.openReader(anchor),
      },
    };
    this.fresh = false;
    render(h(TermCard, props), layer);
  }
}
