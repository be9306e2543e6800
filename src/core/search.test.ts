import { describe, expect, it } from 'vitest';
import type { Category, CompiledEntry } from './glossary-types.js';
import { browseCategories, buildSearchIndex, editDistance, lookup, search, skeleton, tokenize } from './search.js';

function entry(id: string, name: string, category: Category, extra: Partial<CompiledEntry> = {}): CompiledEntry {
  return {
    id,
    name,
    category,
    aliases: [name, ...(extra.aliases ?? [])],
    definition: extra.definition ?? `${name}.`,
    related: [],
    background: false,
    anchorOnly: false,
    mentions: extra.mentions ?? 1,
    quotes: extra.quotes ?? [],
    ...(extra.short ? { short: extra.short } : {}),
  };
}
const quote = (text: string) => ({ paragraph: 1, sentence: 1, text, marks: [] as [number, number][] });

/** A hand-made glossary shaped like the real one (the real one is tested in search-glossary.test.ts). */
const MINI: CompiledEntry[] = [
  entry('afghan-taliban', 'Afghan Taliban', 'organization', { mentions: 9, definition: 'The Islamist movement that took Kabul.' }),
  entry('al-qaeda', 'al-Qaeda', 'organization', { mentions: 0, definition: 'A transnational jihadist network.' }),
  entry('amnesty', 'amnesty', 'concept', { definition: 'A pardon offered to fighters who lay down arms.' }),
  entry('cease-fire', 'cease-fire', 'event', { definition: 'A truce between the Pakistani government and the TTP.' }),
  entry('haqqani-network', 'Haqqani network', 'organization', { mentions: 0 }),
  entry('imran-khan', 'Imran Khan', 'person', { mentions: 2, definition: 'Prime Minister of Pakistan.' }),
  entry('noor-wali-mehsud', 'Noor Wali Mehsud', 'person', { aliases: ['Mehsud'], definition: 'Chief of the TTP.' }),
  entry('siraj-haqqani', 'Siraj Haqqani', 'person', {
    aliases: ['Sirajuddin Haqqani'],
    mentions: 1,
    definition: 'A senior Taliban leader, head of the Haqqani network.',
  }),
  entry('ttp', 'Tehreek-e-Taliban Pakistan', 'organization', {
    short: 'TTP',
    aliases: ['TTP', 'Tehreek-e-Taliban', 'Pakistani Taliban'],
    mentions: 20,
    definition: 'A militant alliance fighting the Pakistani state.',
    quotes: [quote('The TTP seems to have been energized with the Taliban\u2019s takeover.')],
  }),
  entry('taliban', 'Taliban', 'organization', { mentions: 3, definition: 'The Afghan Taliban, as the report often calls them.' }),
  entry('usip', 'United States Institute of Peace', 'organization', {
    short: 'USIP',
    aliases: ['USIP'],
    mentions: 4,
    quotes: [quote('as noted by the United States Institute of Peace.')],
  }),
];

const index = buildSearchIndex(MINI);
const top = (q: string) => search(index, q)[0]?.entry.id ?? null;
const ids = (q: string) => search(index, q).map((r) => r.entry.id);

describe('search (hand-made glossary)', () => {
  it.each([
    ['haqani', 'siraj-haqqani'],
    ['Haqqani', 'siraj-haqqani'],
    ['tehrik', 'ttp'],
    ['Tehreek e Taliban', 'ttp'],
    ['mehsud', 'noor-wali-mehsud'],
    ['MEHSÚD', 'noor-wali-mehsud'],
    ['meh', 'noor-wali-mehsud'],
    ['al qaida', 'al-qaeda'],
    ['alqaeda', 'al-qaeda'],
    ['ceasefire', 'cease-fire'],
    ['cease fire', 'cease-fire'],
    ['ttp', 'ttp'],
    ['usip', 'usip'],
    ['imarn', 'imran-khan'],
    ['sirajuddin', 'siraj-haqqani'],
    ['pakistani taliban', 'ttp'],
    ['taliban', 'taliban'],
    ['afghan taliban', 'afghan-taliban'],
  ])('%s -> %s', (query, expected) => {
    expect(top(query)).toBe(expected);
  });

  it('ranks name > alias > definition > quote', () => {
    // "haqqani": two names contain it; Siraj (in the report) before the background network (0 mentions).
    expect(ids('haqqani').slice(0, 2)).toEqual(['siraj-haqqani', 'haqqani-network']);
    // "pardon" only in a definition; "energized" only in a quote.
    expect(search(index, 'pardon')[0]).toMatchObject({ field: 'definition' });
    expect(search(index, 'energized')[0]).toMatchObject({ field: 'quote', entry: { id: 'ttp' } });
    // "peace": USIP by name before any definition or quote hit.
    const peace = search(index, 'peace');
    expect(peace[0]).toMatchObject({ field: 'name', entry: { id: 'usip' } });
    // "taliban": the whole name first, then the names containing it, then aliases, then definitions.
    const taliban = search(index, 'taliban');
    expect(taliban.map((r) => r.entry.id).slice(0, 3)).toEqual(['taliban', 'ttp', 'afghan-taliban']);
    expect(taliban.map((r) => r.field).slice(0, 3)).toEqual(['name', 'name', 'name']);
    expect(taliban.find((r) => r.entry.id === 'siraj-haqqani')?.field).toBe('definition');
  });

  it('says which alias matched', () => {
    expect(search(index, 'sirajuddin')[0]).toMatchObject({ field: 'alias', matchedText: 'Sirajuddin Haqqani' });
    expect(search(index, 'TTP')[0]).toMatchObject({ field: 'alias', exactPhrase: true, matchedText: 'TTP' });
  });

  it('finds nothing for nonsense and needs every query token', () => {
    expect(search(index, 'zzzzqx')).toEqual([]);
    expect(search(index, '')).toEqual([]);
    expect(search(index, '  -- ')).toEqual([]);
    expect(ids('haqqani zzzzqx')).toEqual([]);
    expect(ids('siraj network')).toEqual(['siraj-haqqani']);
  });

  it('is not fooled by short typos', () => {
    // 3-letter tokens get no typo allowance: "ttx" is not TTP.
    expect(ids('ttx')).toEqual([]);
  });

  it('looks up a selection only by name or alias', () => {
    expect(lookup(index, 'Noor Wali Mehsud')?.id).toBe('noor-wali-mehsud');
    expect(lookup(index, ' Haqqani,')?.id).toBe('siraj-haqqani');
    expect(lookup(index, 'TTP’s')?.id).toBe('ttp');
    expect(lookup(index, 'pardon')).toBeNull();
    expect(lookup(index, 'the weather in Lahore today')).toBeNull();
    expect(lookup(index, '')).toBeNull();
  });

  it('browses categories for the empty query', () => {
    const groups = browseCategories(MINI);
    expect(groups.map((g) => g.category)).toEqual(['person', 'organization', 'event', 'concept']);
    expect(groups[0]!.entries.map((e) => e.id)).toEqual(['imran-khan', 'noor-wali-mehsud', 'siraj-haqqani']);
    expect(groups[1]!.entries[0]!.id).toBe('afghan-taliban');
    expect(groups.reduce((n, g) => n + g.entries.length, 0)).toBe(MINI.length);
  });
});

describe('search helpers', () => {
  it('tokenizes folded words', () => {
    expect(tokenize('Tehreek‑e‑Taliban  Pakistan’s')).toEqual(['tehreek', 'e', 'taliban', 'pakistan', 's']);
    expect(tokenize('Ḥaqqānī')).toEqual(['haqqani']);
  });
  it('computes skeletons and bounded edit distance', () => {
    expect(skeleton('tehreek')).toBe(skeleton('tehrik'));
    expect(skeleton('haqqani')).toBe(skeleton('haqani'));
    expect(editDistance('qaida', 'qaeda', 1)).toBe(1);
    expect(editDistance('mehsud', 'mehusd', 1)).toBe(1);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(editDistance('', 'ab', 2)).toBe(2);
  });
});
