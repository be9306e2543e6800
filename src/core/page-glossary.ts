/**
 * The glossary a page gets (`getGlossary`) is only what marking needs (issue 14: five made glossaries of 200 terms
 * made the merged glossary 730 KB, 546 KB of it quotes and definitions, parsed and kept by every frame that marks):
 * the matcher, and per entry its id, name, short form, category and the flags marking and the page-terms list read.
 * The card text (definition, aliases, quotes, beyond-the-report facts) stays in the background and is asked when a
 * card opens (`getEntryDetails`), then put back into the entry (`withDetails`), so the card shows what it always did.
 * The report travels as its metadata only (the card's source line); its text is the reader page's business.
 * A content frame gets this of only the entries its text may name (page-subset.ts).
 * Pure.
 */
import type { CompiledEntry, CompiledGlossary, FactSource, Quote } from './glossary-types.js';

/** What a card needs of an entry beyond the page glossary: the parts `slimGlossary` leaves out. */
export interface EntryDetails {
  id: string;
  aliases: string[];
  definition: string;
  /** Verbatim, in card order (several reports: newest first, each naming its report: glossary-store-merge.ts). */
  quotes: Quote[];
  beyondReport?: string;
  beyondSources?: FactSource[];
}

/** An entry as the page glossary has it: its details emptied (`hasDetails` false until `withDetails`). */
function slimEntry(e: CompiledEntry): CompiledEntry {
  const { beyondReport: _b, beyondSources: _s, ...rest } = e;
  void _b;
  void _s;
  return { ...rest, aliases: [], definition: '', quotes: [] };
}

/** The page glossary: same shape as the compiled one (the matcher indexes the same entries), card text left out. */
export function slimGlossary(g: CompiledGlossary): CompiledGlossary {
  return {
    version: 1,
    report: { meta: g.report.meta, text: '', paragraphs: [] },
    entries: g.entries.map(slimEntry),
    matcher: g.matcher,
  };
}

/** Entry fields a page glossary's JSON leaves out when they hold their default (the receiver puts them back). */
export const ENTRY_DEFAULTS = { aliases: [], definition: '', related: [], background: false, anchorOnly: false, mentions: 0, quotes: [] } as const;

const isDefault = (v: unknown) => v === '' || v === false || v === 0 || (Array.isArray(v) && v.length === 0);

/**
 * The page glossary as the JSON text getGlossary sends: entries without their default-valued fields (a thousand
 * made terms' empty quotes and definitions were a quarter of it); src/shared/glossary-json.ts reads them back.
 */
export function pageGlossaryJson(g: CompiledGlossary): string {
  const page = slimGlossary(g);
  const entries = page.entries.map((e) => Object.fromEntries(Object.entries(e).filter(([k, v]) => !(k in ENTRY_DEFAULTS && isDefault(v)))));
  return JSON.stringify({ ...page, entries });
}

/** The details of the named entries the glossary has (unknown ids are left out), in the order asked. */
export function entryDetails(entries: readonly CompiledEntry[], indexById: ReadonlyMap<string, number>, ids: readonly string[]): EntryDetails[] {
  const out: EntryDetails[] = [];
  for (const id of new Set(ids)) {
    const i = indexById.get(id);
    const e = i === undefined ? undefined : entries[i];
    if (!e) continue;
    const d: EntryDetails = { id: e.id, aliases: e.aliases, definition: e.definition, quotes: e.quotes };
    if (e.beyondReport !== undefined) d.beyondReport = e.beyondReport;
    if (e.beyondSources !== undefined) d.beyondSources = e.beyondSources;
    out.push(d);
  }
  return out;
}

/** Fields of a built-in entry the user changed (src/core/runtime-glossary.ts): the user's value wins over details. */
interface MaybeOverridden {
  overridden?: readonly string[];
}

/**
 * A page entry with its details put back: what the full glossary's entry was, with the user's overrides (definition,
 * aliases) still applied. An own entry is whole already (it comes from the user's data, not the background).
 */
export function withDetails<E extends CompiledEntry>(entry: E, details: EntryDetails | undefined): E {
  if (!details || entry.own || details.id !== entry.id) return entry;
  const over = (entry as MaybeOverridden).overridden ?? [];
  const out: E = {
    ...entry,
    aliases: over.includes('aliases') ? entry.aliases : details.aliases,
    definition: over.includes('definition') ? entry.definition : details.definition,
    quotes: details.quotes,
  };
  if (details.beyondReport !== undefined) out.beyondReport = details.beyondReport;
  if (details.beyondSources !== undefined) out.beyondSources = details.beyondSources;
  return out;
}
