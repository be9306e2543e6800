/**
 * The card UI as its own bundle (`card.js`, an ES module): Preact, Floating UI and TermCard are loaded by the content
 * script only when a card is first shown (src/content/lazy-card.ts), not parsed and run in every frame of every page.
 */
import { CardHost, type CardHostOptions } from '../page/card-host.js';

export function createCard(opts: CardHostOptions): CardHost {
  return new CardHost(opts);
}
