import { describe, expect, it } from 'vitest';
import type { TermInput } from './matcher/types.js';
import { Matcher } from './matcher/index.js';
import { acronymsSpelledOtherwise, findAcronymMentions, findDefinitions, longFormBefore } from './page-acronyms.js';

const terms: TermInput[] = [
  { entry: 0, text: 'Tehreek-e-Taliban Pakistan', caseRule: 'proper' },
  { entry: 0, text: 'TTP', caseRule: 'exact', requires: [1] },
  { entry: 1, text: 'Pakistan', caseRule: 'proper' },
  { entry: 2, text: 'Islamic Emirate of Afghanistan', caseRule: 'proper' },
  { entry: 3, text: 'Pakistani Taliban', caseRule: 'proper' },
  { entry: 4, text: 'over-the-horizon', caseRule: 'any', requires: [0] },
];
const m = Matcher.compile(terms);
const defs = (text: string) => findDefinitions(terms, text, m.scan(text));

describe('page-defined acronyms (issue 11, deliverable 2)', () => {
  it('a long form followed by its initials in parentheses defines the acronym for its entry', () => {
    expect(defs('The Tehreek-e-Taliban Pakistan (TTP) said so.')).toEqual([{ acronym: 'TTP', entry: 0 }]);
    expect(defs('Officials of the Islamic Emirate of Afghanistan (IEA) met.')).toEqual([{ acronym: 'IEA', entry: 2 }]);
    expect(defs('Islamic Emirate of Afghanistan(IEA)')).toEqual([{ acronym: 'IEA', entry: 2 }]);
  });

  it('letters that are not the initials, lowercase, a gap, or an acronym term do not define one', () => {
    expect(defs('The Pakistani Taliban (TTP) said so.')).toEqual([]);
    expect(defs('Islamic Emirate of Afghanistan (iea) met.')).toEqual([]);
    expect(defs('Islamic Emirate of Afghanistan, (IEA) met.')).toEqual([]);
    expect(defs('Islamic Emirate of Afghanistan (Kabul) met.')).toEqual([]);
    expect(defs('TTP (TTP) said.')).toEqual([]);
    // A spelling with a context rule never defines one (OTH radar is not the counterterrorism concept).
    expect(defs('The Over-the-Horizon (OTH) radar tracked it.')).toEqual([]);
  });

  it('finds bare mentions as whole words, exact case', () => {
    const defined = new Map([['IEA', 2]]);
    const text = 'The IEA said; IEAs, iea and XIEA are not it; (IEA) is.';
    expect(findAcronymMentions(text, defined).map((x) => text.slice(x.start, x.end) + '@' + x.start)).toEqual(['IEA@4', 'IEA@46']);
    expect(findAcronymMentions(text, new Map())).toEqual([]);
  });

  it('finds the long form a parenthesized acronym follows (the page spelling an acronym out as something else)', () => {
    const at = (text: string, acronym: string) => {
      const start = text.indexOf(`(${acronym})`) + 1;
      const span = longFormBefore(text, start, start + acronym.length);
      return span && text.slice(span.start, span.end);
    };
    expect(at('The International Energy Agency (IEA) said so.', 'IEA')).toBe('International Energy Agency');
    expect(at('Officials of the Islamic Emirate of Afghanistan (IEA) denied it.', 'IEA')).toBe('Islamic Emirate of Afghanistan');
    expect(at('the Tehreek-e-Taliban Pakistan (TTP) said', 'TTP')).toBe('Tehreek-e-Taliban Pakistan');
    expect(at('A statement (IEA) followed.', 'IEA')).toBeNull();
    expect(at('The IEA said so.', 'IEA')).toBeNull(); // not in parentheses
    const text = 'The agency said (IEA) more.';
    expect(longFormBefore(text, text.indexOf('IEA'), text.indexOf('IEA') + 3)).toBeNull();
  });

  it('names the glossary acronyms a block spells out as something else, never a spelling of their own entry', () => {
    const withIea: TermInput[] = [...terms, { entry: 2, text: 'IEA', caseRule: 'exact', requires: [1] }];
    const mi = Matcher.compile(withIea);
    const otherwise = (text: string) => acronymsSpelledOtherwise(withIea, text, mi.scan(text));
    expect(otherwise('The International Energy Agency (IEA) expects Afghanistan to import more.')).toEqual(['IEA']);
    expect(otherwise('Officials of the Islamic Emirate of Afghanistan (IEA) met.')).toEqual([]);
    expect(otherwise('The IEA met.')).toEqual([]);
    // An unknown spelling of the entry's own long form shares its words: not another meaning.
    expect(otherwise('The Tahrik-i-Taliban-i-Pakistan (TTP) said so.')).toEqual([]);
    expect(otherwise('The Islamic Emirate (IEA) said so.')).toEqual([]);
  });
});

