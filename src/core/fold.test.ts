import { describe, expect, it } from 'vitest';
import { foldChar, foldString, isLowerUnit, isUpperUnit, isWordChar } from './fold.js';

const f = (ch: string): string => {
  const r = foldChar(ch.charCodeAt(0));
  return r === -1 ? 'IGNORE' : String.fromCharCode(r);
};

describe('foldChar', () => {
  it.each([
    // case
    ['A', 'a'],
    ['z', 'z'],
    ['Ж', 'ж'],
    ['Σ', 'σ'],
    // diacritics: NFD base letter, lowercased
    ['é', 'e'],
    ['É', 'e'],
    ['ú', 'u'],
    ['Ñ', 'n'],
    ['ç', 'c'],
    ['İ', 'i'],
    ['Å', 'a'],
    ['\u212a', 'k'], // Kelvin sign -> K -> k
    ['\u212b', 'a'], // Angstrom sign -> Å -> a
    // no decomposition: stays itself
    ['ı', 'ı'],
    ['ß', 'ß'],
    ['ø', 'ø'],
    ['ش', 'ش'],
    ['한', '한'], // Hangul syllables are not cut to their first jamo
    // apostrophes and primes
    ["'", "'"],
    ['\u2019', "'"],
    ['\u2018', "'"],
    ['\u02bc', "'"],
    ['`', "'"],
    ['\u00b4', "'"],
    ['\u2032', "'"],
    // dashes
    ['-', '-'],
    ['\u2010', '-'],
    ['\u2011', '-'],
    ['\u2012', '-'],
    ['\u2013', '-'],
    ['\u2014', '-'],
    ['\u2015', '-'],
    ['\u2212', '-'],
    ['\ufe63', '-'],
    ['\uff0d', '-'],
    // whitespace
    [' ', ' '],
    ['\t', ' '],
    ['\n', ' '],
    ['\r', ' '],
    ['\u00a0', ' '],
    ['\u2009', ' '],
    ['\u2003', ' '],
    ['\u202f', ' '],
    ['\u3000', ' '],
    ['\u0085', ' '],
    // ignorables
    ['\u00ad', 'IGNORE'],
    ['\u200b', 'IGNORE'],
    ['\u200c', 'IGNORE'],
    ['\u200d', 'IGNORE'],
    ['\u2060', 'IGNORE'],
    ['\ufeff', 'IGNORE'],
    ['\u200e', 'IGNORE'],
    ['\u0301', 'IGNORE'],
    ['\u0308', 'IGNORE'],
    ['\u036f', 'IGNORE'],
    ['\u064e', 'IGNORE'], // Arabic fatha (Mn)
    ['\ufe0f', 'IGNORE'], // variation selector
    ['\uffff', 'IGNORE'], // noncharacter (the table's ignorable marker)
    ['\u0000', '\u0000'],
    // punctuation and digits stay
    ['.', '.'],
    ['(', '('],
    ['7', '7'],
    ['_', '_'],
  ])('%j -> %j', (input, expected) => {
    expect(f(input)).toBe(expected);
  });

  it('is idempotent and returns one code unit or -1 for every BMP code unit', () => {
    const bad: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const r = foldChar(c);
      if (!(r === -1 || (r >= 0 && r <= 0xffff)) || (r >= 0 && foldChar(r) !== r)) bad.push(c.toString(16));
    }
    expect(bad).toEqual([]);
  }, 60_000);

  it('maps surrogate code units to themselves (emoji stay whole)', () => {
    const s = '😀';
    expect(foldChar(s.charCodeAt(0))).toBe(s.charCodeAt(0));
    expect(foldChar(s.charCodeAt(1))).toBe(s.charCodeAt(1));
  });
});

describe('isWordChar', () => {
  it.each([
    ['a', true],
    ['Z', true],
    ['0', true],
    ['_', true],
    ['é', true],
    ['ß', true],
    ['ж', true],
    ['ש', true],
    ['ع', true],
    ['中', true],
    ['\u0301', true], // \p{M}
    ['٣', true], // Arabic-Indic digit
    [' ', false],
    ['-', false],
    ["'", false],
    ['\u2019', false],
    ['.', false],
    ['(', false],
    ['\u00a0', false],
    ['—', false],
    ['😀', false],
    ['𝐀', true], // astral letter (code point)
    ['\u02bc', false], // modifier letter apostrophe: folds to ', so it separates words like ’
    ['\u02bb', true], // ʻokina is a letter (not in the apostrophe list)
  ])('%j -> %s', (ch, expected) => {
    expect(isWordChar(ch.codePointAt(0)!)).toBe(expected);
  });

  it('agrees with the folded form for every non-ignorable BMP character (the automaton relies on it)', () => {
    const bad: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const f = foldChar(c);
      if (f >= 0 && isWordChar(c) !== isWordChar(f)) bad.push(c.toString(16));
    }
    expect(bad).toEqual([]);
  }, 60_000);
});

describe('isUpperUnit / isLowerUnit', () => {
  it.each([
    ['A', true, false],
    ['a', false, true],
    ['É', true, false],
    ['é', false, true],
    ['İ', true, false],
    ['ǅ', true, true], // titlecase: has both other forms
    ['ß', false, true],
    ['1', false, false],
    ['-', false, false],
    ['ש', false, false],
  ])('%j: upper %s, lower %s', (ch, upper, lower) => {
    expect(isUpperUnit(ch.charCodeAt(0))).toBe(upper);
    expect(isLowerUnit(ch.charCodeAt(0))).toBe(lower);
  });
});

describe('foldString', () => {
  it.each([
    ['Tehreek‑e‑Taliban  Pakistan', 'tehreek-e-taliban pakistan'],
    ['  Noor\u00a0Wali\n\tMehsúd ', 'noor wali mehsud'],
    ['Mehsu\u0301d', 'mehsud'],
    ['coun\u00adter\u200bterrorism', 'counterterrorism'],
    ['Pakistan’s', "pakistan's"],
    ['over\u2013the\u2013horizon', 'over-the-horizon'],
    ['a \u00ad b', 'a b'],
    ['', ''],
    ['\u00ad\u200b', ''],
  ])('%j -> %j', (input, expected) => {
    expect(foldString(input)).toBe(expected);
  });
});
