import { describe, expect, it } from 'vitest';
import { filterByContext, hitAllowed, presentEntries } from './context-rules.js';
import { Matcher } from './matcher/index.js';
import type { TermInput } from './matcher/types.js';

// Entries: 0 TTP, 1 Taliban, 2 Pakistan, 3 ceasefire, 4 mothership, 5 Afghanistan
const terms: TermInput[] = [
  { entry: 0, text: 'Tehreek-e-Taliban Pakistan', caseRule: 'proper' }, // 0: unconditional
  { entry: 0, text: 'TTP', caseRule: 'exact', requires: [1, 2] }, // 1: acronym needs Taliban or Pakistan
  { entry: 1, text: 'Taliban', caseRule: 'proper' }, // 2
  { entry: 2, text: 'Pakistan', caseRule: 'proper' }, // 3
  { entry: 3, text: 'cease-fire', caseRule: 'any', requires: [0] }, // 4: needs TTP
  { entry: 4, text: 'mothership', caseRule: 'any', requires: [0, 1] }, // 5
  { entry: 5, text: 'Afghanistan', caseRule: 'proper', requires: [] }, // 6: empty requires = unconditional
  { entry: 6, text: 'loop-a', caseRule: 'any', requires: [7] }, // 7: 6 and 7 require each other
  { entry: 7, text: 'loop-b', caseRule: 'any', requires: [6] }, // 8
];
const m = Matcher.compile(terms);
const entriesOn = (text: string): number[] => [...presentEntries(terms, m.scan(text))].sort((a, b) => a - b);
const keptOn = (text: string): string[] => filterByContext(terms, m.scan(text)).map((h) => text.slice(h.start, h.end));

describe('presentEntries (fixpoint)', () => {
  it.each<[string, number[]]>([
    ['', []],
    ['the ceasefire held', []], // anchor absent
    ['the TTP said', []], // acronym alone: no Taliban/Pakistan
    ['the TTP in Pakistan', [0, 2]],
    ['the TTP and a ceasefire', []], // chain without its root
    ['TTP, Taliban, ceasefire', [0, 1, 3]], // chain: Taliban -> TTP -> ceasefire
    ['Tehreek-e-Taliban Pakistan and a ceasefire', [0, 3]],
    ['a mothership of the Taliban', [1, 4]],
    ['Afghanistan', [5]],
    ['loop-a and loop-b', []], // mutual requirements do not bootstrap each other
  ])('%j -> %j', (text, expected) => {
    expect(entriesOn(text)).toEqual(expected);
  });

  it('ignores blocker hits and unknown terms', () => {
    expect([...presentEntries(terms, [{ entry: -1, term: 0 }, { entry: 9, term: 99 }])]).toEqual([9]);
  });
});

describe('hitAllowed / filterByContext', () => {
  it.each<[string, string[]]>([
    ['the TTP said', []],
    ['the TTP in Pakistan', ['TTP', 'Pakistan']],
    ['a ceasefire with the TTP near Taliban posts', ['ceasefire', 'TTP', 'Taliban']],
    ['a ceasefire with the TTP', []],
    ['Afghanistan', ['Afghanistan']],
  ])('%j keeps %j', (text, expected) => {
    expect(keptOn(text)).toEqual(expected);
  });

  it('checks one hit against a presence set', () => {
    expect(hitAllowed(terms, { term: 1 }, new Set([2]))).toBe(true);
    expect(hitAllowed(terms, { term: 1 }, new Set([5]))).toBe(false);
    expect(hitAllowed(terms, { term: 0 }, new Set())).toBe(true);
    expect(hitAllowed(terms, { term: 6 }, new Set())).toBe(true);
  });
});
