/**
 * A term's spelling -> the patterns the automaton looks for: folded code units (same stream rules as the text:
 * ignorables dropped, whitespace runs collapsed, trimmed) plus per-element case constraints; hyphen variants
 * (kept / spaced / closed) generated here at compile time.
 */
import type { CaseRule } from './types.js';
import { foldChar, isLowerUnit, isUpperUnit } from '../fold.js';

/** Per-element case constraint (see caseRule): none, text unit must be uppercase, must not be uppercase. */
const CASE_FREE = 0;
export const CASE_UPPER = 1;
const CASE_NOT_UPPER = 2;

export interface Pattern {
  codes: number[];
  /** Constraint per element; null when there is none at all (caseRule 'any', or no cased letter). */
  cases: number[] | null;
}

/** At most this many variable hyphens get every combination (3^4 = 81); beyond, only the uniform forms. */
const MAX_HYPHENS_COMBINED = 4;

const SPACE = 0x20;
const HYPHEN = 0x2d;

export function termPatterns(text: string, caseRule: CaseRule): Pattern[] {
  const codes: number[] = [];
  const cases: number[] = [];
  let prevSpace = true; // leading whitespace dropped
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    const f = foldChar(u);
    if (f < 0) continue;
    if (f === SPACE) {
      if (prevSpace) continue;
      prevSpace = true;
      codes.push(SPACE);
      cases.push(CASE_FREE);
      continue;
    }
    prevSpace = false;
    codes.push(f);
    let c = CASE_FREE;
    if (caseRule !== 'any') {
      if (isUpperUnit(u)) c = CASE_UPPER;
      else if (caseRule === 'exact' && isLowerUnit(u)) c = CASE_NOT_UPPER;
    }
    cases.push(c);
  }
  if (codes.length > 0 && codes[codes.length - 1] === SPACE) {
    codes.pop();
    cases.pop();
  }
  if (codes.length === 0) return [];

  // Variable hyphens: between two elements that are neither space nor hyphen ("cease-fire", not "a - b", "a--b").
  const hyphens: number[] = [];
  for (let k = 1; k + 1 < codes.length; k++) {
    if (codes[k] !== HYPHEN) continue;
    const l = codes[k - 1];
    const r = codes[k + 1];
    if (l !== SPACE && l !== HYPHEN && r !== SPACE && r !== HYPHEN) hyphens.push(k);
  }
  const combos: Uint8Array[] = [];
  if (hyphens.length <= MAX_HYPHENS_COMBINED) {
    const total = 3 ** hyphens.length;
    for (let n = 0; n < total; n++) {
      const combo = new Uint8Array(hyphens.length);
      for (let h = 0, x = n; h < hyphens.length; h++, x = (x / 3) | 0) combo[h] = x % 3;
      combos.push(combo);
    }
  } else {
    for (let v = 0; v < 3; v++) combos.push(new Uint8Array(hyphens.length).fill(v));
  }

  const out: Pattern[] = [];
  const seen = new Set<string>();
  for (const combo of combos) {
    const vc: number[] = [];
    const vk: number[] = [];
    let h = 0;
    for (let k = 0; k < codes.length; k++) {
      let choice = 0;
      if (h < hyphens.length && hyphens[h] === k) choice = combo[h++]!;
      if (choice === 0) {
        vc.push(codes[k]!);
        vk.push(cases[k]!);
      } else if (choice === 1) {
        vc.push(SPACE);
        vk.push(CASE_FREE);
      }
    }
    const key = String.fromCharCode(...vc);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ codes: vc, cases: vk.some((c) => c !== CASE_FREE) ? vk : null });
  }
  return out;
}
