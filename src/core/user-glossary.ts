/**
 * The user's part of the glossary: entries they wrote ("own" entries) and their changes to built-in entries
 * ("overrides": definition, aliases, context rule — each removable with "reset to original").
 * Stored in `storage.local` under `userGlossary` (see src/shared/settings-store.ts); merged with the compiled
 * glossary by src/core/runtime-glossary.ts.
 *
 * Everything here is plain text: renderers show it with text nodes only (never innerHTML), so the storage schema
 * limits lengths and shapes but not characters. Input boundaries (the import, the options form) are stricter and
 * refuse markup-looking text (`findMarkup`).
 * Pure: zod only, no DOM, no browser.
 */
import { z } from 'zod';
import { CATEGORIES, type AliasSource, type CaseRule } from './glossary-types.js';

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

/** An alias must contain a letter or digit: a spelling of only punctuation or spaces would mark noise. */
const aliasText = z
  .string()
  .trim()
  .min(2, 'at least 2 characters')
  .max(USER_LIMITS.alias)
  .regex(/[\p{L}\p{N}]/u, 'needs a letter or digit');

const entryIdRef = z.string().regex(ENTRY_ID_RE, 'an entry id like "ttp" or "own-my-term"');

export const aliasSchema = z
  .object({
    text: aliasText,
    case: z.enum(CASE_RULES),
    requires: z.array(entryIdRef).max(USER_LIMITS.requiresPerAlias).optional(),
  })
  .strict();

/** http(s) only: a `javascript:` or `data:` link in a card would be a way to run or smuggle content. */
export const sourceUrlSchema = z
  .string()
  .max(USER_LIMITS.url)
  .refine((s) => isHttpUrl(s), 'must be an http:// or https:// address');

export const ownQuoteSchema = z
  .object({
    text: z.string().trim().min(1, 'must not be empty').max(USER_LIMITS.quote),
    sourceUrl: sourceUrlSchema.optional(),
  })
  .strict();

export const ownEntrySchema = z
  .object({
    id: z.string().regex(OWN_ID_RE, 'an own entry id starts with "own-" (e.g. "own-my-term")'),
    name: z.string().trim().min(1, 'must not be empty').max(USER_LIMITS.name),
    category: z.enum(CATEGORIES),
    /** Every spelling that marks the entry, the name included (as for built-in entries). */
    aliases: z.array(aliasSchema).min(1, 'at least one spelling').max(USER_LIMITS.aliasesPerEntry),
    /** Context rule for aliases without their own: at least one of these entries must be on the page. */
    requires: z.array(entryIdRef).max(USER_LIMITS.requiresPerAlias).optional(),
    definition: z.string().trim().min(1, 'must not be empty').max(USER_LIMITS.definition),
    notes: z.string().max(USER_LIMITS.notes).optional(),
    quotes: z.array(ownQuoteSchema).max(USER_LIMITS.quotesPerEntry),
  })
  .strict();

export const entryOverrideSchema = z
  .object({
    definition: z.string().trim().min(1, 'must not be empty').max(USER_LIMITS.definition).optional(),
    aliases: z.array(aliasSchema).min(1, 'at least one spelling').max(USER_LIMITS.aliasesPerEntry).optional(),
    requires: z.array(entryIdRef).max(USER_LIMITS.requiresPerAlias).optional(),
  })
  .strict();

export const userGlossarySchema = z
  .object({
    version: z.literal(USER_GLOSSARY_VERSION),
    own: z.array(ownEntrySchema).max(USER_LIMITS.ownEntries),
    overrides: z
      .record(z.string().regex(ENTRY_ID_RE, 'a built-in entry id'), entryOverrideSchema)
      .refine((r) => Object.keys(r).length <= USER_LIMITS.overrides, `at most ${USER_LIMITS.overrides} overrides`),
  })
  .strict()
  .superRefine((u, ctx) => {
    const seen = new Map<string, number>();
    u.own.forEach((e, i) => {
      const first = seen.get(e.id);
      if (first !== undefined) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['own', i, 'id'], message: `duplicate id "${e.id}" (also own[${first}])` });
      } else seen.set(e.id, i);
    });
  });

export type OwnAlias = z.infer<typeof aliasSchema>;
export type OwnQuote = z.infer<typeof ownQuoteSchema>;
export type OwnEntry = z.infer<typeof ownEntrySchema>;
export type EntryOverride = z.infer<typeof entryOverrideSchema>;
export interface UserGlossary {
  version: 1;
  own: OwnEntry[];
  overrides: Record<string, EntryOverride>;
}

// The inferred shape must stay assignable both ways (the interface is the documented contract).
const _check: (u: z.infer<typeof userGlossarySchema>) => UserGlossary = (u) => u;
void _check;
const _aliasCheck: (a: OwnAlias) => AliasSource = (a) => a;
void _aliasCheck;

export const EMPTY_USER_GLOSSARY: UserGlossary = Object.freeze({ version: 1, own: [], overrides: {} }) as UserGlossary;

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
