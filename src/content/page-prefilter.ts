/**
 * The bootstrap's page test (issue 13, deliverable 2): could the glossary mark anything in this document? Asks the
 * background's prefilter (src/core/prefilter.ts: one RegExp, flag `i`, run in the background:
 * src/background/page-prefilter.ts says why) about the raw text — `textContent` of the body and of every open shadow
 * root (the engine collects those too), native and a few ms for a 1 MB page — and, while the answer is no, about the
 * text each batch of DOM changes adds (a live blog that mentions a term later).
 * It reads more than the engine does (small scripts and styles, hidden text), never less: it only ever says "maybe"
 * more. Large scripts and styles are left out (`pageText`): the engine never reads them either.
 */
import { INLINE_TAGS } from '../page/dom-rules.js';
import { prefilterQueue } from './prefilter-queue.js';
import { remainderAfter } from './text-remainder.js';

/** Scripts and styles at least this long are left out of the text asked about (a few small ones cost nothing)… */
const CUT_AT = 1024;
/**
 * …when together they are at least this long: reading around them (a Range per script) costs a little more than
 * `textContent`, so it only pays where their copy would cost more (sampled on the Guardian page, 23 KB of large
 * scripts in 76 KB of text: no gain; Wired, 847 KB of 890 KB: the copy was most of our time).
 */
const CUT_TOTAL = 32 * 1024;

/**
 * The text of `root` as `textContent` gives it, without the text of its large scripts and styles (the engine skips
 * them: src/page/dom-rules.ts SKIPPED_TAGS). On the 1.5 MB Wired page 847 KB of its ~890 KB of body text is script
 * (JSON state), and every character asked about is copied into the background: that copy was most of the ~40 ms
 * sampled in our script there. The text around each script is read exactly (a Range between them) and joined with
 * nothing between, as the engine sees it; a script or style root has no text for the engine.
 */
export function pageText(doc: Document, root: Node): string {
  if (root.nodeType === 1 && /^(?:script|style)$/.test((root as Element).localName)) return '';
  const all = root.nodeType === 1 || root.nodeType === 11 ? (root as ParentNode).querySelectorAll('script, style') : [];
  const big: Element[] = [];
  let total = 0;
  for (const el of all) {
    const n = el.textContent?.length ?? 0;
    if (n >= CUT_AT) {
      big.push(el);
      total += n;
    }
  }
  if (total < CUT_TOTAL) return root.textContent ?? '';
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
function shadowRoots(doc: Document, root: Node): ShadowRoot[] {
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

export interface PageWatch {
  stop(): void;
}

/**
 * Tests the document now (its text and every open shadow root's, in one question); when it may hold a term calls
 * `onMaybe`, else `onNothing` and watches DOM changes (the blocks of each batch, as the engine's observer sees them:
 * no timer) until a question that may, then `onMaybe` once. One question is in flight at a time: blocks changed
 * while one is pending are asked about together after it (prefilter-queue.ts). `maybe` asks the background (the
 * prefilter runs there); a question that fails counts as "maybe" (load the engine rather than skip a page it would
 * mark). Nothing is called after stop(). `asked`: body text already asked about (the early look's question, whose
 * answer the caller awaits): when the body's text still starts with it, only the rest is asked (text-remainder.ts).
 */
export function watchPage(doc: Document, maybe: (text: string) => Promise<boolean>, onMaybe: () => void, onNothing: () => void, asked = ''): PageWatch {
  let mo: MutationObserver | null = null;
  const queue = prefilterQueue<Node>(
    (blocks) => [...blocks].map((b) => pageText(doc, b)).join('\n'),
    maybe,
    (hit, first) => {
      if (hit) {
        mo?.disconnect();
        onMaybe();
      } else if (first) onNothing();
    },
  );
  const stop = () => {
    queue.stop();
    mo?.disconnect();
  };
  const root: Node = doc.body ?? doc.documentElement;
  const roots = root ? [root, ...shadowRoots(doc, root)] : [];
  // Joined by a newline, a separator to the prefilter: a spelling across two roots only ever adds a "maybe".
  queue.addText(roots.map((r, i) => (i === 0 ? remainderAfter(pageText(doc, r), asked) : pageText(doc, r))).join('\n'));
  mo = new MutationObserver((records) => {
    // The block around each change, not only the new text: a spelling may join old text and new ("Tehreek-e-" +
    // an added "Taliban Pakistan"), and a match never crosses a block (src/page/collect.ts), so the block holds it.
    const blocks = new Set<Node>();
    for (const r of records) {
      if (r.type === 'childList' && r.addedNodes.length === 0) continue;
      let n: Node | null = r.type === 'characterData' ? r.target.parentNode : r.target;
      while (n && n.nodeType === 1 && INLINE_TAGS.has((n as Element).localName) && n.parentNode) n = n.parentNode;
      if (n) blocks.add(n);
    }
    queue.add(blocks);
  });
  // The whole document, not only the body: a page may replace its body. Observed from the start, so a change made
  // while the first answer is on its way is asked about too (after it).
  for (const r of [doc.documentElement, ...roots.slice(1)]) if (r) mo.observe(r, { childList: true, characterData: true, subtree: true });
  return { stop };
}
