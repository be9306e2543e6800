// The receiving end's gate: random and malformed payloads must never pass `parseMessage` unless well-formed.
// Well-formedness is specified here a second time, independently, as zod schemas (the oracle), and fast-check
// compares the two on arbitrary values, on valid messages, and on valid messages with one field broken.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseGlossaryJson } from './glossary-json.js';
import { ALLOWED_SENDERS, parseMessage, parseReply, senderAllowed, type MessageType } from './protocol.js';
import { settingsOracle } from '../../tests/support/settings-oracle.js';
import { settingsArb, userGlossaryArb } from '../../tests/support/malformed.js';
import { DEFAULT_SETTINGS } from '../core/settings/schema.js';
import { entryOverrideSchema, ownEntrySchema, userGlossarySchema } from '../core/user-glossary-schema.js';

const RUNS = 1500;
const entryId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/);
const count = z.number().int().min(0).max(999_999);
const empty = z.object({}).strict();
const pageTerm = z.object({ id: entryId, count: count.min(1) }).strict();

// Made glossaries (issue 14): a draft's metadata and paragraphs; its entries are checked by compiling.
const oneLine = (s: string) => !/[\u0000-\u001f\u007f\u2028\u2029]/.test(s);
const isoDate = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s));
const draftOracle = z
  .object({
    meta: z
      .object({
        title: z.string().max(300).refine((s) => s.trim() !== '' && oneLine(s)),
        date: z.literal('').or(isoDate),
        publisher: z.string().max(200).refine(oneLine),
        source: z.string().max(2000).refine(oneLine),
      })
      .strict(),
    paragraphs: z.array(z.string().max(20_000).refine((s) => s.trim() !== '' && oneLine(s.replace(/\t/g, ' ')))).min(1).max(5000),
    entries: z.array(z.unknown()).max(1000),
  })
  .strict();
const glossaryId = z.string().regex(/^g[a-z0-9]{4,20}$/);

const ORACLE: Record<MessageType, z.ZodTypeAny> = {
  ping: empty,
  listPageTerms: empty,
  revealTerm: z.object({ id: entryId }).strict(),
  openCard: z.object({ id: entryId }).strict(),
  navigateTerm: z.object({ direction: z.enum(['next', 'previous']) }).strict(),
  pageTermsChanged: z
    .object({ count, terms: z.array(pageTerm).max(5000).optional(), active: z.boolean().optional() })
    .strict()
    .refine((p) => !p.terms || (p.terms.length === p.count && new Set(p.terms.map((t) => t.id)).size === p.count)),
  // A bundled sentence `p3s2`, or a made glossary's `<id>/p3s2` (issue 14: its own reader).
  openReader: z.object({ anchor: z.string().regex(/^(g[a-z0-9]{4,20}\/)?p\d{1,4}s\d{1,3}$/).nullable() }).strict(),
  openOptions: z.object({ addTerm: z.string().min(1).max(200).optional() }).strict(),
  getPageTerms: z.object({ tabId: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) }).strict(),
  takePendingLookup: empty,
  getShortcuts: empty,
  getGlossary: empty,
  getSnapshot: empty,
  getStorageState: empty,
  clearCorruptCopy: z.object({ which: z.enum(['settings', 'userGlossary']) }).strict(),
  notThisMeaning: z.object({ site: settingsOracle.shape.meaningRules.element.shape.site, entry: entryId }).strict(),
  dontMark: z.object({ entry: entryId }).strict(),
  setSiteOn: z.object({ host: settingsOracle.shape.meaningRules.element.shape.site, on: z.boolean() }).strict(),
  // A patch: some top-level fields (not the version), each valid as a whole.
  changeSettings: z
    .object({ patch: settingsOracle.omit({ version: true }).partial().strict().refine((p) => Object.keys(p).length > 0) })
    .strict(),
  saveData: z.object({ settings: settingsOracle.optional(), userGlossary: userGlossarySchema.optional() }).strict(),
  changeUserGlossary: z
    .object({
      change: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('putOwn'), entry: ownEntrySchema }).strict(),
        z.object({ kind: z.literal('deleteOwn'), id: z.string().regex(/^own-[a-z0-9][a-z0-9-]{0,75}$/) }).strict(),
        z.object({ kind: z.literal('setOverride'), id: entryId, override: entryOverrideSchema.nullable() }).strict(),
      ]),
    })
    .strict(),
  listGlossaries: empty,
  saveGlossary: z.object({ draft: draftOracle }).strict(),
  setGlossaryEnabled: z.object({ id: glossaryId.or(z.literal('bundled')), enabled: z.boolean() }).strict(),
  deleteGlossary: z.object({ id: glossaryId }).strict(),
  getStoredGlossary: z.object({ id: glossaryId }).strict(),
  getPageHtml: empty,
  testPrefilter: z.object({ text: z.string().max(16_000_000) }).strict(),
};
const TYPES = Object.keys(ORACLE) as MessageType[];

/** Would a correct receiver accept this raw value? (The oracle.) */
function wellFormed(raw: unknown): boolean {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return false;
  const r = raw as Record<string, unknown>;
  if (typeof r.type !== 'string' || !Object.hasOwn(ORACLE, r.type)) return false;
  const p = r.payload;
  if (typeof p !== 'object' || p === null || Array.isArray(p)) return false;
  return ORACLE[r.type as MessageType].safeParse(p).success;
}

const idArb = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/);
const termsArb = fc.uniqueArray(fc.record({ id: idArb, count: fc.integer({ min: 1, max: 500 }) }), {
  selector: (t) => t.id,
  maxLength: 8,
});
const PATCH_KEYS = Object.keys(DEFAULT_SETTINGS).filter((k) => k !== 'version');
const validPayload: Record<MessageType, fc.Arbitrary<Record<string, unknown>>> = {
  ping: fc.constant({}),
  listPageTerms: fc.constant({}),
  revealTerm: fc.record({ id: idArb }),
  openCard: fc.record({ id: idArb }),
  navigateTerm: fc.record({ direction: fc.constantFrom('next', 'previous') }),
  pageTermsChanged: fc.oneof(
    fc.record({ count: fc.integer({ min: 0, max: 1000 }) }),
    fc.tuple(termsArb, fc.option(fc.boolean(), { nil: undefined })).map(([terms, active]) =>
      active === undefined ? { count: terms.length, terms } : { count: terms.length, terms, active },
    ),
  ),
  openReader: fc.record({
    anchor: fc.option(fc.tuple(fc.constantFrom('', 'gab12cd34ef/', 'g0000/'), fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 999 })).map(([g, p, s]) => `${g}p${p}s${s}`), {
      nil: null,
    }),
  }),
  openOptions: fc.oneof(fc.constant({}), fc.record({ addTerm: fc.string({ minLength: 1, maxLength: 200 }) })),
  getPageTerms: fc.record({ tabId: fc.nat() }),
  takePendingLookup: fc.constant({}),
  getShortcuts: fc.constant({}),
  getGlossary: fc.constant({}),
  getSnapshot: fc.constant({}),
  getStorageState: fc.constant({}),
  clearCorruptCopy: fc.record({ which: fc.constantFrom('settings', 'userGlossary') }),
  notThisMeaning: fc.record({ site: fc.constantFrom('dawn.com', '*.geo.tv', 'localhost:8080'), entry: idArb }),
  dontMark: fc.record({ entry: idArb }),
  setSiteOn: fc.record({ host: fc.constantFrom('dawn.com', 'news.example.org', '127.0.0.1'), on: fc.boolean() }),
  changeSettings: fc
    .tuple(settingsArb, fc.subarray(PATCH_KEYS, { minLength: 1, maxLength: PATCH_KEYS.length }))
    .map(([s, keys]) => ({ patch: Object.fromEntries(keys.map((k) => [k, s[k as keyof typeof s]])) })),
  saveData: fc
    .tuple(fc.option(settingsArb, { nil: undefined }), fc.option(userGlossaryArb(['ttp', 'pakistan', 'afghanistan', 'taliban']), { nil: undefined }))
    .map(([settings, userGlossary]) => ({ ...(settings ? { settings } : {}), ...(userGlossary ? { userGlossary } : {}) })),
  changeUserGlossary: userGlossaryArb(['ttp', 'pakistan', 'afghanistan', 'taliban']).chain((u) =>
    fc.oneof(
      ...(u.own.length ? [fc.constantFrom(...u.own).map((entry) => ({ change: { kind: 'putOwn', entry } }))] : []),
      fc.stringMatching(/^own-[a-z0-9][a-z0-9-]{0,20}$/).map((id) => ({ change: { kind: 'deleteOwn', id } })),
      fc.tuple(fc.constantFrom('ttp', 'pakistan'), fc.constantFrom(null, ...Object.values(u.overrides))).map(([id, override]) => ({ change: { kind: 'setOverride', id, override } })),
    ),
  ),
  listGlossaries: fc.constant({}),
  saveGlossary: fc.record({
    draft: fc.record({
      meta: fc.record({
        title: fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,40}$/),
        date: fc.constantFrom('', '2025-10-30', '2022-01-31'),
        publisher: fc.stringMatching(/^[A-Za-z ]{0,20}$/),
        source: fc.constantFrom('', 'report.pdf', 'http://127.0.0.1/a.html'),
      }),
      paragraphs: fc.array(fc.stringMatching(/^[A-Za-z][A-Za-z .,]{0,60}$/), { minLength: 1, maxLength: 5 }),
      entries: fc.constant([]),
    }),
  }),
  setGlossaryEnabled: fc.record({ id: fc.constantFrom('bundled', 'gabcd1234ef'), enabled: fc.boolean() }),
  deleteGlossary: fc.record({ id: fc.stringMatching(/^g[a-z0-9]{4,20}$/) }),
  getStoredGlossary: fc.record({ id: fc.stringMatching(/^g[a-z0-9]{4,20}$/) }),
  getPageHtml: fc.constant({}),
  testPrefilter: fc.record({ text: fc.string({ maxLength: 200 }) }),
};
const validMessage = fc.constantFrom(...TYPES).chain((type) => validPayload[type].map((payload) => ({ type, payload })));

/** Hostile values: wrong types, huge numbers, prototype keys, nested junk. */
const junk = fc.oneof(
  fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true }),
  fc.constantFrom(-1, 1.5, NaN, Infinity, 1e6, '', 'x'.repeat(300), 'P1S1', 'p1s', 'TTP', '../x', [], {}, null, true),
);

describe('parseMessage', () => {
  it('accepts every well-formed message of every type', () => {
    fc.assert(
      fc.property(validMessage, (msg) => {
        expect(wellFormed(msg)).toBe(true);
        expect(parseMessage(msg)).toEqual(msg);
      }),
      { numRuns: RUNS },
    );
  });

  it('accepts nothing random unless well-formed', () => {
    const raw = fc.oneof(
      junk,
      fc.record({ type: fc.oneof(fc.constantFrom(...TYPES), fc.string()), payload: junk }),
      fc.record({ type: fc.constantFrom(...TYPES), payload: fc.dictionary(fc.string(), junk, { maxKeys: 4 }) }),
    );
    fc.assert(
      fc.property(raw, (value) => {
        expect(parseMessage(value) !== null).toBe(wellFormed(value));
      }),
      { numRuns: RUNS },
    );
  });

  it('rejects a well-formed message with one field broken, added or the type changed', () => {
    const mutated = fc.tuple(validMessage, fc.nat(), junk, fc.string({ maxLength: 12 }), fc.nat({ max: 3 })).map(
      ([msg, pick, value, key, how]) => {
        const payload = { ...msg.payload };
        const keys = Object.keys(payload);
        if (how === 0 && keys.length > 0) payload[keys[pick % keys.length]!] = value;
        else if (how === 1) payload[key || 'extra'] = value;
        else if (how === 2) return { type: TYPES[(TYPES.indexOf(msg.type) + 1 + (pick % (TYPES.length - 1))) % TYPES.length], payload };
        else return { type: msg.type, payload: value };
        return { type: msg.type, payload };
      },
    );
    fc.assert(
      fc.property(mutated, (value) => {
        expect(parseMessage(value) !== null).toBe(wellFormed(value));
      }),
      { numRuns: RUNS },
    );
  });

  it('rejects the concrete bad cases a hostile page could send', () => {
    const bad: unknown[] = [
      undefined,
      'ping',
      { type: 'ping' },
      { type: 'ping', payload: [] },
      { type: 'ping', payload: { x: 1 } },
      { type: '__proto__', payload: {} },
      { type: 'toString', payload: {} },
      { type: 'revealTerm', payload: { id: 'TTP' } },
      { type: 'revealTerm', payload: { id: 'a'.repeat(81) } },
      { type: 'pageTermsChanged', payload: { count: -1 } },
      { type: 'pageTermsChanged', payload: { count: 2, terms: [{ id: 'ttp', count: 1 }] } },
      { type: 'pageTermsChanged', payload: { count: 2, terms: [{ id: 'ttp', count: 1 }, { id: 'ttp', count: 3 }] } },
      { type: 'pageTermsChanged', payload: { count: 1, terms: [{ id: 'ttp', count: 0 }] } },
      { type: 'openReader', payload: { anchor: 'javascript:alert(1)' } },
      { type: 'openOptions', payload: { addTerm: '' } },
      { type: 'getPageTerms', payload: { tabId: -3 } },
      { type: 'getPageTerms', payload: { tabId: '3' } },
    ];
    for (const value of bad) expect(parseMessage(value), JSON.stringify(value) ?? 'undefined').toBeNull();
  });
});

describe('senders and replies', () => {
  it('lets content scripts send only what a page may ask for', () => {
    const fromContent = TYPES.filter((t) => senderAllowed(t, 'content')).sort();
    expect(fromContent).toEqual(['dontMark', 'getGlossary', 'getShortcuts', 'getSnapshot', 'notThisMeaning', 'openOptions', 'openReader', 'pageTermsChanged', 'ping', 'testPrefilter']);
    expect(Object.keys(ALLOWED_SENDERS).sort()).toEqual([...TYPES].sort());
  });

  it('validates the replies it renders', () => {
    expect(parseReply('getPageTerms', { host: 'a.org', active: true, terms: [{ id: 'ttp', count: 2, frameIds: [0] }] })).not.toBeNull();
    expect(parseReply('getPageTerms', { host: 'a.org', active: true, terms: [{ id: '<b>', count: 2, frameIds: [0] }] })).toBeNull();
    expect(parseReply('listPageTerms', { host: 'a.org', active: 'yes', terms: [] })).toBeNull();
    expect(parseReply('takePendingLookup', null)).toBeNull();
    const keys = { shortcuts: [{ command: 'next-term', keys: 'Alt+Shift+Period' }, { command: 'previous-term', keys: '' }] };
    expect(parseReply('getShortcuts', keys)).toEqual(keys);
    expect(parseReply('getShortcuts', { shortcuts: [{ command: 'open-evil', keys: 'x' }] })).toBeNull();
    expect(parseReply('getShortcuts', { shortcuts: [{ command: 'next-term', keys: 'x'.repeat(61) }] })).toBeNull();
    expect(parseReply('takePendingLookup', { query: 'haqqani', entryId: null })).toEqual({ query: 'haqqani', entryId: null });
    fc.assert(
      fc.property(junk, (value) => {
        const r = parseReply('revealTerm', value);
        expect(r === null || typeof (r as { found: unknown }).found === 'boolean').toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('getGlossary reply', () => {
  const good = { version: 1, report: { meta: {} }, entries: [{ id: 'ttp', name: 'TTP', quotes: [] }], matcher: {} };
  it('takes a compiled glossary as JSON text', () => {
    const r = parseReply('getGlossary', { json: JSON.stringify(good) });
    expect(r).not.toBeNull();
    expect(parseGlossaryJson(r!.json)).toEqual(good);
  });
  it.each([
    ['no glossary', {}],
    ['an object instead of text', { json: good }],
    ['an extra key', { json: JSON.stringify(good), more: 1 }],
  ])('refuses %s', (_, reply) => {
    expect(parseReply('getGlossary', reply)).toBeNull();
  });
  it.each([
    ['not JSON', '{"version":1,'],
    ['another version', JSON.stringify({ ...good, version: 2 })],
    ['an entry without an id', JSON.stringify({ ...good, entries: [{ name: 'TTP', quotes: [] }] })],
    ['no matcher', JSON.stringify({ ...good, matcher: null })],
  ])('reads no glossary from %s', (_, json) => {
    expect(parseGlossaryJson(json)).toBeNull();
  });
});
