import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractCandidates } from './candidates';
import { fuseRanks, pageRank, phraseScore, positionRank, wordKey } from './position-rank';

const words = (text: string, stop: string[] = []) => text.split(' ').map((w) => ({ text: w, node: !stop.includes(w) }));

describe('pageRank', () => {
  it('matches the hand-solved path a-b-c with a uniform personalization', () => {
    // x_a = 0.05 + 0.85 x_b / 2, x_b = 0.05 + 0.85 (x_a + x_c), x_a = x_c  =>  x_a = 19/74, x_b = 36/74.
    const edges = [new Map([[1, 1]]), new Map([[0, 1], [2, 1]]), new Map([[1, 1]])];
    const x = pageRank(edges, [1, 1, 1]);
    expect(x[0]).toBeCloseTo(19 / 74, 5);
    expect(x[1]).toBeCloseTo(36 / 74, 5);
    expect(x[2]).toBeCloseTo(19 / 74, 5);
  });

  it('gives a node without edges its personalization share back', () => {
    // Node 2 is isolated: its mass returns by the personalization p = (1/4, 1/4, 1/2), as networkx does with
    // dangling nodes: x_2 = 0.15 / 2 + 0.85 x_2 / 2  =>  x_2 = 3/23; x_0 = x_1 = 10/23 (the rest, by symmetry).
    const x = pageRank([new Map([[1, 1]]), new Map([[0, 1]]), new Map()], [1, 1, 2]);
    expect(x.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 9);
    expect(x[2]).toBeCloseTo(3 / 23, 5);
    expect(x[0]).toBeCloseTo(10 / 23, 5);
  });
});

describe('positionRank', () => {
  it('is PageRank on the word path biased by 1 / position (4-word toy, solved with a linear solver)', () => {
    // Window 2 joins neighbours only: a-b-c-d; personalization 1, 1/2, 1/3, 1/4 (normalized); damping 0.85.
    // Solution of x = 0.15 p + 0.85 P^T x, computed apart (numpy.linalg.solve).
    const s = positionRank(words('a b c d'), 2);
    expect(s.get('a')).toBeCloseTo(0.21926815, 5);
    expect(s.get('b')).toBeCloseTo(0.34651329, 5);
    expect(s.get('c')).toBeCloseTo(0.2920832, 5);
    expect(s.get('d')).toBeCloseTo(0.14213536, 5);
  });

  it('counts stop words in the window distance but makes no node of them', () => {
    // Window 3: "alpha" and "gamma" are two apart across "the", so joined; "the" is no node.
    const s = positionRank(words('alpha the gamma', ['the']), 3);
    expect([...s.keys()].sort()).toEqual(['alpha', 'gamma']);
    expect(s.get('alpha')! > s.get('gamma')!).toBe(true);
    // Window 2 joins nothing across it: both rank by position alone (1 : 1/3).
    const apart = positionRank(words('alpha the gamma', ['the']), 2);
    expect(apart.get('alpha')! / apart.get('gamma')!).toBeCloseTo(3, 4);
  });

  it('folds case, possessives and plain plurals into one node; a phrase scores the sum of its words', () => {
    expect(wordKey("Aliens'")).toBe("aliens'");
    expect(['aliens', 'Alien', "alien's"].map(wordKey)).toEqual(['alien', 'alien', 'alien']);
    expect(['bus', 'analysis', 'census', 'glass'].map(wordKey)).toEqual(['bus', 'analysis', 'census', 'glass']);
    const s = new Map([['census', 0.25], ['bureau', 0.125]]);
    expect(phraseScore('Census Bureau', s)).toBeCloseTo(0.375, 9);
    expect(phraseScore('census of nowhere', s)).toBeCloseTo(0.25, 9);
    // A lowercase run of more than three words is no PositionRank candidate; a name of any length is.
    expect(phraseScore('census bureau census bureau', s, false)).toBe(0);
    expect(phraseScore('census bureau census', s, false)).toBeCloseTo(0.625, 9);
    expect(phraseScore('Census Bureau Census Bureau', s, true)).toBeCloseTo(0.75, 9);
  });
});

describe('fuseRanks', () => {
  it('scores 1/(k + rank) + weight/(k + rank) with ranks from 0', () => {
    const items = ['x', 'y', 'z'];
    const a = new Map([['x', 3], ['y', 2], ['z', 1]]);
    const b = new Map([['x', 0], ['y', 1], ['z', 5]]);
    const f = fuseRanks(items, (i) => a.get(i)!, (i) => b.get(i)!, 0.5, (p, q) => p.localeCompare(q), 1);
    expect(f.get('x')).toBeCloseTo(1 / 1 + 0.5 / 3, 9);
    expect(f.get('y')).toBeCloseTo(1 / 2 + 0.5 / 2, 9);
    expect(f.get('z')).toBeCloseTo(1 / 3 + 0.5 / 1, 9);
  });
});

describe('the fused ranking on a DUC-2001 dev article', () => {
  // AP880330-0119 (dev split): gold "illegal aliens", "1990 census", "census bureau", "national head count",
  // "house seats". Salience alone put names first (top 5: California, House, Georgia, O'Hare, House seats: 1 gold).
  it('puts the lowercase concepts the readers named among the top five', () => {
    const text = readFileSync(new URL('../../../tests/fixtures/keyphrase/duc2001/AP880330-0119.txt', import.meta.url), 'utf8');
    const top5 = extractCandidates(text).candidates.slice(0, 5).map((c) => c.name.toLowerCase());
    const gold = ['illegal aliens', '1990 census', 'census bureau', 'national head count', 'house seats'];
    expect(top5.filter((n) => gold.includes(n)).length).toBeGreaterThanOrEqual(3);
  });
});
