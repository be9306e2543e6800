/**
 * The card's outgoing events as listener lists (issue 10, deliverable 6): the engine and the hover controller
 * subscribe with `onX(listener)` and keep the returned unsubscribe, instead of assigning callbacks onto the card
 * (two owners assigning the same slot silently replaced each other's). Pure.
 */
export type CardEvent = 'pointerenter' | 'pointerleave' | 'close' | 'hide';

export class CardEvents {
  private readonly listeners = new Map<CardEvent, Set<() => void>>();

  /** Adds a listener; returns its unsubscribe (calling it twice is harmless). */
  on(type: CardEvent, listener: () => void): () => void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    // A wrapper per subscription: the same function subscribed twice is two subscriptions.
    const entry = () => listener();
    set.add(entry);
    return () => void set.delete(entry);
  }

  emit(type: CardEvent): void {
    // A copy: a listener may unsubscribe (itself or another) while we iterate.
    for (const fn of [...(this.listeners.get(type) ?? [])]) fn();
  }

  clear(): void {
    this.listeners.clear();
  }
}

/**
 * The subscribe side of a card (src/page/card-api.ts CardController's `onX`): the real card (card-host.ts) and the
 * content script's stand-in that loads it (src/content/lazy-card.ts) both emit through their own `events`.
 */
export abstract class CardEventSource {
  protected readonly events = new CardEvents();

  onPointerEnter(listener: () => void): () => void {
    return this.events.on('pointerenter', listener);
  }
  onPointerLeave(listener: () => void): () => void {
    return this.events.on('pointerleave', listener);
  }
  onClose(listener: () => void): () => void {
    return this.events.on('close', listener);
  }
  onHide(listener: () => void): () => void {
    return this.events.on('hide', listener);
  }
}
