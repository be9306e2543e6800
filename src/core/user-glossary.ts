/**
 * The user's part of the glossary: entries they wrote ("own" entries) and their changes to built-in entries
 * ("overrides": definition, aliases, context rule — each removable with "reset to original").
 * Stored in `storage.local` under `userGlossary` by the background alone (src/background/settings-service.ts);
 * merged with the compiled glossary by src/core/runtime-glossary.ts.
 *
 * Everything here is plain text: renderers show it with text nodes only (never innerHTML), so the storage schema
 * limits lengths and shapes but not characters. Input boundaries (the import, the options form) are stricter and
 * refuse markup-looking text (`findMarkup`).
 * This file is the types and helpers, without a schema library (the content script ships it); the zod schemas
 * (storage reader, import, options form) are in user-glossary-schema.ts.
 * Pure: no DOM, no browser.
 */
import { CATEGORIES, type AliasSource, type CaseRule, type Category } from './glossary-types.js';

export const USER_GLOSSARY_VERSION = 1;

export const CASE_RULES = ['exact', 'proper', 'any'] as const satisfies readonly CaseRule[];

/** Limits shared by the storage schema, the import validator and the options form. */
export const USER_LIMITS = {
  ownEntries: 500,
  overrides: 1000,
  aliasesPerEntry: 20,
  quotesPerEntry: 20,
  requiresPerAlias: 20,
  name: 120,
  alias: 120,
  definition: 2000,
  notes: 2000,
  quote: 1000,
  url: 2000,
  id: 80,
} as const;

/** Built-in ids are kebab-case; own ids carry the `own-` prefix so they can never collide with built-in ones. */
export const ENTRY_ID_RE = /^[a-z0-9][a-z0-9-]{0,79}$/;
export const OWN_ID_RE = /^own-[a-z0-9][a-z0-9-]{0,75}$/;

export interface OwnAlias {
  text: string;
  case: CaseRule;
  requires?: string[];
}
export interface OwnQuote {
  text: string;
  sourceUrl?: string;
}
export interface OwnEntry {
  id: string;
  name: string;
  category: Category;
  /** Every spelling that marks the entry, the name included (as for built-in entries). */
  aliases: OwnAlias[];
  /** Context rule for aliases without their own: at least one of these entries must be on the page. */
  requires?: string[];
  definition: string;
  notes?: string;
  quotes: OwnQuote[];
}
export interface EntryOverride {
  definition?: string;
  aliases?: OwnAlias[];
  requires?: string[];
}
export interface UserGlossary {
  version: 1;
  own: OwnEntry[];
  overrides: Record<string, EntryOverride>;
}

const _aliasCheck: (a: OwnAlias) => AliasSource = (a) => a;
void _aliasCheck;

/** A plain object (the tag check works across realms); shared with user-glossary-change.ts. */
export const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && Object.prototype.toString.call(v) === '[object Object]';
export const keysIn = (o: Record<string, unknown>, keys: readonly string[]) => Object.keys(o).every((k) => keys.includes(k));
const text = (v: unknown, min: number, max: number) => typeof v === 'string' && v.trim().length >= min && v.trim().length <= max;
const idList = (v: unknown) => Array.isArray(v) && v.length <= USER_LIMITS.requiresPerAlias && v.every((x) => typeof x === 'string' && ENTRY_ID_RE.test(x));
const isAlias = (v: unknown) =>
  isObj(v) &&
  keysIn(v, ['text', 'case', 'requires']) &&
  text(v.text, 2, USER_LIMITS.alias) &&
  /[\p{L}\p{N}]/u.test(v.text as string) &&
  (CASE_RULES as readonly unknown[]).includes(v.case) &&
  (v.requires === undefined || idList(v.requires));
const aliasList = (v: unknown) => Array.isArray(v) && v.length >= 1 && v.length <= USER_LIMITS.aliasesPerEntry && v.every(isAlias);
const isQuote = (v: unknown) =>
  isObj(v) && keysIn(v, ['text', 'sourceUrl']) && text(v.text, 1, USER_LIMITS.quote) &&
  (v.sourceUrl === undefined || (typeof v.sourceUrl === 'string' && v.sourceUrl.length <= USER_LIMITS.url && isHttpUrl(v.sourceUrl)));

/** One own entry, as user-glossary-schema.ts's `ownEntrySchema` accepts it (a unit test keeps the two in step). */
export function isOwnEntryShape(v: unknown): v is OwnEntry {
  return (
    isObj(v) &&
    keysIn(v, ['id', 'name', 'category', 'aliases', 'requires', 'definition', 'notes', 'quotes']) &&
    typeof v.id === 'string' &&
    OWN_ID_RE.test(v.id) &&
    text(v.name, 1, USER_LIMITS.name) &&
    (CATEGORIES as readonly unknown[]).includes(v.category) &&
    aliasList(v.aliases) &&
    (v.requires === undefined || idList(v.requires)) &&
    text(v.definition, 1, USER_LIMITS.definition) &&
    (v.notes === undefined || (typeof v.notes === 'string' && v.notes.length <= USER_LIMITS.notes)) &&
    Array.isArray(v.quotes) &&
    v.quotes.length <= USER_LIMITS.quotesPerEntry &&
    v.quotes.every(isQuote)
  );
}

/** One override, as `entryOverrideSchema` accepts it. */
export function isOverrideShape(v: unknown): v is EntryOverride {
  return (
    isObj(v) &&
    keysIn(v, ['definition', 'aliases', 'requires']) &&
    (v.definition === undefined || text(v.definition, 1, USER_LIMITS.definition)) &&
    (v.aliases === undefined || aliasList(v.aliases)) &&
    (v.requires === undefined || idList(v.requires))
  );
}

/**
 * The whole own-entries object, without a schema library: the guard of the snapshot the content script, popup
 * and reader receive from the background (which read storage with the zod schemas). Never stricter than
 * `userGlossarySchema`; the duplicate-id rule included.
 */
export function isUserGlossaryShape(v: unknown): v is UserGlossary {
  if (!isObj(v) || !keysIn(v, ['version', 'own', 'overrides']) || v.version !== USER_GLOSSARY_VERSION) return false;
  if (!Array.isArray(v.own) || v.own.length > USER_LIMITS.ownEntries || !v.own.every(isOwnEntryShape)) return false;
  if (new Set(v.own.map((e: OwnEntry) => e.id)).size !== v.own.length) return false;
  if (!isObj(v.overrides)) return false;
  const ids = Object.keys(v.overrides);
  return ids.length <= USER_LIMITS.overrides && ids.every((id) => ENTRY_ID_RE.test(id) && isOverrideShape((v.overrides as Record<string, unknown>)[id]));
}

export function emptyUserGlossary(): UserGlossary {
  return { version: 1, own: [], overrides: {} };
}

export function isUserGlossaryEmpty(u: UserGlossary | null | undefined): boolean {
  return !u || (u.own.length === 0 && Object.keys(u.overrides).length === 0);
}

export function isHttpUrl(s: string): boolean {
  if (!/^https?:\/\//i.test(s)) return false;
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}

/**
 * Markup-looking text: an HTML tag (`<` directly followed by a letter, `/`, `!` or `?`) or a `javascript:` link. Plain comparisons ("x < y", "a > b")
 * pass; `<b>`, `</p>`, `<!--`, `<img src=x onerror=…>` do not. Returns a short description of what was found.
 */
export function findMarkup(text: string): string | null {
  const tag = /<(?:[a-zA-Z]|\/\s*[a-zA-Z]|!|\?)[^<>]{0,20}>?/.exec(text);
  if (tag) return `markup "${tag[0]}"`;
  if (/javascript\s*:/i.test(text)) return 'a "javascript:" link';
  return null;
}

/** A fresh own-entry id from a name: "own-" + kebab slug, made unique against `taken`. */
export function ownIdFor(name: string, taken: ReadonlySet<string>): string {
  const slug =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'term';
  let id = `own-${slug}`;
  for (let n = 2; taken.has(id); n++) id = `own-${slug}-${n}`;
  return id;
}

/** A sensible default case rule for a spelling: all-caps short words are acronyms, capitalised words are names. */
export function guessCaseRule(text: string): CaseRule {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return 'exact';
  if (/\p{Lu}/u.test(text)) return 'proper';
  return 'any';
}
