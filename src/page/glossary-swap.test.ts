import { describe, expect, it } from 'vitest';
import { cardKept, carryOver, keptPaintable, type MarkSink, MutationBacklog, PaintGate } from './glossary-swap.js';
import { MarkIndex } from './mark-index.js';

const glossary = (...ids: string[]) => ({ entries: ids.map((id) => ({ id })), indexById: new Map(ids.map((id, i) => [id, i])) });

describe('PaintGate', () => {
  it('holds show and hide until opened, passes watch through', () => {
    const calls: string[] = [];
    const sink: MarkSink<string> = {
      show: (m) => calls.push(`show ${m}`),
      hide: (m) => calls.push(`hide ${m}`),
      watch: () => calls.push('watch'),
    };
    const gate = new PaintGate(sink);
    gate.show('a');
    gate.hide('a');
    gate.watch({} as Node);
    expect(calls).toEqual(['watch']);
    expect(gate.open).toBe(false);
    gate.openGate();
    gate.show('b');
    gate.hide('c');
    expect(calls).toEqual(['watch', 'show b', 'hide c']);
  });
});

describe('keptPaintable', () => {
  it('keeps an old entry only when the new glossary has it and may paint it', () => {
    const old = glossary('ttp', 'durand-line', 'mujahid', 'off');
    const next = glossary('mujahid', 'ttp', 'noor');
    expect(keptPaintable(old, [true, true, true, false], next, [false, true, true])).toEqual([true, false, false, false]);
  });

  it('is null when nothing changes (a widening: the same entries and more)', () => {
    const old = glossary('ttp', 'siraj');
    const next = glossary('noor', 'siraj', 'ttp');
    expect(keptPaintable(old, [true, true], next, [true, true, true])).toBeNull();
    // An entry the old policy did not paint stays unpainted and is no change.
    expect(keptPaintable(old, [false, true], next, [true, true, true])).toBeNull();
  });
});

describe('cardKept', () => {
  const next = glossary('ttp', 'siraj');
  it('keeps no card, and the card of an entry the new glossary paints', () => {
    expect(cardKept(null, next, [true, true])).toBe(true);
    expect(cardKept('siraj', next, [true, true])).toBe(true);
  });
  it('hides the card of an entry that left or may not be painted', () => {
    expect(cardKept('durand-line', next, [true, true])).toBe(false);
    expect(cardKept('siraj', next, [true, false])).toBe(false);
  });
});

describe('MutationBacklog', () => {
  it('merges batches into one and copies them (the live rescan grows its own sets)', () => {
    const log = new MutationBacklog<string>();
    expect(log.take()).toBeNull();
    const keys = new Set(['p1']);
    const added = new Set(['div']);
    log.record(keys, ['old'], added);
    keys.add('nested');
    added.add('nested');
    log.record(['p1', 'p2'], ['gone'], []);
    expect(log.take()).toEqual({ keys: new Set(['p1', 'p2']), removed: ['old', 'gone'], added: new Set(['div']) });
    expect(log.take()).toBeNull();
  });
});

describe('carryOver', () => {
  it("finds the new store's mark at the same node and offset for the same entry id, across new entry indices", () => {
    const [t1, t2] = [{ n: 1 }, { n: 2 }];
    type M = { entry: number; startOffset: number; nodes: object[] };
    const old = glossary('ttp', 'siraj');
    const next = glossary('noor', 'siraj', 'ttp'); // widened: the indices moved
    const index = new MarkIndex<object, M>();
    const ttpNew: M = { entry: 2, startOffset: 4, nodes: [t1] };
    const sirajNew: M = { entry: 1, startOffset: 0, nodes: [t2] };
    index.add(t1, 4, 30, ttpNew);
    index.add(t2, 0, 13, sirajNew);
    const carry = carryOver(index, old, next);
    expect(carry({ entry: 0, startOffset: 4, nodes: [t1] })).toBe(ttpNew);
    expect(carry({ entry: 1, startOffset: 0, nodes: [t2] })).toBe(sirajNew);
    // Not painted in the new store, another entry there now, or another offset: nothing to carry to.
    expect(carry({ entry: 1, startOffset: 4, nodes: [t1] })).toBeUndefined();
    expect(carry({ entry: 0, startOffset: 5, nodes: [t1] })).toBeUndefined();
    expect(carry({ entry: 0, startOffset: 0, nodes: [{ n: 3 }] })).toBeUndefined();
  });
});
