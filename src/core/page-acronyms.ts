/**
 * Acronyms a page defines (issue 11, deliverable 2): "Tehreek-e-Taliban Pakistan (TTP)", "Islamic Emirate of
 * Afghanistan (IEA)". When a mention of an entry's name or alias is followed by a parenthesized acronym made of its
 * words' initials, the bare acronym marks that entry *on that page (frame)* without further context: the page has
 * said what it means. Used by the page engine (src/page/mark-store.ts), one map per page or frame.
 *
 * Strict on purpose (a wrong card is worse than none): the acronym must be 2-8 capitals/digits, be exactly the
 * initials of the long form's capitalized words (or of all its words), and the long form must be a whole alias hit
 * (not itself an acronym) of a spelling with no context rule (a conditional spelling may not mean the entry here).
 * Pure: no DOM.
 */
import type { TermInput } from './matcher/types.js';

export interface AcronymDefinition {
  acronym: string;
  entry: number;
}

const DEFINITION_TAIL = /^\s?\(([\p{Lu}][\p{Lu}\p{N}]{1,7})\)/u;

/** Initials of a long form: of its capitalized words, and of all its words ("e" of an izafe included). */
function initials(longForm: string): string[] {
  const words = longForm.split(/[\s\-‐‑–—]+/u).filter((w) => /\p{L}/u.test(w));
  const caps = words.filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]!);
  const all = words.map((w) => w[0]!.toUpperCase());
  return [caps.join(''), all.join('')];
}

/**
 * Definitions in one block: `hits` are its hits (offsets into `text`, after the mention-level rules gave each its
 * entry). A hit of a term that is itself an acronym (no lowercase letter) never defines one.
 */
export function findDefinitions(
  terms: readonly TermInput[],
  text: string,
  hits: readonly { entry: number; term: number; start: number; end: number }[],
): AcronymDefinition[] {
  const out: AcronymDefinition[] = [];
  // A definition is a hit followed by "(ACRONYM)": a block without "(" has none (most blocks of a long page; the
  // hits loop and its tests cost ~1.5 ms sampled on the 1 MB wiki×80 bench page, issue 13).
  if (!text.includes('(')) return out;
  for (const h of hits) {
    const term = terms[h.term];
    // Only a spelling that needs no context defines one: "Over-the-Horizon (OTH) radar" must not make OTH the
    // counterterrorism concept (its "over-the-horizon" alias counts only with a counterterrorism context).
    if (!term || h.entry < 0 || !/\p{Ll}/u.test(term.text) || term.requires?.length || term.window) continue;
    const m = DEFINITION_TAIL.exec(text.slice(h.end, h.end + 12));
    if (!m) continue;
    const acronym = m[1]!;
    if (initials(text.slice(h.start, h.end)).includes(acronym) && !out.some((d) => d.acronym === acronym)) out.push({ acronym, entry: h.entry });
  }
  return out;
}

/**
 * The long form a parenthesized acronym at [start, end) of `text` follows, when the initials of the words right
 * before the parenthesis spell it ("International Energy Agency (IEA)"): its span, else null. The page engine uses it
 * the other way round from findDefinitions: a glossary acronym the page spells out as something else is not the
 * glossary's on that page (issue 11: a wrong card is worse than none; "IEA" is the Islamic Emirate on Afghan pages).
 */
export function longFormBefore(text: string, start: number, end: number): { start: number; end: number } | null {
  if (text[start - 1] !== '(' || text[end] !== ')') return null;
  const acronym = text.slice(start, end);
  let stop = start - 1;
  if (stop > 0 && /\s/u.test(text[stop - 1]!)) stop--;
  const from = Math.max(0, stop - 160);
  const before = text.slice(from, stop);
  const words = [...before.matchAll(/[^\s\-‐‑–—]+/gu)].filter((w) => /\p{L}/u.test(w[0]));
  for (let k = 1; k <= Math.min(words.length, acronym.length + 3); k++) {
    const at = words[words.length - k]!.index;
    if (initials(before.slice(at)).includes(acronym)) return { start: from + at, end: stop };
  }
  return null;
}

/**
 * Glossary acronyms (spellings with no lowercase letter) that this block spells out as something other than their
 * hit's entry: in parentheses after a long form that no hit of the same entry covers ("International Energy Agency
 * (IEA)" where "IEA" is the Islamic Emirate). The page engine then never marks them on that page.
 */
export function acronymsSpelledOtherwise(
  terms: readonly TermInput[],
  text: string,
  hits: readonly { entry: number; term: number; start: number; end: number }[],
): string[] {
  const out: string[] = [];
  // Spelled out means "long form (ACRONYM)": a block without "(" spells nothing out (as in findDefinitions).
  if (!text.includes('(')) return out;
  for (const h of hits) {
    const spelling = terms[h.term]?.text;
    if (!spelling || /\p{Ll}/u.test(spelling) || out.includes(spelling)) continue;
    const long = longFormBefore(text, h.start, h.end);
    if (!long || hits.some((g) => g !== h && g.entry === h.entry && g.start < long.end && long.start < g.end)) continue;
    // A spelling of the entry's long form the glossary does not know ("Tahrik-i-Taliban-i-Pakistan (TTP)") is no
    // other meaning: a long form sharing a word with any of the entry's spellings is left alone.
    const words = new Set(terms.filter((t) => t.entry === h.entry).flatMap((t) => wordsOf(t.text)));
    if (!wordsOf(text.slice(long.start, long.end)).some((w) => words.has(w))) out.push(spelling);
  }
  return out;
}

/** Lowercased words of four letters or more (what a long form and a glossary spelling share when they name one thing). */
function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}{4,}/gu) ?? []) as string[];
}

/**
 * Bare mentions of page-defined acronyms that the glossary does not know as terms ("IEA"): exact case, whole word.
 * Returns them in text order; the caller skips any that overlap a glossary hit.
 */
export function findAcronymMentions(text: string, defined: ReadonlyMap<string, number>): { start: number; end: number; entry: number }[] {
  if (defined.size === 0) return [];
  const out: { start: number; end: number; entry: number }[] = [];
  const alternatives = [...defined.keys()].sort((a, b) => b.length - a.length).join('|');
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'gu');
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length, entry: defined.get(m[0])! });
  return out;
}
