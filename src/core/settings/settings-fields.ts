/**
 * Every settings field with its check, as one flat table keyed by path ("marking.colors.person"). The reader
 * (read-settings.ts) walks this table; a unit test proves it lists exactly the leaves of DEFAULT_SETTINGS, so a
 * field added to the defaults without a check (or the reverse) fails the build's tests.
 * Messages follow src/core/settings/issues.ts's wording ("expected boolean, got string", "must be at most 2000").
 * Pure, hand-written: no schema library, because the content script ships the strict check (reply guard).
 */
import { CATEGORIES, type Category } from '../glossary-types.js';
import { describeValue } from './issues.js';
import { LANGUAGE_MODES, MARK_STYLES, MENTION_MODES, SITE_MODES, THEMES, isSitePattern } from './schema.js';

/** A problem inside a value, relative to it: `at` [] is the value itself. */
interface Problem {
  at: (string | number)[];
  message: string;
}

type Check = (v: unknown) => Problem[];

interface ScalarField {
  kind: 'scalar';
  /** For "is missing (expected …)". */
  expected: string;
  check: Check;
}

/** A list is read item by item: good items are kept, bad ones set aside. */
interface ListField {
  kind: 'list';
  expected: string;
  item: Check;
  max: number;
  /** A valid item in its canonical form (object keys in a fixed order, as the defaults would write them). */
  canon?: (v: unknown) => unknown;
}

export type FieldSpec = ScalarField | ListField;

/** zod-compatible type names, so import errors read as they did ("expected boolean, got string"). */
export function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isNaN(v) ? 'nan' : 'number';
  return typeof v;
}

const one = (message: string): Problem[] => [{ at: [], message }];
const ok: Problem[] = [];

const bool: Check = (v) => (typeof v === 'boolean' ? ok : one(`expected boolean, got ${typeName(v)}`));

const oneOf =
  (options: readonly string[]): Check =>
  (v) =>
    typeof v === 'string' && options.includes(v)
      ? ok
      : one(`must be one of ${options.map((o) => JSON.stringify(o)).join(', ')} (got ${describeValue(v)})`);

const int =
  (min: number, max: number): Check =>
  (v) => {
    if (typeof v !== 'number' || Number.isNaN(v)) return one(`expected number, got ${typeName(v)}`);
    if (!Number.isInteger(v)) return one(`expected integer, got ${Number.isFinite(v) ? 'float' : 'number'}`);
    if (v < min) return one(`must be at least ${min}`);
    if (v > max) return one(`must be at most ${max}`);
    return ok;
  };

const hexColor: Check = (v) =>
  typeof v !== 'string' ? one(`expected string, got ${typeName(v)}`) : /^#[0-9a-fA-F]{6}$/.test(v) ? ok : one('a colour like #1a73e8');

const sitePatternCheck: Check = (v) =>
  typeof v !== 'string'
    ? one(`expected string, got ${typeName(v)}`)
    : v.length > 253
      ? one('is too long (at most 253 characters)')
      : isSitePattern(v)
        ? ok
        : one('a host like example.com or *.example.com');

const shortString =
  (max: number): Check =>
  (v) =>
    typeof v !== 'string' ? one(`expected string, got ${typeName(v)}`) : v.length > max ? one(`is too long (at most ${max} characters)`) : ok;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && Object.prototype.toString.call(v) === '[object Object]';

/** A strict small object: each key checked, unknown keys refused. */
const objectOf =
  (fields: Record<string, Check>): Check =>
  (v) => {
    if (!isPlainObject(v)) return one(`expected object, got ${typeName(v)}`);
    const out: Problem[] = [];
    for (const [k, check] of Object.entries(fields)) {
      if (v[k] === undefined) out.push({ at: [k], message: 'is missing (expected string)' });
      else for (const p of check(v[k])) out.push({ at: [k, ...p.at], message: p.message });
    }
    const unknown = Object.keys(v).filter((k) => !Object.hasOwn(fields, k));
    if (unknown.length) out.push({ at: [], message: `unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}` });
    return out;
  };

const colorFields = Object.fromEntries(
  CATEGORIES.map((c: Category) => [`marking.colors.${c}`, { kind: 'scalar', expected: 'string', check: hexColor } satisfies FieldSpec]),
);

/** Path -> spec, for every leaf of Settings except `version` (handled by the reader: it decides how to read). */
export const SETTINGS_FIELDS: Readonly<Record<string, FieldSpec>> = {
  enabled: { kind: 'scalar', expected: 'boolean', check: bool },
  'marking.everyMention': { kind: 'scalar', expected: 'boolean', check: bool },
  'marking.mentions': { kind: 'scalar', expected: 'string', check: oneOf(MENTION_MODES) },
  'keyboard.skipRepeats': { kind: 'scalar', expected: 'boolean', check: bool },
  'marking.style': { kind: 'scalar', expected: 'string', check: oneOf(MARK_STYLES) },
  ...colorFields,
  'hover.delayMs': { kind: 'scalar', expected: 'number', check: int(0, 2000) },
  'card.width': { kind: 'scalar', expected: 'number', check: int(240, 560) },
  'card.fontSize': { kind: 'scalar', expected: 'number', check: int(11, 22) },
  'card.theme': { kind: 'scalar', expected: 'string', check: oneOf(THEMES) },
  'sites.mode': { kind: 'scalar', expected: 'string', check: oneOf(SITE_MODES) },
  'sites.allow': { kind: 'list', expected: 'array', item: sitePatternCheck, max: 500 },
  'sites.deny': { kind: 'list', expected: 'array', item: sitePatternCheck, max: 500 },
  'sites.languages': { kind: 'scalar', expected: 'string', check: oneOf(LANGUAGE_MODES) },
  'sites.iframes': { kind: 'scalar', expected: 'boolean', check: bool },
  'entries.disabled': { kind: 'list', expected: 'array', item: shortString(80), max: 2000 },
  'entries.disabledCategories': { kind: 'list', expected: 'array', item: oneOf(CATEGORIES), max: 1000 },
  meaningRules: {
    kind: 'list',
    expected: 'array',
    item: objectOf({ site: sitePatternCheck, entry: shortString(80) }),
    max: 2000,
    canon: (v) => {
      const r = v as { site: string; entry: string };
      return { site: r.site, entry: r.entry };
    },
  },
  badge: { kind: 'scalar', expected: 'boolean', check: bool },
};

export { isPlainObject };
