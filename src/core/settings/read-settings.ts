/**
 * Reads stored settings field by field over the defaults (the "FoxClocks problem", 10ten's config.ts): a field
 * present and valid is kept, a missing or invalid one takes its default, and only the invalid parts are set aside
 * (`bad`, for the kept corrupt copy the options page offers for export). One bad value never costs the others.
 *
 *  - `readSettings` (lenient; the background's reader of storage): never fails.
 *  - `checkSettings` (strict; the import and the message guards): every field present and valid, no unknown keys.
 *  - `mergeForWrite`: what to store after a change, keeping a newer build's fields (see the README here).
 *
 * Versions: a missing `version` reads as the current one (every field is still checked); a higher one was written
 * by a newer build (synced from another device): read the same way, its unknown fields are not problems, and the
 * caller must not write it back unless the user changes something.
 * Pure.
 */
import { describeValue, formatPath, type FieldError } from './issues.js';
import { SETTINGS_VERSION, defaultSettings, type Settings } from './schema.js';
import { SETTINGS_FIELDS, isPlainObject, typeName, type FieldSpec } from './settings-fields.js';

export interface SettingsRead {
  settings: Settings;
  /** The stored `version` (SETTINGS_VERSION when missing or unreadable). */
  version: number;
  /** Written by a newer build: never write back unasked. */
  newer: boolean;
  /** Invalid parts (wrong type, out of range, unknown keys in our own version): path -> stored value. */
  bad: Record<string, unknown> | null;
  problems: FieldError[];
  /** Paths that were absent and took their default (not a problem: an older build did not know them). */
  missing: string[];
}

type Path = (string | number)[];
const FIELD_PATHS: [string, Path, FieldSpec][] = Object.entries(SETTINGS_FIELDS).map(([k, spec]) => [k, k.split('.'), spec]);

/** Objects that hold fields: "", "marking", "marking.colors", … (derived from the field table). */
const CONTAINERS: Map<string, Set<string>> = (() => {
  const m = new Map<string, Set<string>>([['', new Set(['version'])]]);
  for (const [, path] of FIELD_PATHS) {
    for (let i = 0; i < path.length; i++) {
      const parent = path.slice(0, i).join('.');
      if (!m.has(parent)) m.set(parent, new Set());
      m.get(parent)!.add(String(path[i]));
    }
  }
  return m;
})();

function setIn(root: Record<string, unknown>, path: Path, value: unknown): void {
  let cur = root;
  for (let i = 0; i < path.length - 1; i++) cur = cur[path[i] as string] as Record<string, unknown>;
  cur[path[path.length - 1] as string] = value;
}

interface Walk {
  settings: Settings;
  version: number;
  newer: boolean;
  bad: Record<string, unknown>;
  problems: FieldError[];
  missing: string[];
}

function walk(raw: Record<string, unknown>, strict: boolean): Walk {
  const out: Walk = { settings: defaultSettings(), version: SETTINGS_VERSION, newer: false, bad: {}, problems: [], missing: [] };
  const problem = (path: Path, message: string, value: unknown, setAside = true) => {
    const p = formatPath(path);
    out.problems.push({ path: p, message });
    if (setAside) out.bad[p] = value;
  };

  const v = raw.version;
  if (v === undefined) {
    if (strict) problem(['version'], `is missing (expected ${SETTINGS_VERSION})`, v, false);
    else out.missing.push('version');
  } else if (typeof v === 'number' && Number.isInteger(v) && v >= 1) {
    out.version = v;
    out.newer = v > SETTINGS_VERSION;
    if (strict && v !== SETTINGS_VERSION) problem(['version'], `must be ${SETTINGS_VERSION} (got ${describeValue(v)})`, v, false);
  } else problem(['version'], `must be ${SETTINGS_VERSION} (got ${describeValue(v)})`, v);

  // Containers: a missing one is missing (its fields take defaults); a non-object one is bad as a whole.
  const containerOk = new Map<string, boolean>([['', true]]);
  for (const [name] of CONTAINERS) {
    if (name === '') continue;
    const path = name.split('.');
    const parentOk = containerOk.get(path.slice(0, -1).join('.')) ?? false;
    const value = parentOk ? getIn(raw, path) : undefined;
    if (!parentOk || value === undefined) {
      if (parentOk) reportMissing(path, 'object');
      containerOk.set(name, false);
    } else if (!isPlainObject(value)) {
      problem(path, `expected object, got ${typeName(value)}`, value);
      containerOk.set(name, false);
    } else containerOk.set(name, true);
  }
  function reportMissing(path: Path, expected: string) {
    if (strict) out.problems.push({ path: formatPath(path), message: `is missing (expected ${expected})` });
    else out.missing.push(formatPath(path));
  }

  for (const [, path, spec] of FIELD_PATHS) {
    if (!containerOk.get(path.slice(0, -1).join('.'))) continue;
    const value = getIn(raw, path);
    if (value === undefined) {
      reportMissing(path, spec.expected);
      continue;
    }
    if (spec.kind === 'scalar') {
      const ps = spec.check(value);
      if (ps.length === 0) setIn(out.settings as unknown as Record<string, unknown>, path, value);
      else for (const p of ps) problem([...path, ...p.at], p.message, value);
      continue;
    }
    if (!Array.isArray(value)) {
      problem(path, `expected array, got ${typeName(value)}`, value);
      continue;
    }
    const kept: unknown[] = [];
    value.forEach((item, i) => {
      const ps = spec.item(item);
      if (ps.length) {
        for (const p of ps) out.problems.push({ path: formatPath([...path, i, ...p.at]), message: p.message });
        out.bad[formatPath([...path, i])] = item;
      } else if (kept.length < spec.max) kept.push(spec.canon ? spec.canon(item) : item);
      else out.bad[formatPath([...path, i])] = item;
    });
    if (value.length > spec.max) out.problems.push({ path: formatPath(path), message: `has too many items (at most ${spec.max})` });
    setIn(out.settings as unknown as Record<string, unknown>, path, kept);
  }

  // Unknown keys: a newer build's fields are expected (kept on write by mergeForWrite); in our version they are bad.
  if (!out.newer) {
    for (const [name, known] of CONTAINERS) {
      if (!containerOk.get(name)) continue;
      const obj = (name === '' ? raw : getIn(raw, name.split('.'))) as Record<string, unknown>;
      const unknown = Object.keys(obj).filter((k) => !known.has(k));
      if (!unknown.length) continue;
      out.problems.push({ path: name, message: `unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}` });
      for (const k of unknown) out.bad[formatPath([...(name ? name.split('.') : []), k])] = obj[k];
    }
  }
  return out;
}

function getIn(root: unknown, path: Path): unknown {
  let cur = root;
  for (const k of path) {
    if (!isPlainObject(cur) || !Object.hasOwn(cur, k)) return undefined;
    cur = cur[k as string];
  }
  return cur;
}

/** The background's reader of stored settings: never fails (see the header). */
export function readSettings(raw: unknown): SettingsRead {
  if (raw === undefined) return { settings: defaultSettings(), version: SETTINGS_VERSION, newer: false, bad: null, problems: [], missing: [] };
  if (!isPlainObject(raw)) {
    return {
      settings: defaultSettings(),
      version: SETTINGS_VERSION,
      newer: false,
      bad: { '': raw },
      problems: [{ path: '', message: `expected an object, got ${typeName(raw)}` }],
      missing: [],
    };
  }
  const w = walk(raw, false);
  return { ...w, bad: Object.keys(w.bad).length ? w.bad : null };
}

export type SettingsCheck = { ok: true; value: Settings } | { ok: false; errors: FieldError[] };

/** Strict: the whole object must be current, complete and valid (the import; payload and reply guards). */
export function checkSettings(raw: unknown): SettingsCheck {
  if (!isPlainObject(raw)) return { ok: false, errors: [{ path: '', message: `expected an object, got ${typeName(raw)}` }] };
  const w = walk(raw, true);
  return w.problems.length ? { ok: false, errors: w.problems } : { ok: true, value: w.settings };
}

export const isSettings = (v: unknown): v is Settings => checkSettings(v).ok;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What to store when `next` replaces the settings that were read from `stored`. Our own version (or older, or
 * unreadable): `next` as it is. A newer build's object: only the fields the user changed here (`next` differs
 * from what was read) are written over the stored object; its version and every field this build does not know
 * stay as they were, so the newer build on another device still finds its own settings.
 */
export function mergeForWrite(stored: unknown, read: Settings, next: Settings): Record<string, unknown> {
  if (!isPlainObject(stored) || !(typeof stored.version === 'number' && stored.version > SETTINGS_VERSION)) {
    return next as unknown as Record<string, unknown>;
  }
  const out = JSON.parse(JSON.stringify(stored)) as Record<string, unknown>;
  for (const [, path] of FIELD_PATHS) {
    const a = getIn(read, path);
    const b = getIn(next, path);
    if (same(a, b)) continue;
    let cur = out;
    for (const k of path.slice(0, -1)) {
      if (!isPlainObject(cur[k as string])) cur[k as string] = {};
      cur = cur[k as string] as Record<string, unknown>;
    }
    cur[path[path.length - 1] as string] = b;
  }
  return out;
}
