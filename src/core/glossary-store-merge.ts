/**
 * Several compiled glossaries -> one compiled glossary with one matcher (issue 14, "glossaries side by side"):
 * the background merges the enabled glossaries when they change, so a page loads one precompiled matcher and
 * never compiles per page.
 *
 * - Glossaries come in priority order (the bundled one first, then the stored ones, newest report first). Entry
 *   ids of stored glossaries are prefixed with their glossary id (`gab12cd34ef-ttp`), so two reports' "ttp" never
 *   collide with each other or with the bundled ids.
 * - A term known to several reports is one entry: a later glossary's entry whose name is already a spelling of an
 *   earlier entry (hyphen variants included) lends that entry its quotes and its context links, not a second mark.
 *   Its quotes are grouped by report, newest report first, and every quote of a made glossary names its report
 *   (`from`): the card shows each report's sentences dated and named.
 * - Terms keep their case and context rules; entry indices in `requires` and `resolve` are remapped, and a term
 *   whose spelling an earlier glossary already claims is dropped (one spelling, one entry).
 * Pure.
 */
import { spellingForms } from './glossary-schema.js';
import type { CompiledEntry, CompiledGlossary, CompiledReport, Quote } from './glossary-types.js';
import { Matcher } from './matcher/index.js';
import type { TermInput } from './matcher/types.js';

/** Which report a quote comes from (made glossaries only; the bundled report's quotes omit it). */
interface QuoteSource {
  glossary: string;
  title: string;
  /** ISO date or '' when unknown. */
  date: string;
}

export interface SourcedQuote extends Quote {
  from?: QuoteSource;
}

export interface MergeInput {
  /** `bundled` or a stored glossary's id. */
  id: string;
  title: string;
  date: string;
  compiled: CompiledGlossary;
}

const byDateDesc = (a: { date: string }, b: { date: string }) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0);

/**
 * Merges glossaries in priority order; the first one's report is the merged glossary's `report` (the as-of note of
 * an entry with quotes from several reports uses the newest `from`). Returns null for an empty list.
 */
export function mergeGlossaries(list: readonly MergeInput[]): CompiledGlossary | null {
  const first = list[0];
  if (!first) return null;
  if (list.length === 1 && first.id === 'bundled') return first.compiled;
  const entries: CompiledEntry[] = [];
  /** Per merged entry: its quotes by report, to order newest report first. */
  const quoteGroups: { date: string; quotes: SourcedQuote[] }[][] = [];
  const claims = new Map<string, number>();
  const terms: TermInput[] = [];
  for (const g of list) {
    const prefix = g.id === 'bundled' ? '' : `${g.id}-`;
    const from: QuoteSource | undefined = g.id === 'bundled' ? undefined : { glossary: g.id, title: g.title, date: g.date };
    const date = g.id === 'bundled' ? g.compiled.report.meta.date : g.date;
    const map = g.compiled.entries.map((e): number => {
      const target = spellingForms(e.name).map((f) => claims.get(f)).find((i) => i !== undefined);
      const quotes: SourcedQuote[] = from ? e.quotes.map((q) => ({ ...q, from })) : e.quotes;
      if (target !== undefined) {
        quoteGroups[target]!.push({ date, quotes });
        const t = entries[target]!;
        entries[target] = { ...t, mentions: t.mentions + e.mentions };
        return target;
      }
      const index = entries.length;
      entries.push({ ...e, id: prefix + e.id, related: e.related.map((r) => prefix + r) });
      quoteGroups.push([{ date, quotes }]);
      return index;
    });
    // Claims are made after the whole glossary is mapped: a glossary's own entries never merge into each other.
    const claimedHere: [string, number][] = [];
    for (const t of g.compiled.matcher.terms) {
      if (t.entry < 0) {
        terms.push({ ...t });
        continue;
      }
      const entry = map[t.entry]!;
      const forms = spellingForms(t.text);
      if (forms.some((f) => claims.has(f))) continue;
      for (const f of forms) claimedHere.push([f, entry]);
      const out: TermInput = { ...t, entry };
      if (t.requires) out.requires = [...new Set(t.requires.map((r) => map[r]!))];
      if (t.resolve) out.resolve = { entry: map[t.resolve.entry]!, when: t.resolve.when.map((r) => map[r]!), unless: t.resolve.unless.map((r) => map[r]!) };
      terms.push(out);
    }
    for (const [f, e] of claimedHere) if (!claims.has(f)) claims.set(f, e);
  }
  entries.forEach((e, i) => {
    const groups = quoteGroups[i]!;
    if (groups.length > 1) entries[i] = { ...e, quotes: groups.slice().sort(byDateDesc).flatMap((q) => q.quotes) };
  });
  const report: CompiledReport = first.compiled.report;
  return { version: 1, report, entries, matcher: Matcher.compile(terms).serialize() };
}
