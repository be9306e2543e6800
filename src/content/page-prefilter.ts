/**
 * The bootstrap's page test (issue 13, deliverable 2): could the glossary mark anything in this document? Asks the
 * background's prefilter (src/core/prefilter.ts: one RegExp, flag `i`, run in the background:
 * src/background/page-prefilter.ts says why) about the raw text — `textContent` of the body and of every open shadow
 * root (the engine collects those too), native and a few ms for a 1 MB page — and, while the answer is no, about the
 * text each batch of DOM changes adds (a live blog that mentions a term later).
 * It reads more than the engine does (small scripts and styles, hidden text), never less: it only ever says "maybe"
 * more. Large scripts and styles are left out (src/content/page-text.ts): the engine never reads them either.
 */
import { HOST_ATTRIBUTE } from '../page/card-api.js';
import { INLINE_TAGS } from '../page/dom-rules.js';
import { prefilterQueue } from './prefilter-queue.js';
import { pageRoots, rootsText, rootText, shadowRoots } from './page-text.js';
import { remainderAfter } from './text-remainder.js';

/** Inside our card's host (its shadow root's nodes have the host as their root's host). */
function isOurs(n: Node): boolean {
  const root = n.getRootNode();
  const el = root.nodeType === 11 ? (root as ShadowRoot).host : n.nodeType === 1 ? (n as Element) : n.parentElement;
  return !!el?.closest(`[${HOST_ATTRIBUTE}]`);
}

export interface PageWatch {
  stop(): void;
  /** The page read exactly as `asked` when the watch started: nothing was asked then. */
  readonly unchanged: boolean;
  /**
   * Stops asking, but keeps recording what the page changes, and returns the page's text as this watch read it at
   * its start with those changes, for the next watch (the engine's) to start from instead of reading the whole page
   * again (issue 13). null (the watch stopped) when that text is no longer kept (the first answer came).
   */
  handOff(): PageRead | null;
}

/**
 * The page's text as a watch read it, and everything changed since (a watch that takes it over asks about those
 * blocks: a page changed since is still covered). take() ends the recording (once: the blocks, the shadow roots to
 * observe); release() ends it unused. Kept by nobody else: the text is a copy of the page.
 */
export interface PageRead {
  readonly text: string;
  take(): { blocks: Set<Node>; shadowRoots: ShadowRoot[] } | null;
  release(): void;
}

/**
 * Tests the document now (its text and every open shadow root's, in one question); when it may hold a term calls
 * `onMaybe` (with the page's text as the watch read it, when the answer was about that text: the caller need not
 * read the page again; null when the hit was in a later change), else `onNothing` and watches DOM changes (the blocks of each batch, as the engine's observer sees them:
 * no timer) until a question that may, then `onMaybe` once. One question is in flight at a time: blocks changed
 * while one is pending are asked about together after it (prefilter-queue.ts). `maybe` asks the background (the
 * prefilter runs there); a question that fails counts as "maybe" (load the engine rather than skip a page it would
 * mark). Nothing is called after stop(). `asked`: page text already asked about (the bootstrap's early look, or
 * the text the engine's page glossary was made from): when the page's text still starts with it, only the rest is
 * asked (text-remainder.ts), and nothing when it reads the same.
 */
export function watchPage(
  doc: Document,
  maybe: (text: string) => Promise<boolean>,
  onMaybe: (text: string | null) => void,
  onNothing: () => void,
  asked = '',
  /** Least time between two questions (prefilter-queue.ts); 0: ask as soon as the one before is answered. */
  gapMs = 0,
  /** The page as an earlier watch read it (its handOff()): its text and changes since, instead of a read. */
  from: PageRead | null = null,
): PageWatch {
  let mo: MutationObserver | null = null;
  /** The page's text as the watch read it at its start, kept only until the first answer (about that text). */
  let startText: string | null = null;
  /** Handed over (handOff()): the blocks changed since are recorded here, not asked. */
  let recording: Set<Node> | null = null;
  const queue = prefilterQueue<Node>(
    (blocks) => [...blocks].map((b) => rootText(doc, b)).join('\n'),
    maybe,
    (hit, first) => {
      const read = first ? startText : null;
      if (hit && read !== null) {
        // The answer about the text read at the start: onMaybe may take that text over with handOff() (which records
        // the changes made since, not asked yet, from here on); else the watch ends after it.
        onMaybe(read);
        if (startText !== null) stop();
        return;
      }
      startText = null;
      if (hit) {
        mo?.disconnect();
        onMaybe(read);
      } else if (first) onNothing();
    },
    gapMs,
  );
  const stop = () => {
    startText = null;
    recording = null;
    queue.stop();
    mo?.disconnect();
  };
  // Taken over: the earlier watch's read and what changed since, in this same task (no change is lost between its
  // observer and ours); else the page read now (the body's text and every open shadow root's, a full pass).
  const taken = from?.take() ?? null;
  const roots = taken ? [] : pageRoots(doc);
  const text = taken ? from!.text : rootsText(doc, roots);
  const shadows = taken ? taken.shadowRoots : (roots.slice(1) as ShadowRoot[]);
  const unchanged = text === asked && !taken?.blocks.size;
  if (text !== asked) {
    startText = text;
    queue.addText(remainderAfter(text, asked));
  }
  // The earlier watch's changes since its read: asked as this watch's own would be (after the text).
  if (taken?.blocks.size) queue.add(taken.blocks);
  const changedBlocks = (records: MutationRecord[]): Set<Node> => {
    // The block around each change, not only the new text: a spelling may join old text and new ("Tehreek-e-" +
    // an added "Taliban Pakistan"), and a match never crosses a block (src/page/collect.ts), so the block holds it.
    const blocks = new Set<Node>();
    for (const r of records) {
      if (r.type === 'childList' && r.addedNodes.length === 0) continue;
      // Our card's host and its shadow root: the card's text is ours, not the page's.
      if (isOurs(r.target) || (r.type === 'childList' && [...r.addedNodes].every((a) => a.nodeType === 1 && (a as Element).hasAttribute(HOST_ATTRIBUTE)))) continue;
      // An added block element is asked about alone: a match never crosses a block, so its text cannot join the text
      // around it (wave 9: a live blog inserting each update into its article asked about the whole article, 66K
      // characters, for every update). Added text or inline elements may join their block's text: the block.
      let joins = r.type === 'characterData';
      for (const a of r.addedNodes) {
        if (a.nodeType === 1 && !INLINE_TAGS.has((a as Element).localName)) {
          if (!(a as Element).hasAttribute(HOST_ATTRIBUTE)) blocks.add(a);
        } else joins = true;
      }
      let n: Node | null = !joins ? null : r.type === 'characterData' ? r.target.parentNode : r.target;
      while (n && n.nodeType === 1 && INLINE_TAGS.has((n as Element).localName) && n.parentNode) n = n.parentNode;
      if (n) blocks.add(n);
      // An element added with open shadow roots (a component on insertion): their text is not in its textContent,
      // and changes inside them later reach no observer of the document: watch them and ask about them too.
      for (const a of r.addedNodes) {
        if (a.nodeType !== 1 || (a as Element).hasAttribute(HOST_ATTRIBUTE)) continue;
        const own = (a as Element).shadowRoot;
        for (const sr of own ? [own, ...shadowRoots(doc, own)] : []) watchRoot(sr, blocks);
        if (a.firstChild) for (const sr of shadowRoots(doc, a)) watchRoot(sr, blocks);
      }
    }
    return blocks;
  };
  mo = new MutationObserver((records) => {
    const blocks = changedBlocks(records);
    if (recording) for (const b of blocks) recording.add(b);
    else queue.add(blocks);
  });
  const watched = new Set<ShadowRoot>(shadows);
  const watchRoot = (sr: ShadowRoot, blocks: Set<Node>) => {
    if (watched.has(sr)) return;
    watched.add(sr);
    mo?.observe(sr, { childList: true, characterData: true, subtree: true });
    blocks.add(sr);
  };
  // The whole document, not only the body: a page may replace its body. Observed from the start, so a change made
  // while the first answer is on its way is asked about too (after it).
  for (const r of [doc.documentElement, ...shadows]) if (r) mo.observe(r, { childList: true, characterData: true, subtree: true });
  const handOff = (): PageRead | null => {
    const read = startText;
    if (read === null) {
      stop();
      return null;
    }
    // Questions end here (an answer on its way is dropped); the observer goes on, recording. Changes already queued
    // and not yet asked about (made after the read: before the first answer nothing else is asked) are recorded too.
    recording ??= queue.drain();
    queue.stop();
    startText = null;
    let done = false;
    return {
      text: read,
      take() {
        if (done || !mo) return null;
        done = true;
        // Records not yet delivered to the callback (a change made in this task or its microtasks) count too.
        const rest = changedBlocks(mo.takeRecords());
        const blocks = recording ?? new Set<Node>();
        for (const b of rest) blocks.add(b);
        recording = null;
        mo.disconnect();
        return { blocks, shadowRoots: [...watched] };
      },
      release() {
        done = true;
        stop();
      },
    };
  };
  return { stop, unchanged, handOff };
}
