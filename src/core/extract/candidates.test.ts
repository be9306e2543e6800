import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractCandidates } from './candidates';
import { coverage, type GlossaryEntryLike } from '../../../tests/support/keyterm-coverage.js';

const report = readFileSync(new URL('../../../glossary/report.txt', import.meta.url), 'utf8');
const entries = (JSON.parse(readFileSync(new URL('../../../glossary/entries.json', import.meta.url), 'utf8')) as { entries: GlossaryEntryLike[] })
  .entries;

describe('candidates on the bundled report', () => {
  const { candidates, acronyms } = extractCandidates(report);

  it('has >= 85% of the hand-made glossary entries that occur in the report among the top 40', () => {
    const c = coverage(report, entries, candidates, 40);
    console.log(`key terms: top 40 hold ${c.found}/${c.present} (${(c.share * 100).toFixed(1)}%) of the glossary's entries; missed ${c.missed.join(', ')}`);
    expect(c.present).toBeGreaterThan(25);
    expect(c.share).toBeGreaterThanOrEqual(0.85);
  });

  it('finds the acronym and groups its long forms', () => {
    expect(acronyms).toContainEqual({ short: 'TTP', long: 'Tehreek-e-Taliban Pakistan' });
    const ttp = candidates[0]!;
    expect(ttp.name).toBe('Tehreek-e-Taliban Pakistan');
    expect(ttp.aliases.map((a) => a.text)).toEqual(expect.arrayContaining(['TTP', 'Tehreek-e-Taliban']));
    expect(ttp.aliases.find((a) => a.text === 'TTP')!.case).toBe('exact');
    expect(ttp.category).toBe('organization');
  });

  it('groups a name with its titled forms and classifies people', () => {
    const khan = candidates.find((c) => c.name === 'Imran Khan')!;
    expect(khan.aliases.map((a) => a.text)).toContain('Prime Minister Imran Khan');
    expect(khan.category).toBe('person');
    expect(candidates.find((c) => c.name === 'Noor Wali Mehsud')!.category).toBe('person');
  });

  it('quotes whole sentences verbatim and counts mentions', () => {
    for (const c of candidates) {
      expect(c.count).toBeGreaterThan(0);
      for (const s of c.sentences) expect(report.includes(s)).toBe(true);
    }
    const alvi = candidates.find((c) => c.name === 'Arif Alvi')!;
    expect(alvi.sentences).toEqual([
      "At one stage, Pakistani President Arif Alvi and Prime Minister Imran Khan observed that Pakistan was open to amnesty for the TTP if it laid down arms and agreed to adhere to Pakistan's constitution.",
    ]);
  });

  it('gives lowercase terms a case rule "any" and a context rule naming names said with them', () => {
    const cf = candidates.find((c) => c.name === 'cease-fire')!;
    expect(cf.case).toBe('any');
    expect(cf.requires.length).toBeGreaterThan(0);
    for (const r of cf.requires) expect(candidates.some((c) => c.name === r && c.case !== 'any')).toBe(true);
  });

  it('ranks by score, best first', () => {
    for (let i = 1; i < candidates.length; i++) expect(candidates[i - 1]!.score).toBeGreaterThanOrEqual(candidates[i]!.score);
  });
});

describe('candidates on small texts', () => {
  it('drops a superlative opener, so the term it describes keeps its mentions', () => {
    const names = extractCandidates('The bill is the largest disaster relief measure in U.S. history. Farmers said the disaster relief measure came late.').candidates.map((c) => c.name);
    expect(names).toContain('disaster relief measure');
    expect(names).not.toContain('largest disaster relief measure');
  });

  it('joins a titled surname spelled another way to its full name, not a short look-alike', () => {
    const { candidates } = extractCandidates(
      "Morrison listened in on President Trump's July 25 call with Ukrainian President Volodymyr Zelensky. He said the call was fine. " +
        '"I was not on the July 25 phone call between President Trump and President Zelenskyy," Volker said.',
    );
    expect(candidates.find((c) => c.name === 'Volodymyr Zelensky')?.aliases.map((a) => a.text)).toContain('President Zelenskyy');
    expect(candidates.map((c) => c.name)).not.toContain('President Zelenskyy');
    const spain = extractCandidates('Health Minister Jens Spahn said cases rose. In Spain, cases fell. Spain closed bars, and Minister Spahn agreed.').candidates;
    expect(spain.find((c) => c.name === 'Jens Spahn')?.aliases.map((a) => a.text)).not.toContain('Spain');
  });

  it("leaves a name-led phrase's lowercase part free, but not a demonym-led one's", () => {
    const names = (t: string): string[] => extractCandidates(t).candidates.map((c) => c.name);
    expect(names('A U.S. military jet crashed near Misawa. Officials said the U.S. military jet lost power.')).toContain('military jet');
    expect(names('American military base officials met. The American military base closed.')).not.toContain('military base');
  });

  it('takes no candidate from a header of fields before the text (FBIS style)', () => {
    const names = extractCandidates(
      'Language: Spanish Article Type:BFN\nCSO\n[Text] Lima, 13 Feb (AFP) -- The Shining Path rejected a general amnesty. The general amnesty was offered by the Peruvian Government.',
    ).candidates.map((c) => c.name);
    expect(names).toContain('general amnesty');
    for (const junk of ['Article Type', 'BFN', 'CSO', 'Spanish', 'Language']) expect(names).not.toContain(junk);
  });

  it('merges spelling variants by skeleton', () => {
    const { candidates } = extractCandidates(
      'The Tehrik-i-Taliban Pakistan claimed the attack. Officials said the Tehreek-e-Taliban Pakistan had warned of it. Al-Qaeda and al-Qaida were named.',
    );
    const ttp = candidates.find((c) => /Taliban Pakistan/.test(c.name))!;
    expect(ttp.aliases.map((a) => a.text).sort()).toEqual(['Tehreek-e-Taliban Pakistan', 'Tehrik-i-Taliban Pakistan']);
    expect(ttp.count).toBe(2);
  });

  it('does not take a sentence-opening word for a name', () => {
    const { candidates } = extractCandidates('Policymakers met in Kabul. Analysts said Kabul was calm.');
    expect(candidates.find((c) => c.name === 'Policymakers')).toBeUndefined();
    expect(candidates.find((c) => c.name === 'Kabul')!.category).toBe('place');
  });

  // DUC-2001 dev articles (tests/fixtures/keyphrase): an opening adverb before its comma looked like a dateline.
  it('does not take an opening adverb before a comma for a dateline name', () => {
    const { candidates } = extractCandidates('Traditionally, it counts everyone. Nonetheless, Dan Stein said the count was unfair.');
    expect(candidates.map((c) => c.name)).not.toContain('Traditionally');
    expect(candidates.map((c) => c.name)).not.toContain('Nonetheless');
    expect(candidates.map((c) => c.name)).toContain('Dan Stein');
    // A real dateline still is one.
    expect(extractCandidates('ISLAMABAD, Pakistan (AP) — Officials met.').candidates.map((c) => c.name)).toContain('ISLAMABAD');
  });

  it('starts no term with the verb after "to", a modal or "not"', () => {
    const { candidates } = extractCandidates(
      'The Census Bureau is under pressure to exclude illegal aliens from its count. Groups want to delete illegal aliens. The bill would require a new count.',
    );
    const names = candidates.map((c) => c.name);
    expect(names).toContain('illegal aliens');
    expect(names.filter((n) => /^(?:exclude|delete|require) /.test(n))).toEqual([]);
    expect(candidates.find((c) => c.name === 'illegal aliens')!.count).toBe(2);
  });

  // Wave 11, DUC-2001 dev articles: a middle initial cut names short ("Wyman E"); a wrong name on a card.
  it('keeps a middle initial inside a name', () => {
    const { candidates } = extractCandidates('The pilot, Maj. Wyman E. Vanedoe, was listed in good condition. Officials praised Wyman E. Vanedoe.');
    const names = candidates.map((c) => c.name);
    expect(names).toContain('Wyman E. Vanedoe');
    expect(names.filter((n) => /(?:^| )E$|^E\. /.test(n))).toEqual([]);
    expect(candidates.find((c) => c.name === 'Wyman E. Vanedoe')!.count).toBe(2);
  });

  it('joins a titled surname and the full name it shortens into one person', () => {
    const { candidates } = extractCandidates(
      'Superior Court Justice Stephen L. Perkins dismissed the charge. Lawyers said Justice Perkins was wrong. Perkins wrote a ruling.',
    );
    const perkins = candidates.filter((c) => /Perkins/.test(c.name));
    expect(perkins.map((c) => c.name)).toEqual(['Stephen L. Perkins']);
    expect(perkins[0]!.aliases.map((a) => a.text)).toEqual(expect.arrayContaining(['Perkins', 'Justice Perkins']));
  });

  it('keeps a year before a noun and a flight number in the term', () => {
    const { candidates } = extractCandidates(
      'The 1990 census will count everyone. Critics of the 1990 census met. Investigators studied Pan American World Airways Flight 103 in Lockerbie.',
    );
    const names = candidates.map((c) => c.name);
    expect(names).toContain('1990 census');
    expect(names).toContain('Pan American World Airways Flight 103');
    // Other numbers still break a run: no "1990" alone, no count as a term.
    expect(extractCandidates('It killed 259 people aboard the jet.').candidates.map((c) => c.name).filter((n) => /\d/.test(n))).toEqual([]);
  });

  it('takes no distance, direction or lone participle for a term', () => {
    const { candidates } = extractCandidates(
      'The post lies 325 miles northeast of Lima. Iwate is about 290 miles north of Tokyo. He was convicted in 1988 and convicted again.',
    );
    const names = candidates.map((c) => c.name);
    expect(names.filter((n) => /miles|north/.test(n))).toEqual([]);
    expect(names).not.toContain('convicted');
    expect(names).toEqual(expect.arrayContaining(['Lima', 'Tokyo']));
  });
});
