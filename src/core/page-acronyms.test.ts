import { describe, expect, it } from 'vitest';
import type { TermInput } from './matcher/types.js';
import { Matcher } from './matcher/index.js';
import { findAcronymMentions, findDefinitions } from './page-acronyms.js';

const terms: TermInput[] = [
  { entry: 0, text: 'Tehreek-e-Taliban Pakistan', caseRule: 'proper' },
  { entry: 0, text: 'TTP', caseRule: 'exact', requires: [1] },
  { entry: 1, text: 'Pakistan', caseRule: 'proper' },
  { entry: 2, text: 'Islamic Emirate of Afghanistan', caseRule: 'proper' },
  { entry: 3, text: 'Pakistani Taliban', caseRule: 'proper' },
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
  });

  it('finds bare mentions as whole words, exact case', () => {
    const defined = new Map([['IEA', 2]]);
    const text = 'The IEA said; IEAs, iea and XIEA are not it; (IEA) is.';
    expect(findAcronymMentions(text, defined).map((x) => text.slice(x.start, x.end) + '@' + x.start)).toEqual(['IEA@4', 'IEA@46']);
    expect(findAcronymMentions(text, new Map())).toEqual([]);
  });
});
