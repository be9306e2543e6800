import { describe, expect, it } from 'vitest';
import { applyUserGlossaryChange, isUserGlossaryChange, type UserGlossaryChange } from './user-glossary-change.js';
import { emptyUserGlossary, isUserGlossaryShape, USER_LIMITS, type OwnEntry, type UserGlossary } from './user-glossary.js';

const own = (id: string, name = `term ${id.slice(4)}`): OwnEntry => ({
  id,
  name,
  category: 'concept',
  aliases: [{ text: name, case: 'any' }],
  definition: `about ${name}`,
  quotes: [],
});
const base = (): UserGlossary => ({ version: 1, own: [own('own-a'), own('own-b')], overrides: { 'ttp': { definition: 'mine' } } });

describe('applyUserGlossaryChange', () => {
  it('replaces an own entry in place and adds a new one at the end', () => {
    const u = base();
    const edited = applyUserGlossaryChange(u, { kind: 'putOwn', entry: { ...own('own-a'), definition: 'new' } });
    expect(edited.own.map((e) => [e.id, e.definition])).toEqual([['own-a', 'new'], ['own-b', 'about term b']]);
    const added = applyUserGlossaryChange(u, { kind: 'putOwn', entry: own('own-c') });
    expect(added.own.map((e) => e.id)).toEqual(['own-a', 'own-b', 'own-c']);
    expect(u).toEqual(base()); // the input is not changed
  });

  it('two pages editing different entries from the same old state both keep their edit (the race it fixes)', () => {
    // Page 1 and page 2 both last saw base(); each sends only its edit; the background applies them in turn.
    const stored = applyUserGlossaryChange(
      applyUserGlossaryChange(base(), { kind: 'putOwn', entry: { ...own('own-a'), definition: 'from page 1' } }),
      { kind: 'putOwn', entry: own('own-z') },
    );
    expect(stored.own.find((e) => e.id === 'own-a')?.definition).toBe('from page 1');
    expect(stored.own.some((e) => e.id === 'own-z')).toBe(true);
  });

  it('deletes by id, and deleting twice is the same as once', () => {
    const once = applyUserGlossaryChange(base(), { kind: 'deleteOwn', id: 'own-a' });
    expect(once.own.map((e) => e.id)).toEqual(['own-b']);
    expect(applyUserGlossaryChange(once, { kind: 'deleteOwn', id: 'own-a' })).toBe(once);
  });

  it('sets and removes an override; removing a missing one changes nothing', () => {
    const set = applyUserGlossaryChange(base(), { kind: 'setOverride', id: 'mullah-fazlullah', override: { aliases: [{ text: 'Radio Mullah', case: 'proper' }] } });
    expect(Object.keys(set.overrides).sort()).toEqual(['mullah-fazlullah', 'ttp']);
    const reset = applyUserGlossaryChange(set, { kind: 'setOverride', id: 'ttp', override: null });
    expect(Object.keys(reset.overrides)).toEqual(['mullah-fazlullah']);
    expect(applyUserGlossaryChange(reset, { kind: 'setOverride', id: 'ttp', override: null })).toBe(reset);
  });

  it('refuses an entry past the limits instead of storing an object the reader would reject', () => {
    const full: UserGlossary = { ...emptyUserGlossary(), own: Array.from({ length: USER_LIMITS.ownEntries }, (_, i) => own(`own-t${i}`)) };
    expect(() => applyUserGlossaryChange(full, { kind: 'putOwn', entry: own('own-one-more') })).toThrow(/at most 500 own entries/);
    // Replacing one that is there is still fine at the limit.
    expect(applyUserGlossaryChange(full, { kind: 'putOwn', entry: { ...own('own-t0'), definition: 'x' } }).own).toHaveLength(USER_LIMITS.ownEntries);
    const overrides = Object.fromEntries(Array.from({ length: USER_LIMITS.overrides }, (_, i) => [`e${i}`, { definition: 'd' }]));
    const fullO: UserGlossary = { ...emptyUserGlossary(), overrides };
    expect(() => applyUserGlossaryChange(fullO, { kind: 'setOverride', id: 'ttp', override: { definition: 'd' } })).toThrow(/at most 1000/);
  });

  it('keeps the stored shape valid', () => {
    const u = applyUserGlossaryChange(base(), { kind: 'putOwn', entry: own('own-c') });
    expect(isUserGlossaryShape(u)).toBe(true);
  });
});

describe('isUserGlossaryChange (the receiving end)', () => {
  const good: UserGlossaryChange[] = [
    { kind: 'putOwn', entry: own('own-a') },
    { kind: 'deleteOwn', id: 'own-a' },
    { kind: 'setOverride', id: 'ttp', override: { definition: 'd' } },
    { kind: 'setOverride', id: 'ttp', override: null },
  ];
  it.each(good)('accepts %j', (c) => expect(isUserGlossaryChange(c)).toBe(true));

  it.each([
    null,
    [],
    { kind: 'putAll', entry: own('own-a') },
    { kind: 'putOwn', entry: { ...own('own-a'), id: 'ttp' } }, // an own entry must carry the own- prefix
    { kind: 'putOwn', entry: { ...own('own-a'), definition: '' } },
    { kind: 'putOwn', entry: own('own-a'), extra: 1 },
    { kind: 'deleteOwn', id: 'ttp' },
    { kind: 'deleteOwn', id: 'own-A B' },
    { kind: 'setOverride', id: 'Bad Id', override: null },
    { kind: 'setOverride', id: 'ttp', override: { definition: 'd', html: '<b>' } },
    { kind: 'setOverride', id: 'ttp' },
    { kind: 'setOverride', id: '__proto__', override: { definition: 'd' } },
  ])('refuses %j', (c) => expect(isUserGlossaryChange(c)).toBe(false));
});
