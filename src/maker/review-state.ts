/**
 * The review list's state (issue 14 deliverable 3): candidates with the reviewer's decisions, and what saving makes
 * of them. A merged candidate lends its spellings and sentences to the accepted term above it.
 */
import type { Extraction } from '../core/extract/index.js';
import type { Category } from '../core/glossary-types.js';
import { draftDefinition, type ReviewedTerm } from '../core/glossary-store-draft.js';

type Decision = 'open' | 'accepted' | 'rejected' | 'merged';

export interface Row {
  term: ReviewedTerm;
  count: number;
  decision: Decision;
  /** For a merged row: the index of the row it went into. */
  into?: number;
}

const CATEGORIES: Category[] = ['person', 'organization', 'place', 'event', 'concept'];

export function rowsOf(x: Extraction, max = 40): Row[] {
  return x.candidates.slice(0, max).map((c) => ({
    term: { name: c.name, aliases: c.aliases, category: c.category, requires: c.requires, sentences: c.sentences, definition: draftDefinition(c.name, c.sentences) },
    count: c.count,
    decision: 'open',
  }));
}

export const nextCategory = (c: Category): Category => CATEGORIES[(CATEGORIES.indexOf(c) + 1) % CATEGORIES.length]!;

/** Merges row `i` into the nearest accepted row above it; unchanged when there is none. */
export function mergeUp(rows: readonly Row[], i: number): Row[] {
  let target = i - 1;
  while (target >= 0 && rows[target]!.decision !== 'accepted') target--;
  if (target < 0) return rows.slice();
  return rows.map((r, k) => (k === i ? { ...r, decision: 'merged', into: target } : r));
}

/** The accepted terms, each with the spellings and sentences of the rows merged into it. */
export function acceptedTerms(rows: readonly Row[]): ReviewedTerm[] {
  return rows.flatMap((r, i) => {
    if (r.decision !== 'accepted') return [];
    const merged = rows.filter((m) => m.decision === 'merged' && m.into === i);
    if (!merged.length) return [r.term];
    const aliases = [...r.term.aliases];
    for (const m of merged) for (const a of [{ text: m.term.name, case: m.term.aliases[0]?.case ?? 'proper' }, ...m.term.aliases]) if (!aliases.some((x) => x.text === a.text)) aliases.push(a);
    return [{ ...r.term, aliases, sentences: [...r.term.sentences, ...merged.flatMap((m) => m.term.sentences)] }];
  });
}
