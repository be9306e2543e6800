/**
 * The text the bootstrap and the engine's page watch ask the background about (issue 13): a root's `textContent`
 * without its large scripts and styles, and the page's text as the prefilter reads it (the body's and every open
 * shadow root's). Reads more than the engine does (small scripts and styles, hidden text), never less.
 */

/**
 * Scripts and styles at least this long are left out of the text asked about (a few small ones cost nothing). Read
 * around with a Range whenever there is one (wave 14; before, only when they held 32 K or more together): the
 * question's message is serialized in the page's renderer, so every character asked about costs the page (the
 * Guardian row's two scripts are 23 K of its 76 K characters; a Range per script read in about the time
 * `textContent` did, 4.2 vs 4.7 ms wall at DOMContentLoaded in a content script, median of 8 loads at load ~4).
 */
const CUT_AT = 1024;

/**
 * The text of `root` as `textContent` gives it, without the text of its large scripts and styles (the engine skips
 * them: src/page/dom-rules.ts SKIPPED_TAGS). On the 1.5 MB Wired page 847 KB of its ~890 KB of body text is script
 * (JSON state), and every character asked about is copied into the background: that copy was most of the ~40 ms
 * sampled in our script there. The text around each script is read exactly (a Range between them) and joined with
 * nothing between, as the engine sees it; a script or style root has no text for the engine.
 */
export function rootText(doc: Document, root: Node): string {
  if (root.nodeType === 1 && /^(?:script|style)$/.test((root as Element).localName)) return '';
  const all = root.nodeType === 1 || root.nodeType === 11 ? (root as ParentNode).querySelectorAll('script, style') : [];
  const big: Element[] = [];
  for (const el of all) if ((el.textContent?.length ?? 0) >= CUT_AT) big.push(el);
  if (!big.length) return root.textContent ?? '';
  const range = doc.createRange();
  range.setStart(root, 0);
  let out = '';
  for (const el of big) {
    range.setEndBefore(el);
    out += range.toString();
    range.setStartAfter(el);
  }
  range.setEnd(root, root.childNodes.length);
  return out + range.toString();
}

/** Every open shadow root under `root` (nested ones included): their text is not in `textContent`. */
export function shadowRoots(doc: Document, root: Node): ShadowRoot[] {
  const out: ShadowRoot[] = [];
  const queue: Node[] = [root];
  for (let r = queue.pop(); r; r = queue.pop()) {
    const w = doc.createTreeWalker(r, 0x1 /* NodeFilter.SHOW_ELEMENT */);
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      const s = (n as Element).shadowRoot;
      if (s) {
        out.push(s);
        queue.push(s);
      }
    }
  }
  return out;
}

/** The body (or the document element) and every open shadow root under it. */
export function pageRoots(doc: Document): Node[] {
  const root: Node = doc.body ?? doc.documentElement;
  return root ? [root, ...shadowRoots(doc, root)] : [];
}

// Joined by a newline, a separator to the prefilter: a spelling across two roots only ever adds a "maybe".
export const rootsText = (doc: Document, roots: readonly Node[]) => roots.map((r) => rootText(doc, r)).join('\n');

/** The page's raw text as the prefilter reads it (the body's and every open shadow root's). */
export const pageText = (doc: Document): string => rootsText(doc, pageRoots(doc));
