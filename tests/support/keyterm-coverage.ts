/**
 * How many of a hand-made glossary's entries a ranked candidate list finds: an entry is found when one of the top
 * `k` candidates has a name or alias equal to one of the entry's (case, possessive "'s" and hyphens folded). Only
 * entries that occur in the text (some alias, with its case rule) are counted.
 */
import { phraseKey } from '../../src/core/extract/group.js';
import type { Candidate } from '../../src/core/extract/candidates.js';

export interface GlossaryEntryLike {
  id: string;
  name: string;
  aliases: { text: string; case: string }[];
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function occursIn(text: string, e: GlossaryEntryLike): boolean {
  return e.aliases.some((a) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(a.text)}(?![\\p{L}\\p{N}])`, a.case === 'any' ? 'iu' : 'u').test(text));
}

export function coverage(text: string, entries: readonly GlossaryEntryLike[], candidates: readonly Candidate[], k: number) {
  const present = entries.filter((e) => occursIn(text, e));
  const top = candidates.slice(0, k);
  const keys = new Set(top.flatMap((c) => [c.name, ...c.aliases.map((a) => a.text)]).map(phraseKey));
  const found = present.filter((e) => [e.name, ...e.aliases.map((a) => a.text)].some((t) => keys.has(phraseKey(t))));
  const missed = present.filter((e) => !found.includes(e)).map((e) => e.id);
  return { present: present.length, found: found.length, share: present.length ? found.length / present.length : 1, missed };
}
