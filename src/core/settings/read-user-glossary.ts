/**
 * Reads the stored own entries entry by entry: every readable own entry and override is kept, each unreadable one
 * is set aside (`bad`, for the kept corrupt copy) instead of costing the others. Same version rules as settings
 * (read-settings.ts): missing `version` reads as 1, a higher one is a newer build's (read the same way; unknown
 * top-level keys are not problems; never written back unasked).
 * Pure (zod: this runs in the background and the options page only).
 */
import { zodIssuesToErrors, formatPath, type FieldError } from './issues.js';
import { isPlainObject, typeName } from './settings-fields.js';
import { entryOverrideSchema, ownEntrySchema } from '../user-glossary-schema.js';
import { ENTRY_ID_RE, USER_GLOSSARY_VERSION, USER_LIMITS, emptyUserGlossary, type UserGlossary } from '../user-glossary.js';

export interface UserGlossaryRead {
  value: UserGlossary;
  version: number;
  newer: boolean;
  /** path -> stored value of each part that could not be read; null when none. */
  bad: Record<string, unknown> | null;
  problems: FieldError[];
}

export function readUserGlossary(raw: unknown): UserGlossaryRead {
  const value = emptyUserGlossary();
  const bad: Record<string, unknown> = {};
  const problems: FieldError[] = [];
  const done = (version = USER_GLOSSARY_VERSION): UserGlossaryRead => ({
    value,
    version,
    newer: version > USER_GLOSSARY_VERSION,
    bad: Object.keys(bad).length ? bad : null,
    problems,
  });
  if (raw === undefined) return done();
  if (!isPlainObject(raw)) {
    bad[''] = raw;
    problems.push({ path: '', message: `expected an object, got ${typeName(raw)}` });
    return done();
  }
  let version = USER_GLOSSARY_VERSION;
  if (typeof raw.version === 'number' && Number.isInteger(raw.version) && raw.version >= 1) version = raw.version;
  else if (raw.version !== undefined) {
    bad.version = raw.version;
    problems.push({ path: 'version', message: `must be ${USER_GLOSSARY_VERSION}` });
  }
  const newer = version > USER_GLOSSARY_VERSION;

  if (Array.isArray(raw.own)) {
    const seen = new Set<string>();
    raw.own.forEach((e, i) => {
      const parsed = ownEntrySchema.safeParse(e);
      const path = formatPath(['own', i]);
      if (!parsed.success) {
        bad[path] = e;
        problems.push(...zodIssuesToErrors(parsed.error.issues, path));
      } else if (seen.has(parsed.data.id)) {
        bad[path] = e;
        problems.push({ path: `${path}.id`, message: `duplicate id "${parsed.data.id}"` });
      } else if (value.own.length >= USER_LIMITS.ownEntries) {
        bad[path] = e;
        problems.push({ path, message: `more than ${USER_LIMITS.ownEntries} own entries` });
      } else {
        seen.add(parsed.data.id);
        value.own.push(parsed.data);
      }
    });
  } else if (raw.own !== undefined) {
    bad.own = raw.own;
    problems.push({ path: 'own', message: `expected array, got ${typeName(raw.own)}` });
  }

  if (isPlainObject(raw.overrides)) {
    for (const [id, o] of Object.entries(raw.overrides)) {
      const path = formatPath(['overrides', id]);
      const parsed = entryOverrideSchema.safeParse(o);
      if (!ENTRY_ID_RE.test(id)) {
        bad[path] = o;
        problems.push({ path, message: 'a built-in entry id' });
      } else if (!parsed.success) {
        bad[path] = o;
        problems.push(...zodIssuesToErrors(parsed.error.issues, path));
      } else if (Object.keys(value.overrides).length >= USER_LIMITS.overrides) {
        bad[path] = o;
        problems.push({ path, message: `more than ${USER_LIMITS.overrides} overrides` });
      } else value.overrides[id] = parsed.data;
    }
  } else if (raw.overrides !== undefined) {
    bad.overrides = raw.overrides;
    problems.push({ path: 'overrides', message: `expected object, got ${typeName(raw.overrides)}` });
  }

  if (!newer) {
    const unknown = Object.keys(raw).filter((k) => k !== 'version' && k !== 'own' && k !== 'overrides');
    for (const k of unknown) bad[k] = raw[k];
    if (unknown.length) problems.push({ path: '', message: `unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}` });
  }
  return done(version);
}
