// The receiving end's gate: random and malformed payloads must never pass `parseMessage` unless well-formed. Specified
// here again, independently, as zod schemas (the oracle); fast-check compares the two on arbitrary values, on valid messages, and on valid messages with one field broken.
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
  getGlossary: z
    .object({ text: z.string().max(16_000_000).optional(), have: z.array(entryId).max(50_000).optional() })
    .strict()
    .refine((p) => p.have === undefined || p.text !== undefined),
  getFullGlossary: empty,
  getEntryDetails: z.object({ ids: z.array(entryId).min(1).max(100).refine((ids) => new Set(ids).size === ids.length) }).strict(),
  getSnapshot: empty,
  getBootState: z.object({ host: z.string().max(253), top: z.boolean() }).strict(),
  stateChanged: z.object({ settings: z.boolean(), glossary: z.boolean() }).strict(),
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
  testPrefilter: z.object({ text: z.string().max(16_000_000), active: z.literal(true).optional(), glossary: z.literal(true).optional() }).strict(),
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
  getGlossary: fc.oneof(
    fc.constant({}),
    fc.record({ text: fc.string({ maxLength: 200 }) }),
    fc.record({ text: fc.string({ maxLength: 200 }), have: fc.uniqueArray(idArb, { maxLength: 12 }) }),
  ),
  getFullGlossary: fc.constant({}),
  getEntryDetails: fc.record({ ids: fc.uniqueArray(idArb, { minLength: 1, maxLength: 12 }) }),
  getSnapshot: fc.constant({}),
  getBootState: fc.record({ host: fc.constantFrom('', 'dawn.com', 'news.example.org', '127.0.0.1'), top: fc.boolean() }),
  stateChanged: fc.record({ settings: fc.boolean(), glossary: fc.boolean() }),
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
  testPrefilter: fc.record({ text: fc.string({ maxLength: 200 }), active: fc.constant(true as const), glossary: fc.constant(true as const) }, { requiredKeys: ['text'] }),
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
    expect(fromContent).toEqual(['dontMark', 'getBootState', 'getEntryDetails', 'getGlossary', 'getShortcuts', 'getSnapshot', 'notThisMeaning', 'openOptions', 'openReader', 'pageTermsChanged', 'ping', 'testPrefilter']);
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
  const entry = { id: 'ttp', name: 'TTP', category: 'organization', aliases: [], definition: '', related: [], background: false, anchorOnly: false, mentions: 0, quotes: [] };
  const good = { version: 1, report: { meta: {} }, entries: [entry], matcher: {} };
  it('takes a compiled glossary as JSON text', () => {
    const r = parseReply('getGlossary', { json: JSON.stringify(good) });
    expect(r).not.toBeNull();
    expect(parseGlossaryJson(r!.json)).toEqual(good);
  });
  it('puts back the fields a page glossary leaves out at their default', () => {
    const page = { ...good, entries: [{ id: 'ttp', name: 'TTP', category: 'organization' }] };
    expect(parseGlossaryJson(JSON.stringify(page))).toEqual(good);
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
    ['quotes that are not a list', JSON.stringify({ ...good, entries: [{ ...entry, quotes: {} }] })],
    ['a definition that is not text', JSON.stringify({ ...good, entries: [{ ...entry, definition: 1 }] })],
    ['no matcher', JSON.stringify({ ...good, matcher: null })],
  ])('reads no glossary from %s', (_, json) => {
    expect(parseGlossaryJson(json)).toBeNull();
  });
});

// A card's text (issue 14: pages get no quotes or definitions; the card asks them when it opens). The content script
// renders it, so the reply is checked field by field; specified again here as a zod oracle.
describe('getEntryDetails reply', () => {
  const mark = z.tuple([count, count]).refine(([a, b]) => a <= b);
  const quote = z
    .object({
      paragraph: count,
      sentence: count,
      text: z.string(),
      marks: z.array(mark),
      page: count.optional(),
      sourceUrl: z.string().regex(/^https?:\/\//i).optional(),
      from: z.object({ glossary: z.string(), title: z.string(), date: z.string() }).strict().optional(),
    })
    .strict();
  const details = z
    .object({
      id: entryId,
      aliases: z.array(z.string()),
      definition: z.string(),
      quotes: z.array(quote),
      beyondReport: z.string().optional(),
      beyondSources: z.array(z.object({ name: z.string(), url: z.string().regex(/^https:\/\//i), date: z.string() }).strict()).optional(),
    })
    .strict();
  const replyOracle = z.object({ entries: z.array(details).max(100) }).strict();

  const quoteArb = fc.record(
    {
      paragraph: fc.integer({ min: 0, max: 999 }),
      sentence: fc.integer({ min: 0, max: 99 }),
      text: fc.string({ maxLength: 80 }),
      marks: fc.array(fc.tuple(fc.nat(40), fc.nat(40)).map(([a, b]): [number, number] => [Math.min(a, b), Math.max(a, b)]), { maxLength: 3 }),
      page: fc.integer({ min: 1, max: 500 }),
      from: fc.record({ glossary: fc.constantFrom('gab12cd34ef', 'g0000'), title: fc.string({ maxLength: 20 }), date: fc.constantFrom('', '2025-10-30') }),
    },
    { requiredKeys: ['paragraph', 'sentence', 'text', 'marks'] },
  );
  const detailsArb = fc.record(
    {
      id: idArb,
      aliases: fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }),
      definition: fc.string({ maxLength: 80 }),
      quotes: fc.array(quoteArb, { maxLength: 4 }),
      beyondReport: fc.string({ maxLength: 40 }),
      beyondSources: fc.array(fc.record({ name: fc.string({ maxLength: 10 }), url: fc.constantFrom('https://dawn.com/a', 'https://state.gov/x'), date: fc.constant('2021-08-30') }), { maxLength: 2 }),
    },
    { requiredKeys: ['id', 'aliases', 'definition', 'quotes'] },
  );
  const replyArb = fc.record({ entries: fc.array(detailsArb, { maxLength: 4 }) });

  it('accepts every well-formed reply', () => {
    fc.assert(
      fc.property(replyArb, (r) => {
        expect(replyOracle.safeParse(r).success).toBe(true);
        expect(parseReply('getEntryDetails', r)).toEqual(r);
      }),
      { numRuns: RUNS },
    );
  });

  it('accepts a reply with one field broken or added exactly when the oracle does', () => {
    const mutated = fc.tuple(replyArb, fc.nat(), junk, fc.string({ maxLength: 12 }), fc.nat({ max: 2 })).map(([r, pick, value, key, how]) => {
      const entries = r.entries.map((e) => ({ ...e, quotes: e.quotes.map((q) => ({ ...q })) })) as Record<string, unknown>[];
      const e = entries[pick % Math.max(1, entries.length)];
      if (!e) return { entries: value };
      const q = (e.quotes as Record<string, unknown>[])[pick % Math.max(1, (e.quotes as unknown[]).length)];
      const target = how === 2 && q ? q : e;
      const keys = Object.keys(target);
      if (how === 1) target[key || 'extra'] = value;
      else target[keys[pick % keys.length]!] = value;
      return { entries };
    });
    fc.assert(
      fc.property(mutated, (value) => {
        expect(parseReply('getEntryDetails', value) !== null).toBe(replyOracle.safeParse(value).success);
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses a quote that links anywhere but http(s), a source that is not https, an unknown id', () => {
    const ok = { id: 'ttp', aliases: ['TTP'], definition: 'A militant alliance.', quotes: [{ paragraph: 1, sentence: 2, text: 'The TTP said.', marks: [[4, 7]] }] };
    expect(parseReply('getEntryDetails', { entries: [ok] })).not.toBeNull();
    expect(parseReply('getEntryDetails', { entries: [{ ...ok, quotes: [{ ...ok.quotes[0], sourceUrl: 'javascript:alert(1)' }] }] })).toBeNull();
    expect(parseReply('getEntryDetails', { entries: [{ ...ok, beyondSources: [{ name: 'x', url: 'http://x.org', date: '' }] }] })).toBeNull();
    expect(parseReply('getEntryDetails', { entries: [{ ...ok, id: '<b>' }] })).toBeNull();
    expect(parseReply('getEntryDetails', { entries: [{ ...ok, quotes: [{ ...ok.quotes[0], marks: [[7, 4]] }] }] })).toBeNull();
  });
});
