// The base every glossary fuzz case is cut from (src/core/glossary-schema.fuzz*.test.ts): small valid glossaries made
// of 1-3 real entries of `glossary/entries.json`, references to dropped entries removed.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { EntrySource } from '../../src/core/glossary-types.js';
import { clone } from './malformed.js';

export interface Doc {
  version: number;
  entries: EntrySource[];
}
export const REAL = JSON.parse(readFileSync('glossary/entries.json', 'utf8')) as Doc;
const N = REAL.entries.length;

/** A parties rule with no requires left is refused (no party to look for): drop it with the requires. */
export function dropPartiesWithoutRequires(e: EntrySource): void {
  const uses = e.aliases.filter((a) => a.parties ?? e.parties);
  if (uses.some((a) => (a.requires ?? e.requires ?? []).length === 0)) {
    delete e.parties;
    for (const a of e.aliases) delete a.parties;
  }
}

/** A valid glossary made of some real entries (sorted, references to dropped entries removed). */
export function subset(indices: readonly number[]): Doc {
  const entries = [...indices].sort((a, b) => a - b).map((i) => clone(REAL.entries[i]!));
  const ids = new Set(entries.map((e) => e.id));
  const keep = (list: string[]) => list.filter((id) => ids.has(id));
  for (const e of entries) {
    e.related = keep(e.related);
    if (e.requires) e.requires = keep(e.requires);
    if (e.parties) e.parties = { against: keep(e.parties.against) };
    for (const a of e.aliases) {
      if (a.requires) a.requires = keep(a.requires);
      if (a.resolve) {
        a.resolve = { ...a.resolve, when: keep(a.resolve.when), unless: keep(a.resolve.unless) };
        if (!ids.has(a.resolve.to) || a.resolve.when.length === 0) delete a.resolve;
      }
      // A window without any requires left is refused (it would mean nothing).
      if (a.window && a.window !== 'page' && (a.requires ?? e.requires ?? []).length === 0) delete a.window;
      if (a.parties) a.parties = { against: keep(a.parties.against) };
      // A notOf rule needs at least one known entry.
      if (a.notOf) {
        a.notOf = keep(a.notOf);
        if (a.notOf.length === 0) delete a.notOf;
      }
    }
    dropPartiesWithoutRequires(e);
  }
  return { version: 1, entries };
}
export const baseArb = (minLength: number) => fc.uniqueArray(fc.nat({ max: N - 1 }), { minLength, maxLength: 3 }).map(subset);

export const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;
