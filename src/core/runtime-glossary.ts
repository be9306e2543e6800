/**
 * The glossary a page actually uses: the compiled (built-in) glossary merged with the user's own entries and
 * overrides (src/core/user-glossary.ts).
 *
 * - No user data: the precompiled matcher is loaded as is (`Matcher.load`, no recompile) — the common case stays
 *   as fast as it was built.
 * - With user data: built-in entry indices stay the same (own entries are appended after them), the built-in
 *   terms are reused from the compiled matcher (blocker phrases included), overridden entries get their terms
 *   rebuilt from the override, and the matcher is compiled once from the merged term list.
 * Own entries are matched exactly like built-in ones (same TermInput expansion, same case rules and context rules)
 * and carry `own: true`; their quotes become quotes with paragraph/sentence 0 (no report link) and keep their
 * `sourceUrl`.
 * Pure.
 */
import type { AliasSource, CompiledEntry, CompiledGlossary, Quote } from './glossary-types.js';
import { Matcher } from './matcher/index.js';
import type { TermInput } from './matcher/types.js';
import { isUserGlossaryEmpty, type OwnEntry, type UserGlossary } from './user-glossary.js';

/** A quote as the card sees it: report quotes have a paragraph/sentence (>= 1); own quotes have 0 and maybe a link. */
interface RuntimeQuote extends Quote {
  /** http(s) address the user gave for their own quote (validated by the user-glossary schema). */
  sourceUrl?: string;
}

/** A compiled entry plus what only user data carries. Built-in entries without overrides are the compiled objects. */
interface RuntimeEntry extends CompiledEntry {
  quotes: RuntimeQuote[];
  /** The user's notes on an own entry. */
  notes?: string;
  /** Fields of a built-in entry the user changed ("reset to original" in options). */
  overridden?: ('definition' | 'aliases' | 'requires')[];
}

export interface RuntimeGlossary {
  entries: RuntimeEntry[];
  matcher: Matcher;
  indexById: Map<string, number>;
}

/**
 * One entry's spellings as matcher terms: each alias with its own context rule, else the entry's; a context rule
 * naming no known entry drops the spelling (a rule that cannot be satisfied must not turn into "always").
 */
function aliasTerms(
  entryIndex: number,
  aliases: readonly AliasSource[],
  entryRequires: readonly string[] | undefined,
  indexById: ReadonlyMap<string, number>,
): TermInput[] {
  const out: TermInput[] = [];
  for (const a of aliases) {
    const reqIds = a.requires ?? entryRequires;
    const term: TermInput = { entry: entryIndex, text: a.text, caseRule: a.case };
    if (reqIds && reqIds.length > 0) {
      const req = reqIds.map((id) => indexById.get(id)).filter((i): i is number => i !== undefined && i !== entryIndex);
      if (req.length === 0) continue;
      term.requires = req;
    }
    out.push(term);
  }
  return out;
}

const sameList = (a: readonly number[] | undefined, b: readonly number[] | undefined) =>
  (a ?? []).length === (b ?? []).length && (a ?? []).every((x, i) => x === (b ?? [])[i]);

/** The entry-level context rule of a compiled entry, recovered from its terms when they all share one. */
function commonRequires(terms: readonly TermInput[]): readonly number[] | undefined {
  if (terms.length === 0) return undefined;
  const first = terms[0]!.requires;
  return terms.every((t) => sameList(t.requires, first)) ? first : undefined;
}

function ownToEntry(e: OwnEntry): RuntimeEntry {
  const aliases = [e.name, ...e.aliases.map((a) => a.text).filter((t) => t !== e.name)];
  const entry: RuntimeEntry = {
    id: e.id,
    name: e.name,
    category: e.category,
    aliases,
    definition: e.definition,
    related: [],
    background: true,
    anchorOnly: false,
    mentions: 0,
    quotes: e.quotes.map((q) => {
      const quote: RuntimeQuote = { paragraph: 0, sentence: 0, text: q.text, marks: [] };
      if (q.sourceUrl) quote.sourceUrl = q.sourceUrl;
      return quote;
    }),
    own: true,
  };
  if (e.notes) entry.notes = e.notes;
  return entry;
}

export function buildRuntimeGlossary(compiled: CompiledGlossary, user: UserGlossary | null | undefined): RuntimeGlossary {
  if (!user || isUserGlossaryEmpty(user)) {
    const entries = compiled.entries as RuntimeEntry[];
    return { entries, matcher: Matcher.load(compiled.matcher), indexById: new Map(entries.map((e, i) => [e.id, i])) };
  }

  const entries: RuntimeEntry[] = compiled.entries.slice() as RuntimeEntry[];
  const indexById = new Map<string, number>(entries.map((e, i) => [e.id, i]));
  // Own ids start with "own-", built-in ids never do (schema), so they cannot collide; skip any that would anyway.
  const own = user.own.filter((e) => !indexById.has(e.id));
  own.forEach((e, i) => indexById.set(e.id, compiled.entries.length + i));

  // Built-in terms grouped by entry (blockers, entry -1, pass through unchanged).
  const builtInTerms = compiled.matcher.terms;
  const byEntry = new Map<number, TermInput[]>();
  for (const t of builtInTerms) {
    let list = byEntry.get(t.entry);
    if (!list) byEntry.set(t.entry, (list = []));
    list.push(t);
  }

  const replaced = new Map<number, TermInput[]>();
  for (const [id, o] of Object.entries(user.overrides)) {
    const idx = indexById.get(id);
    if (idx === undefined || idx >= compiled.entries.length) continue; // an override of an entry that no longer exists
    const base = entries[idx]!;
    const original = byEntry.get(idx) ?? [];
    const fields: NonNullable<RuntimeEntry['overridden']> = [];
    const next: RuntimeEntry = { ...base };
    if (o.definition !== undefined) {
      next.definition = o.definition;
      fields.push('definition');
    }
    if (o.aliases) {
      const texts = o.aliases.map((a) => a.text);
      next.aliases = texts.includes(base.name) ? [base.name, ...texts.filter((t) => t !== base.name)] : texts;
      fields.push('aliases');
      const fallback = commonRequires(original);
      const terms: TermInput[] = [];
      for (const a of o.aliases) {
        let requires: readonly number[] | undefined;
        if (a.requires) requires = mapIds(a.requires, indexById, idx);
        else if (o.requires) requires = mapIds(o.requires, indexById, idx);
        else requires = original.find((t) => t.text === a.text)?.requires ?? fallback;
        // Named entries that all vanished: drop the spelling rather than mark it everywhere.
        if ((a.requires ?? o.requires)?.length && requires && requires.length === 0) continue;
        const term: TermInput = { entry: idx, text: a.text, caseRule: a.case };
        if (requires && requires.length > 0) term.requires = [...requires];
        terms.push(term);
      }
      replaced.set(idx, terms);
    } else if (o.requires) {
      const req = mapIds(o.requires, indexById, idx);
      if (o.requires.length > 0 && req.length === 0) replaced.set(idx, []);
      else
        replaced.set(
          idx,
          original.map((t) => {
            const { requires: _drop, ...rest } = t;
            void _drop;
            return req.length > 0 ? { ...rest, requires: req } : rest;
          }),
        );
    }
    if (o.requires) fields.push('requires');
    if (fields.length) {
      next.overridden = fields;
      entries[idx] = next;
    }
  }

  const terms: TermInput[] = [];
  for (const t of builtInTerms) {
    if (replaced.has(t.entry)) continue;
    terms.push(t);
  }
  for (const [, list] of replaced) terms.push(...list);
  own.forEach((e, i) => {
    const idx = compiled.entries.length + i;
    entries.push(ownToEntry(e));
    terms.push(...aliasTerms(idx, e.aliases, e.requires, indexById));
  });

  const matcher = Matcher.compile(terms);
  // Mark the entry's own spellings inside its quotes, as report quotes have them.
  own.forEach((_, i) => {
    const idx = compiled.entries.length + i;
    for (const q of entries[idx]!.quotes) {
      q.marks = matcher
        .scan(q.text)
        .filter((h) => h.entry === idx)
        .map((h): [number, number] => [h.start, h.end]);
    }
  });
  return { entries, matcher, indexById };
}

function mapIds(ids: readonly string[], indexById: ReadonlyMap<string, number>, self: number): number[] {
  return ids.map((id) => indexById.get(id)).filter((i): i is number => i !== undefined && i !== self);
}
