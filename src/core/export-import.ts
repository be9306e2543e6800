/**
 * Export and import of everything the user set: settings and their own glossary, in one JSON file.
 *
 *   { "format": "context-glossary-export", "version": 1, "exportedAt": "<ISO date>", "settings": {…}, "userGlossary": {…} }
 *
 * `validateImport` is the one gate: a file is accepted only when every part is valid, and then the caller sees a
 * preview (added / updated / removed) before `applyImport` writes it. A bad file gets precise errors naming the
 * field (`userGlossary.own[2].definition: contains markup "<img src=x"`) and nothing is written.
 * Pure (the store is an interface).
 */
import { checkJsonSyntax } from './settings/json-check.js';
import { describeValue, formatPath, zodIssuesToErrors, type FieldError } from './settings/issues.js';
import { checkSettings } from './settings/read-settings.js';
import { SETTINGS_VERSION, type Settings } from './settings/schema.js';
import { findMarkup, type UserGlossary } from './user-glossary.js';
import { userGlossarySchema } from './user-glossary-schema.js';

/** Where a validated import is written (the options page: requests to the background, the one writer). */
export interface ImportWriter {
  saveSettings(next: Settings): Promise<void>;
  saveUserGlossary(u: UserGlossary): Promise<void>;
}

export const EXPORT_FORMAT = 'context-glossary-export';
const EXPORT_VERSION = 1;

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: 1;
  exportedAt: string;
  settings: Settings;
  userGlossary: UserGlossary;
}

export interface ImportLimits {
  /** Bytes of the file (UTF-16 length is used as a cheap upper-bound proxy before parsing). */
  maxBytes: number;
  maxOwnEntries: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = { maxBytes: 1024 * 1024, maxOwnEntries: 500 };

export interface ImportContext {
  /** Ids of the built-in entries: overrides and context rules must name one of these (or an own entry). */
  builtInIds?: ReadonlySet<string>;
  /** The state now, for the preview. */
  current?: { settings: Settings; userGlossary: UserGlossary };
}

interface ChangeList {
  added: string[];
  updated: string[];
  removed: string[];
}

export interface ImportPreview {
  /** Own entries by name. */
  own: ChangeList;
  /** Overrides by built-in entry id. */
  overrides: ChangeList;
  /** Settings paths whose value changes ("marking.style", "sites.allow"). */
  settings: string[];
  /** True when nothing would change. */
  unchanged: boolean;
}

export type ImportResult = { ok: true; value: ExportFile; preview: ImportPreview } | { ok: false; errors: FieldError[] };

export function buildExport(settings: Settings, userGlossary: UserGlossary, now: Date = new Date()): ExportFile {
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), settings, userGlossary };
}

export function serializeExport(file: ExportFile): string {
  return JSON.stringify(file, null, 2) + '\n';
}

export function exportFileName(now: Date = new Date()): string {
  return `context-glossary-${now.toISOString().slice(0, 10)}.json`;
}

const TOP_KEYS = ['format', 'version', 'exportedAt', 'settings', 'userGlossary'] as const;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const typeName = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`);

/** Every string inside a value with its path (for the markup scan). */
function* strings(v: unknown, path: (string | number)[]): Generator<[string, (string | number)[]]> {
  if (typeof v === 'string') yield [v, path];
  else if (Array.isArray(v)) for (let i = 0; i < v.length; i++) yield* strings(v[i], [...path, i]);
  else if (isRecord(v)) for (const [k, x] of Object.entries(v)) yield* strings(x, [...path, k]);
}

function fmtBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

/** Checks an export file's text completely; never throws. */
export function validateImport(text: string, limits: ImportLimits = DEFAULT_IMPORT_LIMITS, context: ImportContext = {}): ImportResult {
  const fail = (errors: FieldError[]): ImportResult => ({ ok: false, errors });
  if (typeof text !== 'string') return fail([{ path: '', message: 'the file could not be read as text' }]);
  if (text.length > limits.maxBytes) {
    return fail([{ path: '', message: `the file is too large (${fmtBytes(text.length)}; the limit is ${fmtBytes(limits.maxBytes)})` }]);
  }
  // Editors on Windows often save a byte order mark: it carries no data, so it is skipped rather than refused.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return fail([{ path: '', message: 'the file is empty' }]);
  const syntax = checkJsonSyntax(body);
  if (syntax) return fail([{ path: '', message: `not valid JSON: ${syntax.message} at line ${syntax.line}, column ${syntax.column}` }]);
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (e) {
    return fail([{ path: '', message: `not valid JSON: ${(e as Error).message}` }]);
  }
  if (!isRecord(data)) return fail([{ path: '', message: `expected an object with "format": "${EXPORT_FORMAT}", got ${typeName(data)}` }]);
  if (data.format !== EXPORT_FORMAT) {
    return fail([
      {
        path: 'format',
        message:
          data.format === undefined
            ? `is missing: this is not a Context Glossary export (expected "format": "${EXPORT_FORMAT}")`
            : `must be "${EXPORT_FORMAT}" (got ${describeValue(data.format)}): this is not a Context Glossary export`,
      },
    ]);
  }
  if (data.version === undefined) return fail([{ path: 'version', message: 'is missing (expected 1)' }]);
  if (typeof data.version !== 'number' || !Number.isInteger(data.version) || data.version < 1) {
    return fail([{ path: 'version', message: `must be a whole number ≥ 1 (got ${describeValue(data.version)})` }]);
  }
  if (data.version > EXPORT_VERSION) {
    return fail([{ path: 'version', message: `the file was made by a newer version of Context Glossary (file version ${data.version}; this version reads ${EXPORT_VERSION}). Update the extension to import it.` }]);
  }

  const errors: FieldError[] = [];
  const unknown = Object.keys(data).filter((k) => !(TOP_KEYS as readonly string[]).includes(k));
  if (unknown.length) errors.push({ path: '', message: `unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}` });
  if (typeof data.exportedAt !== 'string') {
    errors.push({ path: 'exportedAt', message: data.exportedAt === undefined ? 'is missing (expected a date)' : `expected a date string, got ${typeName(data.exportedAt)}` });
  } else if (!/^\d{4}-\d{2}-\d{2}T/.test(data.exportedAt) || Number.isNaN(Date.parse(data.exportedAt))) {
    errors.push({ path: 'exportedAt', message: `is not a valid date (got ${JSON.stringify(data.exportedAt.slice(0, 40))})` });
  }

  // Settings: their own version first, so a newer build's settings get the "newer version" message, not 20 others.
  const s = data.settings;
  let settings: Settings | null = null;
  if (s === undefined) errors.push({ path: 'settings', message: 'is missing (expected an object)' });
  else if (!isRecord(s)) errors.push({ path: 'settings', message: `expected an object, got ${typeName(s)}` });
  else if (typeof s.version === 'number' && s.version > SETTINGS_VERSION) {
    errors.push({ path: 'settings.version', message: `made by a newer version of Context Glossary (settings version ${s.version}; this version reads ${SETTINGS_VERSION})` });
  } else {
    const checked = checkSettings(s);
    if (checked.ok) settings = checked.value;
    else errors.push(...checked.errors.map((e) => ({ path: e.path ? `settings${e.path.startsWith('[') ? '' : '.'}${e.path}` : 'settings', message: e.message })));
  }

  const u = data.userGlossary;
  let userGlossary: UserGlossary | null = null;
  if (u === undefined) errors.push({ path: 'userGlossary', message: 'is missing (expected an object)' });
  else if (!isRecord(u)) errors.push({ path: 'userGlossary', message: `expected an object, got ${typeName(u)}` });
  else if (typeof u.version === 'number' && u.version > 1) {
    errors.push({ path: 'userGlossary.version', message: `made by a newer version of Context Glossary (own-entries version ${u.version}; this version reads 1)` });
  } else if (Array.isArray(u.own) && u.own.length > limits.maxOwnEntries) {
    errors.push({ path: 'userGlossary.own', message: `has too many entries (${u.own.length}; at most ${limits.maxOwnEntries})` });
  } else {
    const parsed = userGlossarySchema.safeParse(u);
    if (parsed.success) userGlossary = parsed.data;
    else errors.push(...zodIssuesToErrors(parsed.error.issues, 'userGlossary'));
  }

  // Markup and script in any text: the card renders text only, but a file carrying markup is not one we wrote.
  for (const [str, path] of strings({ settings: data.settings, userGlossary: data.userGlossary }, [])) {
    const found = findMarkup(str);
    if (found && !errors.some((e) => e.path === formatPath(path))) errors.push({ path: formatPath(path), message: `contains ${found}; text fields are plain text` });
  }

  if (userGlossary) errors.push(...crossCheck(userGlossary, context.builtInIds));
  if (errors.length || !settings || !userGlossary) return fail(sortErrors(errors));

  const value: ExportFile = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: data.exportedAt as string, settings, userGlossary };
  return { ok: true, value, preview: previewImport(context.current ?? null, value) };
}

/** References inside the user glossary: overrides name built-in entries; context rules name known entries. */
function crossCheck(u: UserGlossary, builtIn: ReadonlySet<string> | undefined): FieldError[] {
  const errors: FieldError[] = [];
  const ownIds = new Set(u.own.map((e) => e.id));
  const known = (id: string) => ownIds.has(id) || !builtIn || builtIn.has(id);
  u.own.forEach((e, i) => {
    e.requires?.forEach((r, k) => {
      if (!known(r)) errors.push({ path: `userGlossary.own[${i}].requires[${k}]`, message: `names no known entry ("${r}")` });
    });
    e.aliases.forEach((a, j) => {
      a.requires?.forEach((r, k) => {
        if (!known(r)) errors.push({ path: `userGlossary.own[${i}].aliases[${j}].requires[${k}]`, message: `names no known entry ("${r}")` });
      });
    });
    const seen = new Set<string>();
    e.aliases.forEach((a, j) => {
      const key = a.text.toLowerCase();
      if (seen.has(key)) errors.push({ path: `userGlossary.own[${i}].aliases[${j}].text`, message: `duplicate spelling "${a.text}" in the same entry` });
      seen.add(key);
    });
  });
  for (const [id, o] of Object.entries(u.overrides)) {
    const base = formatPath(['userGlossary', 'overrides', id]);
    if (builtIn && !builtIn.has(id)) errors.push({ path: base, message: `overrides "${id}", which is not a built-in entry` });
    if (o.definition === undefined && o.aliases === undefined && o.requires === undefined) {
      errors.push({ path: base, message: 'changes nothing (needs definition, aliases or requires)' });
    }
    o.requires?.forEach((r, k) => {
      if (!known(r)) errors.push({ path: `${base}.requires[${k}]`, message: `names no known entry ("${r}")` });
    });
  }
  return errors;
}

function sortErrors(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const k = `${e.path}\u0000${e.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What applying `next` over `current` adds, changes and removes. */
export function previewImport(current: { settings: Settings; userGlossary: UserGlossary } | null, next: ExportFile): ImportPreview {
  const curOwn = new Map((current?.userGlossary.own ?? []).map((e) => [e.id, e]));
  const nextOwn = new Map(next.userGlossary.own.map((e) => [e.id, e]));
  const own: ChangeList = { added: [], updated: [], removed: [] };
  for (const [id, e] of nextOwn) {
    const c = curOwn.get(id);
    if (!c) own.added.push(e.name);
    else if (!same(c, e)) own.updated.push(e.name);
  }
  for (const [id, e] of curOwn) if (!nextOwn.has(id)) own.removed.push(e.name);

  const curOv = current?.userGlossary.overrides ?? {};
  const nextOv = next.userGlossary.overrides;
  const overrides: ChangeList = { added: [], updated: [], removed: [] };
  for (const id of Object.keys(nextOv)) {
    if (!Object.hasOwn(curOv, id)) overrides.added.push(id);
    else if (!same(curOv[id], nextOv[id])) overrides.updated.push(id);
  }
  for (const id of Object.keys(curOv)) if (!Object.hasOwn(nextOv, id)) overrides.removed.push(id);

  const settings: string[] = [];
  if (current) {
    const walk = (a: unknown, b: unknown, path: string) => {
      if (isRecord(a) && isRecord(b)) {
        for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) walk(a[k], b[k], path ? `${path}.${k}` : k);
      } else if (!same(a, b)) settings.push(path);
    };
    walk(current.settings, next.settings, '');
  }
  const unchanged = current !== null && settings.length === 0 && [own, overrides].every((c) => !c.added.length && !c.updated.length && !c.removed.length);
  return { own, overrides, settings, unchanged };
}

/** Writes a validated import: settings and own entries are replaced by the file's. */
export async function applyImport(store: ImportWriter, file: ExportFile): Promise<void> {
  await store.saveSettings(file.settings);
  await store.saveUserGlossary(file.userGlossary);
}

/** Validate, then apply only when valid: the one path the options page uses after the preview is confirmed. */
export async function importFromText(
  store: ImportWriter,
  text: string,
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
  context: ImportContext = {},
): Promise<ImportResult> {
  const result = validateImport(text, limits, context);
  if (result.ok) await applyImport(store, result.value);
  return result;
}

