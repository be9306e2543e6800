// The collector's segments (issue 13: one running segment instead of a map of them per block) on linkedom documents.
// linkedom's TreeWalker has only nextNode(): the walker here is the DOM's, written over firstChild/nextSibling.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { Collector, type Segment } from './collect.js';
import { SliceClock } from './scheduling.js';

const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;

/** TreeWalker (nextNode, nextSibling, parentNode, currentNode) over element and text nodes, as the DOM's. */
class Walker {
  constructor(
    private readonly root: Node,
    private readonly show: number,
    public currentNode: Node = root,
  ) {}
  private shown(n: Node): boolean {
    return (n.nodeType === 1 && (this.show & SHOW_ELEMENT) !== 0) || (n.nodeType === 3 && (this.show & SHOW_TEXT) !== 0);
  }
  nextNode(): Node | null {
    let n: Node | null = this.currentNode;
    for (;;) {
      if (n.firstChild) n = n.firstChild;
      else {
        while (n && n !== this.root && !n.nextSibling) n = n.parentNode;
        if (!n || n === this.root) return null;
        n = n.nextSibling!;
      }
      if (this.shown(n)) return (this.currentNode = n);
    }
  }
  nextSibling(): Node | null {
    for (let n = this.currentNode.nextSibling; n; n = n.nextSibling) if (this.shown(n)) return (this.currentNode = n);
    return null;
  }
  parentNode(): Node | null {
    const p = this.currentNode === this.root ? null : this.currentNode.parentNode;
    if (!p) return null;
    return (this.currentNode = p);
  }
}

function page(body: string): Document {
  const doc = parseHTML(`<!doctype html><html><body>${body}</body></html>`).document as unknown as Document;
  (doc as unknown as { createTreeWalker: (r: Node, s: number) => Walker }).createTreeWalker = (r, s) => new Walker(r, s);
  return doc;
}

const never = () => new SliceClock(() => 0);
const read = (segs: readonly Segment[]) =>
  segs.map((s) => `${(s.key as Element).id || (s.key as Element).localName}: ${s.nodes.map((n) => n.data).join('')}`);

function collect(body: string): string[] {
  const doc = page(body);
  const c = new Collector(doc, doc.body, 'all');
  const clock = never();
  clock.start();
  expect(c.step(clock)).toBe(true);
  return read(c.segments);
}

describe('Collector', () => {
  it('joins inline runs into one segment per block and splits at blocks, <br> and nested blocks', () => {
    expect(collect('<p id="a">Noor <a href="#">Wali</a> Mehsud</p><p id="b">two<br>three</p>')).toEqual(['a: Noor Wali Mehsud', 'b: two', 'b: three']);
    // Text after a nested block is a new segment of the outer block; text after the outer block closes is its parent's.
    expect(collect('<div id="d">one<p id="p">in <b>p</b></p>two<span> and more</span></div>')).toEqual(['d: one', 'p: in p', 'd: two and more']);
    expect(collect('<div id="d"><p id="p">inside</p>after</div>')).toEqual(['p: inside', 'd: after']);
  });

  it('joins across skipped elements (their text is not read) and leaves whitespace-only runs out', () => {
    expect(collect('<p id="a">Tehrik-i-<code>x</code>Taliban</p>  <p id="b">  </p>')).toEqual(['a: Tehrik-i-Taliban']);
    expect(collect('<p id="a"><span>  </span>word</p>')).toEqual(['a: word']);
  });

  it('ends a segment at a block inside an inline element, and counts the characters collected', () => {
    const doc = page('<p id="a">left <span>mid<div id="d">block</div>tail</span> right</p>');
    const c = new Collector(doc, doc.body, 'all');
    const clock = never();
    clock.start();
    c.step(clock);
    expect(read(c.segments)).toEqual(['a: left mid', 'd: block', 'a: tail right']);
    expect(c.chars).toBe('left midblocktail right'.length);
  });

  it("'own' mode reads the root block's own text and reports nested blocks", () => {
    const doc = page('<div id="r">own <p id="n">nested</p> again</div>');
    const c = new Collector(doc, doc.getElementById('r')!, 'own');
    const clock = never();
    clock.start();
    c.step(clock);
    expect(read(c.segments)).toEqual(['r: own ', 'r:  again']);
    expect(c.nestedBlocks.map((e) => e.id)).toEqual(['n']);
  });

  it('takeComplete hands out each segment once, holding back the one text may still join', () => {
    const doc = page('<p id="a">one</p><p id="b">two <b>and</b> three</p>');
    const c = new Collector(doc, doc.body, 'all');
    let reads = 0;
    // Expires at the 5th node visited: inside <p id="b">, whose segment is then still open.
    const clock = new SliceClock(() => (reads++ >= 5 ? 1 : 0), 1, 1);
    clock.start();
    expect(c.step(clock)).toBe(false);
    expect(read(c.takeComplete())).toEqual(['a: one']);
    const rest = never();
    rest.start();
    expect(c.step(rest)).toBe(true);
    expect(read(c.takeComplete())).toEqual(['b: two and three']);
    expect(c.takeComplete()).toEqual([]);
  });
});
