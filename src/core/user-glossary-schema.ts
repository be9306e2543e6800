/**
 * zod schemas of the user's own entries: the background's storage reader (entry by entry, read-user-glossary.ts),
 * the import and the options form. Not shipped in the content script (it gets a validated snapshot from the
 * background and checks it with the hand-written `isUserGlossaryShape`).
 * Pure: zod only, no DOM, no browser.
 */
import { z } from 'zod';
import { CATEGORIES } from './glossary-types.js';
import {
  CASE_RULES,
  ENTRY_ID_RE,
  OWN_ID_RE,
  USER_GLOSSARY_VERSION,
  USER_LIMITS,
  isHttpUrl,
  type EntryOverride,
  type OwnAlias,
  type OwnEntry,
  type OwnQuote,
  type UserGlossary,
} from './user-glossary.js';

/** An alias must contain a letter or digit: a spelling of only punctuation or spaces would mark noise. */
const aliasText = z
  .string()
  .trim()
  .min(2, 'at least 2 characters')
  .max(USER_LIMITS.alias)
  .regex(/[\p{L}\p{N}]/u, 'needs a letter or digit');

const entryIdRef = z.string().regex(ENTRY_ID_RE, 'an entry id like "ttp" or "own-my-term"');

const aliasSchema = z
  .object({
    text: aliasText,
    case: z.enum(CASE_RULES),
    requires: z.array(entryIdRef).max(USER_LIMITS.requiresPerAlias).optional(),
  })
  .strict();

/** http(s) only: a `javascript:` or `data:` link in a card would be a way to run or smuggle content. */
const sourceUrlSchema = z
  .string()
  .max(USER_LIMITS.url)
  .refine((s) => isHttpUrl(s), 'must be an http:// or https:// address');

const ownQuoteSchema = z
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

// The inferred shapes must stay assignable both ways to the documented interfaces (user-glossary.ts).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _same: [
  Same<z.infer<typeof aliasSchema>, OwnAlias>,
  Same<z.infer<typeof ownQuoteSchema>, OwnQuote>,
  Same<z.infer<typeof ownEntrySchema>, OwnEntry>,
  Same<z.infer<typeof entryOverrideSchema>, EntryOverride>,
] = [true, true, true, true];
void _same;

// The inferred shape must stay assignable both ways (the interface is the documented contract).
const _check: (u: z.infer<typeof userGlossarySchema>) => UserGlossary = (u) => u;
void _check;

