/**
 * A CardController that loads the card UI (`card.js`: Preact, Floating UI, TermCard) on the first show. Most frames
 * never show a card, so they never parse it (issue 10, deliverable 2). Until it is loaded the card is hidden and has
 * no host element; listeners and updates given meanwhile reach the real card when it arrives. A show asked for while
 * loading is kept (the latest wins) unless a hide came after it; so is one waiting for its entry's text (`prepare`).
 */
import type { Settings } from '../core/settings/schema.js';
import type { ReportMeta } from '../core/glossary-types.js';
import type { CardAnchor, CardController, CardShowOptions } from '../page/card-api.js';
import { CardEventSource } from '../page/card-events.js';
import type { CardGlossary, CardHost, CardHostOptions } from '../page/card-host.js';

export interface CardModule {
  createCard(opts: CardHostOptions): CardHost;
}

export class LazyCard extends CardEventSource implements CardController {
  private real: CardHost | null = null;
  private loading: Promise<CardHost | null> | null = null;
  private pendingShow: [string, CardAnchor, CardShowOptions] | null = null;
  private destroyed = false;
  // Our own listener lists (`events`): the engine subscribes before the real card exists; the real card's events are
  // forwarded here once it does.

  constructor(
    private opts: CardHostOptions,
    private readonly load: () => Promise<CardModule>,
    /**
     * Gets what the card needs to show an entry (its text, asked from the background: src/content/card-details.ts)
     * and resolves when `update` has handed it over; null when it is here already.
     */
    private readonly prepare: (entryId: string) => Promise<void> | null = () => null,
  ) {
    super();
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
    const ready = this.prepare(entryId);
    if (this.real && !ready) {
      this.pendingShow = null;
      this.real.show(entryId, anchor, options);
      return;
    }
    const show: [string, CardAnchor, CardShowOptions] = [entryId, anchor, options];
    this.pendingShow = show;
    void Promise.all([this.ensure(), ready]).then(([card]) => {
      // A later show replaced this one, or a hide came after it.
      if (this.pendingShow !== show) return;
      this.pendingShow = null;
      if (card) card.show(...show);
    });
  }

  hide(force?: boolean): void {
    this.pendingShow = null;
    this.real?.hide(force);
  }

  update(settings: Settings, glossary?: CardGlossary, report?: ReportMeta): void {
    this.opts = { ...this.opts, settings, ...(glossary ? { glossary } : {}), ...(report ? { report } : {}) };
    this.real?.update(settings, glossary, report);
  }

  destroy(): void {
    this.destroyed = true;
    this.pendingShow = null;
    this.events.clear();
    this.real?.destroy();
  }

  private ensure(): Promise<CardHost | null> {
    this.loading ??= this.load().then(
      (mod) => {
        if (this.destroyed) return null;
        const card = mod.createCard(this.opts);
        card.onPointerEnter(() => this.events.emit('pointerenter'));
        card.onPointerLeave(() => this.events.emit('pointerleave'));
        card.onClose(() => this.events.emit('close'));
        card.onHide(() => this.events.emit('hide'));
        this.real = card;
        return card;
      },
      (err: unknown) => {
        // The module could not load (extension reloaded or updated under the page): no card; the marks stay.
        console.warn('[context-glossary] card', err);
        return null;
      },
    );
    return this.loading;
  }
}
