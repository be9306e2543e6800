/**
 * Our CSS highlights: one Highlight per category (`context-glossary-<category>`) plus the flash, registered in the
 * document's CSS.highlights, styled by one constructed stylesheet adopted into the document and into every open
 * shadow root we mark (a document-level ::highlight rule does not reach into shadow trees). The page's DOM is never
 * touched: adoptedStyleSheets is not part of the DOM and does not serialize.
 *
 * Ranges are added in batches of at most MAX_RANGES_PER_FRAME per animation frame, in the order queued (the
 * engine queues nearest the viewport first). Removal is immediate (CSS.highlights delete is cheap). After each
 * change the layer times the frame that renders it; when that frame was slow, further additions wait (paintHoldMs),
 * so a page whose repaint is expensive gets few large batches instead of a slow frame per slice.
 *
 * Styling without a restyle: adopting a stylesheet with ::highlight rules makes Chromium recalculate the style of every
 * element (measured on the 1.5 MB Wired corpus page, 1,000 marked ranges: 87 ms of style recalculation; the same rules
 * present from the start: 0 ms; `:root::highlight` rules adopted late: 15.5 ms). So in a page the default marks come
 * from `extension/marks.css`, which the manifest injects with the content script before the page is styled
 * (`presentCss`; in Chromium as `:root::highlight` rules, which cost no style recalculation on pages with nothing to
 * mark: tools/marks-css.mjs); the layer adopts its own sheet into the document only when the user's style or colours differ
 * from it (and then on the first mark). Shadow roots we mark always get the sheet (document rules do not reach in).
 *
 * The page can see and clear CSS.highlights (it is shared with the main world): `ensure()` re-registers our
 * highlights and re-adopts the sheet when they disappear; the engine calls it on a timer and after each batch.
 */
import { CATEGORIES, type Category } from '../core/glossary-types.js';
import type { MarkStyle } from '../core/settings/schema.js';
import { CURRENT_NAME, FLASH_NAME, highlightCss, highlightName } from './highlight-style.js';
import { MAX_RANGES_PER_FRAME, paintHoldMs } from './scheduling.js';

export interface Paintable {
  category: Category;
  range: AbstractRange;
  /** Read at flush time: a mark unpainted before its batch ran is skipped. */
  painted: boolean;
}

type Registry = Map<string, Highlight>;

export class HighlightLayer {
  private readonly view: Window & typeof globalThis;
  private readonly registry: Registry | null;
  private readonly byCategory = new Map<Category, Highlight>();
  private readonly flash: Highlight | null;
  /** The term whose card is open by keyboard/lookup (CURRENT_NAME). */
  private readonly current: Highlight | null;
  private readonly sheet: CSSStyleSheet | null;
  private readonly roots = new Set<Document | ShadowRoot>();
  /** Highlights registered and the sheet parsed and adopted (from the first mark on; see styleNow). */
  private styled = false;
  /** The sheet's text for the current style (parsed into `sheet` once styled). */
  private sheetCss = '';
  /** CSS the document already has for our highlights (the content script's marks.css), or null. */
  private readonly presentCss: string | null;
  /** The document needs our sheet: no present CSS, or the user's style differs from it. */
  private documentNeedsSheet = true;
  private queue: Paintable[] = [];
  private queueHead = 0;
  private frame = 0;
  /** Ranges added since the last animation frame (the per-frame budget). */
  private addedThisFrame = 0;
  private budgetFrame = 0;
  private fallbackTimer: ReturnType<typeof setTimeout> | undefined;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;
  /** Additions wait until this time (performance.now) after a slow frame. */
  private holdUntil = 0;
  /** A frame timing is in flight (two animation frames after a change). */
  private probing = false;

  /** `presentCss`: the CSS for our highlight names the document already has (see the header), if any. */
  constructor(doc: Document, presentCss: string | null = null) {
    this.presentCss = presentCss;
    this.view = doc.defaultView as Window & typeof globalThis;
    const css = (this.view as { CSS?: { highlights?: Registry } }).CSS;
    this.registry = css?.highlights ?? null;
    const HighlightCtor = (this.view as { Highlight?: typeof Highlight }).Highlight;
    if (this.registry && HighlightCtor) {
      for (const c of CATEGORIES) this.byCategory.set(c, new HighlightCtor());
      this.flash = new HighlightCtor();
      // Above the category marks, so a flash shows over an underline's own styling.
      this.flash.priority = 1;
      this.current = new HighlightCtor();
      this.current.priority = 2;
    } else this.flash = this.current = null;
    // `new this.view.CSSStyleSheet()`: the sheet's constructor document must be the document it is adopted into
    // (else NotAllowedError). In a Firefox content script the bare `CSSStyleSheet` is the sandbox's Xray view of the
    // same window's constructor, which also qualifies; going through `view` makes that explicit for iframes too.
    let sheet: CSSStyleSheet | null = null;
    try {
      sheet = new this.view.CSSStyleSheet();
    } catch {
      sheet = null;
    }
    this.sheet = sheet;
    // Nothing is registered or parsed until the first mark (styleNow): most frames a reader opens have nothing to
    // mark, and a page that never gets a mark never sees our names in CSS.highlights nor pays for our sheet's
    // parse (issue 13: near-zero cost where nothing is marked).
  }

  /** False where the browser has no Highlight API (nothing is painted; the engine still counts terms). */
  get supported(): boolean {
    return this.registry !== null;
  }

  setStyle(style: MarkStyle, colors: Record<Category, string>): void {
    const css = highlightCss(style, colors);
    const needs = css !== this.presentCss;
    const sheetCss = this.presentCss === null ? css : highlightCss(style, colors, true);
    if (sheetCss !== this.sheetCss) {
      this.sheetCss = sheetCss;
      // Parsed now only when marks are shown; else on the first mark (styleNow).
      if (this.styled) this.sheet?.replaceSync(sheetCss);
    }
    if (needs === this.documentNeedsSheet) return;
    this.documentNeedsSheet = needs;
    if (!this.styled) return;
    // The style changed between the present CSS and a custom one while marks are shown: attach or detach.
    for (const root of this.roots) {
      if (root.nodeType !== 9) continue;
      if (needs) this.adoptInto(root);
      else detach(root, this.sheet);
    }
  }

  /** Adopts our stylesheet into a document or shadow root (idempotent; deferred until the first mark). */
  adopt(root: Document | ShadowRoot): void {
    this.roots.add(root);
    if (this.styled) this.adoptInto(root);
  }

  /**
   * Adopts the sheet where we mark, on the first mark: adding a stylesheet makes Chromium recalculate the style of
   * the whole document (measured on a 2.6 MB corpus page: 175-190 ms, a long task), and most pages a reader opens
   * have nothing to mark, so they never pay it.
   */
  private styleNow(): void {
    this.styled = true;
    this.sheet?.replaceSync(this.sheetCss);
    this.ensure();
  }

  private adoptInto(root: Document | ShadowRoot): void {
    const sheet = this.sheet;
    if (!sheet || (root.nodeType === 9 && !this.documentNeedsSheet)) return;
    try {
      const list = root.adoptedStyleSheets;
      for (let i = 0; i < list.length; i++) if (list[i] === sheet) return;
      // push() on the ObservableArray (Chrome 99+, Firefox 101+) keeps the page's own sheets and works through
      // Firefox's Xray wrappers; assigning a new array from the isolated world would have to be cloned into the page.
      list.push(sheet);
    } catch {
      // A hostile page can freeze or proxy things; marks then keep the default style (none) rather than break.
    }
  }

  /** Re-registers our highlights and the sheet if the page removed them (once marks are shown). Cheap: a few Map lookups. */
  ensure(): void {
    const reg = this.registry;
    if (!reg || !this.styled) return;
    try {
      for (const [c, h] of this.byCategory) if (reg.get(highlightName(c)) !== h) reg.set(highlightName(c), h);
      if (this.flash && reg.get(FLASH_NAME) !== this.flash) reg.set(FLASH_NAME, this.flash);
      if (this.current && reg.get(CURRENT_NAME) !== this.current) reg.set(CURRENT_NAME, this.current);
    } catch {
      /* see adoptInto */
    }
    for (const root of this.roots) this.adoptInto(root);
  }

  /** Adds a mark's range now while this frame's budget lasts, else queues it for the next frames. */
  queueAdd(mark: Paintable): void {
    if (!this.styled) this.styleNow();
    if (this.queueHead === this.queue.length && this.addedThisFrame < MAX_RANGES_PER_FRAME && !this.holding()) {
      this.byCategory.get(mark.category)?.add(mark.range);
      this.probe();
      if (this.addedThisFrame++ === 0) {
        // Reset the budget at the next frame (or after 100 ms where frames do not run: hidden tabs).
        const reset = () => {
          this.addedThisFrame = 0;
          if (this.budgetFrame) this.view.cancelAnimationFrame(this.budgetFrame);
          this.budgetFrame = 0;
        };
        this.budgetFrame = this.view.requestAnimationFrame(reset);
        setTimeout(reset, 100);
      }
      return;
    }
    this.queue.push(mark);
    this.schedule();
  }

  /**
   * Adds these marks' ranges now, past the per-frame budget: a glossary swap (glossary-swap.ts) takes the old marks
   * out and puts the new ones in within one task, so no frame shows neither (the budget would leave marks beyond the
   * first 1,000 missing for a frame each; a swap is rare, and on large pages the paint window keeps it to the view).
   */
  addNow(marks: Iterable<Paintable>): void {
    let added = false;
    for (const m of marks) {
      if (!m.painted) continue;
      if (!this.styled) this.styleNow();
      this.byCategory.get(m.category)?.add(m.range);
      added = true;
    }
    if (added) this.probe();
  }

  remove(mark: Paintable): void {
    if (this.byCategory.get(mark.category)?.delete(mark.range)) this.probe();
  }

  private holding(): boolean {
    return this.holdUntil > 0 && performance.now() < this.holdUntil;
  }

  /**
   * Times the frame that renders our change: from the animation frame before it is painted to the next one. Where
   * frames do not run (hidden tabs) no timing comes back and nothing is held.
   */
  private probe(): void {
    if (this.probing) return;
    this.probing = true;
    this.view.requestAnimationFrame(() => {
      const before = performance.now();
      this.view.requestAnimationFrame(() => {
        const now = performance.now();
        this.probing = false;
        const hold = paintHoldMs(now - before);
        this.holdUntil = hold > 0 ? now + hold : 0;
      });
    });
  }

  /** Number of ranges waiting for a frame. */
  get pending(): number {
    return this.queue.length - this.queueHead;
  }

  private schedule(): void {
    if (this.frame || this.fallbackTimer !== undefined) return;
    const wait = this.holdUntil - performance.now();
    if (wait > 0) {
      this.fallbackTimer = setTimeout(() => this.flush(), wait);
      return;
    }
    this.frame = this.view.requestAnimationFrame(() => this.flush());
    // rAF does not run in hidden tabs and can stall in some headless setups: a timer makes progress anyway.
    this.fallbackTimer = setTimeout(() => this.flush(), 100);
  }

  /** Adds up to MAX_RANGES_PER_FRAME queued ranges; reschedules while more wait. */
  flush(): void {
    if (this.frame) this.view.cancelAnimationFrame(this.frame);
    clearTimeout(this.fallbackTimer);
    this.frame = 0;
    this.fallbackTimer = undefined;
    const end = Math.min(this.queue.length, this.queueHead + MAX_RANGES_PER_FRAME);
    let added = false;
    for (let i = this.queueHead; i < end; i++) {
      const m = this.queue[i]!;
      if (m.painted) {
        this.byCategory.get(m.category)?.add(m.range);
        added = true;
      }
    }
    if (added) this.probe();
    this.queueHead = end;
    if (this.queueHead >= this.queue.length) {
      this.queue = [];
      this.queueHead = 0;
      this.ensure();
    } else this.schedule();
  }

  /** Flashes a range for a moment (reveal, keyboard navigation). */
  flashRange(range: AbstractRange, ms = 1500): void {
    if (!this.flash) return;
    if (!this.styled) this.styleNow();
    this.flash.clear();
    this.flash.add(range);
    clearTimeout(this.flashTimer);
    this.flashTimer = setTimeout(() => this.flash?.clear(), ms);
  }

  /** Marks the term whose card is open (null: none). */
  setCurrent(range: AbstractRange | null): void {
    if (!this.current) return;
    if (range && !this.styled) this.styleNow();
    this.current.clear();
    if (range) this.current.add(range);
  }

  /** Ranges in our category highlights now (the frame queue not counted); read by the engine's probe. */
  paintedCount(): number {
    let n = 0;
    for (const h of this.byCategory.values()) n += h.size;
    return n;
  }

  /** Removes every mark (keeps registration). */
  clear(): void {
    for (const h of this.byCategory.values()) h.clear();
    this.flash?.clear();
    this.current?.clear();
    this.queue = [];
    this.queueHead = 0;
  }

  destroy(): void {
    this.clear();
    if (this.frame) this.view.cancelAnimationFrame(this.frame);
    clearTimeout(this.fallbackTimer);
    clearTimeout(this.flashTimer);
    const reg = this.registry;
    if (reg) {
      for (const [c, h] of this.byCategory) if (reg.get(highlightName(c)) === h) reg.delete(highlightName(c));
      if (this.flash && reg.get(FLASH_NAME) === this.flash) reg.delete(FLASH_NAME);
      if (this.current && reg.get(CURRENT_NAME) === this.current) reg.delete(CURRENT_NAME);
    }
    for (const root of this.roots) detach(root, this.sheet);
    this.roots.clear();
  }
}

function detach(root: Document | ShadowRoot, sheet: CSSStyleSheet | null): void {
  if (!sheet) return;
  try {
    const list = root.adoptedStyleSheets;
    for (let i = list.length - 1; i >= 0; i--) if (list[i] === sheet) list.splice(i, 1);
  } catch {
    /* see adoptInto */
  }
}
