/**
 * The page prefilter (issue 13, deliverable 2): one case-insensitive RegExp, run by the content script's bootstrap
 * over the page's raw text, that says "the matcher cannot find anything here" for most pages, so they never load
 * the engine or the glossary. It may say "maybe" wrongly; it must never say "nothing" where the matcher would hit
 * (a skipped page loses its marks). Page-defined acronyms need a glossary hit first, so they change nothing here.
 *
 * Why it is conservative: a hit is raw text folding (src/core/fold.ts) to one of a spelling's patterns, and a
 * pattern holds the folded spelling's maximal ASCII letter/digit runs in order ("tehreek", "e", "taliban") with
 * only non-alphanumeric characters between them (hyphen variants space, keep or close them up: nothing or
 * separators). Raw text folding to a run is the same letters in any case once ignorable characters are dropped
 * and letters with diacritics reduced to their base; the bootstrap does that (`foldForPrefilter` below) when the
 * fast test missed and the page holds any such character. So each spelling becomes `run[^a-z0-9]*run…`, and as
 * the matcher requires a word boundary at both ends of a hit, `\b` where a run starts or ends the spelling (`\b`
 * also counts `_` as a word character, as the matcher does; it only ever accepts more than the matcher).
 *
 * An acronym whose case rule is `exact` and that is only ASCII letters and digits ("TTP", "ISPR") goes into a second,
 * case-sensitive arm after a newline in the source (no pattern holds one): the matcher finds "TTP" only as written,
 * and a case-insensitive "utf" or "pdf" in a page's text would load the engine for nothing (issue 14: five made
 * glossaries bring hundreds of such acronyms). Folding keeps case, so the folded test holds for this arm too.
 *
 * `null` means a spelling has no ASCII run (a script the test cannot read): every page is then a "maybe". Pure.
 */
import { foldString } from './fold.js';

const RUN = /[a-z0-9]+/g;

/** The pattern of one spelling, or null when it has no ASCII letter or digit. */
function patternOf(spelling: string): string | null {
  const folded = foldString(spelling);
  const runs = [...folded.matchAll(RUN)];
  if (runs.length === 0) return null;
  const first = runs[0]!;
  const last = runs[runs.length - 1]!;
  const left = first.index === 0 ? '\\b' : '';
  const right = last.index + last[0].length === folded.length ? '\\b' : '';
  return `${left}${runs.map((m) => m[0]).join('[^a-z0-9]*')}${right}`;
}

type Trie = Map<string, Trie>;
const TOKEN = /\\b|\[\^a-z0-9\]\*|[A-Za-z0-9]/g;

/** The patterns as one alternation factored by common prefixes: V8 compiles and runs a trie of ~300 spellings in
 *  ~2 ms on first use where the flat alternation took ~15 ms (it also runs 5-10x faster). `''` marks an end. */
function factor(patterns: Iterable<string>): string {
  const root: Trie = new Map();
  for (const p of patterns) {
    let n = root;
    for (const t of p.match(TOKEN) ?? []) {
      let c = n.get(t);
      if (!c) n.set(t, (c = new Map()));
      n = c;
    }
    n.set('', new Map());
  }
  const emit = (n: Trie): string => {
    const parts = [...n].map(([k, c]) => (k === '' ? '' : k + emit(c)));
    const rest = parts.filter((x) => x !== '');
    const body = rest.length === 1 ? rest[0]! : `(?:${rest.join('|')})`;
    if (rest.length === parts.length) return body;
    return rest.length === 1 && rest[0]!.length === 1 ? `${body}?` : `(?:${body})?`;
  };
  return emit(root);
}

/** A spelling as the prefilter takes it: text alone (any case), or with whether its case rule is `exact`. */
type Spelling = string | { text: string; exact: boolean };

/**
 * The source for these spellings — the case-insensitive arm (flag `i`), then, when there are exact-case acronyms,
 * a newline and their case-sensitive arm — or null when one of them cannot be prefiltered.
 */
export function prefilterSource(spellings: Iterable<Spelling>): string | null {
  const patterns = new Set<string>();
  const exact = new Set<string>();
  for (const s of spellings) {
    if (typeof s !== 'string' && s.exact && /^[A-Za-z0-9]+$/.test(s.text)) {
      exact.add(`\\b${s.text}\\b`);
      continue;
    }
    const p = patternOf(typeof s === 'string' ? s : s.text);
    if (p === null) return null;
    patterns.add(p);
  }
  const source = patterns.size ? factor(patterns) : '(?!)';
  return exact.size ? `${source}\n${factor(exact)}` : source;
}

/**
 * Characters that fold to an ASCII letter or digit or are ignorable, next to ASCII letters: Latin letters with
 * diacritics (Latin-1, Extended-A/B, Extended Additional), letterlike symbols (Kelvin, Ångström sign), combining
 * marks for Latin (U+0300 block and its supplements), soft hyphen, zero-width and bidi format characters. Marks of
 * other scripts sit on their own letters, never inside an ASCII run.
 */
export const PREFILTER_SPECIAL =
  /[\u00AD\u00C0-\u024F\u0300-\u036F\u1AB0-\u1AFF\u1DC0-\u1EFF\u200B-\u200F\u202A-\u202E\u2060-\u206F\u20D0-\u20FF\u2100-\u214F\uFE20-\uFE2F\uFEFF]/g;

const IGNORABLE = /[\u0300-\u036F\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F]/g;

/** `text` with each special character replaced by what it folds to as far as the prefilter cares (its NFD base
 *  letter, or nothing). Run only when the fast test missed and the text holds one. */
function foldForPrefilter(text: string): string {
  return text.replace(PREFILTER_SPECIAL, (c) => {
    const code = c.charCodeAt(0);
    if (code === 0xad || (code >= 0x200b && code <= 0x200f) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2060 && code <= 0x206f) || code === 0xfeff) return '';
    return c.normalize('NFD').replace(IGNORABLE, '');
  });
}

/**
 * Characters each side of a special character that its folded test covers. A hit the raw test missed has a
 * special character inside it or next to it (folding changes nothing else), and a hit is one spelling — at most
 * 120 characters for an own alias (USER_LIMITS.alias), far less in the report — with the separators and ignorable
 * characters the matcher allows between its words: 512 holds any of them.
 */
const FOLD_WINDOW = 512;

/**
 * The text around each special character (merged where windows meet), joined by newlines: what the folded test
 * reads. Folding all of a 1.5 MB page (Wired: a few zero-width spaces and accented names) took 11-13 ms, most of
 * the bootstrap's cost on a page with nothing to mark: src/content/page-prefilter.ts (issue 13: ≤ 5 ms added there).
 */
function foldWindows(text: string): string {
  let out = '';
  let start = -1;
  let end = -1;
  PREFILTER_SPECIAL.lastIndex = 0;
  for (let m = PREFILTER_SPECIAL.exec(text); m; m = PREFILTER_SPECIAL.exec(text)) {
    const a = Math.max(0, m.index - FOLD_WINDOW);
    const b = Math.min(text.length, m.index + 1 + FOLD_WINDOW);
    if (a <= end) end = b;
    else {
      if (end >= 0) out += `\n${text.slice(start, end)}`;
      start = a;
      end = b;
    }
  }
  return end >= 0 ? `${out}\n${text.slice(start, end)}` : '';
}

/** A compiled prefilter: true when `text` may hold a term (the raw text, then the folded text around each
 *  character the fold reduces or drops, when the raw test missed). */
export function compilePrefilter(source: string): (text: string) => boolean {
  const cut = source.indexOf('\n');
  const re = new RegExp(cut < 0 ? source : source.slice(0, cut), 'i');
  const exact = cut < 0 ? null : new RegExp(source.slice(cut + 1));
  const test = (t: string) => re.test(t) || (exact !== null && exact.test(t));
  return (text) => {
    if (test(text)) return true;
    const around = foldWindows(text);
    return around !== '' && test(foldForPrefilter(around));
  };
}
