/**
 * Settings migrations: any stored shape we ever wrote -> the current `Settings`.
 *
 * Versions:
 *  - v0 (no `version` key): the pre-release shape of 0.0.x builds, flat keys as a first prototype stored them:
 *      { enabled?, markStyle?: 'underline'|'dotted'|'wavy'|'highlight'|'none', firstMentionOnly?,
 *        hoverDelay?: seconds (0.2), cardWidth?, cardFontSize?, darkMode?: boolean|'auto',
 *        whitelist?: string (hosts separated by newlines, commas or spaces; may carry scheme/path/www.),
 *        blacklist?: string, whitelistOnly?, allLanguages?, frames?, disabledTerms?: string[],
 *        disabledCategories?: string[], colors?: { [category]: '#rrggbb' }, showBadge?,
 *        ignoredMeanings?: { [host]: entryId[] } }
 *    Each field is read leniently: a value that does not fit falls back to its default instead of failing the
 *    whole migration (losing every setting for one odd value would be worse than losing that value).
 *  - v1: `settingsSchema` (src/core/settings/schema.ts).
 * A version above the current one was written by a newer build (e.g. synced from another device): it is refused
 * with a clear error and must not be overwritten (see store-core.ts).
 * Pure.
 */
import { CATEGORIES, type Category } from '../glossary-types.js';
import { describeValue, zodIssuesToErrors, type FieldError } from './issues.js';
import {
  DEFAULT_SETTINGS,
  MARK_STYLES,
  SETTINGS_VERSION,
  settingsSchema,
  sitePattern,
  type MarkStyle,
  type Settings,
  type Theme,
} from './schema.js';

export type MigrateResult =
  | { ok: true; value: Settings; migratedFrom: number | null }
  | { ok: false; error: string; errors: FieldError[]; future: boolean };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function fail(errors: FieldError[], future = false): MigrateResult {
  return { ok: false, errors, future, error: errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ') };
}

/** "https://www.Example.com/path" -> "www.example.com"; anything that still is not a valid pattern -> null. */
export function normalizeSiteInput(raw: string): string | null {
  let s = raw.trim().toLowerCase();
  if (!s) return null;
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  s = s.replace(/[/?#].*$/, '');
  s = s.replace(/^[^@]*@/, '');
  s = s.replace(/\.$/, '');
  return sitePattern.safeParse(s).success ? s : null;
}

function splitSites(v: unknown): string[] {
  const items = typeof v === 'string' ? v.split(/[\s,;]+/) : Array.isArray(v) ? v.filter((x) => typeof x === 'string') : [];
  const out: string[] = [];
  for (const item of items) {
    const p = normalizeSiteInput(item as string);
    if (p && !out.includes(p)) out.push(p);
  }
  return out.slice(0, 500);
}

const bool = (v: unknown, d: boolean): boolean => (typeof v === 'boolean' ? v : d);
const clampInt = (v: unknown, min: number, max: number, d: number): number =>
  typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, Math.round(v))) : d;
const ID = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** v0 (flat pre-release keys, see the header) -> v1. Never fails: odd fields fall back to defaults. */
export function migrateV0(old: Record<string, unknown>): Settings {
  const s = clone(DEFAULT_SETTINGS);
  s.enabled = bool(old.enabled, s.enabled);
  const styleMap: Record<string, MarkStyle> = { underline: 'solid', highlight: 'background' };
  if (typeof old.markStyle === 'string') {
    const st = styleMap[old.markStyle] ?? old.markStyle;
    if ((MARK_STYLES as readonly string[]).includes(st)) s.marking.style = st as MarkStyle;
  }
  if (typeof old.firstMentionOnly === 'boolean') s.marking.everyMention = !old.firstMentionOnly;
  if (isRecord(old.colors)) {
    for (const c of CATEGORIES) {
      const v = old.colors[c];
      if (typeof v === 'string' && /^#[0-9a-fA-F]{6}$/.test(v)) s.marking.colors[c] = v.toLowerCase();
    }
  }
  // The prototype stored the delay in seconds.
  if (typeof old.hoverDelay === 'number') s.hover.delayMs = clampInt(old.hoverDelay * 1000, 0, 2000, s.hover.delayMs);
  s.card.width = clampInt(old.cardWidth, 240, 560, s.card.width);
  s.card.fontSize = clampInt(old.cardFontSize, 11, 22, s.card.fontSize);
  const theme: Theme | null = old.darkMode === true ? 'dark' : old.darkMode === false ? 'light' : old.darkMode === 'auto' ? 'system' : null;
  if (theme) s.card.theme = theme;
  s.sites.allow = splitSites(old.whitelist);
  s.sites.deny = splitSites(old.blacklist);
  s.sites.mode = old.whitelistOnly === true ? 'only-listed' : 'all';
  if (typeof old.allLanguages === 'boolean') s.sites.languages = old.allLanguages ? 'all' : 'glossary';
  s.sites.iframes = bool(old.frames, s.sites.iframes);
  if (Array.isArray(old.disabledTerms)) {
    s.entries.disabled = [...new Set(old.disabledTerms.filter((x): x is string => typeof x === 'string' && ID.test(x)))].slice(0, 2000);
  }
  if (Array.isArray(old.disabledCategories)) {
    s.entries.disabledCategories = CATEGORIES.filter((c: Category) => (old.disabledCategories as unknown[]).includes(c));
  }
  if (isRecord(old.ignoredMeanings)) {
    for (const [host, ids] of Object.entries(old.ignoredMeanings)) {
      const site = normalizeSiteInput(host);
      if (!site || !Array.isArray(ids)) continue;
      for (const id of ids) {
        if (typeof id === 'string' && ID.test(id) && s.meaningRules.length < 2000) s.meaningRules.push({ site, entry: id });
      }
    }
  }
  s.badge = bool(old.showBadge, s.badge);
  return s;
}

/** Each step takes the stored object of version N and returns version N+1 (unvalidated; checked at the end). */
const STEPS: Record<number, (old: Record<string, unknown>) => unknown> = {
  0: migrateV0,
};

/** Reads any stored settings value into the current shape, or says precisely why it cannot. */
export function migrateSettings(raw: unknown): MigrateResult {
  if (!isRecord(raw)) return fail([{ path: '', message: `expected an object, got ${raw === null ? 'null' : Array.isArray(raw) ? 'an array' : typeof raw}` }]);
  let version: number;
  if (!('version' in raw)) version = 0;
  else if (typeof raw.version === 'number' && Number.isInteger(raw.version) && raw.version >= 1) version = raw.version;
  else return fail([{ path: 'version', message: `expected a whole number ≥ 1, got ${describeValue(raw.version)}` }]);
  if (version > SETTINGS_VERSION) {
    return fail([{ path: 'version', message: `version ${version} was made by a newer version of Context Glossary (this one reads up to ${SETTINGS_VERSION})` }], true);
  }
  const from = version;
  let cur: unknown = raw;
  while (version < SETTINGS_VERSION) {
    const step = STEPS[version];
    if (!step || !isRecord(cur)) return fail([{ path: 'version', message: `no migration from version ${version}` }]);
    cur = step(cur);
    version++;
  }
  const parsed = settingsSchema.safeParse(cur);
  if (!parsed.success) return fail(zodIssuesToErrors(parsed.error.issues));
  return { ok: true, value: parsed.data, migratedFrom: from === SETTINGS_VERSION ? null : from };
}

export { migrateSettings as migrate };
