/**
 * Glossary entries -> matcher terms. Entry indices follow the sorted entry list (the compiled glossary's order).
 *
 * - every alias is one term, plus one per generated spelling (`variants`, see variants.ts); its context rule is its own `requires` when present (even empty: "no context"),
 *   otherwise the entry's `requires`;
 * - `never` phrases become blocker terms (entry -1): taken by leftmost-longest selection, never reported, so
 *   "Amnesty International" hides the "amnesty" inside it;
 * - anchorOnly entries still produce terms: they are the context other terms require (the page engine does not
 *   paint them).
 */
import { foldForCompare } from '../glossary-schema.js';
import type { EntrySource } from '../glossary-types.js';
import type { TermInput } from '../matcher/types.js';
import { nameSkeletons } from '../name-parts.js';
import { aliasVariants } from './variants.js';

export function expandTerms(entries: readonly EntrySource[]): TermInput[] {
  const indexOf = new Map(entries.map((e, i) => [e.id, i] as const));
  const toIndices = (ids: readonly string[]): number[] => {
    const out: number[] = [];
    for (const id of ids) {
      const i = indexOf.get(id);
      if (i !== undefined && !out.includes(i)) out.push(i);
    }
    return out;
  };
  const terms: TermInput[] = [];
  const blockers = new Set<string>();
  entries.forEach((e, i) => {
    let own: string[] | undefined;
    for (const a of e.aliases) {
      const requires = toIndices(a.requires ?? e.requires ?? []);
      const term: TermInput = { entry: i, text: a.text, caseRule: a.case };
      if (requires.length > 0) term.requires = requires;
      const window = a.window ?? e.window;
      if (requires.length > 0 && window && window !== 'page') term.window = window;
      const parties = a.parties ?? e.parties;
      if (requires.length > 0 && parties) term.parties = { against: toIndices(parties.against) };
      if (a.resolve && indexOf.has(a.resolve.to))
        term.resolve = { entry: indexOf.get(a.resolve.to)!, when: toIndices(a.resolve.when), unless: toIndices(a.resolve.unless) };
      if (a.notOf) term.notOf = toIndices(a.notOf);
      if (a.partOf === 'name') term.partOf = { kind: 'name' };
      else if (a.partOf === 'person') {
        own ??= nameSkeletons(e.aliases.flatMap((x) => [x.text, ...(x.variants ? aliasVariants(x.text, x.variants) : [])]));
        term.partOf = { kind: 'person', own };
      }
      terms.push(term);
      // Generated spellings (issue 11): same entry, same rules, one term each.
      if (a.variants) for (const text of aliasVariants(a.text, a.variants)) terms.push({ ...term, text });
    }
  });
  for (const e of entries) {
    for (const phrase of e.never ?? []) {
      const key = foldForCompare(phrase);
      if (blockers.has(key)) continue;
      blockers.add(key);
      // 'any': a blocker errs on the side of blocking (a false mark is worse than a missed one).
      terms.push({ entry: -1, text: phrase, caseRule: 'any' });
    }
  }
  return terms;
}

/** Display spellings of an entry: the canonical name first, then the other aliases as written. */
export function displayAliases(e: EntrySource): string[] {
  const name = foldForCompare(e.name);
  return [e.name, ...e.aliases.filter((a) => foldForCompare(a.text) !== name).map((a) => a.text)];
}
