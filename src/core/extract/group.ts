/**
 * Which candidate phrases name the same thing: acronym and long form, a name with and without its title
 * ("Prime Minister Imran Khan" / "Imran Khan"), a surname alone ("Haqqani"), and spelling variants, found by a
 * consonant skeleton ("Tehreek-e-Taliban" / "Tehrik-i-Taliban", "al-Qaeda" / "al-Qaida"). Union-find over keys.
 */
import { TITLES } from './words';

export class Groups {
  private parent = new Map<string, string>();

  find(k: string): string {
    let p = this.parent.get(k) ?? k;
    if (p !== k) {
      p = this.find(p);
      this.parent.set(k, p);
    }
    return p;
  }

  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

/** Lowercase, possessive dropped, hyphens and spaces folded: the key two spellings of one phrase share. */
export const phraseKey = (s: string): string =>
  s
    .toLowerCase()
    .replace(/['\u2019]s\b/gu, '')
    .replace(/[-\u2010\u2011\s]+/gu, ' ')
    .trim();

/**
 * A spelling-variant key: letters only, vowels (and y, h after a consonant) dropped after the first letter, doubled
 * letters collapsed. "Tehreek-e-Taliban" and "Tehrik-i-Taliban" → "thrktlbn"; "Mehsud"/"Mahsud" → "mhsd".
 */
export function skeleton(s: string): string {
  const words = s.toLowerCase().replace(/['\u2019]s\b/gu, '').split(/[\s]+/).filter(Boolean);
  return words
    .map((w) => {
      const letters = w.normalize('NFD').replace(/[^a-z]/g, '');
      const first = letters.slice(0, 1);
      const rest = letters.slice(1).replace(/[aeiouy]/g, '').replace(/(?<=[^aeiou])h/g, '');
      return (first + rest).replace(/(.)\1+/g, '$1');
    })
    .join(' ');
}

/** The name without leading titles ("Prime Minister Imran Khan" → "Imran Khan"), or null when nothing is left. */
export function stripTitles(name: string): string | null {
  const words = name.split(/\s+/);
  let i = 0;
  while (i < words.length - 1 && TITLES.has(words[i]!.toLowerCase().replace(/\.$/, ''))) i++;
  if (i === 0 || words.length - i < 2) return null;
  return words.slice(i).join(' ');
}
