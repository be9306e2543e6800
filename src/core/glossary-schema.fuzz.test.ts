// Fuzz tests for the glossary source validator (issue 7, part 3). Cases are small valid glossaries cut from the
// real `glossary/entries.json` (1-3 entries, references to dropped entries removed), then broken one way each.
// Every property: the validator never throws, says ok:false, and one error names the entry and field involved,
// in the exact words the schema promises ("entry "ttp" (entries[0]) aliases[1].text: ..."). Valid-preserving
// mutations must stay ok:true (part 2: glossary-schema.fuzz-valid.test.ts). Deterministic: fixed seed per property
// (SEED + k), fixed run counts.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { ALIAS_KEY_ORDER, ENTRY_KEY_ORDER, GLOSSARY_LIMITS, validateEntrySource, validateGlossarySource, type Validation } from './glossary-schema.js';
import type { EntrySource } from './glossary-types.js';
import {
  PROTO_IDS,
  PROTO_KEYS,
  allPaths,
  clone,
  deepNestArb,
  deleteAt,
  getAt,
  hugeStringArb,
  insertAt,
  kebabIdArb,
  markupArb,
  otherTypeArb,
  safeReporter,
  setAt,
  type Path,
} from '../../tests/support/malformed.js';

/** Recorded seed: change only on purpose. Property k runs with seed SEED + k. */
const SEED = 20_261_124;
const RUNS = 1000;
const opts = (k: number) => ({ numRuns: RUNS, seed: SEED + k, reporter: safeReporter });
/** Generous: the CI box is shared (2 cores); typical runs take 0.3-3 s per property. */
const TIMEOUT = 60_000;

// Each property runs for seconds without a macrotask turn (even the async ones: the memory store only awaits
// promises), and vitest's worker RPC times out after 60 s without one ("Timeout calling onTaskUpdate", seen on
// the loaded 2-core box). One turn of the event loop between tests is enough.
afterEach(() => new Promise<void>((resolve) => setImmediate(resolve)));

import { baseArb, pick, REAL, type Doc } from '../../tests/support/glossary-fuzz-base.js';

const N = REAL.entries.length;

/** The schema's promise: `entry "<id>" (entries[i])` when the id is a non-empty string, else `entries[i]`. */
function labelOf(raw: unknown, i: number): string {
  const id = raw && typeof raw === 'object' ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id !== '' ? `entry "${id}" (entries[${i}])` : `entries[${i}]`;
}
/** "aliases[0].text" */
const rel = (p: Path) => p.reduce<string>((out, x) => (typeof x === 'number' ? `${out}[${x}]` : out ? `${out}.${x}` : x), '');
const fieldPrefix = (doc: Doc, i: number, p: Path) => `${labelOf(doc.entries[i], i)}${p.length ? ` ${rel(p)}` : ''}`;

interface Broken {
  kind: string;
  doc: unknown;
  /** What one error must say (for the failure message). */
  want: string;
  match: (error: string) => boolean;
}

const counts = new Map<string, number>();
function expectRejected(r: Validation<unknown>, c: Broken): void {
  counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
  expect(r.ok, `${c.kind} was accepted; want: ${c.want}`).toBe(false);
  if (r.ok) return;
  expect(r.errors.length).toBeGreaterThan(0);
  for (const e of r.errors) expect(typeof e === 'string' && e.trim().length > 0).toBe(true);
  expect(r.errors.some(c.match), `${c.kind}: want ${c.want.slice(0, 300)}\ngot:\n${r.errors.map((e) => e.slice(0, 300)).join('\n')}`).toBe(true);
}
const exactly = (kind: string, doc: unknown, want: string): Broken => ({ kind, doc, want, match: (e) => e === want });
const startsWith = (kind: string, doc: unknown, want: string): Broken => ({ kind, doc, want, match: (e) => e.startsWith(want) });


const ENTRY_REQUIRED = ['id', 'name', 'category', 'aliases', 'definition', 'related'] as const;

const deleteRequiredArb = fc.tuple(baseArb(1), fc.nat(), fc.nat(), fc.constantFrom(...ENTRY_REQUIRED, 'alias.text', 'alias.case')).map(([doc0, n, m, f]) => {
  const doc = clone(doc0);
  const i = n % doc.entries.length;
  const p: Path = f.startsWith('alias.') ? ['aliases', m % doc.entries[i]!.aliases.length, f.slice(6)] : [f];
  deleteAt(doc, ['entries', i, ...p]);
  return exactly(`delete ${f}`, doc, `${fieldPrefix(doc, i, p)}: is required`);
});

/** Any place inside one entry (the entry itself too), any value of another JSON type. */
const wrongTypeArb = fc
  .tuple(baseArb(1), fc.nat(), fc.nat(), fc.constantFrom('entry', 'entry', 'entry', 'top'))
  .chain(([doc0, n, m, where]) => {
    const i = n % doc0.entries.length;
    const path: Path = where === 'top' ? pick([['version'], ['entries']], m) : ['entries', i, ...pick([[], ...allPaths(doc0.entries[i])], m)];
    return otherTypeArb(getAt(doc0, path)).map((v) => {
      const doc = clone(doc0);
      setAt(doc, path, v);
      const want = where === 'top' ? `${rel(path)}: ` : `${fieldPrefix(doc, i, path.slice(2))}: `;
      const kind = where === 'top' ? rel(path) : path.length === 2 ? 'whole entry' : typeof path[path.length - 1] === 'number' ? 'list item' : 'field';
      return startsWith(`wrong type (${kind})`, doc, want);
    });
  });

/** Markup (or a lone "<" / ">") inserted anywhere into any string of an entry. */
const markupInTextArb = fc
  .tuple(baseArb(1), fc.nat(), fc.nat(), fc.nat(), fc.oneof(markupArb, fc.constantFrom('<', '>', 'a<b', 'x > y', '<<')))
  .map(([doc0, n, m, at, markup]) => {
    const doc = clone(doc0);
    const i = n % doc.entries.length;
    const p = pick(allPaths(doc.entries[i], (_p, v) => typeof v === 'string'), m);
    const s = getAt(doc.entries[i], p) as string;
    setAt(doc, ['entries', i, ...p], insertAt(s, at % (s.length + 1), markup));
    const field = rel(p);
    const plain = /^(name|short|definition|beyondReport|aliases\[\d+\]\.text|never\[\d+\]|pinnedQuotes\[\d+\])$/.test(field);
    const prefix = `${fieldPrefix(doc, i, p)}: `;
    return plain
      ? exactly('markup in plain text', doc, `${prefix}must not contain "<" or ">" (plain text only, no markup)`)
      : startsWith('markup in id/enum/ref', doc, prefix);
  });

const duplicateIdArb = fc.tuple(baseArb(2), fc.nat(), fc.nat(), fc.boolean()).map(([doc0, n, m, copy]) => {
    const doc = clone(doc0);
  const len = doc.entries.length;
  const i = n % len;
  if (copy) {
    doc.entries.splice(i + 1, 0, clone(doc.entries[i]!));
    return exactly('duplicate id (copied entry)', doc, `entry "${doc.entries[i]!.id}" (entries[${i + 1}]): duplicate id (also entries[${i}])`);
  }
  const j = (i + 1 + (m % (len - 1))) % len;
  doc.entries[j]!.id = doc.entries[i]!.id;
  const [lo, hi] = [Math.min(i, j), Math.max(i, j)];
  return exactly('duplicate id (renamed)', doc, `entry "${doc.entries[i]!.id}" (entries[${hi}]): duplicate id (also entries[${lo}])`);
});

const breakSortArb = fc.tuple(baseArb(2), fc.array(fc.double({ noNaN: true }), { minLength: 3, maxLength: 3 })).map(([doc0, keys]) => {
    const doc = clone(doc0);
  const order = doc.entries.map((_, k) => k).sort((a, b) => keys[a]! - keys[b]! || a - b);
  if (order.every((k, x) => k === x)) order.reverse();
  doc.entries = order.map((k) => doc.entries[k]!);
  const k = doc.entries.findIndex((e, x) => x > 0 && doc.entries[x - 1]!.id > e.id) - 1;
  const [a, b] = [doc.entries[k]!, doc.entries[k + 1]!];
  return exactly('sort order', doc, `entries are not sorted by id: "${a.id}" (entries[${k}]) comes before "${b.id}" (entries[${k + 1}]); run npm run format:glossary`);
});

/** A key no schema knows (prototype names included), at the top, in an entry or in an alias. */
const unknownKeyArb = fc
  .tuple(baseArb(1), fc.nat(), fc.nat(), fc.constantFrom('top', 'entry', 'alias'), fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.string({ maxLength: 10 })), fc.jsonValue({ maxDepth: 2 }), fc.boolean())
  .filter(([, , , where, key]) => !(where === 'top' ? ['version', 'entries'] : where === 'entry' ? ENTRY_KEY_ORDER : ALIAS_KEY_ORDER).includes(key as never))
  .map(([doc0, n, m, where, key, value, viaJsonText]) => {
    const doc = clone(doc0);
    const i = n % doc.entries.length;
    const j = m % doc.entries[i]!.aliases.length;
    const at: Path = where === 'top' ? [] : where === 'entry' ? ['entries', i] : ['entries', i, 'aliases', j];
    setAt(doc, [...at, key], value);
    // Real input arrives through JSON.parse, which makes "__proto__" an own key: go through the text half the time.
    const input = viaJsonText ? (JSON.parse(JSON.stringify(doc)) as unknown) : doc;
    const where_ = where === 'top' ? '(top level)' : where === 'entry' ? fieldPrefix(doc, i, []) : fieldPrefix(doc, i, ['aliases', j]);
    return exactly(`unknown key (${PROTO_KEYS.includes(key as never) ? 'prototype name' : 'random'})`, input, `${where_}: unknown field(s) "${key}"`);
  });

const missingRefArb = fc
  .tuple(baseArb(1), fc.nat(), fc.nat(), fc.nat(), fc.constantFrom('related', 'requires', 'alias.requires'), fc.oneof(kebabIdArb, fc.constantFrom(...PROTO_IDS)))
  .filter(([doc, , , , , ref]) => !doc.entries.some((e) => e.id === ref))
  .map(([doc0, n, m, at, field, ref]) => {
    const doc = clone(doc0);
    const i = n % doc.entries.length;
    const e = doc.entries[i]!;
    const j = m % e.aliases.length;
    const holder = (field === 'alias.requires' ? e.aliases[j]! : e) as { related?: string[]; requires?: string[] };
    const key = field === 'related' ? 'related' : 'requires';
    const list = (holder[key] ??= []);
    list.splice(at % (list.length + 1), 0, ref);
    const name = field === 'alias.requires' ? `aliases[${j}].requires` : field;
    return exactly(`missing ref (${field})`, doc, `${fieldPrefix(doc, i, [])} ${name}: unknown entry id "${ref}"`);
  });

/** Spellings that fold to the same text as the matcher reads it: case, marks, apostrophes, dashes, spaces. */
const FOLD_VARIANTS: ((s: string, r: number) => string)[] = [
  (s, r) => [...s].map((c, k) => ((r >> k % 30) & 1 ? c.toUpperCase() : c.toLowerCase())).join(''),
  (s, r) => {
    let k = r % Math.max(1, s.replace(/[^A-Za-z]/g, '').length);
    return s.replace(/[A-Za-z]/g, (c) => (k-- === 0 ? `${c}\u0301` : c));
  },
  (s) => s.replace(/[A-Za-z](?=[A-Za-z])/, (c) => `${c}\u00ad`),
  (s) => s.replace(/'/g, '’'),
  (s) => s.replace(/'/g, '`'),
  (s, r) => s.replace(/(?<=[^\s-])-(?=[^\s-])/g, () => pick(['\u2010', '\u2013', ' ', ''], r)),
  (s) => s.replace(/ /g, '\u00a0'),
  (s) => s.replace(/ /g, '  '),
  (s) => s.toUpperCase(),
];
const aliasCollisionArb = fc
  .tuple(baseArb(2), fc.nat(), fc.nat(), fc.nat(), fc.nat(), fc.array(fc.nat({ max: FOLD_VARIANTS.length - 1 }), { minLength: 1, maxLength: 3 }), fc.constantFrom('exact', 'proper', 'any'))
  .map(([doc0, n, m, k, r, ops, rule]) => {
    const doc = clone(doc0);
    const len = doc.entries.length;
    const j = n % len;
    const i = (j + 1 + (m % (len - 1))) % len;
    const source = pick(doc.entries[j]!.aliases, k).text;
    const variant = ops.reduce((s, op) => FOLD_VARIANTS[op]!(s, r), source);
    const target = doc.entries[i]!;
    target.aliases.splice(r % (target.aliases.length + 1), 0, { text: variant, case: rule as 'any' });
    const [lo, hi] = [Math.min(i, j), Math.max(i, j)];
    return {
      kind: 'alias collision after folding',
      doc,
      want: `an error on entries[${hi}] "... is already claimed by entry "${doc.entries[lo]!.id}"" (variant ${JSON.stringify(variant)} of ${JSON.stringify(source)})`,
      match: (e: string) => e.startsWith(`${fieldPrefix(doc, hi, [])} aliases: "`) && e.includes(`" is already claimed by entry "${doc.entries[lo]!.id}" (`),
    } satisfies Broken;
  });

const TEXT_LIMITS = { id: GLOSSARY_LIMITS.id, name: GLOSSARY_LIMITS.name, short: GLOSSARY_LIMITS.short, definition: GLOSSARY_LIMITS.definition, beyondReport: GLOSSARY_LIMITS.beyondReport } as const;
const hugeArb = fc
  .tuple(baseArb(1), fc.nat(), fc.nat(), fc.constantFrom('id', 'name', 'short', 'definition', 'beyondReport', 'alias', 'pinnedQuote', 'aliases[]', 'related[]', 'pinnedQuotes[]', 'never[]'))
  .chain(([doc0, n, m, field]) => {
    const i = n % doc0.entries.length;
    const fresh = () => {
      const doc = clone(doc0);
      return { doc, e: doc.entries[i]! as unknown as Record<string, unknown> & EntrySource };
    };
    const limit =
      field === 'alias' ? GLOSSARY_LIMITS.alias : field === 'pinnedQuote' ? GLOSSARY_LIMITS.pinnedQuote : field.endsWith('[]') ? 0 : TEXT_LIMITS[field as keyof typeof TEXT_LIMITS];
    if (field.endsWith('[]')) {
      const key = field.slice(0, -2) as 'aliases' | 'related' | 'pinnedQuotes' | 'never';
      const max = { aliases: GLOSSARY_LIMITS.aliasesPerEntry, related: GLOSSARY_LIMITS.idList, pinnedQuotes: GLOSSARY_LIMITS.pinnedQuotes, never: GLOSSARY_LIMITS.never }[key];
      const item = { aliases: doc0.entries[i]!.aliases[0], related: 'ttp', pinnedQuotes: 'A sentence.', never: 'Amnesty International' }[key];
      return fc.integer({ min: max + 1, max: max + 12 }).map((count) => {
        const { doc, e } = fresh();
        (e as Record<string, unknown>)[key] = Array.from({ length: count }, () => clone(item));
        const unit = key === 'related' ? 'ids' : key === 'never' ? 'phrases' : key === 'aliases' ? 'aliases' : 'pinned quotes';
        return exactly(`huge list ${key}`, doc, `${fieldPrefix(doc, i, [key])}: at most ${max} ${unit}`);
      });
    }
    return hugeStringArb(limit + 1, limit + 20_000).map((huge) => {
      const { doc, e } = fresh();
      const p: Path = field === 'alias' ? ['aliases', m % e.aliases.length, 'text'] : field === 'pinnedQuote' ? ['pinnedQuotes', 0] : [field];
      if (field === 'pinnedQuote') e.pinnedQuotes = [...(e.pinnedQuotes ?? [])];
      if (field === 'pinnedQuote' && e.background) delete e.background;
      setAt(doc, ['entries', i, ...p], huge);
      return exactly(`huge string ${field}`, doc, `${fieldPrefix(doc, i, p)}: must be at most ${limit} characters`);
    });
  });

const deepNestingArb = fc.tuple(baseArb(1), fc.nat(), fc.nat(), fc.constantFrom('root', 'entries', 'entry', 'field'), deepNestArb).map(([doc0, n, m, where, deep]) => {
    const doc = clone(doc0);
  const i = n % doc.entries.length;
  if (where === 'root') return startsWith('deep nesting at the root', deep, '(top level): ');
  const path: Path = where === 'entries' ? ['entries'] : where === 'entry' ? ['entries', i] : ['entries', i, ...pick(allPaths(doc.entries[i]), m)];
  setAt(doc, path, deep);
  const want = where === 'entries' ? 'entries' : fieldPrefix(doc, i, path.slice(2));
  return { kind: `deep nesting in ${where}`, doc, want, match: (e: string) => e.startsWith(want) && /^[:[. ]/.test(e.slice(want.length)) } satisfies Broken;
});

const nonObjectRootArb = fc
  .oneof(fc.constant(null), fc.boolean(), fc.double(), fc.integer(), fc.string(), fc.array(fc.anything(), { maxLength: 4 }), fc.constant([REAL]))
  .map((root) => ({ kind: 'non-object root', doc: root, want: '(top level): must be object, got <type>', match: (e: string) => /^\(top level\): must be object, got \w+$/.test(e) }) satisfies Broken);

describe('glossary validator: broken input is refused with an error naming the entry and field (fuzz)', () => {
  const families: [string, fc.Arbitrary<Broken>][] = [
    ['a required field deleted', deleteRequiredArb],
    ['a value of the wrong type anywhere', wrongTypeArb],
    ['markup inserted into text', markupInTextArb],
    ['a duplicate id', duplicateIdArb],
    ['sort order broken', breakSortArb],
    ['an unknown key (prototype names included)', unknownKeyArb],
    ['related/requires naming a missing id', missingRefArb],
    ['an alias colliding with another entry after folding', aliasCollisionArb],
    ['huge strings and lists', hugeArb],
    ['deep nesting', deepNestingArb],
    ['a root that is not an object', nonObjectRootArb],
  ];
  families.forEach(([name, arb], k) => {
    it(`${name} (${RUNS} cases, seed ${SEED + k})`, () => {
      fc.assert(
        fc.property(arb, (c) => expectRejected(validateGlossarySource(c.doc), c)),
        opts(k),
      );
    }, TIMEOUT);
  });

  it('every case kind was generated', () => {
    for (const kind of ['delete id', 'delete alias.case', 'wrong type (field)', 'wrong type (list item)', 'wrong type (whole entry)', 'wrong type (version)', 'wrong type (entries)', 'markup in plain text', 'duplicate id (copied entry)', 'duplicate id (renamed)', 'unknown key (prototype name)', 'unknown key (random)', 'missing ref (alias.requires)', 'huge list aliases', 'huge string id', 'deep nesting in field', 'deep nesting at the root']) {
      expect(counts.get(kind) ?? 0, kind).toBeGreaterThan(0);
    }
  });
});

describe('glossary validator: arbitrary values never throw and are refused (fuzz)', () => {
  const anythingArb = fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withObjectString: true, withTypedArray: true, withSparseArray: true, withBoxedValues: true });
  const TOP_PREFIX = /^(\(top level\)|version|entries|entry "[^]*" \(entries\[\d+\]\)|entries\[\d+\])[:[. ]/;
  const refusedWithPaths = (raw: unknown) => {
    const r = validateGlossarySource(raw);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.length).toBeGreaterThan(0);
    for (const e of r.errors) expect(e, JSON.stringify(r.errors)).toMatch(TOP_PREFIX);
  };

  it(`fc.anything() (${RUNS} cases, seed ${SEED + 20})`, () => {
    fc.assert(fc.property(anythingArb, refusedWithPaths), opts(20));
  }, TIMEOUT);

  it(`fc.json() parsed (${RUNS} cases, seed ${SEED + 21})`, () => {
    fc.assert(fc.property(fc.json(), (text) => refusedWithPaths(JSON.parse(text))), opts(21));
  }, TIMEOUT);

  it(`glossary-shaped values with arbitrary fields (${RUNS} cases, seed ${SEED + 22})`, () => {
    const entryish = fc.dictionary(fc.oneof(fc.constantFrom(...ENTRY_KEY_ORDER, ...PROTO_KEYS), fc.string({ maxLength: 6 })), fc.oneof(anythingArb, fc.jsonValue()), { maxKeys: 8 });
    const shaped = fc.record({ version: fc.oneof(fc.constant(1), anythingArb), entries: fc.array(entryish, { minLength: 1, maxLength: 4 }) });
    fc.assert(fc.property(shaped, refusedWithPaths), opts(22));
  }, TIMEOUT);
});

describe('validateEntrySource: one broken entry is refused with the caller\'s label and the field (fuzz)', () => {
  const entryArb = fc.nat({ max: N - 1 }).map((i) => clone(REAL.entries[i]!) as unknown as Record<string, unknown>);
  const brokenEntryArb = fc
    .tuple(entryArb, fc.nat(), fc.nat(), fc.constantFrom('delete', 'type', 'markup', 'unknown', 'huge'), fc.oneof(markupArb, fc.constantFrom('<', '>')), fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.string({ maxLength: 8 })).filter((k) => !(ENTRY_KEY_ORDER as readonly string[]).includes(k)))
    .chain(([e, n, at, how, markup, key]) => {
      const label = 'your entry';
      const at_ = (p: Path) => `${label}${p.length ? ` ${rel(p)}` : ''}: `;
      if (how === 'delete') {
        const f = pick(ENTRY_REQUIRED, n);
        delete e[f];
        return fc.constant(exactly('entry: delete', e, `${label} ${f}: is required`));
      }
      if (how === 'type') {
        const p = pick([[], ...allPaths(e)], n);
        return otherTypeArb(getAt(e, p)).map((v) => {
          if (p.length === 0) return startsWith('entry: wrong type', v, at_(p));
          const copy = clone(e);
          setAt(copy, p, v);
          return startsWith('entry: wrong type', copy, at_(p));
        });
      }
      if (how === 'markup') {
        const p = pick(allPaths(e, (q, v) => typeof v === 'string' && /^(name|short|definition|beyondReport|aliases\[\d+\]\.text|pinnedQuotes\[\d+\]|never\[\d+\])$/.test(rel(q))), n);
        const s = getAt(e, p) as string;
        setAt(e, p, insertAt(s, at % (s.length + 1), markup));
        return fc.constant(exactly('entry: markup', e, `${at_(p)}must not contain "<" or ">" (plain text only, no markup)`));
      }
      if (how === 'unknown') {
        setAt(e, [key], 1);
        return fc.constant(exactly('entry: unknown key', JSON.parse(JSON.stringify(e)), `${label}: unknown field(s) "${key}"`));
      }
      return hugeStringArb(GLOSSARY_LIMITS.definition + 1, 100_000).map((huge) => {
        const copy = { ...e, definition: huge };
        return exactly('entry: huge', copy, `${label} definition: must be at most ${GLOSSARY_LIMITS.definition} characters`);
      });
    });

  it(`delete / wrong type / markup / unknown key / huge (${RUNS} cases, seed ${SEED + 30})`, () => {
    fc.assert(fc.property(brokenEntryArb, (c) => expectRejected(validateEntrySource(c.doc, 'your entry'), c)), opts(30));
  }, TIMEOUT);
});
