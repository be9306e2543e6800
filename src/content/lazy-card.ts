/**
 * A CardController that loads the card UI (`card.js`: Preact, Floating UI, TermCard) on the first show. Most frames
 * never show a card, so they never parse it. Until loaded the card is hidden and has no host element; callbacks and
 * updates set meanwhile are handed to the real card when it arrives. A show asked for while loading is kept (the
 * latest wins) unless a hide came after it.
 */
import type { Settings } from '../core/settings/schema.js';
import type { CardAnchor, CardController, CardShowOptions } from '../page/card-api.js';
import type { CardGlossary, CardHost, CardHostOptions } from '../page/card-host.js';

type CardModule = { createCard(opts: CardHostOptions): CardHost };

export class LazyCard implements CardController {
  private real: CardHost | null = null;
  private loading: Promise<CardHost | null> | null = null;
  private pendingShow: [string, CardAnchor, CardShowOptions] | null = null;
  private pointerEnter: (() => void) | null = null;
  private pointerLeave: (() => void) | null = null;
  private close: (() => void) | null = null;

  constructor(
    private opts: CardHostOptions,
    private readonly load: () => Promise<CardModule>,
  ) {}

  get onPointerEnter(): (() => void) | null {
    return this.pointerEnter;
  }
  set onPointerEnter(f: (() => void) | null) {
    this.pointerEnter = f;
    if (this.real) this.real.onPointerEnter = f;
  }
  get onPointerLeave(): (() => void) | null {
    return this.pointerLeave;
  }
  set onPointerLeave(f: (() => void) | null) {
    this.pointerLeave = f;
    if (this.real) this.real.onPointerLeave = f;
  }
  get onClose(): (() => void) | null {
    return this.close;
  }
  set onClose(f: (() => void) | null) {
    this.close = f;
    if (this.real) this.real.onClose = f;
  }

  get visible(): boolean {
    return this.real?.visible ?? false;
  }
  get pinned(): boolean {
    return this.real?.pinned ?? false;
  }
  get entryId(): string | null {
    return this.real?.entryId ?? null;
  }
  get hostElement(): HTMLElement | null {
    return this.real?.hostElement ?? null;
  }

  show(entryId: string, anchor: CardAnchor, options: CardShowOptions): void {
    if (this.real) {
      this.real.show(entryId, anchor, options);
      return;
    }
    this.pendingShow = [entryId, anchor, options];
    void this.ensure().then((card) => {
      const p = this.pendingShow;
      this.pendingShow = null;
      if (card && p) card.show(...p);
    });
  }

  hide(force?: boolean): void {
    this.pendingShow = null;
    this.real?.hide(force);
  }

  update(settings: Settings, glossary?: CardGlossary): void {
    this.opts = { ...this.opts, settings, ...(glossary ? { glossary } : {}) };
    this.real?.update(settings, glossary);
  }

  destroy(): void {
    this.pendingShow = null;
    this.real?.destroy();
  }

  private ensure(): Promise<CardHost | null> {
    this.loading ??= this.load().then(
      (mod) => {
        const card = mod.createCard(this.opts);
        card.onPointerEnter = this.pointerEnter;
        card.onPointerLeave = this.pointerLeave;
        card.onClose = this.close;
        this.real = card;
        return card;
      },
      () => null, // the module could not load (extension reloaded under the page): no card, marks stay
    );
    return this.loading;
  }
}
