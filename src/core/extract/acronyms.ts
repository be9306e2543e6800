/**
 * Acronym–definition pairs in both orders, "Long Form (LF)" and "LF (Long Form)": Schwartz & Hearst (2003)
 * (schwartz-hearst.ts), improved in three measured ways (figures in acronyms.test.ts):
 *
 * 1. Initials first. S-H matches the short form's letters right to left anywhere inside words, so when an inner
 *    letter fits it stops early: "Pakistan Peoples Party (PPP)" → "Peoples Party", "Integrated Regional Information
 *    Networks (IRIN)" → "Information Networks". We first look for the shortest long form whose word (and
 *    hyphen/slash part) initials spell the short form, each part giving one or more leading letters and minor words
 *    ("of", "and", the "e" of "Tehreek-e-Taliban") free to give none; S-H's match is the fallback.
 * 2. Stricter short forms. A short form must hold a capital letter and must not be a citation ("Smith et al.,
 *    1995"), a year, a roman numeral or a plain capitalized word ("(Reuters)") unless its initials match exactly;
 *    these are the false pairs of scispacy issues #158 and #161.
 * 3. Both orders for two-word parentheses. S-H only reads "SF (long form)" when the parentheses hold more than two
 *    words, so "IS (Islamic State)" was lost.
 */
import { checkPair, findBestLongForm, type AcronymPair } from './schwartz-hearst';

export type { AcronymPair } from './schwartz-hearst';

const MINOR = new Set(['of', 'and', 'for', 'the', 'in', 'on', 'to', 'at', 'by', 'with', 'a', 'an', 'de', 'la', 'du', 'e', 'i', 'ul', 'ud', 'al', 'el', '&']);
/** Where a clause ends before a parenthesis (S-H cut at ". " and ", "); not the dots of initials ("U.S. Agency"). */
const CLAUSE_END = /(?:(?<!(?:^|[\s.])\p{Lu})\.|[,;:!?]|\s--?|\u2013|\u2014)\s/gu;

const alnum = (s: string): string => s.replace(/[^\p{L}\p{N}]/gu, '');
const upperCount = (s: string): number => (s.match(/\p{Lu}/gu) ?? []).length;

/** A short form worth reading at all (both orders). */
export function plausibleShortForm(sf: string): boolean {
  const letters = alnum(sf);
  if (letters.length < 2 || letters.length > 10) return false;
  if (!/^[\p{L}\p{N}]/u.test(sf) || !/\p{L}/u.test(sf) || upperCount(sf) === 0) return false;
  if (sf.trim().split(/\s+/).length > 2) return false;
  if (/\bet al\b|\b(?:1[89]|20)\d\d\b/.test(sf)) return false;
  if (/^(?:i{1,3}|iv|vi{0,3}|ix|x{1,3})$/i.test(sf)) return false;
  return true;
}

/** "Reuters", "Smith": one capital then lowercase — a name, not an acronym, unless its initials spell it. */
const isPlainWord = (sf: string): boolean => /^\p{Lu}\p{Ll}{3,}$/u.test(sf);

interface Part {
  word: number;
  text: string;
}

function partsOf(words: string[]): Part[] {
  const parts: Part[] = [];
  words.forEach((w, i) => {
    for (const p of w.split(/[-/\u2010\u2011]/)) {
      const t = alnum(p).toLowerCase();
      if (t) parts.push({ word: i, text: t });
    }
  });
  return parts;
}

/** Can `parts[pi..]` spell `sf[si..]`, each part giving a non-empty prefix, minor parts possibly nothing? */
function spells(parts: Part[], pi: number, sf: string, si: number): boolean {
  if (pi === parts.length) return si === sf.length;
  const p = parts[pi]!.text;
  if (MINOR.has(p) && spells(parts, pi + 1, sf, si)) return true;
  let n = 0;
  while (n < p.length && si + n < sf.length && p[n] === sf[si + n]) {
    n++;
    if (spells(parts, pi + 1, sf, si + n)) return true;
  }
  return false;
}

/** The shortest tail of `words` whose initials spell `sf`, as a word index, or -1. */
export function initialsStart(sf: string, words: string[], maxWords: number): number {
  const letters = alnum(sf).toLowerCase();
  for (let k = words.length - 1; k >= Math.max(0, words.length - maxWords); k--) {
    const first = alnum(words[k]!).toLowerCase();
    // A definition does not open with a minor word: "(OIC)" is not "of Islamic Cooperation".
    if (!first.startsWith(letters[0]!) || MINOR.has(first)) continue;
    if (spells(partsOf(words.slice(k)), 0, letters, 0)) return k;
  }
  return -1;
}

/** Long form for `sf` at the end of `window` (the words before the parenthesis), or null. */
function longFormBefore(sf: string, window: string): string | null {
  const words = window.trim().split(/\s+/).filter(Boolean);
  const n = alnum(sf).length;
  const k = initialsStart(sf, words, Math.min(n + 5, n * 2));
  if (k >= 0) return trimLong(words.slice(k).join(' '));
  if (isPlainWord(sf)) return null;
  const pair = checkPair(sf, window.trim());
  return pair ? trimLong(pair.long) : null;
}

/** Whole `content` as the long form of `sf` ("SF (long form)"), or null. */
function longFormInside(sf: string, content: string): string | null {
  const words = content.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2 && !/[-/]/.test(content)) return null;
  if (initialsStart(sf, words, words.length) === 0) return trimLong(content.trim());
  const best = findBestLongForm(sf, content.trim());
  if (best === null || best !== content.trim()) return null;
  return checkPair(sf, best) ? trimLong(best) : null;
}

const trimLong = (s: string): string =>
  s.replace(/^[\s"'\u201c\u2018[(]+|[\s"'\u201d\u2019\]),]+$/gu, '').replace(/['\u2019]s$/u, '');

function windowBefore(text: string, open: number): string {
  let start = 0;
  CLAUSE_END.lastIndex = 0;
  for (let m = CLAUSE_END.exec(text); m && m.index < open; m = CLAUSE_END.exec(text)) start = m.index + m[0].length;
  return text.slice(start, open);
}

/** Every pair defined in one sentence, in order of appearance. */
export function acronymPairsInSentence(sentence: string): AcronymPair[] {
  const text = sentence.replace(/\s+/g, ' ');
  const out: AcronymPair[] = [];
  for (let open = text.indexOf(' ('); open !== -1; open = text.indexOf(' (', open + 1)) {
    const at = open + 1;
    let depth = 0;
    let close = -1;
    for (let i = at; i < text.length; i++) {
      if (text[i] === '(') depth++;
      else if (text[i] === ')' && --depth === 0) {
        close = i;
        break;
      }
    }
    if (close === -1) break;
    const content = text.slice(at + 1, close);
    const sf = content.split(/[,;] /)[0]!.trim();
    let pair: AcronymPair | null = null;
    if (plausibleShortForm(sf)) {
      const long = longFormBefore(sf, windowBefore(text, at));
      if (long && long.length > sf.length && !new RegExp(`(^|\\s)${escape(sf)}(\\s|$)`).test(long)) pair = { short: sf, long };
    }
    if (!pair) {
      const word = /(\S+)\s$/.exec(text.slice(0, at))?.[1]?.replace(/^[\s"'\u201c\u2018[(]+|[\s"'\u201d\u2019\],.;:]+$/gu, '') ?? '';
      if (word && plausibleShortForm(word) && upperCount(word) >= 2 && !isPlainWord(word)) {
        const long = longFormInside(word, content.split(/; /)[0]!);
        if (long) pair = { short: word, long };
      }
    }
    if (pair) out.push(pair);
  }
  return out;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Pairs over many sentences, one per short form (its first definition), in order of first appearance. */
export function collectAcronyms(sentences: Iterable<string>, find = acronymPairsInSentence): AcronymPair[] {
  const seen = new Map<string, AcronymPair>();
  for (const s of sentences) for (const p of find(s)) if (!seen.has(p.short)) seen.set(p.short, p);
  return [...seen.values()];
}
