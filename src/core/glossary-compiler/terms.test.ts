import { describe, expect, it } from 'vitest';
import type { EntrySource } from '../glossary-types.js';
import { displayAliases, expandTerms } from './terms.js';

const base = { category: 'concept' as const, definition: 'D.', related: [] as string[] };

const ENTRIES: EntrySource[] = [
  { ...base, id: 'amnesty', name: 'amnesty', aliases: [{ text: 'amnesty', case: 'any' }], never: ['Amnesty International'], requires: ['ttp'] },
  { ...base, id: 'pakistan', name: 'Pakistan', anchorOnly: true, aliases: [{ text: 'Pakistan', case: 'proper' }] },
  {
    ...base,
    id: 'ttp',
    name: 'Tehreek-e-Taliban Pakistan',
    aliases: [
      { text: 'Tehreek-e-Taliban Pakistan', case: 'proper' },
      { text: 'TTP', case: 'exact', requires: ['pakistan'] },
      { text: 'Pakistani Taliban', case: 'proper', requires: [] },
    ],
    requires: ['pakistan'],
    never: ['amnesty international'],
  },
];

describe('expandTerms', () => {
  const terms = expandTerms(ENTRIES);

  it('makes one term per alias, indexed by sorted entry position, with context mapped to indices', () => {
    expect(terms.slice(0, 5)).toEqual([
      { entry: 0, text: 'amnesty', caseRule: 'any', requires: [2] },
      { entry: 1, text: 'Pakistan', caseRule: 'proper' },
      { entry: 2, text: 'Tehreek-e-Taliban Pakistan', caseRule: 'proper', requires: [1] },
      { entry: 2, text: 'TTP', caseRule: 'exact', requires: [1] },
      // An alias's own empty list means "no context needed", overriding the entry's rule.
      { entry: 2, text: 'Pakistani Taliban', caseRule: 'proper' },
    ]);
  });

  it('adds never phrases once each as blockers (entry -1) after the aliases', () => {
    expect(terms.slice(5)).toEqual([{ entry: -1, text: 'Amnesty International', caseRule: 'any' }]);
  });
});

describe('displayAliases', () => {
  it('lists the canonical name first and not twice', () => {
    expect(displayAliases(ENTRIES[2]!)).toEqual(['Tehreek-e-Taliban Pakistan', 'TTP', 'Pakistani Taliban']);
    expect(displayAliases({ ...ENTRIES[1]!, name: 'PAKISTAN' })).toEqual(['PAKISTAN']);
  });
});
