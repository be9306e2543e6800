import { describe, expect, it } from 'vitest';
import type { CompiledEntry, CompiledGlossary } from './glossary-types.js';
import { Matcher } from './matcher/index.js';
import type { TermInput } from './matcher/types.js';
import { buildRuntimeGlossary } from './runtime-glossary.js';
import type { UserGlossary } from './user-glossary.js';

const entry = (id: string, name: string, category: CompiledEntry['category'], aliases: string[]): CompiledEntry => ({
  id,
  name,
  category,
  aliases,
  definition: `Definition of ${name}.`,
  related: [],
  background: false,
  anchorOnly: false,
  mentions: 1,
  quotes: [{ paragraph: 1, sentence: 1, text: `${name} is here.`, marks: [[0, name.length]] }],
});

// 0 amnesty, 1 ceasefire (needs ttp), 2 pakistan, 3 ttp
const TERMS: TermInput[] = [
  { entry: 0, text: 'amnesty', caseRule: 'any' },
  { entry: -1, text: 'Amnesty International', caseRule: 'proper' },
  { entry: 1, text: 'cease-fire', caseRule: 'any', requires: [3] },
  { entry: 2, text: 'Pakistan', caseRule: 'proper' },
  { entry: 3, text: 'TTP', caseRule: 'exact', requires: [2] },
  { entry: 3, text: 'Tehreek-e-Taliban Pakistan', caseRule: 'proper' },
];
const GLOSSARY: CompiledGlossary = {
  version: 1,
  report: { meta: { title: 'r', date: '2022-01-31', displayDate: 'Jan 31, 2022', dateline: '', language: 'en', sourceFile: 'x', publisher: 'p', textSource: 't' }, text: '', paragraphs: [] },
  entries: [
    entry('amnesty', 'amnesty', 'concept', ['amnesty']),
    entry('ceasefire', 'ceasefire', 'event', ['cease-fire']),
    entry('pakistan', 'Pakistan', 'place', ['Pakistan']),
    entry('ttp', 'Tehreek-e-Taliban Pakistan', 'organization', ['Tehreek-e-Taliban Pakistan', 'TTP']),
  ],
  matcher: Matcher.compile(TERMS).serialize(),
};

const ids = (g: ReturnType<typeof buildRuntimeGlossary>, text: string) => g.matcher.scan(text).map((h) => g.entries[h.entry]!.id);
const empty: UserGlossary = { version: 1, own: [], overrides: {} };

describe('buildRuntimeGlossary', () => {
  it('uses the compiled glossary as is without user data (same entry objects, same terms)', () => {
    for (const u of [null, undefined, empty]) {
      const g = buildRuntimeGlossary(GLOSSARY, u);
      expect(g.entries).toBe(GLOSSARY.entries);
      expect(g.matcher.terms).toEqual(TERMS);
      expect(g.indexById.get('ttp')).toBe(3);
    }
  });

  it('appends own entries after built-ins (indices stable), marked own, matched like built-ins', () => {
    const user: UserGlossary = {
      version: 1,
      own: [
        {
          id: 'own-wakhan',
          name: 'Wakhan Corridor',
          category: 'place',
          aliases: [{ text: 'Wakhan Corridor', case: 'proper' }, { text: 'WC', case: 'exact' }],
          definition: 'A strip of land.',
          notes: 'from a map',
          quotes: [{ text: 'The Wakhan Corridor is narrow.', sourceUrl: 'https://example.org/w' }, { text: 'No link here.' }],
        },
      ],
      overrides: {},
    };
    const g = buildRuntimeGlossary(GLOSSARY, user);
    expect(g.entries.length).toBe(5);
    expect(g.indexById.get('ttp')).toBe(3);
    expect(g.indexById.get('own-wakhan')).toBe(4);
    const own = g.entries[4]!;
    expect(own.own).toBe(true);
    expect(own.notes).toBe('from a map');
    expect(own.quotes[0]).toEqual({ paragraph: 0, sentence: 0, text: 'The Wakhan Corridor is narrow.', marks: [[4, 19]], sourceUrl: 'https://example.org/w' });
    expect(own.quotes[1]).toEqual({ paragraph: 0, sentence: 0, text: 'No link here.', marks: [] });
    expect(ids(g, 'Across the Wakhan Corridor (WC) and the wakhan corridor, wc.')).toEqual(['own-wakhan', 'own-wakhan']);
    // Built-ins still match, blockers still block.
    expect(ids(g, 'Amnesty International and an amnesty for TTP in Pakistan')).toEqual(['amnesty', 'ttp', 'pakistan']);
  });

  it("resolves an own entry's context rule to indices and drops a spelling whose rule names no known entry", () => {
    const user: UserGlossary = {
      version: 1,
      own: [
        {
          id: 'own-talks',
          name: 'peace talks',
          category: 'event',
          aliases: [{ text: 'peace talks', case: 'any' }, { text: 'the talks', case: 'any', requires: ['no-such-entry'] }],
          requires: ['ttp'],
          definition: 'Talks.',
          quotes: [],
        },
      ],
      overrides: {},
    };
    const g = buildRuntimeGlossary(GLOSSARY, user);
    const ownTerms = g.matcher.terms.filter((t) => t.entry === 4);
    expect(ownTerms).toEqual([{ entry: 4, text: 'peace talks', caseRule: 'any', requires: [3] }]);
  });

  it('applies a definition override without touching terms', () => {
    const g = buildRuntimeGlossary(GLOSSARY, { version: 1, own: [], overrides: { ttp: { definition: 'Mine.' } } });
    expect(g.entries[3]!.definition).toBe('Mine.');
    expect(g.entries[3]!.overridden).toEqual(['definition']);
    expect(GLOSSARY.entries[3]!.definition).toBe('Definition of Tehreek-e-Taliban Pakistan.');
    expect([...g.matcher.terms].sort((a, b) => a.text.localeCompare(b.text))).toEqual([...TERMS].sort((a, b) => a.text.localeCompare(b.text)));
  });

  it('replaces aliases from an override, keeping each known spelling its context rule', () => {
    const g = buildRuntimeGlossary(GLOSSARY, {
      version: 1,
      own: [],
      overrides: { ttp: { aliases: [{ text: 'TTP', case: 'exact' }, { text: 'Pakistani Taliban', case: 'proper' }] } },
    });
    const t = g.matcher.terms.filter((x) => x.entry === 3);
    expect(t).toEqual([
      { entry: 3, text: 'TTP', caseRule: 'exact', requires: [2] },
      { entry: 3, text: 'Pakistani Taliban', caseRule: 'proper' },
    ]);
    expect(g.entries[3]!.aliases).toEqual(['TTP', 'Pakistani Taliban']);
    expect(ids(g, 'The Pakistani Taliban; Tehreek-e-Taliban Pakistan.')).toEqual(['ttp', 'pakistan']);
  });

  it('replaces the context rule of every spelling from a requires override (empty = always)', () => {
    const g = buildRuntimeGlossary(GLOSSARY, { version: 1, own: [], overrides: { ceasefire: { requires: [] } } });
    expect(g.matcher.terms.filter((x) => x.entry === 1)).toEqual([{ entry: 1, text: 'cease-fire', caseRule: 'any' }]);
    expect(g.entries[1]!.overridden).toEqual(['requires']);
    const g2 = buildRuntimeGlossary(GLOSSARY, { version: 1, own: [], overrides: { ceasefire: { requires: ['pakistan'] } } });
    expect(g2.matcher.terms.filter((x) => x.entry === 1)).toEqual([{ entry: 1, text: 'cease-fire', caseRule: 'any', requires: [2] }]);
  });

  it('ignores overrides of entries that no longer exist', () => {
    const g = buildRuntimeGlossary(GLOSSARY, { version: 1, own: [], overrides: { gone: { definition: 'x' } } });
    expect(g.entries.map((e) => e.id)).toEqual(GLOSSARY.entries.map((e) => e.id));
  });
});
