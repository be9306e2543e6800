/**
 * The bootstrap's early look (src/content/index.ts earlyLook): while the page is still parsed, the body text parsed
 * so far is asked about only when it is already long. The look pays on a large page still parsing (the 1 MB wiki×80
 * bench page: 160-200 K characters parsed when the boot state came, DOMContentLoaded 400-800 ms later, and engine.js
 * asked at DOMContentLoaded arrived only after `load`); on most pages it is one more round trip for nothing (issue 13,
 * wave 12: on the Guardian row it asked about the 9 characters parsed so far in 3 of 4 loads, then again at
 * DOMContentLoaded; wave 11 put the early look at 1.3-2.1 ms of the page's main thread, though a 15-pair run with and
 * without it did not resolve that from the noise: Guardian's script part 8.4 with it, 7.9 without, 8.6 gated).
 */
import { rootText } from './page-text.js';

/**
 * Characters of body text parsed at the boot state's reply from which the early look asks: above a small page's
 * whole text (Al Jazeera, 54 KB: 17 K; Frontier: 5 K) and far below what the wiki×80 page had parsed by then.
 */
export const EARLY_MIN_TEXT = 32 * 1024;

/** The body text to ask about while the page is parsed, or null when there is too little yet to be worth a question. */
export function earlyLookText(doc: Document): string | null {
  const text = doc.body ? rootText(doc, doc.body) : '';
  return text.length >= EARLY_MIN_TEXT ? text : null;
}
