/**
 * Dynamic pages: a MutationObserver (childList, characterData, subtree) on the root and every open shadow root we
 * know. Each observer callback (already a batch: every mutation of the task that ran) is turned into the set of blocks
 * to rescan (their own text only) plus the removed subtrees whose marks are dropped, and handled at once (~0.2 ms
 * for a few paragraphs). No timer: timers are throttled to 1 s in background and some headless tabs. Above FULL_RESCAN_NODES added nodes in one batch a chunked full rescan
 * is cheaper (Dark Reader uses the same threshold). Changes to our own UI host are ignored.
 */
import { blockOf, insideSkipped } from './collect.js';
import { INLINE_TAGS } from './dom-rules.js';

const FULL_RESCAN_NODES = 1000;

export interface ObserverSink {
  /** keys: blocks to rescan (own text); removed: dropped subtrees; added: added elements, whose nested blocks are
   *  new and get collected too. */
  rescan(keys: Set<Node>, removed: Node[], added: Set<Node>): void;
  fullRescan(): void;
  /** Our own UI host: its mutations are not the page's. */
  isOurs(node: Node): boolean;
}

export class PageObserver {
  private readonly mo: MutationObserver;

  constructor(
    doc: Document,
    private readonly root: Node,
    private readonly sink: ObserverSink,
  ) {
    const MO = (doc.defaultView as (Window & typeof globalThis) | null)?.MutationObserver ?? MutationObserver;
    this.mo = new MO((recs) => this.process(recs));
  }

  observe(target: Node): void {
    this.mo.observe(target, { childList: true, characterData: true, subtree: true });
  }

  disconnect(): void {
    this.mo.disconnect();
  }

  /** True when the block sits in a subtree we never read (inputs, code, editors, our host, …). */
  skipped(key: Node): boolean {
    return insideSkipped(key, this.root);
  }

  private process(recs: MutationRecord[]): void {
    const keys = new Set<Node>();
    const removed: Node[] = [];
    const addedElements = new Set<Node>();
    let added = 0;
    for (const r of recs) {
      const target = r.target;
      if (this.sink.isOurs(target)) continue;
      if (r.type === 'characterData') {
        const parent = target.parentNode;
        if (parent) keys.add(blockOf(parent, this.root));
        continue;
      }
      if (r.type !== 'childList') continue;
      let ours = true;
      for (const n of r.addedNodes) {
        if (this.sink.isOurs(n)) continue;
        ours = false;
        added++;
        if (n.nodeType === 1) addedElements.add(n);
        // A block (or something holding blocks) is its own key; its nested blocks are found by the rescan.
        if (n.nodeType === 1 && !INLINE_TAGS.has((n as Element).localName)) keys.add(n);
        else if (n.nodeType === 1) added += (n as Element).childElementCount;
      }
      for (const n of r.removedNodes) {
        if (this.sink.isOurs(n)) continue;
        ours = false;
        if (n.nodeType === 1 || n.nodeType === 11) removed.push(n);
      }
      if (!ours || (r.addedNodes.length === 0 && r.removedNodes.length === 0)) keys.add(blockOf(target, this.root));
    }
    if (added > FULL_RESCAN_NODES) {
      this.sink.fullRescan();
      return;
    }
    if (keys.size > 0 || removed.length > 0) this.sink.rescan(keys, removed, addedElements);
  }
}

/** True when `node` is an added element or lies inside one below `stop`. */
export function isNew(node: Node, stop: Node, added: Set<Node>): boolean {
  for (let n: Node | null = node; n && n !== stop; n = n.parentNode) if (added.has(n)) return true;
  return added.has(stop);
}
