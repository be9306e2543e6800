// Fuzz tests for the import gate (issue 7, part 3): random malformed export files are refused with an error at
// the precise path, never a throw, and the store is left exactly as it was (deep snapshot of both storage areas
// and the write counter, checked after every case, through `importFromText`, the one path the options page uses).
// Valid exports round-trip in part 2 (export-import.fuzz-roundtrip.test.ts).
// Deterministic: fixed seed per property (SEED + k), fixed run counts.
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_LIMITS, EXPORT_FORMAT, importFromText, serializeExport, type ImportLimits, type ImportResult } from './export-import.js';
import type { FieldError } from './settings/issues.js';
import { createMemoryBackend, type MemoryBackend } from '../../tests/support/memory-settings-backend.js';
import { DEFAULT_SETTINGS, type Settings } from './settings/schema.js';
import { createMemoryStore, type MemoryStore } from '../../tests/support/memory-store.js';
import type { UserGlossary } from './user-glossary.js';
import {
  allPaths,
  clone,
  deleteAt,
  getAt,
  insertAt,
  javascriptUrlArb,
  markupArb,
  otherTypeArb,
  pathString,
  safeReporter,
  setAt,
  type Path,
} from '../../tests/support/malformed.js';
import { BASE, BASE_TEXT, BUILT_IN, baseOrRandomArb, show, textOf, validFileArb } from '../../tests/support/export-fuzz-base.js';

/** Recorded seed: change only on purpose. Property k runs with seed SEED + k. */
const SEED = 7_031_000;
const RUNS = 1000;
const opts = (k: number) => ({ numRuns: RUNS, seed: SEED + k, reporter: safeReporter });
/** Generous: the CI box is shared (2 cores); typical runs take 0.5-3 s per property. */
const TIMEOUT = 60_000;

// Each property runs for seconds without a macrotask turn (even the async ones: the memory store only awaits
// promises), and vitest's worker RPC times out after 60 s without one ("Timeout calling onTaskUpdate", seen on
// the loaded 2-core box). One turn of the event loop between tests is enough.
afterEach(() => new Promise<void>((resolve) => setImmediate(resolve)));


/* ------------------------------------------------------------------ the store that must stay untouched */

let backend: MemoryBackend;
let store: MemoryStore;
let before = '';
let applied = 0;
const CURRENT = { settings: clone(DEFAULT_SETTINGS), userGlossary: { version: 1, own: [], overrides: { pakistan: { definition: 'Before import.' } } } as UserGlossary };
const snapshot = () => JSON.stringify({ sync: [...backend.sync.data], local: [...backend.local.data], writes: backend.writes() });

beforeAll(async () => {
  backend = createMemoryBackend();
  store = createMemoryStore(backend);
  CURRENT.settings.hover.delayMs = 321;
  await store.saveSettings(CURRENT.settings);
  await store.saveUserGlossary(CURRENT.userGlossary);
  await backend.flush();
  before = snapshot();
});

const guardedStore = {
  saveSettings: (s: Settings) => (applied++, store.saveSettings(s)),
  saveUserGlossary: (u: UserGlossary) => (applied++, store.saveUserGlossary(u)),
};


/** Imports through the guarded path; asserts refusal, then that nothing was written. Returns the errors. */
async function refused(text: string, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): Promise<FieldError[]> {
  const r: ImportResult = await importFromText(guardedStore, text, limits, { builtInIds: BUILT_IN, current: CURRENT });
  expect(r.ok, 'a malformed file was accepted').toBe(false);
  expect(applied, 'the store was written').toBe(0);
  expect(snapshot()).toBe(before);
  if (r.ok) return [];
  expect(r.errors.length).toBeGreaterThan(0);
  for (const e of r.errors) {
    expect(typeof e.path).toBe('string');
    expect(e.message.trim().length).toBeGreaterThan(0);
  }
  return r.errors;
}
const expectErrorAt = (errors: readonly FieldError[], path: string, message: RegExp = /./) =>
  expect(errors.some((e) => e.path === path && message.test(e.message)), `want an error at "${path}" matching ${message}; got:\n${show(errors)}`).toBe(true);

/** Offset of 1-based (line, column) in `text`, or -1 when the position is not in the text. */
function offsetOf(text: string, line: number, column: number): number {
  let l = 1;
  let start = 0;
  while (l < line) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return -1;
    start = nl + 1;
    l++;
  }
  const end = text.indexOf('\n', start);
  const at = start + column - 1;
  return at <= (end < 0 ? text.length : end) ? at : -1;
}

describe('import: malformed files are refused at a precise path and the store is untouched (fuzz)', () => {
  it(`truncated at a random position (${RUNS} cases, seed ${SEED})`, async () => {
    const arb = fc.tuple(baseOrRandomArb, fc.boolean(), fc.nat()).map(([f, compact, n]) => {
      const full = textOf(f, compact).trimEnd();
      return full.slice(0, n % full.length);
    });
    await fc.assert(
      fc.asyncProperty(arb, async (text) => {
        const errors = await refused(text);
        expect(errors).toHaveLength(1);
        const e = errors[0]!;
        expect(e.path).toBe('');
        if (text.trim() === '') {
          expect(e.message).toBe('the file is empty');
          return;
        }
        const m = /^not valid JSON: .+ at line (\d+), column (\d+)$/.exec(e.message);
        expect(m, e.message).not.toBeNull();
        // The position points into the truncated text (at most one past its end), never somewhere else.
        const at = offsetOf(text, Number(m![1]), Number(m![2]));
        expect(at).toBeGreaterThanOrEqual(0);
        expect(at).toBeLessThanOrEqual(text.length);
      }),
      opts(0),
    );
  }, TIMEOUT);

  it(`random bytes, random text, non-text values (${RUNS} cases, seed ${SEED + 1})`, async () => {
    const latin1 = fc.uint8Array({ maxLength: 800 }).map((b) => String.fromCharCode(...b));
    const utf8ish = fc.uint8Array({ maxLength: 800 }).map((b) => new TextDecoder('utf-8', { fatal: false }).decode(b));
    const arb = fc.oneof(latin1, utf8ish, fc.string({ unit: 'binary', maxLength: 500 }), fc.string({ maxLength: 200 }), fc.anything().filter((x) => typeof x !== 'string'));
    await fc.assert(
      fc.asyncProperty(arb, async (input) => {
        const errors = await refused(input as string);
        // Nothing here is an object with a format tag: every error is about the file as a whole.
        for (const e of errors) expect(e.path, show(errors)).toBe('');
      }),
      opts(1),
    );
  }, TIMEOUT);

  it(`a wrong or missing format tag (${RUNS} cases, seed ${SEED + 2})`, async () => {
    const nearMiss = fc.constantFrom('Context-Glossary-Export', 'context-glossary-export ', ' context-glossary-export', 'context_glossary_export', 'context-glossary-backup', 'context-glossary-export\u200b', '');
    const arb = fc.tuple(baseOrRandomArb, fc.oneof(nearMiss, fc.string(), otherTypeArb('x'), fc.constant(undefined))).filter(([, tag]) => tag !== EXPORT_FORMAT);
    await fc.assert(
      fc.asyncProperty(arb, async ([f, tag]) => {
        const doc = clone(f) as unknown as Record<string, unknown>;
        if (tag === undefined) delete doc.format;
        else doc.format = tag;
        const errors = await refused(textOf(doc, false));
        expect(errors).toHaveLength(1);
        expectErrorAt(errors, 'format', tag === undefined ? /^is missing: this is not a Context Glossary export/ : /^must be "context-glossary-export" \(got .+\): this is not a Context Glossary export$/);
      }),
      opts(2),
    );
  }, TIMEOUT);

  it(`future, fractional, negative, missing and mistyped versions (${RUNS} cases, seed ${SEED + 3})`, async () => {
    const future = fc.oneof(fc.integer({ min: 2, max: 1000 }), fc.integer({ min: 2 }), fc.constantFrom(Number.MAX_SAFE_INTEGER, 1e21));
    const bad = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }).filter((v) => !Number.isInteger(v)), fc.integer({ max: 0 }), otherTypeArb(1), fc.constant(undefined));
    const arb = fc.tuple(baseOrRandomArb, fc.constantFrom('file', 'settings', 'userGlossary'), fc.oneof(future.map((v) => ({ v, future: true })), bad.map((v) => ({ v, future: false }))));
    await fc.assert(
      fc.asyncProperty(arb, async ([f, where, { v, future: isFuture }]) => {
        const doc = clone(f) as unknown as Record<string, Record<string, unknown>>;
        const holder = where === 'file' ? (doc as Record<string, unknown>) : doc[where]!;
        if (v === undefined) delete holder.version;
        else holder.version = v;
        const errors = await refused(textOf(doc, false));
        const path = where === 'file' ? 'version' : `${where}.version`;
        if (where === 'file') expect(errors, show(errors)).toHaveLength(1);
        if (isFuture) {
          const label = where === 'file' ? 'file version' : where === 'settings' ? 'settings version' : 'own-entries version';
          expectErrorAt(errors, path, new RegExp(`newer version of Context Glossary \\(${label} ${String(v).replace('+', '\\+')};`));
        } else expectErrorAt(errors, path);
      }),
      opts(3),
    );
  }, TIMEOUT);

  it(`a value of the wrong type at a random path (${RUNS} cases, seed ${SEED + 4})`, async () => {
    const arb = fc.tuple(baseOrRandomArb, fc.nat(), fc.boolean()).chain(([f0, n, compact]) => {
      const paths = allPaths(f0);
      const p = paths[n % paths.length]!;
      return otherTypeArb(getAt(f0, p)).map((v) => {
        const f = clone(f0);
        setAt(f, p, v);
        return { text: textOf(f, compact), p };
      });
    });
    await fc.assert(
      fc.asyncProperty(arb, async ({ text, p }) => {
        expectErrorAt(await refused(text), pathString(p));
      }),
      opts(4),
    );
  }, TIMEOUT);

  it(`a required field deleted at a random path (${RUNS} cases, seed ${SEED + 5})`, async () => {
    // Optional by design: notes, requires, sourceUrl; an override's three fields (one at least: checked elsewhere);
    // whole overrides (a record) and array items (a shorter list is still a list).
    const optional = (p: Path) =>
      typeof p[p.length - 1] === 'number' || ['notes', 'requires', 'sourceUrl'].includes(String(p[p.length - 1])) || (p[1] === 'overrides' && (p.length === 3 || p.length === 4));
    const arb = fc.tuple(baseOrRandomArb, fc.nat()).map(([f0, n]) => {
      const f = clone(f0);
      const paths = allPaths(f).filter((p) => !optional(p));
      const p = paths[n % paths.length]!;
      deleteAt(f, p);
      return { text: textOf(f, false), p };
    });
    await fc.assert(
      fc.asyncProperty(arb, async ({ text, p }) => {
        expectErrorAt(await refused(text), pathString(p), /is missing/);
      }),
      opts(5),
    );
  }, TIMEOUT);

  it(`oversized files and too many own entries (${RUNS} cases, seed ${SEED + 6})`, async () => {
    const MB = DEFAULT_IMPORT_LIMITS.maxBytes;
    const arb = fc.oneof(
      // A small limit: the valid base is itself too large.
      fc.integer({ min: 1, max: BASE_TEXT.length - 1 }).map((maxBytes) => ({ kind: 'limit', text: BASE_TEXT, limits: { ...DEFAULT_IMPORT_LIMITS, maxBytes } })),
      // The default 1 MB limit, passed by padding a random text field.
      fc.tuple(fc.integer({ min: 1, max: 4096 }), fc.nat()).map(([over, n]) => {
        const f = clone(BASE);
        const strings = allPaths(f, (p, v) => typeof v === 'string' && p[0] === 'userGlossary');
        const p = strings[n % strings.length]!;
        setAt(f, p, `${getAt(f, p) as string}${'x'.repeat(MB + over - BASE_TEXT.length)}`);
        return { kind: 'size', text: serializeExport(f), limits: DEFAULT_IMPORT_LIMITS };
      }),
      fc.tuple(validFileArb, fc.nat()).filter(([f]) => f.userGlossary.own.length > 0).map(([f, n]) => ({
        kind: 'own',
        text: serializeExport(f),
        limits: { ...DEFAULT_IMPORT_LIMITS, maxOwnEntries: n % f.userGlossary.own.length },
      })),
    );
    await fc.assert(
      fc.asyncProperty(arb, async ({ kind, text, limits }) => {
        const errors = await refused(text, limits);
        if (kind === 'own') expectErrorAt(errors, 'userGlossary.own', /^has too many entries \(\d+; at most \d+\)$/);
        else {
          expect(text.length).toBeGreaterThan(limits.maxBytes);
          expect(errors, show(errors)).toHaveLength(1);
          expectErrorAt(errors, '', /^the file is too large \(.+; the limit is .+\)$/);
        }
      }),
      opts(6),
    );
  }, TIMEOUT);

  it(`duplicate own ids and duplicate spellings (${RUNS} cases, seed ${SEED + 7})`, async () => {
    const arb = fc.tuple(baseOrRandomArb, fc.nat(), fc.nat(), fc.nat(), fc.boolean()).map(([f0, n, m, k, ids]) => {
      const f = clone(f0);
      const own = f.userGlossary.own;
      if (ids && own.length >= 2) {
        const i = n % own.length;
        const j = (i + 1 + (m % (own.length - 1))) % own.length;
        own[j]!.id = own[i]!.id;
        const [lo, hi] = [Math.min(i, j), Math.max(i, j)];
        return { text: serializeExport(f), path: `userGlossary.own[${hi}].id`, message: new RegExp(`^duplicate id "${own[i]!.id}" \\(also own\\[${lo}\\]\\)$`) };
      }
      const e = own[n % own.length] ?? clone(BASE.userGlossary.own[0]!);
      if (!own.includes(e)) own.push(e);
      const i = own.indexOf(e);
      const source = e.aliases[m % e.aliases.length]!.text;
      const flipped = [...source].map((c, x) => ((k >> x % 30) & 1 ? c.toUpperCase() : c.toLowerCase())).join('');
      e.aliases.push({ text: flipped, case: 'any' });
      return { text: serializeExport(f), path: `userGlossary.own[${i}].aliases[${e.aliases.length - 1}].text`, message: /^duplicate spelling ".+" in the same entry$/ };
    });
    await fc.assert(
      fc.asyncProperty(arb, async ({ text, path, message }) => {
        expectErrorAt(await refused(text), path, message);
      }),
      opts(7),
    );
  }, TIMEOUT);

  it(`markup and javascript: in random text fields, bad link schemes, markup in override keys (${RUNS} cases, seed ${SEED + 8})`, async () => {
    const payload = fc.oneof(markupArb, javascriptUrlArb);
    const badUrl = fc.oneof(javascriptUrlArb, fc.constantFrom('data:text/html,<b>x</b>', 'vbscript:msgbox(1)', 'file:///etc/passwd', '//example.org/x', ' https://example.org', 'https:/example.org', 'https://', 'ftp://example.org'));
    const arb = fc.tuple(baseOrRandomArb, fc.nat(), fc.nat(), payload, badUrl, fc.constantFrom('insert', 'insert', 'insert', 'url', 'override key')).map(([f0, n, at, bad, url, how]) => {
      const f = clone(f0);
      if (how === 'override key') {
        const o = f.userGlossary.overrides as Record<string, unknown>;
        const key = insertAt('ttp', at % 4, bad);
        o[key] = { definition: 'x' };
        return { text: serializeExport(f), path: pathString(['userGlossary', 'overrides', key]) };
      }
      if (how === 'url') {
        const e = f.userGlossary.own[n % Math.max(1, f.userGlossary.own.length)] ?? (f.userGlossary.own[0] = clone(BASE.userGlossary.own[0]!));
        const i = f.userGlossary.own.indexOf(e);
        e.quotes.push({ text: 'A quote.', sourceUrl: url });
        return { text: serializeExport(f), path: `userGlossary.own[${i}].quotes[${e.quotes.length - 1}].sourceUrl` };
      }
      const strings = allPaths(f, (_p, v) => typeof v === 'string');
      const p = strings[n % strings.length]!;
      const s = getAt(f, p) as string;
      setAt(f, p, insertAt(s, at % (s.length + 1), bad));
      return { text: serializeExport(f), path: pathString(p) };
    });
    await fc.assert(
      fc.asyncProperty(arb, async ({ text, path }) => {
        expectErrorAt(await refused(text), path);
      }),
      opts(8),
    );
  }, TIMEOUT);

  it('the store was seeded and the guard saw no write at all', () => {
    expect(backend.writes()).toBeGreaterThan(0);
    expect(applied).toBe(0);
    expect(snapshot()).toBe(before);
  });
});
