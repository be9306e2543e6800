import { describe, expect, it } from 'vitest';
import { quoteScore, rankQuotes, RANK_WEIGHTS, type RankInput } from './rank.js';

const q = (paragraph: number, sentence: number, extra: Partial<RankInput> = {}): RankInput => ({
  paragraph,
  sentence,
  length: 100,
  leads: false,
  introduces: false,
  company: 0,
  pinned: -1,
  ...extra,
});

const order = (qs: RankInput[]) => rankQuotes(qs).map((x) => `p${x.paragraph}s${x.sentence}`);

describe('quoteScore', () => {
  it('adds the documented weights', () => {
    expect(quoteScore(q(1, 1))).toBe(RANK_WEIGHTS.moderateLength);
    expect(quoteScore(q(1, 1, { leads: true, introduces: true, company: 2 }))).toBe(3 + 2 + 2 + 1);
    expect(quoteScore(q(1, 1, { company: 9 }))).toBe(RANK_WEIGHTS.companyCap + 1);
    expect(quoteScore(q(1, 1, { length: 30 }))).toBe(0);
    expect(quoteScore(q(1, 1, { length: 400 }))).toBe(-1);
  });
});

describe('rankQuotes', () => {
  it('puts pinned quotes first, in pinned order, whatever their score', () => {
    expect(order([q(1, 1, { leads: true }), q(3, 1, { pinned: 1 }), q(2, 1, { pinned: 0 })])).toEqual(['p2s1', 'p3s1', 'p1s1']);
  });

  it('orders the rest by score, ties in report order regardless of input order', () => {
    const qs = [q(4, 1), q(2, 2, { leads: true }), q(1, 1), q(2, 1), q(3, 1, { company: 1 })];
    expect(order(qs)).toEqual(['p2s2', 'p3s1', 'p1s1', 'p2s1', 'p4s1']);
    expect(order([...qs].reverse())).toEqual(order(qs));
  });

  it('does not modify its input', () => {
    const qs = [q(2, 1), q(1, 1, { leads: true })];
    const copy = structuredClone(qs);
    rankQuotes(qs);
    expect(qs).toEqual(copy);
  });
});
