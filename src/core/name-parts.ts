/**
 * A part of a name written inside someone else's name (issue 11, wave 8): "PPP leader Akhundzada Chatta" is not
 * Hibatullah Akhundzada, and the "Islamic Emirate of the Caucasus" is not the Taliban's. For aliases with `partOf`
 * (glossary-types.ts), shared by the page engine and the report compiler through decideLocal:
 * - `person` (a bare given name or surname, or a full name others share): the mention is someone else's name when the
 *   next word, right after a space, is capitalized and is no word of the entry's own names, compared by consonant
 *   skeleton and as a prefix ("Hebtullah Akhund", "Noor Wali Meshud" stay; "Imran Khan Afridi" is a namesake; a
 *   weekday or month is no name word), unless the line is a title-case headline; or when a police or civil-service
 *   role stands in apposition right before it ("The district police chief, Imran Khan, …");
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
/** Capitalized words that follow a name without being part of it ("Imran Khan Friday said", wire style). */
const NOT_NAME_WORDS = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december'.split(' '),
);
/**
 * A police or civil-service role in apposition right before a `person` name: "The district police chief, Imran
 * Khan, told reporters" is a namesake (eval:news retired v1 drulap-2023-police; the README's "police chief Imran Khan").
 */
const OFFICIAL_BEFORE = /\b(?:police|policeman|constable|inspector|superintendent|SHO|DPO|SSP|deputy\s+commissioner|assistant\s+commissioner|tehsildar)\b[^,.;:()]{0,24},[ \u00a0]*$/iu;
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

/**
 * True when the mention at [start, end) is part of another name or a namesake; `line` is its sentence (for the
 * headline test).
 */
export function isOtherName(text: string, start: number, end: number, part: PartOf, line: string): boolean {
  const rest = text.slice(end, end + 80);
  if (part.kind === 'name') return OF_NAME.test(rest);
  if (OFFICIAL_BEFORE.test(text.slice(Math.max(0, start - 48), start))) return true;
  const m = NEXT_WORD.exec(rest);
  if (!m || NOT_NAME_WORDS.has(m[1]!.toLowerCase())) return false;
  const w = skeleton(m[1]!);
  if (!w) return false;
  const own = part.own ?? [];
  if (own.some((o) => o === w || (Math.min(o.length, w.length) >= 3 && (o.startsWith(w) || w.startsWith(o))))) return false;
  return !titleCase(line);
}
