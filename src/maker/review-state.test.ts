import { describe, expect, it } from 'vitest';
import { extract } from '../core/extract/index.js';
import { acceptedTerms, mergeUp, nextCategory, rowsOf } from './review-state.js';

const TEXT = [
  'Title line',
  'The Tehreek-e-Taliban Pakistan (TTP) claimed the attack. Noor Wali Mehsud leads the TTP.',
  'Mehsud said the TTP would fight on. Noor Wali Mehsud spoke from Afghanistan.',
].join('\n');

describe('review state', () => {
  it('merging a row lends its spellings and sentences to the accepted term above; rejected rows are dropped', () => {
    const rows = rowsOf(extract(TEXT));
    expect(rows.length).toBeGreaterThan(1);
    const accepted = rows.map((r, i) => (i === 0 ? { ...r, decision: 'accepted' as const } : r));
    // No accepted row above the first: merging it changes nothing.
    expect(mergeUp(accepted, 0)).toEqual(accepted);
    const merged = mergeUp(accepted, 1);
    expect(merged[1]).toMatchObject({ decision: 'merged', into: 0 });
    const [term] = acceptedTerms(merged);
    expect(term!.aliases.map((a) => a.text)).toContain(rows[1]!.term.name);
    expect(term!.sentences).toEqual([...rows[0]!.term.sentences, ...rows[1]!.term.sentences]);
    expect(acceptedTerms(merged.map((r, i) => (i === 0 ? { ...r, decision: 'rejected' as const } : r)))).toEqual([]);
  });

  it('C cycles through every category', () => {
    const seen = new Set<string>();
    let c = nextCategory('person');
    for (let i = 0; i < 5; i++) seen.add((c = nextCategory(c)));
    expect(seen.size).toBe(5);
  });
});
