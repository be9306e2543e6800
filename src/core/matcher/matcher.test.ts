/**
 * Table-driven tests of every matching rule. Each case runs the fast matcher AND the reference, so the executable
 * spec is pinned by these tables too (the property test then ties the two together on random input).
 */
import { describe, expect, it } from 'vitest';
import { Matcher } from './index.js';
import { termPatterns } from './patterns.js';
import { referenceScan } from '../../../tests/support/reference-matcher.js';
import type { CaseRule, TermInput } from './types.js';

const term = (text: string, caseRule: CaseRule = 'any', entry = 0): TermInput => ({ entry, text, caseRule });

/** The marked substrings (fast matcher), after checking that the reference agrees. */
function marks(terms: TermInput[], text: string): string[] {
  const hits = Matcher.compile(terms).scan(text);
  expect(hits).toEqual(referenceScan(terms, text));
  return hits.map((h) => text.slice(h.start, h.end));
}

describe('case rules', () => {
  it.each<[string, CaseRule, string, string[]]>([
    ['TTP', 'exact', 'the TTP said', ['TTP']],
    ['TTP', 'exact', 'the ttp said', []],
    ['TTP', 'exact', 'the Ttp said', []],
    ['TTP', 'exact', 'the TTp said', []],
    ['USIP', 'exact', 'USIP report', ['USIP']],
    ['iPhone', 'exact', 'an iPhone', ['iPhone']],
    ['iPhone', 'exact', 'an IPhone', []],
    ['iPhone', 'exact', 'an iphone', []],
    ['Kabul', 'proper', 'in Kabul', ['Kabul']],
    ['Kabul', 'proper', 'IN KABUL', ['KABUL']],
    ['Kabul', 'proper', 'KAbul', ['KAbul']],
    ['Kabul', 'proper', 'kabul etti', []],
    ['al-Qaeda', 'proper', 'Al-Qaeda', ['Al-Qaeda']],
    ['al-Qaeda', 'proper', 'AL-QAEDA', ['AL-QAEDA']],
    ['al-Qaeda', 'proper', 'al-Qaeda', ['al-Qaeda']],
    ['al-Qaeda', 'proper', 'al-qaeda', []],
    ['al-Qaeda', 'proper', 'Al Qaeda', ['Al Qaeda']],
    ['al-Qaeda', 'proper', 'AlQaeda', ['AlQaeda']],
    ['al-Qaeda', 'proper', 'Alqaeda', []],
    ['Mehsúd', 'proper', 'MEHSUD', ['MEHSUD']],
    ['Mehsúd', 'proper', 'mehsud', []],
    ['Évian', 'proper', 'EVIAN', ['EVIAN']],
    ['Évian', 'proper', 'Evian', ['Evian']],
    ['Évian', 'proper', 'evian', []],
    ['cease-fire', 'any', 'CEASE-FIRE', ['CEASE-FIRE']],
    ['cease-fire', 'any', 'Cease Fire', ['Cease Fire']],
    ['cease-fire', 'any', 'cEaSeFiRe', ['cEaSeFiRe']],
  ])('%j (%s) in %j -> %j', (alias, rule, text, expected) => {
    expect(marks([term(alias, rule)], text)).toEqual(expected);
  });
});

describe('folding in text', () => {
  it.each<[string, string, string[]]>([
    ['Mehsud', 'by Mehsúd.', ['Mehsúd']],
    ['Mehsud', 'by Mehsu\u0301d.', ['Mehsu\u0301d']],
    ['Mehsud', 'by MEHSÚD.', ['MEHSÚD']],
    ['Mehsúd', 'by Mehsud.', ['Mehsud']],
    ["Ba'ath", 'Ba’ath', ['Ba’ath']],
    ["Ba'ath", 'Ba‘ath', ['Ba‘ath']],
    ["Ba'ath", 'Baʼath', ['Baʼath']],
    ["Ba'ath", 'Ba`ath', ['Ba`ath']],
    ["Ba'ath", 'Ba´ath', ['Ba´ath']],
    ["Ba'ath", 'Ba′ath', ['Ba′ath']],
    ['Ba’ath', "Ba'ath", ["Ba'ath"]],
    ...['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\ufe63', '\uff0d'].map(
      (d): [string, string, string[]] => ['over-the-horizon', `an over${d}the${d}horizon strike`, [`over${d}the${d}horizon`]],
    ),
    ...[' ', '\u00a0', '\u2009', '\u2003', '\t', '\n', '   ', ' \n\t ', '\u202f', '\r\n'].map(
      (w): [string, string, string[]] => ['Noor Wali', `by Noor${w}Wali.`, [`Noor${w}Wali`]],
    ),
    ...['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'].map(
      (z): [string, string, string[]] => ['Mehsud', `by Meh${z}sud.`, [`Meh${z}sud`]],
    ),
    ['Noor Wali', 'Noor \u00ad Wali', ['Noor \u00ad Wali']],
    ['Noor  Wali', 'Noor Wali', ['Noor Wali']],
    ['NoorWali', 'Noor Wali', []],
    ['Noor Wali', 'NoorWali', []],
  ])('%j in %j -> %j', (alias, text, expected) => {
    expect(marks([term(alias)], text)).toEqual(expected);
  });
});

describe('hyphen variants', () => {
  it.each<[string, string, string[]]>([
    ['cease-fire', 'a cease-fire now', ['cease-fire']],
    ['cease-fire', 'a cease fire now', ['cease fire']],
    ['cease-fire', 'a ceasefire now', ['ceasefire']],
    ['cease-fire', 'a cease–fire now', ['cease–fire']],
    ['cease-fire', 'a cease\u00a0fire now', ['cease\u00a0fire']],
    ['ceasefire', 'a cease-fire now', []], // only a hyphenated alias gets variants
    ['cease fire', 'a ceasefire now', []],
    ['Tehreek-e-Taliban', 'Tehreek-e-Taliban', ['Tehreek-e-Taliban']],
    ['Tehreek-e-Taliban', 'Tehreek e Taliban', ['Tehreek e Taliban']],
    ['Tehreek-e-Taliban', 'Tehreek e-Taliban', ['Tehreek e-Taliban']],
    ['Tehreek-e-Taliban', 'Tehreeke Taliban', ['Tehreeke Taliban']],
    ['Tehreek-e-Taliban', 'TehreekeTaliban', ['TehreekeTaliban']],
    ['Tehreek-e-Taliban', 'Tehreek-eTaliban', ['Tehreek-eTaliban']],
    ['a-b-c-d-e-f', 'a-b-c-d-e-f', ['a-b-c-d-e-f']],
    ['a-b-c-d-e-f', 'a b c d e f', ['a b c d e f']],
    ['a-b-c-d-e-f', 'abcdef', ['abcdef']],
    ['a-b-c-d-e-f', 'a b-c-d-e-f', []], // beyond 4 hyphens: only the uniform forms
    ['a-b-c-d-e', 'a bc-d e', ['a bc-d e']], // up to 4 hyphens: every combination
    ['a - b', 'a b', []], // spaced hyphen is literal
    ['a - b', 'a – b', ['a – b']],
  ])('%j in %j -> %j', (alias, text, expected) => {
    expect(marks([term(alias)], text)).toEqual(expected);
  });

  it.each([
    ['cease-fire', 3],
    ['Tehreek-e-Taliban', 9],
    ['a-b-c-d-e', 81],
    ['a-b-c-d-e-f', 3],
    ['no hyphen', 1],
    ['a - b', 1],
    ['\u00ad', 0],
  ])('%j compiles to %i patterns', (alias, n) => {
    expect(termPatterns(alias, 'any')).toHaveLength(n);
  });
});

describe('word boundaries', () => {
  it.each<[string, string[]]>([
    ['Vokabular', []],
    ['Kabulistan', []],
    ['preKabul', []],
    ['Kabul2', []],
    ['2Kabul', []],
    ['Kabul_x', []],
    ['éKabul', []],
    ['Kabulé', []],
    ['Kabule\u0301', []],
    ['Kabul\u0301', ['Kabul']], // trailing combining mark is ignorable, and stays outside the mark
    ['Kabul\u0301x', []],
    ['Kabul\u00adx', []], // soft hyphen does not separate words
    ['x\u200bKabul', []],
    ['שKabul', []],
    ['Kabulش', []],
    ['Kabul中', []],
    ['𝐀Kabul', []], // astral letter before (surrogate pair)
    ['Kabul𝐀', []],
    ['😀Kabul😀', ['Kabul']],
    ['👍🏽Kabul', ['Kabul']],
    ['(Kabul)', ['Kabul']],
    ['Kabul-based', ['Kabul']],
    ['pro-Kabul', ['Kabul']],
    ["'Kabul'", ['Kabul']],
    ['«Kabul»', ['Kabul']],
    ['Kabul.', ['Kabul']],
    ['Kabul', ['Kabul']],
    ["Kabul's", ['Kabul']],
    ['Kabul’s', ['Kabul']],
  ])('Kabul in %j -> %j', (text, expected) => {
    expect(marks([term('Kabul', 'proper')], text)).toEqual(expected);
  });

  it.each<[string, string[]]>([
    ['kabul etti', []],
    ['Vokabular', []],
    ['vokabular kabul', []],
  ])('Kabul (any case) does not match inside words: %j', (text, expected) => {
    expect(marks([term('Kabul', 'proper')], text)).toEqual(expected);
    expect(marks([term('Kabul', 'any')], text.replace(/kabul\b/, 'kabulx'))).toEqual([]);
  });

  it.each<[string, string[]]>([
    ["the TTP's leader", ['TTP']],
    ['the TTP’s leader', ['TTP']],
    ['TTPs', []],
  ])('possessives: %j -> %j', (text, expected) => {
    expect(marks([term('TTP', 'exact')], text)).toEqual(expected);
  });
});

describe('leftmost-longest selection', () => {
  const glossary = [
    term('TTP', 'exact', 0),
    term('Tehreek-e-Taliban Pakistan', 'proper', 0),
    term('Taliban', 'proper', 1),
    term('Afghan Taliban', 'proper', 2),
    term('Pakistan', 'proper', 3),
    term('Siraj Haqqani', 'proper', 4),
    term('Haqqani network', 'proper', 5),
    term('Haqqani', 'proper', 6),
  ];
  it.each<[string, string[]]>([
    ['the Afghan Taliban said', ['Afghan Taliban']],
    ['the Taliban said', ['Taliban']],
    ['Tehreek-e-Taliban Pakistan (TTP)', ['Tehreek-e-Taliban Pakistan', 'TTP']],
    ['AFGHAN Taliban', ['AFGHAN Taliban']],
    ['afghan Taliban', ['Taliban']], // invalid longer candidate (case) does not hide the valid shorter one
    ['Haqqani networks', ['Haqqani']], // invalid longer candidate (boundary) does not hide the shorter one
    ['Siraj Haqqani network', ['Siraj Haqqani']], // leftmost wins over longer-but-later
    ['the Haqqani network', ['Haqqani network']],
    ['Pakistan Taliban Pakistan', ['Pakistan', 'Taliban', 'Pakistan']],
  ])('%j -> %j', (text, expected) => {
    expect(marks(glossary, text)).toEqual(expected);
  });

  it('two terms with the same spelling: the lower term index wins', () => {
    const terms = [term('Kabul', 'any', 7), term('Kabul', 'proper', 8)];
    const hits = Matcher.compile(terms).scan('in Kabul');
    expect(hits).toEqual([{ start: 3, end: 8, entry: 7, term: 0 }]);
    expect(referenceScan(terms, 'in Kabul')).toEqual(hits);
  });

  it('hits are sorted, non-overlapping, with term and entry indices', () => {
    const text = 'Siraj Haqqani met the Afghan Taliban and the TTP in Pakistan.';
    const hits = Matcher.compile(glossary).scan(text);
    expect(hits.map((h) => [h.entry, h.term])).toEqual([
      [4, 5],
      [2, 3],
      [0, 0],
      [3, 4],
    ]);
    for (let i = 1; i < hits.length; i++) expect(hits[i]!.start).toBeGreaterThanOrEqual(hits[i - 1]!.end);
  });
});

describe('blockers', () => {
  const terms = [term('Amnesty International', 'proper', -1), term('amnesty', 'any', 0)];
  it.each<[string, string[]]>([
    ['a report by Amnesty International', []],
    ['AMNESTY INTERNATIONAL said', []],
    ['an amnesty for fighters', ['amnesty']],
    ['Amnesty for fighters', ['Amnesty']],
    ['amnesty international', ['amnesty']], // blocker's case rule fails: it does not block
    ['Amnesty International and an amnesty', ['amnesty']],
  ])('%j -> %j', (text, expected) => {
    expect(marks(terms, text)).toEqual(expected);
  });
});

describe('offsets in the original text', () => {
  const at = (terms: TermInput[], text: string) => {
    const hits = Matcher.compile(terms).scan(text);
    expect(hits).toEqual(referenceScan(terms, text));
    return hits.map((h) => [h.start, h.end]);
  };
  it.each<[string, string, number[][]]>([
    ['Mehsud', 'Meh\u00adsud', [[0, 7]]],
    ['Mehsud', '\u00adMehsud\u00ad', [[1, 7]]], // ignorables at the edges stay outside
    ['Mehsud', 'Mehsu\u0301d', [[0, 7]]],
    ['Mehsud', 'Mehsud\u0301', [[0, 6]]],
    ['Noor Wali', 'x Noor \u00a0\n Wali x', [[2, 14]]],
    ['TTP', '😀 TTP 😀', [[3, 6]]],
    ['TTP', '\u200b\u200bTTP', [[2, 5]]],
    ['TTP', 'TTP TTP', [[0, 3], [4, 7]]],
  ])('%j in %j -> %j', (alias, text, expected) => {
    expect(at([term(alias)], text)).toEqual(expected);
  });
});

describe('degenerate input', () => {
  it('empty text, whitespace-only text, ignorable-only text', () => {
    const m = Matcher.compile([term('TTP')]);
    expect(m.scan('')).toEqual([]);
    expect(m.scan('   \n\t ')).toEqual([]);
    expect(m.scan('\u00ad\u200b\u0301')).toEqual([]);
    expect(m.scanChunks([])).toEqual([]);
    expect(m.scanChunks(['', ''])).toEqual([]);
  });
  it('empty glossary and terms that fold to nothing never match', () => {
    expect(Matcher.compile([]).scan('anything TTP')).toEqual([]);
    const m = Matcher.compile([term('\u00ad'), term('   '), term('TTP')]);
    expect(m.scan('\u00ad TTP')).toEqual([{ start: 2, end: 5, entry: 0, term: 2 }]);
  });
  it('lone surrogates and emoji sequences do not break scanning', () => {
    expect(marks([term('TTP')], '\ud800TTP\udc00 TTP')).toEqual(['TTP', 'TTP']);
    expect(marks([term('TTP')], '👨‍👩‍👧TTP')).toEqual(['TTP']);
  });
});

describe('scanChunks (one block of inline chunks)', () => {
  const m = Matcher.compile([term('Noor Wali Mehsud', 'proper', 0), term('Kabul', 'proper', 1), term('TTP', 'exact', 2)]);
  it('matches a name split across chunks', () => {
    expect(m.scanChunks(['Noor Wali', ' Mehsud'])).toEqual([
      { startChunk: 0, startOffset: 0, endChunk: 1, endOffset: 7, entry: 0, term: 0 },
    ]);
  });
  it('handles empty chunks and ends at a chunk end', () => {
    expect(m.scanChunks(['The ', '', 'TTP', '', "'s"])).toEqual([
      { startChunk: 2, startOffset: 0, endChunk: 2, endOffset: 3, entry: 2, term: 2 },
    ]);
    expect(m.scanChunks(['Ka', 'b', 'ul.'])).toEqual([
      { startChunk: 0, startOffset: 0, endChunk: 2, endOffset: 2, entry: 1, term: 1 },
    ]);
  });
  it('a chunk border is not a word boundary', () => {
    expect(m.scanChunks(['Voka', 'bular'])).toEqual([]);
    expect(m.scanChunks(['xx', 'Kabul'])).toEqual([]);
  });
  it('separate blocks are separate scans: no match across them', () => {
    expect(m.scan('Noor Wali')).toEqual([]);
    expect(m.scan('Mehsud')).toEqual([]);
    expect(m.scanChunks(['Noor Wali', ' Mehsud'])).toHaveLength(1);
  });
});

describe('apostrophe-like letters', () => {
  it.each<[string, string[]]>([
    ['the TTPʼs leader', ['TTP']], // U+02BC folds to an apostrophe and separates words
    ['the TTPʻs leader', []], // U+02BB ʻokina is a letter
  ])('%j -> %j', (text, expected) => {
    expect(marks([term('TTP', 'exact')], text)).toEqual(expected);
  });
});

describe('class table width', () => {
  it('an alphabet of more than 256 classes (a table of two bytes per character) matches as a small one does', () => {
    // 300 terms of one CJK character each, distinct: over 256 alphabet classes.
    const terms = Array.from({ length: 300 }, (_, i) => term(String.fromCharCode(0x4e00 + i), 'any', i));
    const m = Matcher.compile(terms);
    expect(m.tables.alphabetSize).toBeGreaterThan(256);
    const text = `a ${String.fromCharCode(0x4e00 + 299)} b ${String.fromCharCode(0x4e00 + 5)}`;
    expect(marks(terms, text)).toEqual([String.fromCharCode(0x4e00 + 299), String.fromCharCode(0x4e00 + 5)]);
    expect(m.scan(text).map((h) => h.entry)).toEqual([299, 5]);
  });
});
