/**
 * Character folding shared by the matcher, its reference implementation and search.
 *
 * One UTF-16 code unit folds to one code unit (or -1 = ignorable), so offsets map back to the original text
 * without a side table. Rules (spec: matcher issue):
 * - ignorable (-1): nonspacing/enclosing combining marks (\p{Mn}, \p{Me}: U+0300–036F and the like), soft hyphen
 *   U+00AD, zero-width and invisible format chars (U+200B–200F, U+202A–202E, U+2060–2064, U+2066–206F, U+FEFF);
 * - whitespace (JS \s, NBSP, thin/em spaces, tabs, newlines, U+0085) -> U+0020 (runs are collapsed by the stream
 *   readers, not here);
 * - apostrophes and primes (’ ‘ ʼ ` ´ ′ …) -> '  and every dash/hyphen variant (‐ ‑ ‒ – — ― − ﹣ －) -> -;
 * - otherwise the NFD base letter (only when the rest of the decomposition is combining marks, so Hangul syllables
 *   stay whole), lowercased when that stays one code unit.
 *
 * Tables are paged and filled lazily: a content script pays only for the characters a page contains.
 * Surrogate code units fold to themselves (astral letters are not case-folded: no glossary term uses them).
 */

const FOLD_IGNORABLE = -1;

/** Folded unit per code unit, 0 = not computed yet (NUL, which folds to itself, is simply recomputed), 0xFFFF =
 *  ignorable (so the noncharacter U+FFFF counts as ignorable). In pages of 256 code units made on first use: whole
 *  tables were 192 KB of every page's heap where the engine ran, for the few blocks of characters a page uses
 *  (issue 13, heap snapshot of the wiki×80 page). */
const foldPages: (Uint16Array | undefined)[] = new Array<Uint16Array | undefined>(256);
const TABLE_IGNORABLE = 0xffff;
/** Bit flags per code unit, paged the same way: word known / word, upper known / upper. */
const flagPages: (Uint8Array | undefined)[] = new Array<Uint8Array | undefined>(256);

function foldPage(code: number): Uint16Array {
  return (foldPages[code >> 8] ??= new Uint16Array(256));
}

function flagPage(code: number): Uint8Array {
  return (flagPages[code >> 8] ??= new Uint8Array(256));
}
const WORD_KNOWN = 1;
const WORD = 2;
const UPPER_KNOWN = 4;
const UPPER = 8;

const APOSTROPHES = [0x27, 0x60, 0xb4, 0x2bc, 0x2018, 0x2019, 0x201b, 0x2032, 0xff07];
const DASHES = [0x2d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2043, 0x2212, 0xfe58, 0xfe63, 0xff0d];

function isIgnorableFormat(c: number): boolean {
  return (
    c === 0xad ||
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2064) ||
    (c >= 0x2066 && c <= 0x206f) ||
    c === 0xfeff
  );
}

const RE_SPACE = /^\s$/;
const RE_MARK = /^[\p{Mn}\p{Me}]$/u;
const RE_ALL_MARKS = /^\p{M}+$/u;
const RE_WORD = /^[\p{L}\p{N}\p{M}_]$/u;

/** One folding step; the caller iterates to a fixed point (Kelvin sign -> K -> k). */
function foldStep(c: number): number {
  if (isIgnorableFormat(c)) return FOLD_IGNORABLE;
  if (c < 0x80) {
    if (c >= 0x41 && c <= 0x5a) return c + 32;
    if (c === 0x60) return 0x27;
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) return 0x20;
    return c;
  }
  if (c >= 0xd800 && c <= 0xdfff) return c;
  const s = String.fromCharCode(c);
  if (c === 0x85 || RE_SPACE.test(s)) return 0x20;
  if (APOSTROPHES.includes(c)) return 0x27;
  if (DASHES.includes(c)) return 0x2d;
  if (RE_MARK.test(s)) return FOLD_IGNORABLE;
  let r = c;
  const d = s.normalize('NFD');
  if (d.length === 1) r = d.charCodeAt(0);
  else if (RE_ALL_MARKS.test(d.slice(1))) r = d.charCodeAt(0);
  const lower = String.fromCharCode(r).toLowerCase();
  if (lower.length === 1) r = lower.charCodeAt(0);
  return r;
}

function computeFold(c: number): number {
  let r = c;
  for (let i = 0; i < 4; i++) {
    const next = foldStep(r);
    if (next === r || next < 0) return next;
    r = next;
  }
  return r;
}

/** The folded UTF-16 code unit of `code` (a code unit, 0..0xFFFF), or -1 when the character is ignorable. */
export function foldChar(code: number): number {
  const page = foldPage(code);
  const f = page[code & 255]!;
  if (f !== 0) return f === TABLE_IGNORABLE ? FOLD_IGNORABLE : f;
  const r = code === 0xffff ? FOLD_IGNORABLE : computeFold(code);
  page[code & 255] = r === FOLD_IGNORABLE ? TABLE_IGNORABLE : r;
  return r;
}

/**
 * Word character for boundaries: \p{L}\p{N}\p{M} or "_". Takes a code point (astral letters count).
 * Exception: ʼ (U+02BC) is \p{Lm} but folds to an apostrophe, so it is a boundary like ' and ’ ("TTPʼs").
 * Invariant (tested): a non-ignorable BMP character and its folded form agree on being a word character, which
 * lets the matcher's automaton track word starts on the folded stream.
 */
export function isWordChar(code: number): boolean {
  if (code < 0x80) {
    return (
      (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x5f
    );
  }
  if (code > 0xffff) return RE_WORD.test(String.fromCodePoint(code));
  const page = flagPage(code);
  let w = page[code & 255]!;
  if ((w & WORD_KNOWN) === 0) {
    w |= WORD_KNOWN | (RE_WORD.test(String.fromCharCode(code)) && foldChar(code) !== 0x27 ? WORD : 0);
    page[code & 255] = w;
  }
  return (w & WORD) !== 0;
}

/** True for a code unit that has a distinct lowercase form (uppercase or titlecase letter). */
export function isUpperUnit(code: number): boolean {
  if (code < 0x80) return code >= 0x41 && code <= 0x5a;
  const page = flagPage(code);
  let u = page[code & 255]!;
  if ((u & UPPER_KNOWN) === 0) {
    const s = String.fromCharCode(code);
    u |= UPPER_KNOWN | (s.toLowerCase() !== s ? UPPER : 0);
    page[code & 255] = u;
  }
  return (u & UPPER) !== 0;
}

/** True for a code unit that has a distinct uppercase form (a lowercase letter). */
export function isLowerUnit(code: number): boolean {
  if (code < 0x80) return code >= 0x61 && code <= 0x7a;
  const s = String.fromCharCode(code);
  return s.toUpperCase() !== s;
}

/** Folds a whole string the way the matcher reads text: fold each unit, drop ignorables, collapse whitespace runs
 *  to one space, trim. For search and keys ("Tehreek‑e‑Taliban  Pakistan" -> "tehreek-e-taliban pakistan"). */
export function foldString(s: string): string {
  const out: number[] = [];
  let prevSpace = true; // drops leading whitespace
  for (let i = 0; i < s.length; i++) {
    const f = foldChar(s.charCodeAt(i));
    if (f < 0) continue;
    if (f === 0x20) {
      if (prevSpace) continue;
      prevSpace = true;
    } else prevSpace = false;
    out.push(f);
  }
  if (out.length > 0 && out[out.length - 1] === 0x20) out.pop();
  let r = '';
  for (let i = 0; i < out.length; i += 4096) r += String.fromCharCode(...out.slice(i, i + 4096));
  return r;
}
