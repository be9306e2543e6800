// Fuzz tests for settings migrations (issue 7, part 3): random v0 shapes always become valid current Settings
// (v0 is read leniently by design: an odd value falls back to its default), arbitrary values never throw and get
// either valid Settings or a clear error, current-version input is a fixed point (idempotent), and broken or
// newer-version input is refused at the precise path, marked `future` only for a newer version.
// Deterministic: fixed seed per property (SEED + k), fixed run counts.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { CATEGORIES } from '../glossary-types.js';
import {
  PROTO_KEYS,
  allPaths,
  clone,
  deepNest,
  deepNestArb,
  deleteAt,
  getAt,
  hugeStringArb,
  javascriptUrlArb,
  kebabIdArb,
  markupArb,
  otherTypeArb,
  pathString,
  safeReporter,
  setAt,
  settingsArb,
  shuffleKeysArb,
  sitePatternArb,
  type Path,
} from '../../../tests/support/malformed.js';
import { migrateSettings, type MigrateResult } from './migrate.js';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, settingsSchema, sitePattern, type Settings } from './schema.js';

/** Recorded seed: change only on purpose. Property k runs with seed SEED + k. */
const SEED = 3_141_592;
const RUNS = 1000;
const opts = (k: number) => ({ numRuns: RUNS, seed: SEED + k, reporter: safeReporter });
/** Generous: the CI box is shared (2 cores); typical runs take well under 3 s per property. */
const TIMEOUT = 60_000;

// Each property runs for seconds without a macrotask turn (even the async ones: the memory store only awaits
// promises), and vitest's worker RPC times out after 60 s without one ("Timeout calling onTaskUpdate", seen on
// the loaded 2-core box). One turn of the event loop between tests is enough.
afterEach(() => new Promise<void>((resolve) => setImmediate(resolve)));

const ENTRY_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** Values a prototype build could never have written, mixed into every v0 field. */
const wild = fc.oneof(
  { weight: 4, arbitrary: fc.anything({ maxDepth: 2, maxKeys: 4, withNullPrototype: true, withBoxedValues: true, withSparseArray: true, withObjectString: true }) },
  { weight: 1, arbitrary: deepNestArb },
  { weight: 1, arbitrary: hugeStringArb(1, 5000) },
  { weight: 1, arbitrary: fc.constantFrom(...PROTO_KEYS, NaN, Infinity, -Infinity, -0, 1e308, Number.MIN_VALUE) },
  { weight: 1, arbitrary: fc.oneof(markupArb, javascriptUrlArb) },
);
const siteText = fc.oneof(
  sitePatternArb,
  fc.constantFrom('https://www.Dawn.com/news/1', 'HTTP://Geo.tv:8080/x?y#z', 'user@host.org', 'example.com.', 'localhost:8080', 'a.*.com', '*.*', '<b>x</b>', 'javascript:alert(1)', '__proto__', 'constructor', ' ', ''),
  fc.string({ maxLength: 30 }),
);
const sep = fc.constantFrom('\n', ',', ' ', ';', '\r\n', ', ', '\t');
const hex = fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), minLength: 6, maxLength: 6 }).map((h) => `#${h}`);

/** The pre-release flat shape (see the header of migrate.ts), every field sometimes plausible, sometimes wild. */
const v0Arb = fc.record(
  {
    enabled: fc.oneof(fc.boolean(), wild),
    markStyle: fc.oneof(fc.constantFrom('underline', 'dotted', 'wavy', 'highlight', 'none', 'solid', 'background', 'UNDERLINE', 'blink', '__proto__', 'constructor', 'toString'), wild),
    firstMentionOnly: fc.oneof(fc.boolean(), wild),
    hoverDelay: fc.oneof(fc.double(), fc.double({ min: 0, max: 3, noNaN: true }), wild),
    cardWidth: fc.oneof(fc.integer({ min: -1000, max: 2000 }), fc.double(), wild),
    cardFontSize: fc.oneof(fc.integer({ min: -10, max: 60 }), fc.double(), wild),
    darkMode: fc.oneof(fc.constantFrom(true, false, 'auto', 'AUTO', 'dark'), wild),
    whitelist: fc.oneof(fc.tuple(fc.array(siteText, { maxLength: 8 }), sep).map(([s, j]) => s.join(j)), fc.array(fc.oneof(siteText, wild), { maxLength: 8 }), wild),
    blacklist: fc.oneof(fc.tuple(fc.array(siteText, { maxLength: 8 }), sep).map(([s, j]) => s.join(j)), fc.array(fc.oneof(siteText, wild), { maxLength: 8 }), wild),
    whitelistOnly: fc.oneof(fc.boolean(), wild),
    allLanguages: fc.oneof(fc.boolean(), wild),
    frames: fc.oneof(fc.boolean(), wild),
    disabledTerms: fc.oneof(fc.array(fc.oneof(kebabIdArb, fc.constantFrom('Not An Id', 'own-x', 'a'.repeat(81)), wild), { maxLength: 8 }), wild),
    disabledCategories: fc.oneof(fc.array(fc.oneof(fc.constantFrom(...CATEGORIES, 'weather', '__proto__'), wild), { maxLength: 8 }), wild),
    colors: fc.oneof(fc.dictionary(fc.constantFrom(...CATEGORIES, '__proto__', 'x'), fc.oneof(hex, wild), { maxKeys: 7 }), wild),
    showBadge: fc.oneof(fc.boolean(), wild),
    ignoredMeanings: fc.oneof(fc.dictionary(siteText, fc.oneof(fc.array(fc.oneof(kebabIdArb, wild), { maxLength: 5 }), wild), { maxKeys: 5 }), wild),
  },
  { requiredKeys: [] },
);
/**
 * ...plus unknown keys, prototype names included, set as OWN properties (as JSON.parse and storage make them; not
 * through a JSON round trip, which costs more than the migration on 5,000-deep values and would drop non-JSON ones).
 */
const v0InputArb = fc
  .tuple(v0Arb, fc.dictionary(fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.string({ maxLength: 8 })), wild, { maxKeys: 3 }))
  .map(([known, extra]) => {
    const o: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(extra)) if (k !== 'version') setAt(o, [k], v);
    for (const [k, v] of Object.entries(known)) setAt(o, [k], v);
    return o;
  });

/** v0 style names and what they became (the names v1 kept map to themselves). */
const V0_STYLES: Record<string, string> = { underline: 'solid', highlight: 'background', dotted: 'dotted', wavy: 'wavy', none: 'none', solid: 'solid', background: 'background' };
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const clamp = (v: unknown, min: number, max: number, d: number) => (finite(v) ? Math.min(max, Math.max(min, Math.round(v))) : d);

function expectValidSettings(r: MigrateResult): Settings {
  expect(r.ok ? 'ok' : r.error).toBe('ok');
  if (!r.ok) throw new Error('unreachable');
  const parsed = settingsSchema.safeParse(r.value);
  expect(parsed.success).toBe(true);
  return r.value;
}

describe('migrateSettings (fuzz)', () => {
  it(`any v0 shape becomes valid Settings, field by field as documented, and migrating again changes nothing (${RUNS} cases, seed ${SEED})`, () => {
    fc.assert(
      fc.property(v0InputArb, (o) => {
        const r = migrateSettings(o);
        const s = expectValidSettings(r);
        expect(r.ok && r.migratedFrom).toBe(0);
        // Independent oracles for the simple fields (header of migrate.ts).
        expect(s.enabled).toBe(typeof o.enabled === 'boolean' ? o.enabled : DEFAULT_SETTINGS.enabled);
        expect(s.badge).toBe(typeof o.showBadge === 'boolean' ? o.showBadge : DEFAULT_SETTINGS.badge);
        expect(s.sites.iframes).toBe(typeof o.frames === 'boolean' ? o.frames : DEFAULT_SETTINGS.sites.iframes);
        expect(s.sites.mode).toBe(o.whitelistOnly === true ? 'only-listed' : 'all');
        expect(s.marking.everyMention).toBe(typeof o.firstMentionOnly === 'boolean' ? !o.firstMentionOnly : true);
        expect(s.card.theme).toBe(o.darkMode === true ? 'dark' : o.darkMode === false ? 'light' : 'system');
        expect(s.marking.style).toBe(typeof o.markStyle === 'string' && Object.hasOwn(V0_STYLES, o.markStyle) ? V0_STYLES[o.markStyle] : 'dotted');
        const delay = typeof o.hoverDelay === 'number' ? o.hoverDelay * 1000 : undefined;
        expect(s.hover.delayMs).toBe(clamp(delay, 0, 2000, 200));
        expect(s.card.width).toBe(clamp(o.cardWidth, 240, 560, 360));
        expect(s.card.fontSize).toBe(clamp(o.cardFontSize, 11, 22, 14));
        for (const list of [s.sites.allow, s.sites.deny]) {
          expect(new Set(list).size).toBe(list.length);
          for (const p of list) expect(sitePattern.safeParse(p).success).toBe(true);
        }
        expect(new Set(s.entries.disabled).size).toBe(s.entries.disabled.length);
        for (const id of s.entries.disabled) expect(id).toMatch(ENTRY_ID);
        expect(new Set(s.entries.disabledCategories).size).toBe(s.entries.disabledCategories.length);
        for (const rule of s.meaningRules) expect(rule.entry).toMatch(ENTRY_ID);
        // Idempotent: the result is current-version input, which passes through unchanged.
        expect(migrateSettings(clone(s))).toEqual({ ok: true, value: s, migratedFrom: null });
      }),
      opts(0),
    );
  }, TIMEOUT);

  it(`arbitrary values never throw: valid Settings or a clear error, "future" only for a newer version (${RUNS} cases, seed ${SEED + 1})`, () => {
    const versioned = fc
      .tuple(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.integer(), fc.double(), wild), fc.oneof(settingsArb, fc.dictionary(fc.string({ maxLength: 8 }), wild, { maxKeys: 4 })))
      .map(([version, rest]) => ({ ...(rest as object), version }));
    const arb = fc.oneof(fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true }), versioned, wild);
    fc.assert(
      fc.property(arb, (raw) => {
        const r = migrateSettings(raw);
        if (r.ok) {
          expect(settingsSchema.safeParse(r.value).success).toBe(true);
          expect([0, null]).toContain(r.migratedFrom);
          return;
        }
        expect(r.errors.length).toBeGreaterThan(0);
        for (const e of r.errors) expect(typeof e.path === 'string' && e.message.trim().length > 0).toBe(true);
        expect(r.error).toBe(r.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; '));
        const v = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as { version?: unknown }).version : undefined;
        expect(r.future).toBe(typeof v === 'number' && Number.isInteger(v) && v > SETTINGS_VERSION);
        if (r.future) expect(r.errors).toEqual([{ path: 'version', message: expect.stringMatching(/newer version of Context Glossary/) }]);
      }),
      opts(1),
    );
  }, TIMEOUT);

  it(`current-version Settings pass through unchanged whatever their key order, again and again (${RUNS} cases, seed ${SEED + 2})`, () => {
    fc.assert(
      fc.property(settingsArb.chain((s) => shuffleKeysArb(s).map((shuffled) => ({ s, shuffled }))), ({ s, shuffled }) => {
        const once = migrateSettings(shuffled);
        expect(once).toEqual({ ok: true, value: s, migratedFrom: null });
        if (once.ok) expect(migrateSettings(once.value)).toEqual(once);
      }),
      opts(2),
    );
  }, TIMEOUT);

  it(`broken current-version Settings are refused at the precise path, never as "future" (${RUNS} cases, seed ${SEED + 3})`, () => {
    const arb = fc
      .tuple(settingsArb, fc.nat(), fc.constantFrom('type', 'type', 'delete', 'unknown'), fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.string({ maxLength: 8 })))
      .chain(([s, n, how, key]) => {
        if (how === 'delete') {
          // Without "version" the object reads as v0 (by design), so only other required keys are deleted.
          const paths = allPaths(s, (p) => typeof p[p.length - 1] === 'string' && !(p.length === 1 && p[0] === 'version'));
          const p = paths[n % paths.length]!;
          const raw = clone(s);
          deleteAt(raw, p);
          return fc.constant({ raw: raw as unknown, path: pathString(p), message: /is missing/ });
        }
        if (how === 'unknown') {
          const objects: Path[] = [[], ...allPaths(s, (_p, v) => typeof v === 'object' && v !== null && !Array.isArray(v))];
          const p = objects[n % objects.length]!;
          const known = Object.keys(getAt(s, p) as object);
          const raw = clone(s);
          const k = known.includes(key) ? `${key}_extra` : key;
          setAt(raw, [...p, k], 1);
          return fc.constant({ raw: JSON.parse(JSON.stringify(raw)) as unknown, path: pathString(p), message: /unknown field/ });
        }
        const paths = allPaths(s);
        const p = paths[n % paths.length]!;
        return otherTypeArb(getAt(s, p)).map((v) => {
          const raw = clone(s);
          setAt(raw, p, v);
          return { raw: raw as unknown, path: pathString(p), message: /./ };
        });
      });
    fc.assert(
      fc.property(arb, ({ raw, path, message }) => {
        const r = migrateSettings(raw);
        expect(r.ok).toBe(false);
        if (r.ok) return;
        expect(r.future).toBe(false);
        const shown = r.errors.map((e) => `${e.path}: ${e.message}`).join('\n');
        expect(r.errors.some((e) => e.path === path && message.test(e.message)), `want "${path}" ${message}, got:\n${shown}`).toBe(true);
      }),
      opts(3),
    );
  }, TIMEOUT);

  it(`a newer version is refused as "future" (kept, not overwritten); a bad version is refused as not future (${RUNS} cases, seed ${SEED + 4})`, () => {
    const arb = fc.tuple(
      fc.oneof(settingsArb, fc.constant(clone(DEFAULT_SETTINGS)), fc.dictionary(fc.string({ maxLength: 8 }), wild, { maxKeys: 4 })),
      fc.oneof(
        fc.integer({ min: SETTINGS_VERSION + 1 }).map((v) => ({ v, future: true })),
        fc.constantFrom(Number.MAX_SAFE_INTEGER, 1e21).map((v) => ({ v, future: true })),
        fc.oneof(fc.integer({ max: 0 }), fc.double().filter((d) => !Number.isInteger(d)), fc.constantFrom('1', '2', null, true, [], {}, [1])).map((v) => ({ v, future: false })),
      ),
    );
    fc.assert(
      fc.property(arb, ([base, { v, future }]) => {
        const raw = { ...(base as object), version: v };
        const r = migrateSettings(raw);
        expect(r.ok).toBe(false);
        if (r.ok) return;
        expect(r.future).toBe(future);
        expect(r.errors).toHaveLength(1);
        expect(r.errors[0]!.path).toBe('version');
        expect(r.errors[0]!.message).toMatch(future ? new RegExp(`^version ${String(v).replace('+', '\\+')} was made by a newer version`) : /^expected a whole number ≥ 1, got /);
      }),
      opts(4),
    );
  }, TIMEOUT);
});

// Found by the properties above and fixed in 98eea09 (error messages describe values without JSON.stringify;
// the colours object is strict): kept as plain regression cases, independent of the seed.
describe('migrateSettings: bugs found by fuzzing', () => {
  it.each([
    ['nested 10,000 levels deep', () => ({ version: deepNest(10_000, 'array') })],
    ['a BigInt (storage.local in Firefox keeps structured-clone types)', () => ({ version: BigInt(2) })],
    ['a cyclic object', () => {
      const v: Record<string, unknown> = {};
      v.self = v;
      return { version: v };
    }],
  ])('a version value that JSON.stringify cannot print (%s) is refused, not thrown', (_label, make) => {
    let r: MigrateResult | undefined;
    expect(() => (r = migrateSettings(make()))).not.toThrow();
    expect(r).toMatchObject({ ok: false, future: false, errors: [{ path: 'version' }] });
    if (r && !r.ok) expect(r.error.length).toBeLessThan(200);
  });

  it('an unknown key in marking.colors is refused like an unknown key in any other settings object', () => {
    const raw = clone(DEFAULT_SETTINGS) as unknown as { marking: { colors: Record<string, string> } };
    raw.marking.colors.x = '#000000';
    const r = migrateSettings(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual([{ path: 'marking.colors', message: 'unknown field "x"' }]);
  });
});
