/**
 * A candidate's category from its own words and how the text uses it: an acronym takes its long form's category;
 * head words name organizations ("Institute", "government"), events ("takeover", "cease-fire") and people without a
 * name ("spokesman"); two or three capitalized words with no such head are a person's name; a single capitalized
 * word after "in"/"from", or a place's demonym, is a place. Everything else is a concept.
 */
import { DEMONYMS, EVENT_WORDS, ORG_WORDS, PERSON_WORDS, PLACE_PREPOSITIONS } from './words';

export type Category = 'person' | 'organization' | 'place' | 'event' | 'concept';

export interface ClassifyInput {
  /** The candidate's name (the long form for an acronym). */
  name: string;
  /** Every alias as written. */
  aliases: readonly string[];
  /** Was it ever written with a title in front ("Prime Minister ...", "chief ...")? */
  titled: boolean;
  /** Verbatim sentences that mention it. */
  sentences: readonly string[];
  /** Single capitalized words the text uses as places' demonyms' bases ("Pakistan" for "Pakistani"). */
  places: ReadonlySet<string>;
}

const words = (s: string): string[] => s.toLowerCase().replace(/['\u2019]s\b/gu, '').split(/[\s-]+/).filter(Boolean);

export function classify(c: ClassifyInput): Category {
  const ws = words(c.name);
  const all = c.aliases.flatMap(words);
  const head = ws[ws.length - 1] ?? '';
  const capitalized = c.name.split(/\s+/).every((w) => /^\p{Lu}/u.test(w) || /^(?:of|the|and|for|al|el|e|i|ul|ud|de)$/u.test(w) || /^\p{Ll}{1,3}-\p{Lu}/u.test(w));
  if (EVENT_WORDS.has(head) || (ws.includes('of') && EVENT_WORDS.has(ws[0]!))) return 'event';
  if (all.some((w) => ORG_WORDS.has(w))) return 'organization';
  if (PERSON_WORDS.has(head) && !capitalized) return 'person';
  if (capitalized && ws.length >= 2 && ws.length <= 4 && !ws.some((w) => DEMONYMS.has(w) || c.places.has(w)) && !ws.includes('of')) return 'person';
  if (capitalized && c.titled) return 'person';
  if (capitalized && ws.length === 1) {
    if (c.places.has(ws[0]!) || /(?:stan|abad|pur|desh)$/.test(ws[0]!)) return 'place';
    if (c.sentences.slice(0, 5).some((s) => afterPreposition(s, c.name))) return 'place';
  }
  return 'concept';
}

/** Places implied by demonyms in the text: "Pakistani" with "Pakistan", "Afghan" with "Afghanistan". */
export function placesFromDemonyms(names: Iterable<string>): Set<string> {
  const list = [...names].map((n) => n.toLowerCase());
  const set = new Set(list);
  const places = new Set<string>();
  const countries = list.filter((n) => /istan$/.test(n));
  for (const n of list) {
    if (n.includes(' ')) continue;
    for (const base of [n.replace(/i$/, ''), n.replace(/ese$/, 'a'), n.replace(/n$/, '')]) if (base !== n && set.has(base)) places.add(base);
    for (const other of countries) if (other !== n && other.startsWith(n)) places.add(other);
  }
  return places;
}



/** Is `name` written right after "in", "from", "to"… somewhere in `sentence`? (indexOf: no regex per candidate.) */
function afterPreposition(sentence: string, name: string): boolean {
  for (let at = sentence.indexOf(name); at > 0; at = sentence.indexOf(name, at + 1)) {
    const before = /(\p{L}+)\s+$/u.exec(sentence.slice(Math.max(0, at - 16), at));
    if (before && PLACE_PREPOSITIONS.has(before[1]!.toLowerCase())) return true;
  }
  return false;
}
