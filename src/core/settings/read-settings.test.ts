// Settings written by 0.1.0 (golden fixtures, exactly as that build stored them) must load unchanged, and a 0.1.0
// object missing any one field, or with any one field invalid, must keep every other field. The field list is
// generated from DEFAULT_SETTINGS, not written by hand: a field added to the defaults is covered automatically.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import golden from './fixtures/settings-0.1.0.json' with { type: 'json' };
import { checkSettings, mergeForWrite, readSettings } from './read-settings.js';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, type Settings } from './schema.js';
import { SETTINGS_FIELDS } from './settings-fields.js';
import { settingsOracle } from '../../../tests/support/settings-oracle.js';
import { settingsArb } from '../../../tests/support/malformed.js';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
type Path = string[];

/** Every leaf of the defaults (arrays are leaves: a list is one field), parents never listed. */
function leaves(v: unknown, path: Path = []): Path[] {
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) return Object.entries(v).flatMap(([k, x]) => leaves(x, [...path, k]));
  return [path];
}
const FIELDS = leaves(DEFAULT_SETTINGS);
const get = (o: unknown, p: Path): unknown => p.reduce<unknown>((cur, k) => (cur as Record<string, unknown>)[k], o);
function without(o: Record<string, unknown>, p: Path): Record<string, unknown> {
  const c = clone(o);
  delete (get(c, p.slice(0, -1)) as Record<string, unknown>)[p.at(-1)!];
  return c;
}
function withValue(o: Record<string, unknown>, p: Path, value: unknown): Record<string, unknown> {
  const c = clone(o);
  (get(c, p.slice(0, -1)) as Record<string, unknown>)[p.at(-1)!] = value;
  return c;
}
/** A value no field accepts: wrong type for every leaf (a string where a boolean/number/list is, an object elsewhere). */
const invalidFor = (v: unknown): unknown => (typeof v === 'string' ? { not: 'a string' } : 'not-this-type');

/** Exactly what 0.1.0 stored. */
const GOLDEN_010 = golden as unknown as Record<string, unknown>;
/** Fields added since 0.1.0 (issue 12: mention mode, keyboard repeats): a 0.1.0 object lacks them and reads their defaults. */
const ADDED_SINCE_010 = ['marking.mentions', 'keyboard.skipRepeats'];
/** The 0.1.0 object as it reads today (its own fields unchanged, the added ones at their defaults): the per-field base. */
const GOLDEN: Record<string, unknown> = ADDED_SINCE_010.reduce((o, name) => {
  const path = name.split('.');
  const c = clone(o);
  let at = c;
  for (const k of path.slice(0, -1)) at = (at[k] ??= {}) as Record<string, unknown>;
  at[path.at(-1)!] = get(DEFAULT_SETTINGS, path);
  return c;
}, GOLDEN_010);

describe('golden data: settings exactly as 0.1.0 stored them', () => {
  it('is a valid 0.1.0 object (the 0.1.0 schema accepts it) that differs from the defaults in many fields', () => {
    expect(settingsOracle.safeParse(GOLDEN_010).success).toBe(true);
    const differing = FIELDS.filter((p) => JSON.stringify(get(GOLDEN, p)) !== JSON.stringify(get(DEFAULT_SETTINGS, p)));
    expect(differing.length).toBeGreaterThanOrEqual(10);
  });

  it('loads unchanged (fields added since read their defaults), with nothing set aside and no reason to write', () => {
    const old = readSettings(clone(GOLDEN_010));
    expect(old.settings).toEqual(GOLDEN);
    for (const p of FIELDS) if (!ADDED_SINCE_010.includes(p.join('.'))) expect(get(old.settings, p)).toEqual(get(GOLDEN_010, p));
    expect(old.bad).toBeNull();
    expect(old.problems).toEqual([]);
    // A whole new section is reported missing by its name.
    expect(old.missing.sort()).toEqual(['keyboard', 'marking.mentions']);
    const r = readSettings(clone(GOLDEN));
    expect(r.settings).toEqual(GOLDEN);
    expect(r.bad).toBeNull();
    expect(r.problems).toEqual([]);
    expect(r.missing).toEqual([]);
    expect(r.newer).toBe(false);
    expect(checkSettings(clone(GOLDEN))).toEqual({ ok: true, value: GOLDEN });
  });

  it('the field table lists exactly the leaves of the defaults (plus version, which the reader handles)', () => {
    expect(Object.keys(SETTINGS_FIELDS).sort()).toEqual(FIELDS.map((p) => p.join('.')).filter((p) => p !== 'version').sort());
    expect(FIELDS.length).toBeGreaterThanOrEqual(20);
  });

  describe.each(FIELDS.map((p) => [p.join('.'), p] as const))('field %s', (name, path) => {
    it('missing: takes its default, every other field is kept, nothing is set aside', () => {
      const r = readSettings(without(GOLDEN, path));
      expect(get(r.settings, path)).toEqual(get(DEFAULT_SETTINGS, path));
      for (const other of FIELDS) if (other.join('.') !== name) expect(get(r.settings, other), other.join('.')).toEqual(get(GOLDEN, other));
      expect(r.missing).toEqual([name]);
      expect(r.bad).toBeNull();
    });

    it('invalid: takes its default, every other field is kept, only the bad value is set aside', () => {
      const bad = invalidFor(get(GOLDEN, path));
      const r = readSettings(withValue(GOLDEN, path, bad));
      expect(get(r.settings, path)).toEqual(get(DEFAULT_SETTINGS, path));
      for (const other of FIELDS) if (other.join('.') !== name) expect(get(r.settings, other), other.join('.')).toEqual(get(GOLDEN, other));
      expect(r.bad).toEqual({ [name]: bad });
      expect(r.problems.map((p) => p.path)).toEqual([name]);
    });

    it('from a newer version: read the same way, and a change elsewhere writes only that change', () => {
      const stored = { ...clone(GOLDEN), version: SETTINGS_VERSION + 1, fieldFromTheFuture: { a: 1 } };
      const r = readSettings(stored);
      expect(r.newer).toBe(true);
      expect(r.bad).toBeNull();
      expect({ ...r.settings, version: GOLDEN.version }).toEqual(GOLDEN);
      const next = clone(r.settings);
      next.enabled = !next.enabled;
      const written = mergeForWrite(stored, r.settings, next);
      expect(written).toEqual({ ...stored, enabled: next.enabled });
    });
  });

  it('a whole section missing or of the wrong type costs only that section', () => {
    const r = readSettings({ ...clone(GOLDEN), marking: 'dotted', card: undefined });
    expect(r.settings.marking).toEqual(DEFAULT_SETTINGS.marking);
    expect(r.settings.card).toEqual(DEFAULT_SETTINGS.card);
    expect(r.settings.sites).toEqual(GOLDEN.sites);
    expect(r.bad).toEqual({ marking: 'dotted' });
  });

  it('a list keeps its good items and sets aside the bad ones', () => {
    const r = readSettings(withValue(GOLDEN, ['sites', 'deny'], ['ads.example.com', 'https://bad/', 7, '*.tracker.example']));
    expect(r.settings.sites.deny).toEqual(['ads.example.com', '*.tracker.example']);
    expect(r.bad).toEqual({ 'sites.deny[1]': 'https://bad/', 'sites.deny[2]': 7 });
  });

  it('an unknown field in our own version is set aside; a missing version reads as ours', () => {
    const r = readSettings({ ...without(GOLDEN, ['version']), marking: { ...(GOLDEN.marking as object), blink: true } });
    expect(r.settings).toEqual(GOLDEN);
    expect(r.bad).toEqual({ 'marking.blink': true });
    expect(r.missing).toEqual(['version']);
  });

  it('something that is not an object reads as the defaults and is set aside whole', () => {
    for (const raw of [null, 7, 'x', [1]]) expect(readSettings(raw)).toMatchObject({ settings: DEFAULT_SETTINGS, bad: { '': raw } });
  });

  it('the strict check agrees with the 0.1.0 schema on valid settings and on one field broken (fuzz)', () => {
    fc.assert(
      fc.property(settingsArb, fc.nat(), fc.anything(), (s: Settings, pick, junk) => {
        expect(checkSettings(s).ok).toBe(true);
        expect(readSettings(s)).toMatchObject({ settings: s, bad: null });
        const path = FIELDS[pick % FIELDS.length]!;
        const broken = withValue(s as unknown as Record<string, unknown>, path, junk);
        expect(checkSettings(broken).ok).toBe(settingsOracle.safeParse(broken).success);
      }),
      { numRuns: 500, seed: 4242 },
    );
  });
});
