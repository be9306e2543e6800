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

/** A code word: letters and digits together ("qz8501", "a320"), the one word that names a flight or a model. */
const CODE = /^(?=.*\p{L})(?=.*\d)[\p{L}\d]{3,}$/u;

/**
 * Keys that name the same thing as a code they end with: "flight qz8501", "airasia qz8501", "airasia flight qz8501"
 * go with "qz8501", and so does "airasia flight" when "airasia flight qz8501" is a key too. Five such candidates
 * stood apart in one corpus page's top 20 (wave 12). A single word before the code is no such name ("AirAsia" the
 * airline is not its flight "AirAsia QZ8501"). Pairs to union, code first.
 */
export function codePairs(keys: ReadonlySet<string>): [string, string][] {
  const out: [string, string][] = [];
  for (const key of keys) {
    const ws = key.split(' ');
    const code = ws[ws.length - 1]!;
    if (ws.length < 2 || !CODE.test(code) || !keys.has(code)) continue;
    out.push([code, key]);
    const before = ws.slice(0, -1).join(' ');
    if (ws.length >= 3 && keys.has(before)) out.push([code, before]);
  }
  return out;
}
