/**
 * Context rules: an ambiguous term counts only where one of the entries it `requires` is present on the same page
 * ("ceasefire" needs TTP; the bare acronym needs Taliban or Pakistan). Presence is a fixpoint so chains work: an
 * entry present only through a conditional hit can in turn anchor other conditional hits, but nothing anchors itself
 * out of nothing.
 */
import type { TermInput } from './matcher/types.js';

function requiresOf(terms: readonly TermInput[], term: number): readonly number[] | undefined {
  const req = terms[term]?.requires;
  return req && req.length > 0 ? req : undefined;
}

/** Entries present on a page given all its hits (fixpoint: conditional hits count once an anchor is present). */
export function presentEntries(
  terms: readonly TermInput[],
  hits: Iterable<{ entry: number; term: number }>,
): Set<number> {
  const present = new Set<number>();
  // Conditional entries still waiting for an anchor: entry -> union of what its hits require.
  const waiting = new Map<number, Set<number>>();
  for (const h of hits) {
    if (h.entry < 0) continue;
    const req = requiresOf(terms, h.term);
    if (!req) {
      present.add(h.entry);
      continue;
    }
    let set = waiting.get(h.entry);
    if (!set) waiting.set(h.entry, (set = new Set()));
    for (const r of req) set.add(r);
  }
  let changed = true;
  while (changed) {
    changed = false;
    for (const [entry, req] of waiting) {
      if (present.has(entry)) {
        waiting.delete(entry);
        continue;
      }
      for (const r of req) {
        if (present.has(r)) {
          present.add(entry);
          waiting.delete(entry);
          changed = true;
          break;
        }
      }
    }
  }
  return present;
}

/** True when the hit's term has no context rule or one of its required entries is present. */
export function hitAllowed(
  terms: readonly TermInput[],
  hit: { term: number },
  present: ReadonlySet<number>,
): boolean {
  const req = requiresOf(terms, hit.term);
  if (!req) return true;
  for (const r of req) if (present.has(r)) return true;
  return false;
}

/** Convenience: keeps the hits that pass the context rules, with presence computed from these hits alone. */
export function filterByContext<H extends { entry: number; term: number }>(terms: readonly TermInput[], hits: H[]): H[] {
  const present = presentEntries(terms, hits);
  return hits.filter((h) => hitAllowed(terms, h, present));
}
