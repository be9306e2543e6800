/**
 * Validation of the glossary source (`glossary/entries.json`, `glossary/report.json`).
 *
 * Two layers:
 *  1. zod shapes, strict (unknown keys are refused), one per source type. `entrySourceSchema` is exported on its own
 *     so user-written entries can be checked with the same rules later.
 *  2. cross-checks over the whole list (`crossCheckEntries`): sorted, unique ids, no spelling claimed twice, every
 *     referenced id exists, no self-reference, anchor entries without context rules.
 *
 * Every message names the entry (id and index) and the field, so a broken file can be fixed without guessing. Pure: zod only.
 */
import { z } from 'zod';
import { foldString } from './fold.js';
import { aliasVariants } from './glossary-compiler/variants.js';
import { CATEGORIES, type CaseRule, type EntrySource, type FactSource, type GlossarySource, type ReportMeta } from './glossary-types.js';

export const GLOSSARY_LIMITS = {
  id: 80,
  name: 120,
  short: 32,
  alias: 120,
  aliasesPerEntry: 40,
  idList: 30,
  never: 20,
  definition: 600,
  beyondReport: 600,
  beyondSources: 6,
  sourceName: 120,
  url: 500,
  pinnedQuote: 1000,
  pinnedQuotes: 5,
} as const;

/** kebab-case: lowercase letters and digits in groups joined by single hyphens. */
const ENTRY_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const CASE_RULES = ['exact', 'proper', 'any'] as const satisfies readonly CaseRule[];

/** Folds a spelling for comparison exactly as the matcher reads text (case, marks, apostrophes, dashes, spaces). */
export function foldForCompare(s: string): string {
  return foldString(s);
}

/** Like the matcher (src/core/matcher/patterns.ts): every combination for up to this many hyphens. */
const MAX_HYPHENS_COMBINED = 4;

/**
 * Every form the matcher finds for a spelling: it derives spaced and closed forms of each hyphen between two
 * letters ("cease-fire" also finds "cease fire" and "ceasefire"), so two spellings collide when these sets meet.
 */
export function spellingForms(text: string): string[] {
  const f = foldForCompare(text);
  const parts = f.split(/(?<=[^\s-])-(?=[^\s-])/);
  if (parts.length === 1) return [f];
  const joins = ['-', ' ', ''];
  if (parts.length - 1 > MAX_HYPHENS_COMBINED) return [...new Set(joins.map((j) => parts.join(j)))];
  let forms = [parts[0]!];
  for (let k = 1; k < parts.length; k++) {
    const next: string[] = [];
    for (const form of forms) for (const j of joins) next.push(form + j + parts[k]!);
    forms = next;
  }
  return [...new Set(forms)];
}

/** A one-line plain-text field: trimmed, non-empty, bounded, no control characters, no markup characters. */
function plainText(max: number) {
  return z
    .string()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((s) => s.trim() === s, 'must not start or end with whitespace')
    .refine((s) => !/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(s), 'must not contain line breaks or control characters')
    .refine((s) => !/[<>]/.test(s), 'must not contain "<" or ">" (plain text only, no markup)');
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date like "2022-01-31"')
  .refine((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s) || isRealDate(s), 'is not a real date');

/** An absolute https URL (no credentials): a source a reader can open. */
const httpsUrl = plainText(GLOSSARY_LIMITS.url).refine((s) => {
  try {
    const u = new URL(s);
    return u.protocol === 'https:' && u.username === '' && u.password === '' && u.hostname.includes('.');
  } catch {
    return false;
  }
}, 'must be an absolute https URL');

/** A source of a "Beyond the report" fact (issue 12, deliverable 5). */
const factSourceSchema = z.object({ name: plainText(GLOSSARY_LIMITS.sourceName), url: httpsUrl, date: isoDate }).strict();

const entryId = z
  .string()
  .max(GLOSSARY_LIMITS.id, `must be at most ${GLOSSARY_LIMITS.id} characters`)
  .regex(ENTRY_ID_PATTERN, 'must be kebab-case (lowercase letters and digits joined by single hyphens, e.g. "siraj-haqqani")');

const idList = z.array(entryId).max(GLOSSARY_LIMITS.idList, `at most ${GLOSSARY_LIMITS.idList} ids`);

const aliasSourceSchema = z
  .object({
    text: plainText(GLOSSARY_LIMITS.alias).refine((s) => /[\p{L}\p{N}]/u.test(s), 'must contain a letter or digit'),
    case: z.enum(CASE_RULES),
    requires: idList.optional(),
    window: z.enum(['sentence', 'paragraph', 'heading', 'page']).optional(),
    resolve: z
      .object({ to: entryId, when: idList.min(1, 'needs at least one cue entry'), unless: idList })
      .strict()
      .optional(),
    variants: z.enum(['romanized', 'inflected']).optional(),
    parties: z.object({ against: idList }).strict().optional(),
    partOf: z.enum(['person', 'name']).optional(),
    notOf: idList.min(1, 'needs at least one entry').optional(),
  })
  .strict();

/** One entry, field by field (key order here is the canonical order `formatGlossarySource` writes). */
const entrySourceSchema = z
  .object({
    id: entryId.refine((s) => !s.startsWith('own-'), 'must not start with "own-" (reserved for user-written entries)'),
    name: plainText(GLOSSARY_LIMITS.name),
    short: plainText(GLOSSARY_LIMITS.short).optional(),
    category: z.enum(CATEGORIES),
    aliases: z
      .array(aliasSourceSchema)
      .min(1, 'needs at least one alias (the canonical name)')
      .max(GLOSSARY_LIMITS.aliasesPerEntry, `at most ${GLOSSARY_LIMITS.aliasesPerEntry} aliases`),
    never: z.array(plainText(GLOSSARY_LIMITS.alias)).max(GLOSSARY_LIMITS.never, `at most ${GLOSSARY_LIMITS.never} phrases`).optional(),
    requires: idList.optional(),
    window: z.enum(['sentence', 'paragraph', 'heading', 'page']).optional(),
    parties: z.object({ against: idList }).strict().optional(),
    definition: plainText(GLOSSARY_LIMITS.definition),
    beyondReport: plainText(GLOSSARY_LIMITS.beyondReport).optional(),
    beyondSources: z
      .array(factSourceSchema)
      .min(1, 'needs at least one source (or drop the field with beyondReport)')
      .max(GLOSSARY_LIMITS.beyondSources, `at most ${GLOSSARY_LIMITS.beyondSources} sources`)
      .optional(),
    related: idList,
    background: z.boolean().optional(),
    anchorOnly: z.boolean().optional(),
    pinnedQuotes: z
      .array(plainText(GLOSSARY_LIMITS.pinnedQuote))
      .max(GLOSSARY_LIMITS.pinnedQuotes, `at most ${GLOSSARY_LIMITS.pinnedQuotes} pinned quotes`)
      .optional(),
  })
  .strict();

/** Canonical key order of an entry (and of an alias), as written by `formatGlossarySource`. */
export const ENTRY_KEY_ORDER = Object.keys(entrySourceSchema.shape) as (keyof EntrySource)[];
export const ALIAS_KEY_ORDER = Object.keys(aliasSourceSchema.shape) as ('text' | 'case' | 'requires' | 'window' | 'resolve' | 'variants' | 'parties' | 'partOf' | 'notOf')[];

const glossarySourceSchema = z
  .object({
    version: z.literal(1),
    entries: z.array(entrySourceSchema),
  })
  .strict();

const reportMetaSchema = z
  .object({
    title: plainText(300),
    date: isoDate,
    displayDate: plainText(40),
    dateline: plainText(80),
    language: z.string().regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, 'must be a language tag like "en"'),
    sourceFile: plainText(200),
    publisher: plainText(200),
    origin: plainText(200).optional(),
    textSource: plainText(300),
    url: httpsUrl.optional(),
  })
  .strict();

function isRealDate(iso: string): boolean {
  const t = Date.parse(`${iso}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(iso);
}

// The inferred shapes must stay assignable to the documented contracts in glossary-types.ts.
const _entryCheck: (e: z.infer<typeof entrySourceSchema>) => EntrySource = (e) => e;
const _glossaryCheck: (g: z.infer<typeof glossarySourceSchema>) => GlossarySource = (g) => g;
const _metaCheck: (m: z.infer<typeof reportMetaSchema>) => ReportMeta = (m) => m;
const _factCheck: (f: z.infer<typeof factSourceSchema>) => FactSource = (f) => f;
void _factCheck;
void _entryCheck;
void _glossaryCheck;
void _metaCheck;

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** "aliases[0].text" from a zod path. */
function pathText(path: readonly (string | number)[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? p : `.${p}`;
  return out;
}

function issueMessage(issue: z.ZodIssue): string {
  if (issue.code === 'invalid_type') return issue.received === 'undefined' ? 'is required' : `must be ${issue.expected}, got ${issue.received}`;
  if (issue.code === 'unrecognized_keys') return `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return issue.message;
}

/** Names the entry an issue is about: `entry "ttp" (entries[3])` when the id is readable, else `entries[3]`. */
function entryLabel(raw: unknown, index: number): string {
  const id = raw && typeof raw === 'object' ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id !== '' ? `entry "${id}" (entries[${index}])` : `entries[${index}]`;
}

/** Formats zod issues; paths under `entries[i]` are reported against that entry's id. */
function formatIssues(issues: readonly z.ZodIssue[], input: unknown): string[] {
  const rawEntries = input && typeof input === 'object' ? (input as { entries?: unknown }).entries : undefined;
  return issues.map((issue) => {
    const [head, index, ...rest] = issue.path;
    if (head === 'entries' && typeof index === 'number' && Array.isArray(rawEntries)) {
      const field = pathText(rest);
      return `${entryLabel(rawEntries[index], index)}${field ? ` ${field}` : ''}: ${issueMessage(issue)}`;
    }
    const field = pathText(issue.path);
    return `${field || '(top level)'}: ${issueMessage(issue)}`;
  });
}

/** Validates one entry on its own (shape only; cross-checks need the whole list). */
export function validateEntrySource(json: unknown, label = 'entry'): Validation<EntrySource> {
  const r = entrySourceSchema.safeParse(json);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, errors: r.error.issues.map((i) => `${label}${i.path.length ? ` ${pathText(i.path)}` : ''}: ${issueMessage(i)}`) };
}

export function validateReportMeta(json: unknown): Validation<ReportMeta> {
  const r = reportMetaSchema.safeParse(json);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, errors: r.error.issues.map((i) => `report.json ${pathText(i.path) || '(top level)'}: ${issueMessage(i)}`) };
}

/** Shape, then cross-checks. */
export function validateGlossarySource(json: unknown): Validation<GlossarySource> {
  const r = glossarySourceSchema.safeParse(json);
  if (!r.success) return { ok: false, errors: formatIssues(r.error.issues, json) };
  const errors = crossCheckEntries(r.data.entries);
  return errors.length ? { ok: false, errors } : { ok: true, value: r.data };
}

function checkIdList(
  errors: string[],
  label: string,
  field: string,
  ids: readonly string[] | undefined,
  self: string,
  known: ReadonlySet<string>,
  /** An alias's `requires` may name its own entry: the acronym counts once the page names the entry another way
   *  ("Tehreek-e-Taliban Pakistan (TTP)" defines TTP on that page; issue 11). Presence never anchors itself. */
  allowSelf = false,
): void {
  if (!ids) return;
  const seen = new Set<string>();
  for (const ref of ids) {
    if (ref === self && !allowSelf) errors.push(`${label} ${field}: refers to the entry itself`);
    else if (!known.has(ref)) errors.push(`${label} ${field}: unknown entry id "${ref}"`);
    if (seen.has(ref)) errors.push(`${label} ${field}: "${ref}" is listed twice`);
    seen.add(ref);
  }
}

/**
 * Generated spellings (issue 11): the flag fits the alias (names are `proper`, verb phrases `any`), and no
 * hand-listed alias of the entry is one the generator already makes (keep the data to one spelling per name).
 * Returns the entry's generated spellings, for the collision checks.
 */
function checkVariants(e: EntrySource, label: string, errors: string[]): string[] {
  const out: string[] = [];
  const fromAlias = new Map<string, number>();
  e.aliases.forEach((a, j) => {
    if (!a.variants) return;
    if (a.variants === 'romanized' && a.case !== 'proper') {
      errors.push(`${label} aliases[${j}].variants: "romanized" is for names, written with case "proper" (got "${a.case}")`);
    } else if (a.variants === 'inflected' && (a.case !== 'any' || !/^\p{L}+ \S/u.test(a.text))) {
      errors.push(`${label} aliases[${j}].variants: "inflected" is for a phrase led by a verb ("pledge allegiance"), case "any"`);
    }
    const made = aliasVariants(a.text, a.variants);
    if (made.length === 0) errors.push(`${label} aliases[${j}].variants: "${a.text}" generates no ${a.variants} variant; drop the flag`);
    out.push(...made);
    for (const v of made) for (const f of spellingForms(v)) if (!fromAlias.has(f)) fromAlias.set(f, j);
  });
  e.aliases.forEach((a, j) => {
    const from = fromAlias.get(foldForCompare(a.text));
    if (from !== undefined && from !== j) {
      errors.push(`${label} aliases[${j}].text: "${a.text}" is generated from aliases[${from}] ("${e.aliases[from]!.text}", variants: ${e.aliases[from]!.variants}); remove it`);
    }
  });
  return out;
}

/** Cross-checks over a shape-valid list of entries; returns every problem found (empty when the list is sound). */
export function crossCheckEntries(entries: readonly EntrySource[]): string[] {
  const errors: string[] = [];
  const firstIndex = new Map<string, number>();
  entries.forEach((e, i) => {
    const first = firstIndex.get(e.id);
    if (first !== undefined) errors.push(`entry "${e.id}" (entries[${i}]): duplicate id (also entries[${first}])`);
    else firstIndex.set(e.id, i);
  });
  for (let i = 1; i < entries.length; i++) {
    const a = entries[i - 1]!;
    const b = entries[i]!;
    if (a.id > b.id) {
      errors.push(`entries are not sorted by id: "${a.id}" (entries[${i - 1}]) comes before "${b.id}" (entries[${i}]); run npm run format:glossary`);
      break;
    }
  }
  const known = new Set(firstIndex.keys());
  /** folded form -> who claims it (first claimant wins the message). */
  const claims = new Map<string, { id: string; text: string }>();
  entries.forEach((e, i) => {
    const label = entryLabel(e, i);
    const own = new Map<string, number>();
    e.aliases.forEach((a, j) => {
      const f = foldForCompare(a.text);
      const dup = own.get(f);
      if (dup !== undefined) errors.push(`${label} aliases[${j}].text: "${a.text}" repeats aliases[${dup}]`);
      else own.set(f, j);
      checkIdList(errors, label, `aliases[${j}].requires`, a.requires, e.id, known, true);
      if (e.anchorOnly && a.requires && a.requires.length > 0) {
        errors.push(`${label} aliases[${j}].requires: an anchorOnly entry is itself context and takes no context rule`);
      }
      if (a.partOf && a.case !== 'proper') errors.push(`${label} aliases[${j}].partOf: is for names, written with case "proper" (got "${a.case}")`);
      if (a.window && a.window !== 'page' && (a.requires ?? e.requires ?? []).length === 0) {
        errors.push(`${label} aliases[${j}].window: "${a.window}" without a requires rule (alias or entry) means nothing`);
      }
      const parties = a.parties ?? e.parties;
      if (parties) {
        if ((a.requires ?? e.requires ?? []).length === 0) {
          errors.push(`${label} aliases[${j}].parties: names no party to look for (add a requires rule to the alias or entry)`);
        }
        if (a.parties) checkIdList(errors, label, `aliases[${j}].parties.against`, a.parties.against, e.id, known);
      }
      if (a.resolve) {
        if (a.resolve.to === e.id) errors.push(`${label} aliases[${j}].resolve.to: resolves to its own entry`);
        else if (!known.has(a.resolve.to)) errors.push(`${label} aliases[${j}].resolve.to: unknown entry "${a.resolve.to}"`);
        checkIdList(errors, label, `aliases[${j}].resolve.when`, a.resolve.when, e.id, known);
        checkIdList(errors, label, `aliases[${j}].resolve.unless`, a.resolve.unless, e.id, known);
      }
      if (a.notOf) checkIdList(errors, label, `aliases[${j}].notOf`, a.notOf, e.id, known);
    });
    if (!own.has(foldForCompare(e.name))) errors.push(`${label} name: "${e.name}" must also be listed in aliases`);
    const generated = checkVariants(e, label, errors);
    // Cross-entry collisions, hyphen variants included ("cease-fire" in one entry and "ceasefire" in another).
    const mine = new Set<string>();
    const spellings = [...e.aliases.map((a) => a.text), ...generated];
    for (const t of spellings) for (const form of spellingForms(t)) mine.add(form);
    for (const text of spellings) {
      for (const form of spellingForms(text)) {
        const other = claims.get(form);
        if (other && other.id !== e.id) {
          errors.push(`${label} aliases: "${text}" is already claimed by entry "${other.id}" ("${other.text}")`);
          break;
        }
      }
    }
    for (const t of spellings) for (const form of spellingForms(t)) if (!claims.has(form)) claims.set(form, { id: e.id, text: t });
    (e.never ?? []).forEach((phrase, j) => {
      const forms = spellingForms(phrase);
      if (forms.some((f) => mine.has(f))) errors.push(`${label} never[${j}]: "${phrase}" is also one of the entry's aliases`);
      else if (!forms.some((f) => [...mine].some((m) => f.includes(m)))) {
        errors.push(`${label} never[${j}]: "${phrase}" contains none of the entry's aliases, so it would block nothing`);
      }
    });
    checkIdList(errors, label, 'requires', e.requires, e.id, known);
    if (e.parties) checkIdList(errors, label, 'parties.against', e.parties.against, e.id, known);
    checkIdList(errors, label, 'related', e.related, e.id, known);
    if (e.anchorOnly && e.requires && e.requires.length > 0) {
      errors.push(`${label} requires: an anchorOnly entry is itself context and takes no context rule`);
    }
    (e.pinnedQuotes ?? []).forEach((q, j) => {
      const first = e.pinnedQuotes!.indexOf(q);
      if (first < j) errors.push(`${label} pinnedQuotes[${j}]: repeats pinnedQuotes[${first}]`);
    });
    if (e.background && e.pinnedQuotes && e.pinnedQuotes.length > 0) {
      errors.push(`${label} pinnedQuotes: a background entry has no quotes from the report`);
    }
  });
  // A never phrase must not be someone else's alias either (it would silently swallow that entry's hits).
  entries.forEach((e, i) => {
    (e.never ?? []).forEach((phrase, j) => {
      for (const form of spellingForms(phrase)) {
        const owner = claims.get(form);
        if (owner && owner.id !== e.id) {
          errors.push(`${entryLabel(e, i)} never[${j}]: "${phrase}" is an alias of entry "${owner.id}"`);
          break;
        }
      }
    });
  });
  return errors;
}
