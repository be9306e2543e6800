import { describe, expect, it } from 'vitest';
import type { EntrySource } from './glossary-types.js';
import {
  crossCheckEntries,
  foldForCompare,
  spellingForms,
  validateEntrySource,
  validateGlossarySource,
  validateReportMeta,
} from './glossary-schema.js';

function entry(id: string, extra: Partial<EntrySource> = {}): EntrySource {
  const name = extra.name ?? id.toUpperCase();
  return {
    id,
    name,
    category: 'concept',
    aliases: [{ text: name, case: 'exact' }],
    definition: `Definition of ${id}.`,
    related: [],
    ...extra,
  };
}

function errorsOf(json: unknown): string[] {
  const r = validateGlossarySource(json);
  return r.ok ? [] : r.errors;
}

const glossary = (...entries: unknown[]) => ({ version: 1, entries });

describe('validateGlossarySource: shape', () => {
  it('accepts a sound glossary and returns it', () => {
    const g = glossary(entry('alpha', { related: ['beta'] }), entry('beta', { requires: ['alpha'] }));
    const r = validateGlossarySource(g);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.entries.map((e) => e.id)).toEqual(['alpha', 'beta']);
  });

  it.each([
    ['not an object', 42, ['(top level): must be object, got number']],
    ['wrong version', { version: 2, entries: [] }, ['version: Invalid literal value, expected 1']],
    ['missing entries', { version: 1 }, ['entries: is required']],
    ['unknown top-level key', { version: 1, entries: [], extra: true }, ['(top level): unknown field(s) "extra"']],
  ])('rejects %s', (_label, json, expected) => {
    expect(errorsOf(json)).toEqual(expected);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an id that is not kebab-case', { id: 'Bad_Id' }, 'entry "Bad_Id" (entries[0]) id: must be kebab-case'],
    ['an id with a double hyphen', { id: 'a--b' }, 'id: must be kebab-case'],
    ['an id reserved for own entries', { id: 'own-thing' }, 'entry "own-thing" (entries[0]) id: must not start with "own-"'],
    ['an unknown entry key', { colour: 'red' }, 'entry "alpha" (entries[0]): unknown field(s) "colour"'],
    ['an empty name', { name: '' }, 'entry "alpha" (entries[0]) name: must not be empty'],
    ['a name with surrounding spaces', { name: ' Alpha ' }, 'name: must not start or end with whitespace'],
    ['markup in the definition', { definition: 'A <b>bold</b> claim.' }, 'definition: must not contain "<" or ">"'],
    ['a line break in beyondReport', { beyondReport: 'a\nb' }, 'beyondReport: must not contain line breaks'],
    ['an unknown category', { category: 'thing' }, "category: Invalid enum value. Expected 'person' | 'organization' | 'place' | 'event' | 'concept', received 'thing'"],
    ['no aliases', { aliases: [] }, 'aliases: needs at least one alias'],
    ['an unknown case rule', { aliases: [{ text: 'ALPHA', case: 'upper' }] }, "aliases[0].case: Invalid enum value. Expected 'exact' | 'proper' | 'any'"],
    ['an alias without letters', { aliases: [{ text: '--', case: 'any' }] }, 'aliases[0].text: must contain a letter or digit'],
    ['an alias with an unknown key', { aliases: [{ text: 'ALPHA', case: 'exact', weight: 2 }] }, 'aliases[0]: unknown field(s) "weight"'],
    ['a missing definition', { definition: undefined }, 'entry "alpha" (entries[0]) definition: is required'],
    ['related that is not a list', { related: 'beta' }, 'related: must be array, got string'],
    ['a requires id that is not an id', { requires: ['Not An Id'] }, 'requires[0]: must be kebab-case'],
    ['background that is not a boolean', { background: 'yes' }, 'background: must be boolean, got string'],
    ['an over-long alias', { aliases: [{ text: 'x'.repeat(121), case: 'any' }] }, 'aliases[0].text: must be at most 120 characters'],
    ['markup in a pinned quote', { pinnedQuotes: ['<script>x</script>'] }, 'pinnedQuotes[0]: must not contain "<" or ">"'],
  ])('rejects %s', (_label, patch, expected) => {
    const raw: Record<string, unknown> = { ...entry('alpha'), ...patch };
    for (const k of Object.keys(patch)) if (patch[k] === undefined) delete raw[k];
    const errors = errorsOf(glossary(raw));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((e) => e.includes(expected)), `${JSON.stringify(errors)} should include ${expected}`).toBe(true);
  });

  it('names the right entry in a longer list', () => {
    const errors = errorsOf(glossary(entry('alpha'), { ...entry('beta'), category: 'x' }));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^entry "beta" \(entries\[1\]\) category: /);
  });
});

describe('validateGlossarySource: cross-checks', () => {
  it('requires entries sorted by id', () => {
    expect(errorsOf(glossary(entry('beta'), entry('alpha')))).toEqual([
      'entries are not sorted by id: "beta" (entries[0]) comes before "alpha" (entries[1]); run npm run format:glossary',
    ]);
  });

  it('refuses duplicate ids', () => {
    const errors = errorsOf(glossary(entry('alpha'), entry('alpha', { name: 'Other', aliases: [{ text: 'Other', case: 'proper' }] })));
    expect(errors).toContain('entry "alpha" (entries[1]): duplicate id (also entries[0])');
  });

  it('refuses an alias claimed by two entries, compared folded', () => {
    const a = entry('alpha', { name: 'Kabul', aliases: [{ text: 'Kabul', case: 'proper' }] });
    const b = entry('beta', { name: 'Beta', aliases: [{ text: 'Beta', case: 'proper' }, { text: 'KÂBUL', case: 'exact' }] });
    expect(errorsOf(glossary(a, b))).toEqual(['entry "beta" (entries[1]) aliases: "KÂBUL" is already claimed by entry "alpha" ("Kabul")']);
  });

  it('refuses a hyphen variant claimed by another entry (cease-fire vs ceasefire)', () => {
    const a = entry('alpha', { name: 'cease-fire', aliases: [{ text: 'cease-fire', case: 'any' }] });
    const b = entry('beta', { name: 'ceasefire', aliases: [{ text: 'ceasefire', case: 'any' }] });
    expect(errorsOf(glossary(a, b))).toEqual(['entry "beta" (entries[1]) aliases: "ceasefire" is already claimed by entry "alpha" ("cease-fire")']);
  });

  it('allows hyphen variants inside one entry but not a repeated spelling', () => {
    const ok = entry('alpha', { name: 'counterterrorism', aliases: [{ text: 'counterterrorism', case: 'any' }, { text: 'counter-terrorism', case: 'any' }] });
    expect(errorsOf(glossary(ok))).toEqual([]);
    const dup = entry('alpha', { name: 'Alpha', aliases: [{ text: 'Alpha', case: 'proper' }, { text: 'ALPHA', case: 'exact' }] });
    expect(errorsOf(glossary(dup))).toEqual(['entry "alpha" (entries[0]) aliases[1].text: "ALPHA" repeats aliases[0]']);
  });

  it('requires the canonical name among the aliases', () => {
    const e = entry('alpha', { name: 'Alpha', aliases: [{ text: 'Alfa', case: 'proper' }] });
    expect(errorsOf(glossary(e))).toEqual(['entry "alpha" (entries[0]) name: "Alpha" must also be listed in aliases']);
  });

  it('refuses unknown, duplicate and self references', () => {
    const e = entry('alpha', {
      related: ['alpha', 'ghost'],
      requires: ['beta', 'beta'],
      aliases: [{ text: 'ALPHA', case: 'exact', requires: ['nobody'] }],
    });
    expect(errorsOf(glossary(e, entry('beta')))).toEqual([
      'entry "alpha" (entries[0]) aliases[0].requires: unknown entry id "nobody"',
      'entry "alpha" (entries[0]) requires: "beta" is listed twice',
      'entry "alpha" (entries[0]) related: refers to the entry itself',
      'entry "alpha" (entries[0]) related: unknown entry id "ghost"',
    ]);
  });

  it('refuses context rules on anchorOnly entries', () => {
    const e = entry('alpha', { anchorOnly: true, requires: ['beta'], aliases: [{ text: 'ALPHA', case: 'exact', requires: ['beta'] }] });
    expect(errorsOf(glossary(e, entry('beta')))).toEqual([
      'entry "alpha" (entries[0]) aliases[0].requires: an anchorOnly entry is itself context and takes no context rule',
      'entry "alpha" (entries[0]) requires: an anchorOnly entry is itself context and takes no context rule',
    ]);
    // An explicit empty list is not a rule.
    expect(errorsOf(glossary(entry('alpha', { anchorOnly: true, requires: [] }), entry('beta')))).toEqual([]);
  });

  it('takes partOf (issue 11) on proper names only', () => {
    const ok = entry('alpha', { name: 'Alpha', aliases: [{ text: 'Alpha', case: 'proper', partOf: 'person' }] });
    expect(errorsOf(glossary(ok))).toEqual([]);
    const bad = entry('alpha', { name: 'ALPHA', aliases: [{ text: 'ALPHA', case: 'exact', partOf: 'name' }] });
    expect(errorsOf(glossary(bad))).toEqual(['entry "alpha" (entries[0]) aliases[0].partOf: is for names, written with case "proper" (got "exact")']);
    expect(errorsOf(glossary({ ...ok, aliases: [{ text: 'Alpha', case: 'proper', partOf: 'place' }] }))[0]).toMatch(/aliases\.0\.partOf|aliases\[0\]\.partOf/);
  });

  it('takes notOf (wave 9): known entry ids, not its own, at least one', () => {
    const a = (notOf: string[]) => entry('alpha', { name: 'Alpha', aliases: [{ text: 'Alpha', case: 'proper', notOf }] });
    expect(errorsOf(glossary(a(['beta']), entry('beta')))).toEqual([]);
    expect(errorsOf(glossary(a(['mars']), entry('beta')))[0]).toMatch(/aliases\[0\]\.notOf.*"mars"/);
    expect(errorsOf(glossary(a([]), entry('beta')))[0]).toMatch(/notOf.*at least one entry/);
  });

  it('checks never phrases', () => {
    const amnesty = entry('amnesty', { name: 'amnesty', aliases: [{ text: 'amnesty', case: 'any' }] });
    expect(errorsOf(glossary({ ...amnesty, never: ['Amnesty International'] }))).toEqual([]);
    expect(errorsOf(glossary({ ...amnesty, never: ['AMNESTY'] }))).toEqual(['entry "amnesty" (entries[0]) never[0]: "AMNESTY" is also one of the entry\'s aliases']);
    expect(errorsOf(glossary({ ...amnesty, never: ['Red Cross'] }))).toEqual([
      'entry "amnesty" (entries[0]) never[0]: "Red Cross" contains none of the entry\'s aliases, so it would block nothing',
    ]);
    const ai = entry('ai', { name: 'Amnesty International', aliases: [{ text: 'Amnesty International', case: 'proper' }] });
    expect(errorsOf(glossary(ai, { ...amnesty, never: ['Amnesty International'] }))).toEqual([
      'entry "amnesty" (entries[1]) never[0]: "Amnesty International" is an alias of entry "ai"',
    ]);
  });

  it('refuses pinned quotes on background entries', () => {
    expect(errorsOf(glossary(entry('alpha', { background: true, pinnedQuotes: ['A sentence.'] })))).toEqual([
      'entry "alpha" (entries[0]) pinnedQuotes: a background entry has no quotes from the report',
    ]);
  });

  it('refuses a pinned quote listed twice', () => {
    expect(errorsOf(glossary(entry('alpha', { pinnedQuotes: ['A b.', 'C d.', 'A b.'] })))).toEqual([
      'entry "alpha" (entries[0]) pinnedQuotes[2]: repeats pinnedQuotes[0]',
    ]);
  });

  it('crossCheckEntries is usable on its own', () => {
    expect(crossCheckEntries([entry('alpha')])).toEqual([]);
  });
});

describe('validateEntrySource', () => {
  it('validates one entry with a caller label', () => {
    expect(validateEntrySource(entry('alpha')).ok).toBe(true);
    const r = validateEntrySource({ ...entry('alpha'), name: '' }, 'your entry');
    expect(r).toEqual({ ok: false, errors: ['your entry name: must not be empty'] });
  });
});

describe('validateReportMeta', () => {
  const meta = {
    title: 'T',
    date: '2022-01-31',
    displayDate: 'Jan 31, 2022',
    dateline: 'Islamabad',
    language: 'en',
    sourceFile: 'x.txt',
    publisher: 'Test Wire',
    textSource: 'test fixture',
  };
  it('accepts sound metadata', () => expect(validateReportMeta(meta).ok).toBe(true));
  it.each([
    [{ date: '31/01/2022' }, 'report.json date: must be an ISO date like "2022-01-31"'],
    [{ date: '2022-02-30' }, 'report.json date: is not a real date'],
    [{ language: 'English' }, 'report.json language: must be a language tag like "en"'],
    [{ title: '' }, 'report.json title: must not be empty'],
  ])('rejects %j', (patch, expected) => {
    expect(validateReportMeta({ ...meta, ...patch })).toEqual({ ok: false, errors: [expected] });
  });
});

describe('folding helpers', () => {
  it('folds case, marks, apostrophes and dashes', () => {
    expect(foldForCompare('Al-Qa’ida')).toBe("al-qa'ida");
    expect(foldForCompare('KÂBUL')).toBe('kabul');
    expect(foldForCompare('cease\u2010fire')).toBe('cease-fire');
  });
  it('lists the hyphen forms the matcher derives', () => {
    expect(spellingForms('Cease-fire')).toEqual(['cease-fire', 'cease fire', 'ceasefire']);
    expect(spellingForms('TTP')).toEqual(['ttp']);
    expect(spellingForms('Siraj-ud-Din')).toEqual([
      'siraj-ud-din', 'siraj-ud din', 'siraj-uddin', 'siraj ud-din', 'siraj ud din', 'siraj uddin',
      'sirajud-din', 'sirajud din', 'sirajuddin',
    ]);
    expect(spellingForms('a - b')).toEqual(['a - b']);
  });
});
