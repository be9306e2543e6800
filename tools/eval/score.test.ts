import { describe, expect, it } from 'vitest';
import { type NewsFixture, offsetOfPath, precision, recall, scoreFixture, total } from './score.js';

const fx = (over: Partial<NewsFixture> = {}): NewsFixture => ({
  id: 'x',
  outlet: 'o',
  year: 2022,
  split: 'dev',
  kind: 'news',
  blocks: [
    { tag: 'h1', text: 'TTP talks' },
    { tag: 'p', text: 'The Taliban and the TTP agreed a ceasefire.' },
  ],
  marks: [
    { start: 0, end: 3, text: 'TTP', entry: 'ttp' },
    { start: 15, end: 22, text: 'Taliban', entry: 'afghan-taliban' },
    { start: 31, end: 34, text: 'TTP', entry: 'ttp' },
    { start: 44, end: 53, text: 'ceasefire', entry: 'ttp-ceasefire' },
  ],
  optional: [{ start: 4, end: 9, text: 'talks' }],
  ...over,
});

describe('scoreFixture', () => {
  it('counts a wrong card against both entries, ignores optional spans, reports misses', () => {
    const s = scoreFixture(fx(), [
      { start: 0, end: 3, text: 'TTP', entry: 'ttp' },
      { start: 4, end: 9, text: 'talks', entry: 'ttp-talks' },
      { start: 15, end: 22, text: 'Taliban', entry: 'ttp' },
      { start: 31, end: 34, text: 'TTP', entry: 'ttp' },
    ]);
    expect(s.perEntry.get('ttp')).toEqual({ correct: 2, wrong: 1, found: 2, annotated: 2 });
    expect(s.perEntry.get('afghan-taliban')).toEqual({ correct: 0, wrong: 0, found: 0, annotated: 1 });
    expect(s.errors.map((e) => `${e.kind}:${e.text}:${e.expected ?? ''}:${e.got ?? ''}`)).toEqual([
      'wrong-card:Taliban:afghan-taliban:ttp',
      'missed:ceasefire:ttp-ceasefire:',
    ]);
    const t = total(s.perEntry);
    expect(precision(t)).toBeCloseTo(2 / 3);
    expect(recall(t)).toBeCloseTo(2 / 4);
  });

  it('counts every mark on a trap page as a trap false mark', () => {
    const s = scoreFixture(fx({ kind: 'trap', marks: [], optional: [] }), [{ start: 0, end: 3, text: 'TTP', entry: 'ttp' }]);
    expect(s.trapFalseMarks).toBe(1);
    expect(s.errors[0]?.kind).toBe('false-mark');
  });

  it('tags the errors of a retired held-out file so the eval can list that part apart', () => {
    const s = scoreFixture(fx({ retired: 'heldout-v1' }), [{ start: 15, end: 22, text: 'Taliban', entry: 'ttp' }]);
    expect(s.errors.map((e) => e.retired)).toEqual(['heldout-v1', 'heldout-v1', 'heldout-v1', 'heldout-v1']);
    expect(scoreFixture(fx(), []).errors.every((e) => e.retired === undefined)).toBe(true);
  });
});

describe('offsetOfPath', () => {
  it('maps a block XPath and offset to the joined text', () => {
    const f = fx();
    expect(offsetOfPath(f, '/html[1]/body[1]/article[1]/h1[1]/text()[1]', 4)).toBe(4);
    expect(offsetOfPath(f, '/html[1]/body[1]/article[1]/p[1]/text()[1]', 4)).toBe(15);
    expect(offsetOfPath(f, '/html[1]/body[1]/article[1]/p[2]/text()[1]', 0)).toBeNull();
  });
});
