import { describe, expect, it } from 'vitest';
import { FirstMentions } from './first-mention.js';

interface M {
  entry: number;
  pos: number;
  block: string;
  allowed: boolean;
  dead: boolean;
  painted: boolean;
}

const mark = (entry: number, pos: number, block = 'p1'): M => ({ entry, pos, block, allowed: false, dead: false, painted: false });

function setup() {
  let compares = 0;
  const f = new FirstMentions<M>(
    (a, b) => (compares++, a.pos - b.pos),
    (m, on) => (m.painted = on),
  );
  const all: M[] = [];
  const allow = (m: M) => {
    if (!all.includes(m)) all.push(m);
    m.allowed = true;
    f.gained(m);
  };
  const disallow = (m: M) => {
    m.allowed = false;
    f.lost(m.entry);
  };
  const update = (perBlock = false) => f.update(0, all, (m) => (perBlock ? m.block : null));
  const painted = () => all.filter((m) => m.painted).map((m) => m.pos).sort((a, b) => a - b);
  return { f, all, allow, disallow, update, painted, compares: () => compares };
}

describe('FirstMentions', () => {
  it('paints only the first allowed mark of an entry as marks arrive out of order', () => {
    const s = setup();
    const [a, b, c] = [mark(0, 50), mark(0, 20), mark(0, 80)];
    s.allow(a);
    s.update();
    expect(s.painted()).toEqual([50]);
    s.allow(b);
    s.allow(c);
    s.update();
    expect(s.painted()).toEqual([20]);
  });

  it('compares only the marks that became allowed once the first is known', () => {
    const s = setup();
    for (let i = 0; i < 50; i++) s.allow(mark(0, 100 + i));
    s.update();
    const before = s.compares();
    s.allow(mark(0, 500));
    s.update();
    expect(s.compares() - before).toBe(1);
    expect(s.painted()).toEqual([100]);
  });

  it('recomputes from every mark when the first loses its allowance or is removed', () => {
    const s = setup();
    const [a, b, c] = [mark(0, 10), mark(0, 30), mark(0, 20)];
    for (const m of [a, b, c]) s.allow(m);
    s.update();
    expect(s.painted()).toEqual([10]);
    s.disallow(a);
    s.update();
    expect(s.painted()).toEqual([20]);
    c.dead = true;
    c.allowed = false;
    s.all.splice(s.all.indexOf(c), 1);
    c.painted = false; // removeSegment unpaints a removed mark itself
    s.f.lost(0);
    s.update();
    expect(s.painted()).toEqual([30]);
  });

  it('keeps one first per block in paragraph mode', () => {
    const s = setup();
    const marks = [mark(0, 5, 'p2'), mark(0, 3, 'p1'), mark(0, 1, 'p1'), mark(0, 9, 'p2')];
    s.allow(marks[0]!);
    s.allow(marks[1]!);
    s.update(true);
    expect(s.painted()).toEqual([3, 5]);
    s.allow(marks[2]!);
    s.allow(marks[3]!);
    s.update(true);
    expect(s.painted()).toEqual([1, 5]);
  });

  it('starts over after reset (the mention mode changed)', () => {
    const s = setup();
    const [a, b] = [mark(0, 10, 'p1'), mark(0, 20, 'p2')];
    s.allow(a);
    s.allow(b);
    s.update(true);
    expect(s.painted()).toEqual([10, 20]);
    s.f.reset();
    s.update(false);
    expect(s.painted()).toEqual([10]);
  });
});
