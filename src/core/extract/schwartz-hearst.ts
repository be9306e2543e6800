/**
 * Schwartz & Hearst (2003), "A simple algorithm for identifying abbreviation definitions in biomedical text"
 * (PSB 2003), as published in their ExtractAbbrev.java: the baseline our acronym finder (acronyms.ts) is measured
 * against. Kept faithful on purpose (including its known slips, e.g. "Pakistan Peoples Party (PPP)" gives
 * "Peoples Party"), so the figures in acronyms.test.ts compare against the published method, not a variant.
 */

export interface AcronymPair {
  short: string;
  long: string;
}

const isAlnum = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const hasLetter = (s: string): boolean => /\p{L}/u.test(s);
const hasCapital = (s: string): boolean => /\p{Lu}/u.test(s);

function isValidShortForm(s: string): boolean {
  return hasLetter(s) && (isAlnum(s[0]) || s[0] === '(');
}

/** The paper's findBestLongForm: match the short form's characters right to left; the first at a word start. */
export function findBestLongForm(shortForm: string, longForm: string): string | null {
  let l = longForm.length - 1;
  for (let s = shortForm.length - 1; s >= 0; s--) {
    const c = shortForm[s]!.toLowerCase();
    if (!isAlnum(c)) continue;
    while ((l >= 0 && longForm[l]!.toLowerCase() !== c) || (s === 0 && l > 0 && isAlnum(longForm[l - 1]))) l--;
    if (l < 0) return null;
    l--;
  }
  l = longForm.lastIndexOf(' ', l) + 1;
  return longForm.slice(l);
}

/** The paper's extractAbbrPair: the best long form, then its length checks. */
export function checkPair(shortForm: string, longForm: string): AcronymPair | null {
  if (shortForm.length <= 1) return null;
  const best = findBestLongForm(shortForm, longForm);
  if (best === null) return null;
  const longSize = best.split(/[ \t\n\r\f-]+/).filter(Boolean).length;
  let shortSize = shortForm.length;
  for (const c of shortForm) if (!isAlnum(c)) shortSize--;
  if (
    best.length < shortForm.length ||
    best.includes(shortForm + ' ') ||
    best.endsWith(shortForm) ||
    longSize > shortSize * 2 ||
    longSize > shortSize + 5 ||
    shortSize > 10
  ) {
    return null;
  }
  return { short: shortForm, long: best };
}

/** Every "long form (SF)" / "SF (long form)" pair in one sentence, as ExtractAbbrev.extractAbbrPairs finds them. */
export function schwartzHearstSentence(sentence: string): AcronymPair[] {
  const out: AcronymPair[] = [];
  let curr = sentence.replace(/\s+/g, ' ');
  let open = curr.indexOf(' (');
  while (open !== -1) {
    open++;
    const close = curr.indexOf(')', open);
    if (close === -1) break;
    let end = Math.max(curr.lastIndexOf('. ', open), curr.lastIndexOf(', ', open));
    if (end === -1) end = -2;
    let longForm = curr.slice(end + 2, open);
    let shortForm = curr.slice(open + 1, close);
    let closeAt = close;
    if (shortForm.length > 1 && longForm.length > 1) {
      // A parenthesis nested in the short form: extend to the next closing one.
      if (shortForm.includes('(')) {
        const next = curr.indexOf(')', close + 1);
        if (next > -1) {
          shortForm = curr.slice(open + 1, next);
          closeAt = next;
        }
      }
      const comma = shortForm.indexOf(', ');
      if (comma > -1) shortForm = shortForm.slice(0, comma);
      const semi = shortForm.indexOf('; ');
      if (semi > -1) shortForm = shortForm.slice(0, semi);
      const words = shortForm.trim().split(/\s+/).filter(Boolean);
      if (words.length > 2 || shortForm.length > longForm.length) {
        // The long form is in the parentheses: the short form is the word before them.
        const before = curr.lastIndexOf(' ', open - 2);
        const word = curr.slice(before + 1, open - 1);
        longForm = shortForm;
        shortForm = hasCapital(word) ? word : '';
      }
      if (isValidShortForm(shortForm)) {
        const pair = checkPair(shortForm.trim(), longForm.trim());
        if (pair) out.push(pair);
      }
    }
    curr = curr.slice(closeAt + 1);
    open = curr.indexOf(' (');
  }
  return out;
}
