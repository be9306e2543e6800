/**
 * The slow, obviously correct matcher: the specification in code. The fast Aho-Corasick matcher (index.ts) must give
 * exactly the same hits for every glossary and text (property test in matcher.property.test.ts).
 *
 * Independent of the fast matcher on purpose: it shares only foldChar/isWordChar/isUpperUnit/isLowerUnit
 * (table-tested in fold.test.ts).
 *
 * Definitions:
 * - The folded stream of a text: every code unit folded; ignorables dropped; a run of whitespace (ignorables inside
 *   the run do not break it) is one space element, positioned at the run's first whitespace unit.
 * - A term's patterns: its text as a stream, trimmed; each hyphen between two non-space, non-hyphen elements may be
 *   kept, replaced by a space, or dropped (all 3^k combinations up to 4 such hyphens; beyond, only all-kept,
 *   all-spaced, all-dropped).
 * - A candidate at stream position s: a pattern equal to the stream from s; it is valid when the case rule holds for
 *   every letter and the characters just outside (ignorables skipped) are not word characters.
 * - Selection: from the left, take the longest valid candidate at s (ties: lowest term index), jump past it; blockers
 *   (entry -1) are taken and then not reported.
 */
import { foldChar, isLowerUnit, isUpperUnit, isWordChar } from '../../src/core/fold.js';
import type { Hit, TermInput } from '../../src/core/matcher/types.js';

interface RefStream {
  codes: number[];
  /** Original code unit index of each element. */
  pos: number[];
}

function streamOf(text: string): RefStream {
  const codes: number[] = [];
  const pos: number[] = [];
  let prevSpace = false;
  for (let i = 0; i < text.length; i++) {
    const f = foldChar(text.charCodeAt(i));
    if (f === -1) continue;
    if (f === 0x20) {
      if (prevSpace) continue;
      prevSpace = true;
    } else prevSpace = false;
    codes.push(f);
    pos.push(i);
  }
  return { codes, pos };
}

interface RefPattern {
  term: number;
  codes: number[];
  /** The alias character each element came from (space for an inserted space). */
  chars: number[];
}

/** Every pattern (hyphen variant) of one term, as folded codes with their source characters. */
function referencePatterns(text: string): { codes: number[]; chars: number[] }[] {
  const st = streamOf(text);
  let a = 0;
  let b = st.codes.length;
  while (a < b && st.codes[a] === 0x20) a++;
  while (b > a && st.codes[b - 1] === 0x20) b--;
  const codes = st.codes.slice(a, b);
  const chars = st.pos.slice(a, b).map((p) => text.charCodeAt(p));
  const hyphens: number[] = [];
  for (let k = 1; k + 1 < codes.length; k++) {
    if (codes[k] !== 0x2d) continue;
    const l = codes[k - 1]!;
    const r = codes[k + 1]!;
    if (l !== 0x20 && l !== 0x2d && r !== 0x20 && r !== 0x2d) hyphens.push(k);
  }
  if (codes.length === 0) return [];
  // choice per hyphen: 0 keep, 1 space, 2 drop
  const combos: number[][] = [];
  if (hyphens.length <= 4) {
    const total = 3 ** hyphens.length;
    for (let n = 0; n < total; n++) {
      const combo: number[] = [];
      let x = n;
      for (let h = 0; h < hyphens.length; h++) {
        combo.push(x % 3);
        x = Math.floor(x / 3);
      }
      combos.push(combo);
    }
  } else {
    for (const v of [0, 1, 2]) combos.push(hyphens.map(() => v));
  }
  const out: { codes: number[]; chars: number[] }[] = [];
  const seen = new Set<string>();
  for (const combo of combos) {
    const c2: number[] = [];
    const ch2: number[] = [];
    for (let k = 0; k < codes.length; k++) {
      const h = hyphens.indexOf(k);
      const choice = h >= 0 ? combo[h] : 0;
      if (choice === 1) {
        c2.push(0x20);
        ch2.push(0x20);
      } else if (choice === 0) {
        c2.push(codes[k]!);
        ch2.push(chars[k]!);
      }
    }
    const key = c2.join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ codes: c2, chars: ch2 });
  }
  return out;
}

function caseOk(rule: TermInput['caseRule'], patternChar: number, textChar: number): boolean {
  if (rule === 'any') return true;
  if (isUpperUnit(patternChar)) return isUpperUnit(textChar);
  if (rule === 'exact' && isLowerUnit(patternChar)) return !isUpperUnit(textChar);
  return true;
}

function wordBefore(text: string, start: number): boolean {
  let j = start - 1;
  while (j >= 0 && foldChar(text.charCodeAt(j)) === -1) j--;
  if (j < 0) return false;
  let cp = text.charCodeAt(j);
  if (cp >= 0xdc00 && cp <= 0xdfff && j > 0) {
    const hi = text.charCodeAt(j - 1);
    if (hi >= 0xd800 && hi <= 0xdbff) cp = (hi - 0xd800) * 0x400 + (cp - 0xdc00) + 0x10000;
  }
  return isWordChar(cp);
}

function wordAfter(text: string, end: number): boolean {
  let j = end;
  while (j < text.length && foldChar(text.charCodeAt(j)) === -1) j++;
  if (j >= text.length) return false;
  return isWordChar(text.codePointAt(j)!);
}

export function referenceScan(terms: readonly TermInput[], text: string): Hit[] {
  const st = streamOf(text);
  const patterns: RefPattern[] = [];
  terms.forEach((t, term) => {
    for (const p of referencePatterns(t.text)) patterns.push({ term, ...p });
  });
  const hits: Hit[] = [];
  const n = st.codes.length;
  let s = 0;
  while (s < n) {
    let best: RefPattern | null = null;
    for (const p of patterns) {
      const len = p.codes.length;
      if (s + len > n) continue;
      let same = true;
      for (let k = 0; k < len && same; k++) same = st.codes[s + k] === p.codes[k];
      if (!same) continue;
      const rule = terms[p.term]!.caseRule;
      let ok = true;
      for (let k = 0; k < len && ok; k++) {
        if (p.codes[k] === 0x20) continue;
        ok = caseOk(rule, p.chars[k]!, text.charCodeAt(st.pos[s + k]!));
      }
      if (!ok) continue;
      const start = st.pos[s]!;
      const end = st.pos[s + len - 1]! + 1;
      if (wordBefore(text, start) || wordAfter(text, end)) continue;
      if (!best || len > best.codes.length || (len === best.codes.length && p.term < best.term)) best = p;
    }
    if (best) {
      const len = best.codes.length;
      const entry = terms[best.term]!.entry;
      if (entry >= 0) hits.push({ start: st.pos[s]!, end: st.pos[s + len - 1]! + 1, entry, term: best.term });
      s += len;
    } else s++;
  }
  return hits;
}
