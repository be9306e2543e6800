import { afterEach, describe, expect, it, vi } from 'vitest';
import { MarkKinds, MarkRecord } from './mark-record.js';

// Node has no Text or StaticRange: the record only holds nodes and hands them to StaticRange's constructor.
const text = (data: string) => ({ data, length: data.length }) as unknown as Text;

class FakeRange {
  constructor(readonly init: StaticRangeInit) {}
}

afterEach(() => vi.unstubAllGlobals());

describe('MarkKinds', () => {
  it('shares one kind per (entry, term), the bare-acronym term -1 included', () => {
    const kinds = new MarkKinds(3);
    const a = kinds.get(2, 5, 'organization');
    expect(kinds.get(2, 5, 'organization')).toBe(a);
    expect(a).toEqual({ entry: 2, term: 5, category: 'organization' });
    // Keys must not collide across entries and terms: (term + 1) * entries + entry.
    expect(kinds.get(0, 6, 'organization')).not.toBe(a);
    expect(kinds.get(2, -1, 'organization')).toEqual({ entry: 2, term: -1, category: 'organization' });
    expect(kinds.get(0, 0, 'person')).not.toBe(kinds.get(2, -1, 'organization'));
  });
});

describe('MarkRecord', () => {
  it('reads entry, term and category from its kind and keeps its flags apart', () => {
    const kinds = new MarkKinds(4);
    const node = text('the TTP said');
    const m = new MarkRecord(kinds.get(3, 7, 'organization'), 'seg', node, 4, 7, true, false);
    expect([m.entry, m.term, m.category, m.segment]).toEqual([3, 7, 'organization', 'seg']);
    expect([m.localOk, m.weak, m.allowed, m.painted, m.dead]).toEqual([true, false, false, false, false]);
    m.painted = true;
    m.allowed = true;
    m.painted = false;
    expect([m.allowed, m.painted, m.dead, m.localOk]).toEqual([true, false, false, true]);
    expect(m.nodes).toEqual([node]);
    expect(m.startNode).toBe(node);
  });

  it('makes its range once, on first use, over the first and last node it covers', () => {
    vi.stubGlobal('StaticRange', FakeRange);
    const nodes = [text('Tehrik-i-'), text('Taliban '), text('Pakistan')];
    const m = new MarkRecord(new MarkKinds(1).get(0, 0, 'organization'), null, nodes, 0, 8, true, false);
    const other = new MarkRecord(new MarkKinds(1).get(0, 0, 'organization'), null, nodes[1]!, 0, 7, true, false);
    const r = m.range as unknown as FakeRange;
    expect(r.init).toEqual({ startContainer: nodes[0], startOffset: 0, endContainer: nodes[2], endOffset: 8 });
    expect(m.range).toBe(r);
    expect(other.range).not.toBe(r);
    expect((other.range as unknown as FakeRange).init).toEqual({ startContainer: nodes[1], startOffset: 0, endContainer: nodes[1], endOffset: 7 });
    expect(m.startNode).toBe(nodes[0]);
  });
});
