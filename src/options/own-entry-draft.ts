/**
 * The editable form of an own entry or a built-in override ("draft": every field a string, as the inputs hold
 * them) and its conversion back, with errors per field. Pure (tested in node).
 */
import type { CaseRule, Category } from '../core/glossary-types.js';
import { zodIssuesToErrors } from '../core/settings/issues.js';
import { findMarkup, guessCaseRule, ownIdFor, type EntryOverride, type OwnEntry } from '../core/user-glossary.js';
import { entryOverrideSchema, ownEntrySchema } from '../core/user-glossary-schema.js';

export interface AliasDraft {
  text: string;
  case: CaseRule;
}
interface QuoteDraft {
  text: string;
  sourceUrl: string;
}

export interface EntryDraft {
  /** null for a new own entry. */
  id: string | null;
  name: string;
  category: Category;
  /** The name's own case rule is aliases[0] when it spells the name. */
  aliases: AliasDraft[];
  definition: string;
  notes: string;
  quotes: QuoteDraft[];
  /** Entry ids, comma separated: at least one must be on the page. */
  requires: string;
}

/** Field -> message ("name", "aliases[1].text", "quotes[0].sourceUrl", "requires"). */
export type DraftErrors = Record<string, string>;

export function emptyDraft(prefill = ''): EntryDraft {
  const name = prefill.trim().slice(0, 120);
  return {
    id: null,
    name,
    category: 'concept',
    aliases: [{ text: name, case: guessCaseRule(name) }],
    definition: '',
    notes: '',
    quotes: [],
    requires: '',
  };
}

export function draftFromOwn(e: OwnEntry): EntryDraft {
  return {
    id: e.id,
    name: e.name,
    category: e.category,
    aliases: e.aliases.map((a) => ({ text: a.text, case: a.case })),
    definition: e.definition,
    notes: e.notes ?? '',
    quotes: e.quotes.map((q) => ({ text: q.text, sourceUrl: q.sourceUrl ?? '' })),
    requires: (e.requires ?? []).join(', '),
  };
}

const splitIds = (s: string) =>
  s
    .split(/[\s,]+/)
    .map((x) => x.trim())
    .filter(Boolean);

function checkRequires(text: string, known: ReadonlySet<string>, errors: DraftErrors): string[] {
  const ids = splitIds(text);
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length) errors.requires = `unknown: ${unknown.join(', ')}`;
  return ids;
}

function collect(issues: Parameters<typeof zodIssuesToErrors>[0], errors: DraftErrors) {
  for (const e of zodIssuesToErrors(issues)) if (!(e.path in errors)) errors[e.path || 'name'] = e.message;
}

/** Text that looks like markup is allowed (it shows as plain text), but flagged: an import would refuse it. */
export function draftWarnings(d: EntryDraft): DraftErrors {
  const w: DraftErrors = {};
  const check = (field: string, v: string) => {
    const m = findMarkup(v);
    if (m) w[field] = m;
  };
  check('name', d.name);
  check('definition', d.definition);
  check('notes', d.notes);
  d.aliases.forEach((a, i) => check(`aliases[${i}].text`, a.text));
  d.quotes.forEach((q, i) => check(`quotes[${i}].text`, q.text));
  return w;
}

export function draftToOwn(
  d: EntryDraft,
  ctx: { takenIds: ReadonlySet<string>; knownIds: ReadonlySet<string> },
): { ok: true; entry: OwnEntry } | { ok: false; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const id = d.id ?? ownIdFor(d.name, ctx.takenIds);
  const requires = checkRequires(d.requires, ctx.knownIds, errors);
  const aliases = d.aliases.filter((a) => a.text.trim() !== '').map((a) => ({ text: a.text.trim(), case: a.case }));
  const seen = new Set<string>();
  aliases.forEach((a, i) => {
    const k = a.text.toLowerCase();
    if (seen.has(k)) errors[`aliases[${i}].text`] = 'duplicate spelling';
    seen.add(k);
  });
  const candidate: OwnEntry = {
    id,
    name: d.name.trim(),
    category: d.category,
    aliases,
    definition: d.definition.trim(),
    quotes: d.quotes
      .filter((q) => q.text.trim() || q.sourceUrl.trim())
      .map((q) => (q.sourceUrl.trim() ? { text: q.text.trim(), sourceUrl: q.sourceUrl.trim() } : { text: q.text.trim() })),
  };
  if (d.notes.trim()) candidate.notes = d.notes.trim();
  if (requires.length) candidate.requires = requires;
  const parsed = ownEntrySchema.safeParse(candidate);
  if (!parsed.success) collect(parsed.error.issues, errors);
  if (Object.keys(errors).length || !parsed.success) return { ok: false, errors };
  return { ok: true, entry: parsed.data };
}

/** The override a draft of a built-in entry amounts to: only the fields that differ from the original. */
export function draftToOverride(
  d: EntryDraft,
  original: { definition: string; aliases: AliasDraft[]; requires: string[] },
  knownIds: ReadonlySet<string>,
): { ok: true; override: EntryOverride | null } | { ok: false; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const requires = checkRequires(d.requires, knownIds, errors);
  const o: EntryOverride = {};
  const definition = d.definition.trim();
  if (definition !== original.definition) o.definition = definition;
  const aliases = d.aliases.filter((a) => a.text.trim() !== '').map((a) => ({ text: a.text.trim(), case: a.case }));
  if (JSON.stringify(aliases) !== JSON.stringify(original.aliases)) o.aliases = aliases;
  if (JSON.stringify(requires) !== JSON.stringify(original.requires)) o.requires = requires;
  const parsed = entryOverrideSchema.safeParse(o);
  if (!parsed.success) collect(parsed.error.issues, errors);
  if (Object.keys(errors).length || !parsed.success) return { ok: false, errors };
  return { ok: true, override: Object.keys(parsed.data).length ? parsed.data : null };
}
