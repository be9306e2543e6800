/**
 * Acronyms a page defines (issue 11, deliverable 2): "Tehreek-e-Taliban Pakistan (TTP)", "Islamic Emirate of
 * Afghanistan (IEA)". When a mention of an entry's name or alias is followed by a parenthesized acronym made of its
 * words' initials, the bare acronym marks that entry *on that page (frame)* without further context: the page has
 * said what it means. Used by the page engine (src/page/mark-store.ts), one map per page or frame.
 *
 * Strict on purpose (a wrong card is worse than none): the acronym must be 2-8 capitals/digits, be exactly the
 * initials of the long form's capitalized words (or of all its words), and the long form must be a whole alias hit
 * (not itself an acronym). Pure: no DOM.
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
  for (const h of hits) {
    const term = terms[h.term];
    if (!term || h.entry < 0 || !/\p{Ll}/u.test(term.text)) continue;
    const m = DEFINITION_TAIL.exec(text.slice(h.end, h.end + 12));
    if (!m) continue;
    const acronym = m[1]!;
    if (initials(text.slice(h.start, h.end)).includes(acronym) && !out.some((d) => d.acronym === acronym)) out.push({ acronym, entry: h.entry });
  }
  return out;
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
