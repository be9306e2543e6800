/**
 * The bootstrap's early look (src/content/index.ts earlyLook): while the page is still parsed, the body text parsed
 * so far is asked about only when it is more than a few K characters. The look pays on a large page still parsing (the 1 MB wiki×80
 * bench page: 160-200 K characters parsed when the boot state came, DOMContentLoaded 400-800 ms later, and engine.js
 * asked at DOMContentLoaded arrived only after `load`); on most pages it is one more round trip for nothing (issue 13,
 * wave 12: on the Guardian row it asked about the 9 characters parsed so far in 3 of 4 loads, then again at
 * DOMContentLoaded; wave 11 put the early look at 1.3-2.1 ms of the page's main thread, though a 15-pair run with and
 * without it did not resolve that from the noise: Guardian's script part 8.4 with it, 7.9 without, 8.6 gated).
 */
import { rootText } from './page-text.js';
import { OVERLAP } from './text-remainder.js';

/**
 * Characters of body text parsed at the boot state's reply from which the early look asks: more than OVERLAP, the
 * text the question at DOMContentLoaded asks about again anyway (text-remainder.ts: a question about no more than
 * OVERLAP covers nothing then, so a "no" saves nothing). Not higher: a large page that has parsed a few K keeps the
 * engine's head start when they may hit (wave 12 tried 32 K: wiki×80's first marked frame read +14.2 ms, median of 10
 * interleaved pairs, where the base build against itself read +68.7 — unresolved; this threshold avoids the risk).
 */
export const EARLY_MIN_TEXT = OVERLAP + 1;

/** The body text to ask about while the page is parsed, or null when there is too little yet to be worth a question. */
export function earlyLookText(doc: Document): string | null {
  const text = doc.body ? rootText(doc, doc.body) : '';
  return text.length >= EARLY_MIN_TEXT ? text : null;
}
