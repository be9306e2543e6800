/**
 * TEST-ONLY generators for the validator fuzz tests (`src/core/**\/*.fuzz.test.ts`): JSON path helpers, values
 * of the "wrong" JSON type, markup and `javascript:` payloads, prototype keys, deep nesting, huge strings, and
 * VALID Settings / UserGlossary arbitraries to break (or to round-trip).
 * Nothing shipped imports this module. Pure: fast-check and core types only (type-checked with tsconfig.core.json).
 */
import fc from 'fast-check';
import { CATEGORIES } from '../../src/core/glossary-types.js';
import { MARK_STYLES, MENTION_MODES, THEMES, type Settings } from '../../src/core/settings/schema.js';
import type { OwnEntry, UserGlossary } from '../../src/core/user-glossary.js';

type PathPart = string | number;
export type Path = PathPart[];
type JsonType = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

export const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function jsonType(v: unknown): JsonType {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  const t = typeof v;
  if (t === 'boolean' || t === 'number' || t === 'string') return t;
  return 'object';
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every path inside a JSON value (containers and leaves, parents before children), the root excluded. */
export function allPaths(root: unknown, filter: (path: Path, value: unknown) => boolean = () => true): Path[] {
  const out: Path[] = [];
  const walk = (v: unknown, path: Path) => {
    if (path.length && filter(path, v)) out.push(path);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (isObject(v)) for (const k of Object.keys(v)) walk(v[k], [...path, k]);
  };
  walk(root, []);
  return out;
}

export function getAt(root: unknown, path: Path): unknown {
  let cur: unknown = root;
  for (const p of path) cur = (cur as Record<PathPart, unknown>)[p];
  return cur;
}

/** Sets an OWN data property (so "__proto__" becomes a key, as JSON.parse makes it, not a prototype change). */
export function setAt(root: unknown, path: Path, value: unknown): void {
  const parent = getAt(root, path.slice(0, -1)) as Record<PathPart, unknown>;
  Object.defineProperty(parent, path[path.length - 1]!, { value, enumerable: true, writable: true, configurable: true });
}

export function deleteAt(root: unknown, path: Path): void {
  const parent = getAt(root, path.slice(0, -1)) as Record<PathPart, unknown>;
  delete parent[path[path.length - 1]!];
}

/**
 * A path written the way a person points at a field: `userGlossary.own[2].definition`, `overrides["a b"]`.
 * Written here independently of src/core/settings/issues.ts so the fuzz tests do not check a formatter with itself.
 */
export function pathString(path: Path): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(p)) out += out ? `.${p}` : p;
    else out += `[${JSON.stringify(p)}]`;
  }
  return out;
}

const small = { maxDepth: 2 } as const;
const TYPE_ARBS: Record<JsonType, fc.Arbitrary<unknown>> = {
  null: fc.constant(null),
  boolean: fc.boolean(),
  number: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, 1, -1, 1e21)),
  string: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('', 'true', '1', 'null', '[]', '{}')),
  array: fc.oneof(fc.constant([]), fc.array(fc.jsonValue(small), { minLength: 1, maxLength: 3 })),
  object: fc.oneof(fc.constant({}), fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue(small), { minKeys: 1, maxKeys: 3, noNullPrototype: true })),
};

/** A JSON value whose type differs from `original`'s (string -> number, object -> array, ...). */
export function otherTypeArb(original: unknown): fc.Arbitrary<unknown> {
  const t = jsonType(original);
  return fc.oneof(...(Object.keys(TYPE_ARBS) as JsonType[]).filter((k) => k !== t).map((k) => TYPE_ARBS[k]));
}

/** Markup that must never reach a card: tags, comments, event handlers, script links. */
const MARKUP_SAMPLES = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<iframe srcdoc="<b>x</b>">',
  '<a href="javascript:alert(1)">click</a>',
  '</p>',
  '<b>',
  '<!-- hidden -->',
  '<?xml version="1.0"?>',
  '<style>*{display:none}</style>',
] as const;

/** A random HTML-ish tag: `<img ... >`, `</div >`, `<!x`. */
const randomTagArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('<', '</', '<!', '<?', '< /'),
    fc.constantFrom('script', 'img', 'svg', 'a', 'iframe', 'object', 'B', 'Div', 'x', 'math', '--'),
    fc.string({ maxLength: 15 }).map((s) => s.replace(/[<>]/g, '')),
    fc.constantFrom('>', '/>', ''),
  )
  .map(([open, name, attrs, close]) => `${open}${name}${attrs ? ` ${attrs}` : ''}${close}`)
  // "<!" and "<?" need nothing after them; "<x" needs a letter: every generated form is a tag start.
  .filter((s) => /<(?:[a-zA-Z]|\/\s*[a-zA-Z]|!|\?)/.test(s));

/** `javascript:` in any letter case, with spaces before the colon (browsers ignore neither, so neither do we). */
export const javascriptUrlArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
    fc.constantFrom('', ' ', '  ', '\t'),
    fc.constantFrom('alert(1)', 'void(0)', 'fetch("//x")', ''),
  )
  .map(([caps, ws, body]) => [...'javascript'].map((c, i) => (caps[i] ? c.toUpperCase() : c)).join('') + ws + ':' + body);

export const markupArb: fc.Arbitrary<string> = fc.oneof(fc.constantFrom(...MARKUP_SAMPLES), randomTagArb);

/** Keys that trip naive object handling. */
export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'] as const;
/** The same names as kebab-case entry ids ("constructor" IS a valid id; a Set or Map must not be confused by it). */
export const PROTO_IDS = ['constructor', 'prototype', 'tostring', 'hasownproperty', 'valueof', 'proto'] as const;

export function insertAt(s: string, at: number, insert: string): string {
  const i = Math.max(0, Math.min(s.length, at));
  return s.slice(0, i) + insert + s.slice(i);
}

/** `depth` levels of arrays or objects around `leaf`, built without recursion. */
function deepNest(depth: number, kind: 'array' | 'object', leaf: unknown = 0): unknown {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v };
  return v;
}

/** Built once and shared (building them inside fast-check's map was most of a property's time): never mutate. */
const DEEP_VALUES = [50, 64, 65, 100, 500, 1000, 2000, 5000, 10_000].flatMap((d) => [deepNest(d, 'array'), deepNest(d, 'object')]);
/** Arrays or objects nested 50 to 10,000 levels deep (the import's JSON check stops at 64). */
export const deepNestArb: fc.Arbitrary<unknown> = fc.nat({ max: DEEP_VALUES.length - 1 }).map((i) => DEEP_VALUES[i]);

/** A string of `length` characters (a repeated random chunk: cheap to build, still not one character). */
export const hugeStringArb = (minLength: number, maxLength: number): fc.Arbitrary<string> =>
  fc
    .tuple(fc.integer({ min: minLength, max: maxLength }), fc.tuple(chars(LOWER, 1, 1), chars(`${LOWER} .,`, 0, 7), chars(LOWER, 1, 1)).map((p) => p.join('')))
    .map(([n, chunk]) => chunk.repeat(Math.ceil(n / chunk.length)).slice(0, n).replace(/\s$/, 'x'));

/* ------------------------------------------------------------------ valid values to break or round-trip */

/** Strings over a fixed alphabet (much cheaper to generate than fc.stringMatching). */
const chars = (alphabet: string, minLength: number, maxLength: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...alphabet), minLength, maxLength });
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const LOWER_DIGITS = `${LOWER}0123456789`;
const ALNUM = `${LOWER_DIGITS}ABCDEFGHIJKLMNOPQRSTUVWXYZ`;

const WORDS = ['Taliban', 'TTP', 'Kabul', 'cease-fire', 'report', 'al-Qa’ida', 'Mehsud', 'Peshawar', 'über', 'São', 'naïve', '2021', 'x', 'A.B.'] as const;

/**
 * Plain text without markup: words, digits, punctuation, accents. With `comparisons`, lone "<" and ">" (always
 * followed by a space, so never a tag) are mixed in: "x < y" is text, not markup, and must be accepted.
 */
export function plainTextArb(maxLength: number, opts: { comparisons?: boolean; minWords?: number } = {}): fc.Arbitrary<string> {
  const token = fc.oneof(
    { weight: 6, arbitrary: chars(`${ALNUM}éüñ'’,.;:()-`, 1, 12) },
    { weight: 2, arbitrary: fc.constantFrom(...WORDS) },
    { weight: opts.comparisons ? 1 : 0, arbitrary: fc.constantFrom('<', '>', '<=', '>=') },
  );
  return fc
    .array(token, { minLength: opts.minWords ?? 1, maxLength: Math.max(1, Math.min(16, Math.floor(maxLength / 3))) })
    .map((ws) => ws.join(' ').slice(0, maxLength).trim())
    .map((s) => (/[<>]$/.test(s) ? `${s} x` : s).slice(0, maxLength).trim())
    .filter((s) => s.length > 0 && !/javascript\s*:/i.test(s) && !/[<>]$/.test(s) && !/<(?:[a-zA-Z]|\/\s*[a-zA-Z]|!|\?)/.test(s));
}

export const kebabIdArb: fc.Arbitrary<string> = fc.array(chars(LOWER_DIGITS, 1, 8), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('-'));

const hexColorArb = chars('0123456789abcdefABCDEF', 6, 6).map((h) => `#${h}`);
const sitePatternArb: fc.Arbitrary<string> = fc
  .tuple(fc.boolean(), fc.array(chars(`${LOWER_DIGITS}-`, 1, 12), { minLength: 1, maxLength: 4 }), fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }))
  .map(([star, labels, port]) => `${star ? '*.' : ''}${labels.join('.')}${port === undefined ? '' : `:${port}`}`);

/** Any valid current-version Settings (keys in schema order, as zod outputs them). */
export const settingsArb: fc.Arbitrary<Settings> = fc.record({
  version: fc.constant(1 as const),
  enabled: fc.boolean(),
  marking: fc.record({
    everyMention: fc.boolean(),
    mentions: fc.constantFrom(...MENTION_MODES),
    style: fc.constantFrom(...MARK_STYLES),
    colors: fc.record({ person: hexColorArb, organization: hexColorArb, place: hexColorArb, event: hexColorArb, concept: hexColorArb }),
  }),
  hover: fc.record({ delayMs: fc.integer({ min: 0, max: 2000 }) }),
  keyboard: fc.record({ skipRepeats: fc.boolean() }),
  card: fc.record({ width: fc.integer({ min: 240, max: 560 }), fontSize: fc.integer({ min: 11, max: 22 }), theme: fc.constantFrom(...THEMES) }),
  sites: fc.record({
    mode: fc.constantFrom('all' as const, 'only-listed' as const),
    allow: fc.array(sitePatternArb, { maxLength: 5 }),
    deny: fc.array(sitePatternArb, { maxLength: 5 }),
    languages: fc.constantFrom('glossary' as const, 'all' as const),
    iframes: fc.boolean(),
  }),
  entries: fc.record({
    disabled: fc.array(kebabIdArb, { maxLength: 6 }),
    disabledCategories: fc.subarray([...CATEGORIES]),
  }),
  meaningRules: fc.array(fc.record({ site: sitePatternArb, entry: kebabIdArb }), { maxLength: 4 }),
  badge: fc.boolean(),
});

const httpUrlArb = fc
  .tuple(fc.constantFrom('http', 'https', 'HTTPS'), chars(LOWER_DIGITS, 1, 10), fc.constantFrom('org', 'com', 'pk'), fc.array(chars(`${LOWER_DIGITS}_-`, 0, 10), { maxLength: 3 }))
  .map(([s, host, tld, path]) => `${s}://${host}.${tld}${path.map((x) => `/${x}`).join('')}`);

/** Alias spellings unique within the entry, compared lower-cased (the import's own rule). */
const aliasListArb = (requiresFrom: readonly string[]) =>
  fc.uniqueArray(
    fc.record(
      {
        text: fc.tuple(chars(ALNUM, 1, 1), chars(`${ALNUM}' -`, 0, 20), chars(ALNUM, 1, 1)).map((p) => p.join('')),
        case: fc.constantFrom('exact' as const, 'proper' as const, 'any' as const),
        requires: fc.subarray([...requiresFrom], { maxLength: 3 }),
      },
      { requiredKeys: ['text', 'case'] },
    ),
    { minLength: 1, maxLength: 4, selector: (a) => a.text.toLowerCase() },
  );

/** Valid own entries: ids unique, references only to `builtIn` ids (always known). */
export function userGlossaryArb(builtIn: readonly string[]): fc.Arbitrary<UserGlossary> {
  const own: fc.Arbitrary<OwnEntry> = fc.record(
    {
      id: kebabIdArb.map((s) => `own-${s}`),
      name: plainTextArb(120, { comparisons: true }),
      category: fc.constantFrom(...CATEGORIES),
      aliases: aliasListArb(builtIn),
      requires: fc.subarray([...builtIn], { maxLength: 3 }),
      definition: plainTextArb(2000, { comparisons: true }),
      notes: plainTextArb(200, { comparisons: true }),
      quotes: fc.array(fc.record({ text: plainTextArb(300, { comparisons: true }), sourceUrl: httpUrlArb }, { requiredKeys: ['text'] }), { maxLength: 3 }),
    },
    { requiredKeys: ['id', 'name', 'category', 'aliases', 'definition', 'quotes'] },
  );
  const override = fc
    .record(
      { definition: plainTextArb(400, { comparisons: true }), aliases: aliasListArb(builtIn), requires: fc.subarray([...builtIn], { maxLength: 3 }) },
      { requiredKeys: [] },
    )
    .filter((o) => o.definition !== undefined || o.aliases !== undefined || o.requires !== undefined);
  return fc.record({
    version: fc.constant(1 as const),
    own: fc.uniqueArray(own, { maxLength: 4, selector: (e) => e.id }),
    overrides: fc.subarray([...builtIn], { maxLength: 3 }).chain((ids) =>
      fc.tuple(...ids.map(() => override)).map((os) => Object.fromEntries(ids.map((id, i) => [id, os[i]!]))),
    ),
  });
}

/** The same value with every object's keys in a random order (arrays keep theirs). */
export function shuffleKeysArb<T>(value: T): fc.Arbitrary<T> {
  const objects = allPaths(value, (_p, v) => isObject(v)).length + 1;
  return fc.array(fc.integer(), { minLength: objects, maxLength: objects }).map((seeds) => {
    let n = 0;
    const walk = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(walk);
      if (!isObject(v)) return v;
      const s = seeds[n++ % seeds.length]!;
      const keys = Object.keys(v).sort((a, b) => ((hash(a) ^ s) >>> 0) - ((hash(b) ^ s) >>> 0));
      const out: Record<string, unknown> = {};
      for (const k of keys) Object.defineProperty(out, k, { value: walk(v[k]), enumerable: true, writable: true, configurable: true });
      return out;
    };
    return walk(value) as T;
  });
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/* ------------------------------------------------------------------ reporting */

/** A short, depth-limited preview of any value (cycles, BigInt, 5,000-deep nesting and 100 KB strings included). */
function preview(v: unknown, depth = 5, max = 600): string {
  const seen = new Set<unknown>();
  const go = (x: unknown, d: number): string => {
    if (typeof x === 'string') return JSON.stringify(x.length > 60 ? `${x.slice(0, 60)}…(${x.length} chars)` : x);
    if (typeof x === 'bigint') return `${x}n`;
    if (typeof x !== 'object' || x === null) return String(x);
    if (seen.has(x)) return '[cycle]';
    if (d <= 0) return Array.isArray(x) ? '[…]' : '{…}';
    seen.add(x);
    const out = Array.isArray(x)
      ? `[${x.slice(0, 8).map((y) => go(y, d - 1)).join(', ')}${x.length > 8 ? ', …' : ''}]`
      : `{${Object.keys(x).slice(0, 12).map((k) => `${JSON.stringify(k)}: ${go((x as Record<string, unknown>)[k], d - 1)}`).join(', ')}}`;
    seen.delete(x);
    return out;
  };
  const s = go(v, depth);
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/**
 * fast-check reporter for these tests: the default one prints the whole counterexample, and that printer itself
 * overflows the stack on the deeply nested values generated here, hiding the real failure. This one prints a
 * preview, the seed and the replay path, and the original error.
 */
export function safeReporter<T>(details: fc.RunDetails<T>): void {
  if (!details.failed) return;
  const err = details.errorInstance;
  const why = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  throw new Error(
    `Property failed after ${details.numRuns} runs (seed ${details.seed}, path "${details.counterexamplePath ?? ''}")\n` +
      `Counterexample (preview): ${preview(details.counterexample)}\n${why}`,
    { cause: err },
  );
}
