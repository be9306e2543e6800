import { describe, expect, it } from 'vitest';
import type { CompiledEntry, CompiledGlossary } from '../core/glossary-types.js';
import { Matcher } from '../core/matcher/index.js';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings/schema.js';
import type { UserGlossary } from '../core/user-glossary.js';
import { builtInAliases, filterEntries, listEntries, setCategoryEnabled, setEntryEnabled, spellingConflicts, spellingOwners } from './entry-list.js';
import { previewMarks } from './MarkPreview.js';
import { englishT } from '../../tests/support/i18n.js';
import { draftFromOwn, draftToOverride, draftToOwn, draftWarnings, emptyDraft } from './own-entry-draft.js';
import { addPattern } from './site-patterns.js';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const entry = (id: string, name: string, category: CompiledEntry['category'], extra: Partial<CompiledEntry> = {}): CompiledEntry => ({
  id, name, category, aliases: [name], definition: `About ${name}.`, related: [], background: false, anchorOnly: false, mentions: 1, quotes: [], ...extra,
});
const ENTRIES = [entry('kabul', 'Kabul', 'place'), entry('pakistan', 'Pakistan', 'place', { anchorOnly: true }), entry('ttp', 'Tehreek-e-Taliban Pakistan', 'organization', { aliases: ['Tehreek-e-Taliban Pakistan', 'TTP'] })];
const GLOSSARY = {
  entries: ENTRIES,
  matcher: Matcher.compile([
    { entry: 0, text: 'Kabul', caseRule: 'proper' },
    { entry: 1, text: 'Pakistan', caseRule: 'proper' },
    { entry: 2, text: 'Tehreek-e-Taliban Pakistan', caseRule: 'proper' },
    { entry: 2, text: 'TTP', caseRule: 'exact', requires: [1] },
  ]).serialize(),
} as unknown as CompiledGlossary;
const USER: UserGlossary = {
  version: 1,
  own: [{ id: 'own-wakhan', name: 'Wakhan Corridor', category: 'place', aliases: [{ text: 'Wakhan Corridor', case: 'proper' }], definition: 'A strip.', quotes: [] }],
  overrides: { kabul: { definition: 'My Kabul.' } },
};

describe('entry list', () => {
  const settings: Settings = setCategoryEnabled(setEntryEnabled(clone(DEFAULT_SETTINGS), 'ttp', false), 'place', false);
  const items = listEntries(ENTRIES, USER, settings);

  it('lists built-in and own entries sorted by name with their state', () => {
    expect(items.map((i) => i.id)).toEqual(['kabul', 'pakistan', 'ttp', 'own-wakhan']);
    expect(items[0]).toMatchObject({ overridden: true, definition: 'My Kabul.', categoryEnabled: false, enabled: true });
    expect(items[2]).toMatchObject({ enabled: false, own: false });
    expect(items[3]).toMatchObject({ own: true });
  });

  it('filters by category, own, edited, off and search (folded, aliases included)', () => {
    expect(filterEntries(items, 'organization', '').map((i) => i.id)).toEqual(['ttp']);
    expect(filterEntries(items, 'own', '').map((i) => i.id)).toEqual(['own-wakhan']);
    expect(filterEntries(items, 'edited', '').map((i) => i.id)).toEqual(['kabul']);
    expect(filterEntries(items, 'off', '').map((i) => i.id)).toEqual(['kabul', 'pakistan', 'ttp', 'own-wakhan']);
    expect(filterEntries(items, 'all', 'ttp').map((i) => i.id)).toEqual(['ttp']);
    expect(filterEntries(items, 'all', 'KÁBUL').map((i) => i.id)).toEqual(['kabul']);
  });

  it('toggles entries and categories without duplicates', () => {
    const s = setEntryEnabled(setEntryEnabled(clone(DEFAULT_SETTINGS), 'ttp', false), 'ttp', false);
    expect(s.entries.disabled).toEqual(['ttp']);
    expect(setEntryEnabled(s, 'ttp', true).entries.disabled).toEqual([]);
  });

  it('recovers a built-in entry\'s spellings with case and context rules from the matcher', () => {
    expect(builtInAliases(GLOSSARY, 'ttp')).toEqual({
      aliases: [{ text: 'Tehreek-e-Taliban Pakistan', case: 'proper' }, { text: 'TTP', case: 'exact', requires: ['pakistan'] }],
      requires: [],
    });
    expect(builtInAliases(GLOSSARY, 'kabul')).toEqual({ aliases: [{ text: 'Kabul', case: 'proper' }], requires: [] });
  });
});

describe('spelling conflicts', () => {
  it('flags a spelling another entry already marks (folded, hyphen variants), not the entry itself', () => {
    const owners = spellingOwners(GLOSSARY, USER);
    expect(spellingConflicts([{ text: 'KABUL' }, { text: 'Tehreek e Taliban Pakistan' }, { text: 'Wakhan' }, { text: '' }], owners, null)).toEqual({
      'aliases[0].text': 'Kabul',
      'aliases[1].text': 'Tehreek-e-Taliban Pakistan',
    });
    expect(spellingConflicts([{ text: 'Wakhan Corridor' }], owners, 'own-wakhan')).toEqual({});
    expect(spellingConflicts([{ text: 'Wakhan Corridor' }], owners, null)).toEqual({ 'aliases[0].text': 'Wakhan Corridor' });
  });

  it('an override that replaces spellings frees the old ones', () => {
    const user: UserGlossary = { ...USER, overrides: { kabul: { aliases: [{ text: 'Kabul city', case: 'proper' }] } } };
    const owners = spellingOwners(GLOSSARY, user);
    expect(spellingConflicts([{ text: 'Kabul' }, { text: 'kabul city' }], owners, null)).toEqual({ 'aliases[1].text': 'Kabul' });
  });
});

describe('entry drafts', () => {
  const ctx = { takenIds: new Set(['kabul', 'own-wakhan']), knownIds: new Set(['kabul', 'pakistan', 'ttp', 'own-wakhan']) };

  it('a prefilled draft guesses the case rule of the text', () => {
    expect(emptyDraft('ISI').aliases).toEqual([{ text: 'ISI', case: 'exact' }]);
    expect(emptyDraft('Haqqani network').aliases).toEqual([{ text: 'Haqqani network', case: 'proper' }]);
    expect(emptyDraft('drone strike').aliases).toEqual([{ text: 'drone strike', case: 'any' }]);
  });

  it('turns a draft into a valid own entry with a fresh id, dropping empty rows', () => {
    const d = { ...emptyDraft('Wakhan Corridor'), definition: ' A strip. ', category: 'place' as const, requires: 'pakistan',
      quotes: [{ text: 'q', sourceUrl: 'https://e.org/' }, { text: '', sourceUrl: '' }], aliases: [{ text: 'Wakhan Corridor', case: 'proper' as const }, { text: '', case: 'any' as const }] };
    const r = draftToOwn(d, ctx);
    expect(r).toEqual({ ok: true, entry: { id: 'own-wakhan-corridor', name: 'Wakhan Corridor', category: 'place', aliases: [{ text: 'Wakhan Corridor', case: 'proper' }],
      definition: 'A strip.', quotes: [{ text: 'q', sourceUrl: 'https://e.org/' }], requires: ['pakistan'] } });
    if (r.ok) expect(draftToOwn(draftFromOwn(r.entry), ctx)).toEqual(r);
  });

  it('reports errors per field', () => {
    const d = { ...emptyDraft(''), quotes: [{ text: 'q', sourceUrl: 'javascript:alert(1)' }], requires: 'nowhere', aliases: [{ text: 'x', case: 'any' as const }] };
    const r = draftToOwn(d, ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toMatchObject({
      name: 'must not be empty',
      definition: 'must not be empty',
      'aliases[0].text': 'at least 2 characters',
      'quotes[0].sourceUrl': 'must be an http:// or https:// address',
      requires: 'unknown: nowhere',
    });
  });

  it('allows markup-looking text (it is shown as text) but warns', () => {
    const d = { ...emptyDraft('Test term'), definition: '<img src=x onerror=alert(1)>' };
    expect(draftToOwn(d, ctx).ok).toBe(true);
    expect(draftWarnings(d).definition).toMatch(/^markup "<img src=x onerror=/);
  });

  it('an override keeps only what differs from the original; no difference is no override', () => {
    const original = { definition: 'About Kabul.', aliases: [{ text: 'Kabul', case: 'proper' as const }], requires: [] };
    const same = { ...emptyDraft('Kabul'), id: 'kabul', definition: 'About Kabul.', aliases: original.aliases };
    expect(draftToOverride(same, original, ctx.knownIds)).toEqual({ ok: true, override: null });
    expect(draftToOverride({ ...same, definition: 'Mine.' }, original, ctx.knownIds)).toEqual({ ok: true, override: { definition: 'Mine.' } });
    expect(draftToOverride({ ...same, requires: 'ttp' }, original, ctx.knownIds)).toEqual({ ok: true, override: { requires: ['ttp'] } });
    const bad = draftToOverride({ ...same, aliases: [{ text: '', case: 'any' }] }, original, ctx.knownIds);
    expect(bad).toEqual({ ok: false, errors: { aliases: 'at least one spelling' } });
  });
});

describe('site patterns', () => {
  it('normalizes, refuses invalid and duplicate input', () => {
    expect(addPattern([], 'https://www.Dawn.com/news')).toEqual({ ok: true, items: ['www.dawn.com'], pattern: 'www.dawn.com' });
    expect(addPattern(['dawn.com'], 'dawn.com')).toEqual({ ok: false, error: 'duplicate', pattern: 'dawn.com' });
    expect(addPattern([], 'not a site')).toEqual({ ok: false, error: 'invalid', pattern: 'not a site' });
    expect(addPattern(['a.com'], 'b.com', 1)).toEqual({ ok: false, error: 'full', pattern: 'b.com' });
  });
});

describe('mark preview', () => {
  const text = englishT('options_preview_text');
  it('marks every mention or only the first, and skips disabled categories', () => {
    const every = previewMarks(text, { ...DEFAULT_SETTINGS, marking: { ...DEFAULT_SETTINGS.marking, everyMention: true, mentions: 'every' } });
    expect(every.filter((m) => text.slice(m[0], m[1]) === 'TTP')).toHaveLength(2);
    const first = clone(DEFAULT_SETTINGS);
    first.marking.everyMention = false;
    expect(previewMarks(text, first).filter((m) => text.slice(m[0], m[1]) === 'TTP')).toHaveLength(1);
    const noPlaces = setCategoryEnabled(clone(DEFAULT_SETTINGS), 'place', false);
    expect(previewMarks(text, noPlaces).some((m) => m[2] === 'place')).toBe(false);
    expect(every.map((m) => m[2])).toContain('concept');
  });
});
