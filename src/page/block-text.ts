/**
 * Small reads of a block's text for the mark store (split from mark-store.ts): whether it names a page-defined
 * acronym at all, and where a position of the joined text lies in its chunks (its text nodes).
 */

/** Whether a block's text contains a page-defined acronym at all (a cheap pre-test; findAcronymMentions decides,
 *  with a RegExp it builds per call). */
export function mentionsAcronym(text: string, acronyms: ReadonlyMap<string, number>): boolean {
  for (const a of acronyms.keys()) if (text.includes(a)) return true;
  return false;
}

/** Chunk and offset of a position in the joined text; `end` keeps a position at a chunk's end in that chunk. */
export function locate(base: readonly number[], chunks: readonly string[], pos: number, end = false): [number, number] {
  let i = base.length - 1;
  while (i > 0 && (end ? base[i]! >= pos : base[i]! > pos)) i--;
  return [i, Math.min(pos - base[i]!, chunks[i]!.length)];
}
