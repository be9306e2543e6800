/**
 * The page engine: collect text → match → context rules → ranges → CSS highlights; hover and keyboard open the
 * card. Used by the content script (one engine per frame, root = document) and by the report reader (root = the
 * report's element). The page's DOM is never modified.
 *
 *   const engine = createPageEngine({ root: document, glossary, settings, card, site: location.hostname });
 *   engine.start();
 *
 * Scheduling: the first scan is pipelined in ~8 ms slices: each collects a stretch of blocks in document order (a
 * scrolled page: from the viewport's top), matches them and commits their marks, so the first marks are painted
 * after the first slice (ranges reach the screen in batches of ≤ 1,000 per frame). Later changes
 * come through a MutationObserver: only the blocks touched are rescanned (see mutations.ts). A new glossary is scanned
 * beside the marks on screen and swapped in at once (glossary-swap.ts: marks that stay right never blink).
 */
import { mentionMode, type Settings } from '../core/settings/schema.js';
import type { CardController } from './card-api.js';
import { HighlightLayer } from './highlights.js';
import { hitTestMarks } from './hit-test.js';
import { HoverController, type HoverTarget } from './hover.js';
import { rangeOf } from './mark-range.js';
import { type Mark, MarkStore, type PageGlossary, type SegmentState } from './mark-store.js';
import { PageObserver } from './mutations.js';
import { CardNavigation } from './navigation.js';
import { PaintWindow } from './paint-window.js';
import { paintableEntries } from './paint-policy.js';
import { runFullScan, type ScanTarget } from './full-scan.js';
import { cardKept, carryOver, keptPaintable } from './glossary-swap.js';
import { addTo, marked } from './segments.js';
import { rescanBlocks } from './incremental-rescan.js';
import { type Staged, stageGlossary } from './staged-glossary.js';
import type { EngineProbe } from './probe.js';

export interface PageTerm {
  id: string;
  count: number;
}

export interface PageEngineOptions {
  root: Document | ShadowRoot | Element;
  glossary: PageGlossary;
  settings: Settings;
  card: CardController;
  /** Host name for per-site meaning rules. */
  site: string;
  onTermsChanged?: (terms: PageTerm[]) => void;
  /** The article's publish date for the card; default: read from the document on first use. */
  articleDate?: string | null;
  /** Measurement hooks for the bench (probe.ts); the content script and the reader pass none. */
  probe?: EngineProbe;
  /** The CSS for our highlight names the document already has from the start (the content script's marks.css):
   *  the layer then attaches no sheet to the document unless the user's style differs (see highlights.ts). */
  presentCss?: string | null;
}

export interface PageEngine {
  start(): void;
  /** Stops observing and removes every mark (start() scans again). */
  stop(): void;
  update(settings: Settings, glossary?: PageGlossary): void;
  terms(): PageTerm[];
  reveal(id: string): boolean;
  navigate(direction: 'next' | 'previous'): string | null;
  openCard(id: string): boolean;
  destroy(): void;
}

export function createPageEngine(opts: PageEngineOptions): PageEngine {
  return new Engine(opts);
}

class Engine implements PageEngine {
  private readonly doc: Document;
  private readonly root: Node;
  private glossary: PageGlossary;
  private settings: Settings;
  private readonly layer: HighlightLayer;
  /** The gate between the store and the layer: all marks drawn, or (large pages) only those near the viewport. */
  private readonly paintWindow: PaintWindow;
  private store: MarkStore;
  private segments = new Map<Node, SegmentState[]>();
  /** A new glossary being scanned beside the marks on screen (null: none). */
  private staged: Staged | null = null;
  /** Open shadow roots under the root (passed to caretPositionFromPoint, observed, styled). */
  private readonly shadowRoots = new Set<ShadowRoot>();
  /** The same as an array for caretPositionFromPoint (rebuilt when a root is added). */
  private shadowList: ShadowRoot[] | null = null;
  private readonly hover: HoverController;
  private readonly observer: PageObserver;
  private readonly offCardClose: () => void;
  private readonly offCardHide: () => void;
  private running = false;
  /** Bumped by every full scan and stop: a running async scan whose token is stale gives up. */
  private scanToken = 0;
  private termsTimer: ReturnType<typeof setTimeout> | undefined;
  private watchTimer: ReturnType<typeof setInterval> | undefined;
  private lastHref = '';
  /** Card, keyboard and lookup: next/previous, reveal, Esc, focus return, article date (engine-navigation.ts). */
  private readonly nav: CardNavigation;
  private readonly scanTarget: ScanTarget;

  /** Without the first glossary: kept here, it held its matcher for the page's life (issue 13, heap snapshot). */
  private readonly opts: Omit<PageEngineOptions, 'glossary' | 'settings'>;

  constructor(options: PageEngineOptions) {
    const { glossary, settings, ...opts } = options;
    this.opts = opts;
    this.root = opts.root;
    this.doc = opts.root.nodeType === 9 ? (opts.root as Document) : opts.root.ownerDocument!;
    this.glossary = glossary;
    this.settings = settings;
    this.layer = new HighlightLayer(this.doc, opts.presentCss ?? null);
    this.layer.setStyle(this.settings.marking.style, this.settings.marking.colors);
    this.layer.adopt(this.doc);
    const rootNode = this.root.getRootNode();
    if (rootNode.nodeType === 11) this.addShadowRoot(rootNode as ShadowRoot);
    const view = this.doc.defaultView as (Window & typeof globalThis) | null;
    this.paintWindow = new PaintWindow(view, this.layer, (k) => this.segments.get(k));
    this.store = this.newStore();
    this.hover = new HoverController(
      this.doc,
      opts.card,
      (x, y) => this.hitTest(x, y),
      (t) => this.nav.showCard(t.key as Mark, 'hover'),
      this.settings.hover.delayMs,
    );
    const ctx = { doc: this.doc, card: opts.card, layer: this.layer, hover: this.hover };
    this.nav = new CardNavigation(ctx, { store: this.store, glossary: this.glossary }, opts.articleDate);
    this.observer = new PageObserver(this.doc, this.root, {
      rescan: (keys, removed, added) => this.rescan(keys, removed, added),
      fullRescan: () => this.rescanAll(),
      isOurs: (n) => n === opts.card.hostElement,
    });
    this.scanTarget = {
      doc: this.doc,
      root: this.root,
      probe: opts.probe,
      paintWindow: this.paintWindow,
      begin: () => {
        this.clearAll();
        this.paintWindow.reset();
      },
      addShadowRoot: (r) => this.addShadowRoot(r),
      blocksPainted: () => marked(this.segments),
      addSegment: (seg, fresh) => addTo(this.segments, this.store, seg, fresh),
      commit: (fresh) => this.store.commit(fresh),
      termsChanged: () => this.termsChanged(),
    };
    this.offCardClose = opts.card.onClose(() => this.nav.cardClosed());
    this.offCardHide = opts.card.onHide(() => this.nav.cardHidden());
    this.nav.skipRepeats = this.settings.keyboard.skipRepeats;
    opts.probe?.attach({
      termAt: (x, y) => this.hitTest(x, y)?.entryId ?? null,
      paintedRanges: () => this.store.paintedInOrder().map((m) => rangeOf(this.doc, m)),
      paintedCount: () => this.layer.paintedCount(),
    });
  }

  private newStore(): MarkStore {
    const paintable = paintableEntries(this.glossary.entries, this.settings, this.opts.site);
    return new MarkStore(this.glossary, this.paintWindow, paintable, mentionMode(this.settings));
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.doc.addEventListener('keydown', this.nav.onKey, true);
    this.observer.observe(this.root);
    for (const r of this.shadowRoots) this.observer.observe(r);
    this.lastHref = this.pageUrl();
    // The registry watch: the page may clear CSS.highlights or its adoptedStyleSheets; SPA navigations change the
    // URL without a load (isolated worlds cannot hook the page's history.pushState, so we look).
    this.watchTimer = setInterval(() => this.watch(), 1000);
    void this.fullScan();
  }

  stop(): void {
    if (!this.running) return;
    this.running = false;
    this.scanToken++;
    this.doc.removeEventListener('keydown', this.nav.onKey, true);
    this.observer.disconnect();
    clearInterval(this.watchTimer);
    this.clearAll();
    this.unstage();
    this.opts.card.hide(true);
    this.reportTerms();
  }

  private clearAll(): void {
    for (const list of this.segments.values()) for (const s of list) this.store.removeSegment(s);
    this.segments.clear();
    this.store.commit([]);
    this.layer.clear();
    this.nav.reset();
    this.hover.remap(() => undefined);
  }

  update(settings: Settings, glossary?: PageGlossary): void {
    const prev = this.settings;
    this.settings = settings;
    this.layer.setStyle(settings.marking.style, settings.marking.colors);
    this.hover.delayMs = settings.hover.delayMs;
    this.nav.skipRepeats = settings.keyboard.skipRepeats;
    if (glossary && glossary !== this.glossary && glossary !== this.staged?.glossary) {
      if (this.running) this.stage(glossary);
      else this.useGlossary(glossary);
      return;
    }
    const paintable = paintableEntries(this.glossary.entries, settings, this.opts.site);
    const before = paintableEntries(this.glossary.entries, prev, this.opts.site);
    if (mentionMode(settings) !== mentionMode(prev) || paintable.some((p, i) => p !== before[i])) this.applyPolicy();
  }

  /** Another glossary without a scan beside the marks (the engine stopped, or a full scan follows): marks cleared. */
  private useGlossary(glossary: PageGlossary): void {
    this.clearAll();
    this.glossary = glossary;
    this.store = this.newStore();
    this.nav.use({ store: this.store, glossary });
  }

  /** Settings (and a staged glossary) to the marks on screen: entries the staged glossary lacks are not painted
   *  while it is scanned, and a card of an entry that may not be painted is hidden (glossary-swap.ts). */
  private applyPolicy(): void {
    const mode = mentionMode(this.settings);
    let paintable = paintableEntries(this.glossary.entries, this.settings, this.opts.site);
    const s = this.staged;
    if (s) {
      const next = paintableEntries(s.glossary.entries, this.settings, this.opts.site);
      s.store.setPolicy(next, mode);
      paintable = keptPaintable(this.glossary, paintable, s.glossary, next) ?? paintable;
    }
    this.store.setPolicy(paintable, mode);
    if (this.store.commit([])) this.termsChanged();
    if (!cardKept(this.opts.card.entryId, this.glossary, paintable)) this.opts.card.hide(true);
  }

  /** A new glossary while marks are shown: scanned beside them, swapped in when complete (glossary-swap.ts: no
   *  blink). A newer glossary, stop() or a full scan supersede it. */
  private stage(glossary: PageGlossary): void {
    const token = ++this.scanToken;
    const paintable = paintableEntries(glossary.entries, this.settings, this.opts.site);
    const current = () => token === this.scanToken;
    const { staged, scanned } = stageGlossary(glossary, this.paintWindow, paintable, mentionMode(this.settings), this.scanTarget, current);
    this.staged = staged;
    this.applyPolicy();
    void scanned.then(() => {
      if (current() && this.staged === staged) this.swapIn(staged);
    });
  }

  /** The staged glossary becomes the glossary without its scan (stop, a full scan): the marks are cleared. */
  private unstage(): void {
    const s = this.staged;
    if (!s) return;
    this.staged = null;
    this.useGlossary(s.glossary);
  }

  /** One task: the old marks out, the staged ones in (no frame shows neither); then the changes made meanwhile. */
  private swapIn(s: Staged): void {
    this.staged = null;
    for (const list of this.segments.values()) for (const seg of list) this.store.removeSegment(seg);
    const carry = carryOver(s.store.index, this.glossary, s.glossary);
    this.nav.use({ store: s.store, glossary: s.glossary }, carry);
    this.hover.remap((key) => carry(key as Mark));
    this.glossary = s.glossary;
    this.store = s.store;
    this.segments = s.segments;
    s.gate.openGate();
    this.paintWindow.drawNow(s.store.painted());
    this.termsChanged();
    const b = s.backlog.take();
    if (b) this.rescan(b.keys, b.removed, b.added);
  }

  terms(): PageTerm[] {
    return this.store.terms();
  }

  /* ------------------------------------------------------------------ scanning */

  /** The first scan's pipeline (full-scan.ts); a newer scan or stop() makes an older one return at its next yield. */
  private fullScan(): Promise<void> {
    this.unstage(); // a glossary being staged is taken as it is: this scan starts from nothing anyway
    const token = ++this.scanToken;
    return runFullScan(this.scanTarget, () => token === this.scanToken);
  }

  /** Incremental: drop the segments of removed subtrees and of the given blocks, then collect those blocks again. */
  private rescan(keys: Set<Node>, removed: Node[], added: Set<Node>): void {
    if (!this.running) return;
    // Also for the glossary being staged, after its swap (its scan may have read these blocks before the change).
    this.staged?.backlog.record(keys, removed, added);
    const probe = this.opts.probe;
    const t0 = probe ? performance.now() : 0;
    const fresh = rescanBlocks(
      {
        doc: this.doc,
        segments: this.segments,
        store: this.store,
        skipped: (block) => this.observer.skipped(block),
        addShadowRoot: (r) => {
          if (this.shadowRoots.has(r)) return false;
          this.addShadowRoot(r);
          this.observer.observe(r);
          return true;
        },
      },
      keys,
      removed,
      added,
    );
    if (this.store.commit(fresh)) this.termsChanged();
    probe?.rescanned(performance.now() - t0);
  }

  private addShadowRoot(r: ShadowRoot): void {
    if (this.shadowRoots.has(r)) return;
    this.shadowRoots.add(r);
    this.shadowList = null;
    this.layer.adopt(r);
  }

  private watch(): void {
    this.layer.ensure();
    const href = this.pageUrl();
    if (href !== this.lastHref) {
      // SPA navigation: a new article. The observer already tracked the DOM; a fresh full scan resets
      // first-mention, navigation positions and the article date.
      this.lastHref = href;
      this.nav.resetArticleDate();
      this.rescanAll();
    }
  }

  /**
   * The whole page again: the observer saw a batch too large to follow block by block (over 1,000 nodes: an infinite
   * scroll appending a page of stories, a SPA swapping its view), or the URL changed. With marks on screen the scan
   * runs beside them and swaps in at its end, as a new glossary does (glossary-swap.ts): the marks of what stayed on
   * the page never blink (they used to be cleared and come back slice by slice). Without marks, a plain full scan.
   */
  private rescanAll(): void {
    if (!this.running) return;
    if (this.segments.size === 0 && !this.staged) void this.fullScan();
    else this.stage(this.staged?.glossary ?? this.glossary);
  }

  /** The page's address without its fragment: in-page anchors (#p3s2 in the reader) are not navigations. */
  private pageUrl(): string {
    const loc = this.doc.location;
    return loc ? loc.origin + loc.pathname + loc.search : '';
  }

  private termsChanged(): void {
    if (this.termsTimer !== undefined) return;
    this.termsTimer = setTimeout(() => {
      this.termsTimer = undefined;
      this.reportTerms();
    }, 200);
  }

  private reportTerms(): void {
    this.opts.onTermsChanged?.(this.store.terms());
  }

  /* ------------------------------------------------------------------ hover, card, keyboard */

  private hitTest(x: number, y: number): HoverTarget | null {
    this.shadowList ??= [...this.shadowRoots];
    const m = hitTestMarks(this.doc, this.store.index, this.shadowList, x, y);
    if (!m) return null;
    const entry = this.glossary.entries[m.entry];
    if (!entry) return null;
    return { key: m, entryId: entry.id, anchor: rangeOf(this.doc, m), weak: m.weak };
  }

  navigate(direction: 'next' | 'previous'): string | null {
    return this.nav.navigate(direction);
  }

  reveal(id: string): boolean {
    return this.nav.reveal(id);
  }

  openCard(id: string): boolean {
    return this.nav.openCard(id);
  }

  destroy(): void {
    this.stop();
    this.paintWindow.destroy();
    clearTimeout(this.termsTimer);
    this.hover.destroy();
    this.layer.destroy();
    this.offCardClose();
    this.offCardHide();
  }
}

