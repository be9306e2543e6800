/**
 * The bootstrap's page test (issue 13, deliverable 2): could the glossary mark anything in this document? Runs the
 * background's prefilter (src/core/prefilter.ts: one RegExp, flag `i`) over the raw text — `textContent` of the body
 * and of every open shadow root (the engine collects those too), native and a few ms for a 1 MB page — and, while
 * the answer is no, over the text each batch of DOM changes adds (a live blog that mentions a term later).
 * It reads more than the engine does (scripts, styles, hidden text), never less: it only ever says "maybe" more.
 */
import { INLINE_TAGS } from '../page/dom-rules.js';

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
 * Tests the document now; when it may hold a term calls `onMaybe` at once, else watches DOM changes (one batch per
 * observer callback, as the engine's observer does: no timer) and calls `onMaybe` once the first batch that may.
 */
export function watchPage(doc: Document, maybe: (text: string) => boolean, onMaybe: () => void): PageWatch {
  const root: Node = doc.body ?? doc.documentElement;
  const roots = root ? [root, ...shadowRoots(doc, root)] : [];
  if (roots.some((r) => maybe(r.textContent ?? ''))) {
    onMaybe();
    return { stop() {} };
  }
  const mo = new MutationObserver((records) => {
    // The block around each change, not only the new text: a spelling may join old text and new ("Tehreek-e-" +
    // an added "Taliban Pakistan"), and a match never crosses a block (src/page/collect.ts), so the block holds it.
    const blocks = new Set<Node>();
    for (const r of records) {
      if (r.type === 'childList' && r.addedNodes.length === 0) continue;
      let n: Node | null = r.type === 'characterData' ? r.target.parentNode : r.target;
      while (n && n.nodeType === 1 && INLINE_TAGS.has((n as Element).localName) && n.parentNode) n = n.parentNode;
      if (n) blocks.add(n);
    }
    let text = '';
    for (const b of blocks) text += `\n${b.textContent ?? ''}`;
    if (text && maybe(text)) {
      mo.disconnect();
      onMaybe();
    }
  });
  // The whole document, not only the body: a page may replace its body.
  for (const r of [doc.documentElement, ...roots.slice(1)]) if (r) mo.observe(r, { childList: true, characterData: true, subtree: true });
  return { stop: () => mo.disconnect() };
}
