/**
 * A part of a name written inside someone else's name (issue 11, wave 8): "PPP leader Akhundzada Chatta" is not
 * Hibatullah Akhundzada, and the "Islamic Emirate of the Caucasus" is not the Taliban's. For aliases with `partOf`
 * (glossary-types.ts), shared by the page engine and the report compiler through decideLocal:
 * - `person` (a bare given name or surname): the mention is someone else's name when the next word, right after a
 *   space, is capitalized and is no word of the entry's own names, compared by consonant skeleton and as a prefix
 *   ("Hebtullah Akhund", "Noor Wali Meshud" stay), unless the line is a title-case headline;
 * - `name` (the head of a longer name): the mention is another name when "of" and a capitalized word follow (the
 *   entry's own "… of Afghanistan" is a longer alias, matched before this one).
 */

/** Consonant skeleton of a romanized name word: lowercase, no vowels, y, w or h, no doubled letters. */
export function skeleton(word: string): string {
  return word
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/[aeiouyhw]/g, '')
    .replace(/(.)\1+/g, '$1');
}

/** Skeletons of the words of an entry's spellings (what `person` compares the next word with). */
export function nameSkeletons(texts: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const t of texts) for (const w of t.split(/[\s\-‐–’']+/u)) if (skeleton(w)) out.add(skeleton(w));
  return [...out];
}

const NEXT_WORD = /^[ \u00a0]+(\p{Lu}[\p{L}\p{M}]*)/u;
const OF_NAME = /^[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?\p{Lu}/u;

/** A headline in title case: most of its longer words capitalized (or too short a line to tell). */
function titleCase(line: string): boolean {
  const words = line.match(/\p{L}{4,}/gu) ?? [];
  if (words.length < 3) return true;
  return words.filter((w) => /^\p{Lu}/u.test(w)).length >= 0.7 * words.length;
}

export interface PartOf {
  kind: 'person' | 'name';
  /** For `person`: nameSkeletons of the entry's spellings. */
  own?: readonly string[];
}

/** True when the mention ending at `end` is part of another name; `line` is its sentence (for the headline test). */
export function isOtherName(text: string, end: number, part: PartOf, line: string): boolean {
  const rest = text.slice(end, end + 80);
  if (part.kind === 'name') return OF_NAME.test(rest);
  const m = NEXT_WORD.exec(rest);
  if (!m) return false;
  const w = skeleton(m[1]!);
  if (!w) return false;
  const own = part.own ?? [];
  if (own.some((o) => o === w || (Math.min(o.length, w.length) >= 3 && (o.startsWith(w) || w.startsWith(o))))) return false;
  return !titleCase(line);
}
