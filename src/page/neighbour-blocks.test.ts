// The paragraphs around a block, as decideLocal's `carried` (before) and `ahead` (after) read them (issue 11).
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { nextBlocks, previousBlocks } from './neighbour-blocks.js';

const doc = parseHTML(`<!doctype html><html><body><article>
  <h2 id="h">Swat Taliban renounce militancy</h2>
  <p id="p1">First paragraph.</p>
  <nav id="nav">Menu</nav>
  <p id="empty"> </p>
  <div><p id="p2">Second paragraph, nested.</p></div>
  <p id="p3">Third paragraph.</p>
  <h3>Another story</h3>
  <p id="p4">Fourth paragraph.</p>
</article></body></html>`).document as unknown as Document;
const ids = (els: Element[]) => els.map((e) => e.id || e.localName);
const byId = (id: string) => doc.getElementById(id)!;

describe('neighbour blocks', () => {
  it('looks back nearest first, skipping navigation and empty blocks, and stops at a heading', () => {
    expect(ids(previousBlocks(byId('p3'), 5))).toEqual(['div', 'p1']);
    expect(ids(previousBlocks(byId('p3'), 1))).toEqual(['div']);
    expect(previousBlocks(byId('p4'), 5)).toEqual([]);
  });

  it('climbs to the parent when its own siblings run out', () => {
    expect(ids(previousBlocks(byId('p2'), 5))).toEqual(['p1']);
    expect(ids(nextBlocks(byId('p2'), 5))).toEqual(['p3']);
  });

  it('looks ahead up to the next heading; a heading looks at the paragraphs below it, never back', () => {
    expect(ids(nextBlocks(byId('p1'), 5))).toEqual(['div', 'p3']);
    expect(ids(nextBlocks(byId('h'), 2))).toEqual(['p1', 'div']);
    expect(previousBlocks(byId('h'), 5)).toEqual([]);
  });
});
