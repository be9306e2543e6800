import { describe, expect, it } from 'vitest';
import { macro, prfAt, splitOf, stemPhrase, tokenize, uniqueStemmed } from './keyphrase-score.js';

describe('keyphrase scoring (JCDL 2020 / pke protocol)', () => {
  it('tokenizes like word_tokenize on keyphrase-shaped text', () => {
    expect(tokenize("Morote's capture")).toEqual(['Morote', "'s", 'capture']);
    expect(tokenize('U.S. Air Force')).toEqual(['U.S.', 'Air', 'Force']);
    expect(tokenize('(F-16s),')).toEqual(['F-16s']);
    expect(tokenize('the end.')).toEqual(['the', 'end']);
  });

  it('stems each word and lowercases, so inflections and case match', () => {
    expect(stemPhrase('Illegal Aliens')).toBe(stemPhrase('illegal alien'));
    expect(stemPhrase('tornado watches')).toBe(stemPhrase('Tornado watch'));
    expect(stemPhrase('census bureau')).not.toBe(stemPhrase('census'));
  });

  it('counts a stemmed form once, at its first rank', () => {
    expect(uniqueStemmed(['Census Bureau', 'census bureau', 'aliens', 'alien'])).toEqual([stemPhrase('census bureau'), stemPhrase('alien')]);
  });

  it('P over min(k, candidates), R over gold, each gold phrase matched at most once', () => {
    const gold = ['illegal aliens', 'census bureau', '1990 census', 'house seats'];
    const cands = ['Census Bureau', 'illegal alien', 'Georgia', 'California', 'seats', 'O’Hare'];
    const at5 = prfAt(cands, gold, 5);
    expect(at5.p).toBeCloseTo(2 / 5);
    expect(at5.r).toBeCloseTo(2 / 4);
    expect(at5.f).toBeCloseTo((2 * 0.4 * 0.5) / 0.9);
    // Fewer candidates than k: precision is over what was returned (compute_prf's len(rel)).
    const at10 = prfAt(cands.slice(0, 2), gold, 10);
    expect(at10.p).toBe(1);
    expect(at10.r).toBe(0.5);
    expect(prfAt(['Georgia'], gold, 10)).toEqual({ p: 0, r: 0, f: 0 });
    expect(prfAt([], gold, 10)).toEqual({ p: 0, r: 0, f: 0 });
  });

  it('only exact stemmed matches count (a longer or shorter phrase does not)', () => {
    expect(prfAt(['national head count'], ['head count'], 10).f).toBe(0);
    expect(prfAt(['census'], ['1990 census'], 10).f).toBe(0);
  });

  it('macro-averages per-document scores as percentages', () => {
    const m = macro([{ p: 1, r: 0.5, f: 2 / 3 }, { p: 0, r: 0, f: 0 }]);
    expect(m.p).toBeCloseTo(50);
    expect(m.r).toBeCloseTo(25);
    expect(m.f).toBeCloseTo(100 / 3);
    expect(macro([])).toEqual({ p: 0, r: 0, f: 0 });
  });

  it('splits by the first hex digit of md5(id): 0-7 held out', () => {
    expect(splitOf('1abc')).toBe('heldout');
    expect(splitOf('7fff')).toBe('heldout');
    expect(splitOf('8000')).toBe('dev');
    expect(splitOf('d41d')).toBe('dev');
  });
});
