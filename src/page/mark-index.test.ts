import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MarkIndex } from './mark-index.js';

describe('MarkIndex', () => {
  it('finds the mark under an offset, end inclusive, per key', () => {
    const a = {};
    const b = {};
    const idx = new MarkIndex<object, string>();
    idx.add(a, 10, 13, 'ttp');
    idx.add(a, 0, 4, 'noor');
    idx.add(b, 0, 4, 'other');
    expect(idx.at(a, 0)).toEqual(['noor']);
    expect(idx.at(a, 4)).toEqual(['noor']);
    expect(idx.at(a, 5)).toEqual([]);
    expect(idx.at(a, 11)).toEqual(['ttp']);
    expect(idx.at(a, 13)).toEqual(['ttp']);
    expect(idx.at(a, 14)).toEqual([]);
    expect(idx.at(b, 2)).toEqual(['other']);
    expect(idx.at({}, 2)).toEqual([]);
  });

  it('returns both marks at a shared boundary and forgets removed ones', () => {
    const k = {};
    const idx = new MarkIndex<object, string>();
    idx.add(k, 0, 3, 'x');
    idx.add(k, 3, 6, 'y');
    expect(idx.at(k, 3).sort()).toEqual(['x', 'y']);
    idx.remove(k, 'x');
    expect(idx.at(k, 3)).toEqual(['y']);
    idx.remove(k, 'y');
    expect(idx.has(k)).toBe(false);
  });

  it('agrees with a linear scan for random disjoint spans', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 30 }), fc.nat(300), (gaps, probe) => {
        const k = {};
        const idx = new MarkIndex<object, number>();
        const spans: [number, number][] = [];
        let at = 0;
        gaps.forEach((g, i) => {
          const s = at + g;
          const e = s + 1 + (g % 4);
          spans.push([s, e]);
          at = e;
          void i;
        });
        // insert in a shuffled order
        [...spans.keys()].reverse().forEach((i) => idx.add(k, spans[i]![0], spans[i]![1], i));
        const expected = spans.flatMap(([s, e], i) => (s <= probe && probe <= e ? [i] : []));
        expect(idx.at(k, probe).sort((x, y) => x - y)).toEqual(expected);
      }),
    );
  });
});
