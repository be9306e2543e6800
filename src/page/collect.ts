/**
 * Collects a page's text into segments: runs of text nodes that read as one piece of inline text (one block,
 * between block boundaries and <br>). A match never crosses a segment boundary.
 *
 * One TreeWalker (SHOW_ELEMENT | SHOW_TEXT) with no acceptNode callback (a callback made the walk 6x slower) and
 * tag-name Set lookups; skipped subtrees (script, code, inputs, editors, our host, …) are jumped over, not walked.
 * The walk is resumable so a large page is collected across slices.
 *
 * Modes:
 *  - 'all': every segment under the root, open shadow roots included (queued and walked after the root).
 *  - 'own': only the root block's own text; nested blocks are reported, not entered (incremental rescans).
 */
import { HOST_ATTRIBUTE } from './card-api.js';
import { BREAK_TAGS, hasVisibleText, INLINE_TAGS, isSkippedElement, mayHostShadow } from './dom-rules.js';
import type { SliceClock } from './scheduling.js';

export interface Segment {
  /** The block the text belongs to: a block element, a shadow root, or the engine's root. */
  key: Node;
  nodes: Text[];
}

const SHOW = 0x1 /* NodeFilter.SHOW_ELEMENT */ | 0x4; /* NodeFilter.SHOW_TEXT */

function isSkipped(el: Element, tag = el.localName): boolean {
  // Fast path: most elements carry no attribute we care about.
  if (!el.hasAttributes()) return isSkippedElement(tag, null, false, false);
  return isSkippedElement(tag, el.getAttribute('contenteditable'), el.hasAttribute('hidden'), el.hasAttribute(HOST_ATTRIBUTE));
}

/** True when `node` sits inside a skipped element (up to `stop`, crossing shadow roots to their hosts). */
export function insideSkipped(node: Node, stop: Node): boolean {
  let n: Node | null = node;
  while (n && n !== stop) {
    if (n.nodeType === 1 && isSkipped(n as Element)) return true;
    const parent: Node | null = n.parentNode;
    n = parent && parent.nodeType === 11 ? ((parent as ShadowRoot).host ?? null) : parent;
  }
  return false;
}

export class Collector {
  readonly segments: Segment[] = [];
  /** Open shadow roots met on the way (all of them walked too in 'all' mode). */
  readonly shadowRoots: ShadowRoot[] = [];
  /** Characters of text collected (decides the large-page paint window). */
  chars = 0;
  /** 'own' mode: block elements inside the root that were not entered. */
  readonly nestedBlocks: Element[] = [];
  private readonly pending: Node[];
  private walker: TreeWalker | null = null;
  private next: Node | null = null;
  /**
   * The running segment: the only one text can still join. Between two text nodes of one block every node lies
   * inside that block, so a block element (or <br>) met between them is inside it and ends its segment; text of
   * another block can only follow after such an element, or after the block's end. One segment open at a time thus
   * gives the segments a map of running segments per block gave, without its lookups: the map cost a parentNode
   * and a tag read of the parent per block element, and a Map get per text node (issue 13: the walk was ~20 ms of
   * the 1 MB wiki×80 page's scan, tools/bench/outside-profile.ts).
   */
  private open: Segment | null = null;
  /** The parent of the last text node and its block (text nodes next to each other share both). */
  private lastParent: Node | null = null;
  private lastKey: Node | null = null;
  private readonly blockCache = new Map<Node, Node>();
  /** takeComplete(): segments it saw still open (text may still join them). */
  private held: Segment[] = [];

  constructor(
    private readonly doc: Document,
    root: Node,
    private readonly mode: 'all' | 'own',
    /** Nodes that are blocks whatever their tag (the engine's root, shadow roots are blocks anyway). */
    private readonly stopAt: Node = root,
    /** Start the root's walk at this element (itself included) instead of the root's first node. */
    private from: Node | null = null,
    /** End the root's walk at this node (not included): with `from`, a walk split in two at an element. */
    private readonly until: Node | null = null,
  ) {
    this.pending = [root];
  }

  /** The block a node's text belongs to: the node itself unless it is an inline element, then its parent's. */
  private blockOf(node: Node): Node {
    // Most text sits right in its block: no list of visited inline elements to allocate (a per-text-node array was
    // garbage on every node of a 1 MB page, issue 13).
    if (node === this.stopAt || node.nodeType !== 1 || !INLINE_TAGS.has((node as Element).localName)) return node;
    let n = node;
    const seen: Node[] = [];
    for (;;) {
      if (n === this.stopAt || n.nodeType !== 1 || !INLINE_TAGS.has((n as Element).localName)) break;
      const cached = this.blockCache.get(n);
      if (cached) {
        n = cached;
        break;
      }
      seen.push(n);
      const p = n.parentNode;
      if (!p) break;
      n = p;
    }
    for (const s of seen) this.blockCache.set(s, n);
    return n;
  }

  /** Walks until done (true) or the clock runs out (false; call again to resume). */
  step(clock: SliceClock): boolean {
    for (;;) {
      if (!this.walker) {
        const root = this.pending.shift();
        if (!root) return true;
        // The walk starts below its root: a root element's own shadow root is found here.
        const own = root.nodeType === 1 ? (root as Element).shadowRoot : null;
        if (own && !isSkipped(root as Element)) {
          this.shadowRoots.push(own);
          if (this.mode === 'all') this.pending.push(own);
        }
        this.walker = this.doc.createTreeWalker(root, SHOW);
        this.open = null;
        this.lastParent = null;
        if (this.from) {
          this.walker.currentNode = this.from;
          this.next = this.from;
          this.from = null;
        } else this.next = this.walker.nextNode();
      }
      const w = this.walker;
      let n = this.next;
      while (n && n !== this.until) {
        if (n.nodeType === 3) {
          const t = n as Text;
          const parent = t.parentNode!;
          let key = this.lastKey!;
          if (parent !== this.lastParent) {
            key = this.lastKey = this.blockOf(parent);
            this.lastParent = parent;
          }
          let seg = this.open;
          if (seg?.key !== key) {
            const data = t.data;
            if (!hasVisibleText(data)) {
              n = w.nextNode();
              continue;
            }
            seg = this.open = { key, nodes: [] };
            this.segments.push(seg);
            this.chars += data.length;
          } else this.chars += t.length;
          seg.nodes.push(t);
          n = w.nextNode();
        } else {
          const el = n as Element;
          const tag = el.localName;
          if (isSkipped(el, tag)) {
            n = this.skipChildren(w);
            continue;
          }
          // Open roots only (closed ones are null: out of reach by design).
          const shadow = mayHostShadow(tag) ? el.shadowRoot : null;
          if (shadow) {
            this.shadowRoots.push(shadow);
            if (this.mode === 'all') this.pending.push(shadow);
          }
          if (INLINE_TAGS.has(tag)) {
            n = w.nextNode();
          } else {
            // A block (or <br>/<hr>) ends the running segment (that of the block around it: see `open`).
            this.open = null;
            if (BREAK_TAGS.has(tag)) n = w.nextNode();
            else if (this.mode === 'own') {
              this.nestedBlocks.push(el);
              n = this.skipChildren(w);
            } else n = w.nextNode();
          }
        }
        if (clock.expired()) {
          this.next = n;
          return false;
        }
      }
      this.walker = null;
      this.next = null;
    }
  }

  /**
   * The segments no more text can join since the last call, in document order (pipelined scans match them while
   * the walk goes on). A segment is open while the walk's next node lies inside its block and the block's running
   * segment is still this one; every segment is complete once step() returned true. `segments` is emptied: a
   * pipelined scan holds each segment only until it is matched (kept to the walk's end, every segment held its text
   * nodes alive through the young generation's collections: issue 13, GC in the 1 MB page's scan).
   */
  takeComplete(): Segment[] {
    const next = this.walker && this.next !== this.until ? this.next : null;
    const out: Segment[] = [];
    const open: Segment[] = [];
    const consider = (seg: Segment) => {
      if (next && this.open === seg && seg.key.contains(next)) open.push(seg);
      else out.push(seg);
    };
    for (const seg of this.held) consider(seg);
    for (const seg of this.segments) consider(seg);
    this.segments.length = 0;
    this.held = open;
    return out;
  }

  /** Next node after the current one's subtree. */
  private skipChildren(w: TreeWalker): Node | null {
    let n = w.nextSibling();
    while (!n) {
      if (!w.parentNode()) return null;
      n = w.nextSibling();
    }
    return n;
  }
}

/** The block a node's text belongs to (uncached; for mutation targets): see Collector.blockOf. */
export function blockOf(node: Node, stop: Node): Node {
  let n = node;
  while (n !== stop && n.nodeType === 1 && INLINE_TAGS.has((n as Element).localName)) {
    const p = n.parentNode;
    if (!p) break;
    n = p;
  }
  return n;
}
