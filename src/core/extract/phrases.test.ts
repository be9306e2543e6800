import { describe, expect, it } from 'vitest';
import { extractCandidates } from './candidates';
import { caseEvidence, phrasesOf } from './phrases';
import { layoutText } from './text';

const names = (text: string): string[] => extractCandidates(text).candidates.map((c) => c.name);
const phrases = (text: string): string[] => {
  const { sentences } = layoutText(text);
  return phrasesOf(sentences, caseEvidence(sentences)).map((p) => p.text);
};

// Wave 12 (keyphrase4), each found on DUC-2001 dev articles (tests/fixtures/keyphrase).
describe('candidate phrases', () => {
  it('ends a run of three or more words before a trailing -ing participle, but keeps a two-word -ing noun', () => {
    const text =
      'A state constitutional amendment broadening the right to bear arms was passed. The Legislature enacted a constitutional amendment deleting that language. ' +
      'Police called it a terrorist bombing. Banks fought drug money laundering.';
    const ps = phrases(text);
    expect(ps.filter((p) => /(?:deleting|broadening)$/.test(p))).toEqual([]);
    expect(ps).toEqual(expect.arrayContaining(['terrorist bombing', 'drug money laundering']));
    const amendment = extractCandidates(text).candidates.find((c) => c.name === 'constitutional amendment');
    expect(amendment?.count).toBe(2);
  });

  it('keeps the period of "St." inside a name', () => {
    const text = "Miss Taylor entered St. John's Hospital and Health Center on Monday. She left St. John's Hospital later.";
    expect(names(text)).toContain("St. John's Hospital");
    expect(names(text).filter((n) => n === 'St' || n === 'John')).toEqual([]);
  });

  it("reads an all-capitals opener the text writes lowercase elsewhere as a capitalized word (FT's house style)", () => {
    const text = 'THE World Bank will link loans to poverty. The bank said the World Bank would act. GOVERNMENT veterinary experts met. The government agreed.';
    const ns = names(text);
    expect(ns).toContain('World Bank');
    expect(ns.filter((n) => /^(?:THE|GOVERNMENT)\b/.test(n))).toEqual([]);
    // An acronym opener is never written lowercase: it stays a name.
    expect(names('NATO said the talks failed. Officials of NATO met.')).toContain('NATO');
  });

  it('reads a title-case headline by the case its words have elsewhere', () => {
    const text =
      'As Debt Rises, the Government Will Soon Spend More on Interest Than on the Military\n' +
      'The federal debt rises as the government pays more interest. Interest payments could pass the military budget, Mark Warner said.\n' +
      'With Jonathan Pearlman, Thomas Phillips\n';
    const { sentences } = layoutText(text);
    expect([...caseEvidence(sentences).headlines]).toEqual([0]);
    const ps = phrases(text);
    expect(ps.filter((p) => /^(?:Debt Rises|Soon Spend|Government|Military)$/.test(p))).toEqual([]);
    // Not a headline: a line of names (never written lowercase), so the names stay names.
    expect(ps).toEqual(expect.arrayContaining(['Jonathan Pearlman', 'Thomas Phillips', 'Mark Warner']));
    // An all-capitals headline too; its verb is a verb ("found wearing" was a corpus page's candidate).
    const caps = phrases('Reuters - BODY FOUND AT SEA WAS WEARING LIFE JACKET\nA body was found wearing a life jacket at sea, a source told Reuters.\n');
    expect(caps.filter((p) => /^(?:BODY|LIFE JACKET|found wearing)/.test(p))).toEqual([]);
    expect(caps).toEqual(expect.arrayContaining(['Reuters', 'life jacket']));
  });
});

describe('candidate phrases: owners, numbers, gerunds', () => {
  it("ends a run at a lowercase owner: the owned term stands alone", () => {
    const ps = phrases("Lending in the past decade overshadowed the bank's poverty reduction objectives.");
    expect(ps).toContain('poverty reduction objectives');
    expect(ps.filter((p) => /bank's /.test(p))).toEqual([]);
    // A name's possessive still owns what follows in one run.
    expect(phrases("Officials upheld Pakistan's constitution.")).toContain("Pakistan's constitution");
  });

  it('keeps a number hyphened to a word in the term', () => {
    const ps = phrases('The 10-point agreement was signed. The 58-year-old actress was treated.');
    expect(ps).toEqual(expect.arrayContaining(['10-point agreement', '58-year-old actress']));
  });

  it('takes an -ing word opening a lowercase run for a verb, unless it is a noun', () => {
    const ps = phrases('Groups are making stringent side agreements, aimed at protecting worker rights. Recruits left the training camp.');
    expect(ps).toContain('worker rights');
    expect(ps.filter((p) => p.startsWith('protecting'))).toEqual([]);
    expect(ps).toContain('training camp');
  });
});

describe('candidate terms: number words and opening adjectives', () => {
  it('breaks a run at a number word, so the term after it is free', () => {
    const { candidates } = extractCandidates('The $3.9 billion disaster aid program helped farmers. Critics of the disaster aid program met.');
    expect(candidates.find((c) => c.name === 'disaster aid program')?.count).toBe(2);
    expect(candidates.map((c) => c.name).filter((n) => /billion/.test(n))).toEqual([]);
  });

  it('keeps a term opened by "general", "public" or "key", but not by "critical"', () => {
    const names = extractCandidates('The deal offers a general amnesty. Growing public anxiety followed the general amnesty. Critical Chinese interests suffer; critical interests too.')
      .candidates.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['general amnesty', 'public anxiety']));
    expect(names.filter((n) => n.startsWith('critical'))).toEqual([]);
  });
});

describe('candidate terms: titles', () => {
  // A corpus page's top 20 had "Vice" (4 mentions) beside "President Biden": "Vice" was no title.
  it('reads "Vice" as part of a title', () => {
    const names = extractCandidates('Officials said former Vice President Biden met Ukraine. Critics of Vice President Biden spoke to Ukraine.').candidates.map((c) => c.name);
    expect(names).not.toContain('Vice');
    expect(names.some((n) => /Biden$/.test(n))).toBe(true);
  });
});

describe('candidate terms: surnames', () => {
  it('joins a surname said with an honorific to the one full name it ends', () => {
    const { candidates } = extractCandidates(
      'The directive was issued today by Mr Lewis Preston, the bank president. Mr Preston says poverty matters. Lewis Preston left.',
    );
    const preston = candidates.filter((c) => /Preston/.test(c.name));
    expect(preston.map((c) => c.name)).toEqual(['Lewis Preston']);
    expect(preston[0]!.aliases.map((a) => a.text)).toContain('Preston');
  });

  it('ends a lowercase run at a past tense between two lowercase words, not at an -ed adjective', () => {
    const ps = phrases('The 1988 drought captured attention everywhere. Soldiers said government soldiers massacred dozens of peasants. The armed forces left.');
    expect(ps.filter((p) => /\b(?:captured|massacred|everywhere)\b/.test(p))).toEqual([]);
    expect(ps).toEqual(expect.arrayContaining(['1988 drought', 'government soldiers', 'armed forces']));
  });
});
