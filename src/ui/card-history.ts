/**
 * The card's navigation history: related links push, Back pops. Immutable values so the host can keep one in
 * its state and tests can check every step. Pure.
 */

export interface CardHistory {
  /** Entry ids visited before the current one, oldest first. */
  readonly back: readonly string[];
  readonly current: string;
}

/** A fresh card (opened from the page): no history. */
export function startHistory(id: string): CardHistory {
  return { back: [], current: id };
}

/** Following a related link. Navigating to the entry already shown changes nothing; the stack is bounded. */
export function pushHistory(h: CardHistory, id: string, limit = 50): CardHistory {
  if (id === h.current) return h;
  const back = [...h.back, h.current];
  return { back: back.length > limit ? back.slice(back.length - limit) : back, current: id };
}

/** Back: the previous entry, or the same history when there is none. */
export function popHistory(h: CardHistory): CardHistory {
  const prev = h.back[h.back.length - 1];
  if (prev === undefined) return h;
  return { back: h.back.slice(0, -1), current: prev };
}

export function canGoBack(h: CardHistory): boolean {
  return h.back.length > 0;
}
