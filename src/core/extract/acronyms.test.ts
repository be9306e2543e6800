import { describe, expect, it } from 'vitest';
import fixture from '../../../tests/fixtures/extract/acronyms.json';
import { acronymPairsInSentence, collectAcronyms, initialsStart, plausibleShortForm } from './acronyms';
import { scoreAcronyms, type AcronymCase } from '../../../tests/support/acronym-score.js';
import { schwartzHearstSentence } from './schwartz-hearst';
import { layoutText } from './text';

const cases = fixture.cases as AcronymCase[];
const bySentence = (find: (s: string) => { short: string; long: string }[]) => (text: string) =>
  collectAcronyms(layoutText(text).sentences.map((s) => s.text), find);

describe('acronym pairs on the public Schwartz-Hearst suites and our own cases', () => {
  const baseline = scoreAcronyms(cases, bySentence(schwartzHearstSentence));
  const ours = scoreAcronyms(cases, bySentence(acronymPairsInSentence));

  it('reports both figures', () => {
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    console.log(
      `acronyms (${ours.expected} labelled pairs, ${cases.length} cases): Schwartz-Hearst P ${pct(baseline.precision)} R ${pct(baseline.recall)}; ours P ${pct(ours.precision)} R ${pct(ours.recall)}`,
    );
    for (const m of ours.misses) console.log('ours missed/wrong:', JSON.stringify(m));
    expect(baseline.found).toBeGreaterThan(0);
  });

  it('meets precision >= 95% and recall >= 85%', () => {
    expect(ours.precision).toBeGreaterThanOrEqual(0.95);
    expect(ours.recall).toBeGreaterThanOrEqual(0.85);
  });

  it('beats the baseline on F1', () => {
    const f1 = (s: { precision: number; recall: number }) => (2 * s.precision * s.recall) / (s.precision + s.recall);
    expect(f1(ours)).toBeGreaterThan(f1(baseline));
  });
});

describe('acronymPairsInSentence', () => {
  it('reads both orders', () => {
    expect(acronymPairsInSentence('the Tehreek-e-Taliban Pakistan (TTP) said')).toEqual([{ short: 'TTP', long: 'Tehreek-e-Taliban Pakistan' }]);
    expect(acronymPairsInSentence('a statement from ISPR (Inter-Services Public Relations) said')).toEqual([
      { short: 'ISPR', long: 'Inter-Services Public Relations' },
    ]);
  });

  it('prefers initials over inner letters (S-H gives "Peoples Party")', () => {
    expect(schwartzHearstSentence('the Pakistan Peoples Party (PPP) won')).toEqual([{ short: 'PPP', long: 'Peoples Party' }]);
    expect(acronymPairsInSentence('the Pakistan Peoples Party (PPP) won')).toEqual([{ short: 'PPP', long: 'Pakistan Peoples Party' }]);
  });

  it('refuses citations, numerals and plain words', () => {
    expect(plausibleShortForm('Spenner et al., 1995')).toBe(false);
    expect(plausibleShortForm('iv')).toBe(false);
    expect(plausibleShortForm('owners')).toBe(false);
    expect(acronymPairsInSentence('ISLAMABAD (Reuters) - the army said')).toEqual([]);
  });

  it('lets minor words and hyphen parts give nothing', () => {
    expect(initialsStart('USIP', ['analysts', 'at', 'the', 'United', 'States', 'Institute', 'of', 'Peace'], 9)).toBe(3);
    expect(initialsStart('TTP', ['Tehreek-e-Taliban', 'Pakistan'], 8)).toBe(0);
  });
});
