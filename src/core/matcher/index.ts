/**
 * The matcher: Aho-Corasick over the folded character stream, one pass, speed independent of glossary size.
 * Case rules and word boundaries are checked only where a pattern ends; a hit's start is recovered by walking back
 * over the original text (no per-character bookkeeping). Semantics: reference.ts (the executable spec).
 */
import { foldChar, isUpperUnit, isWordChar } from '../fold.js';
import { base64Decode, base64Encode } from './base64.js';
import { buildTables } from './build.js';
import { CASE_UPPER } from './patterns.js';
import {
  CLASS_NONE_BOUNDARY,
  CLASS_NONE_WORD,
  CLASS_SKIP,
  CLASS_SPACE,
  CLASS_UNKNOWN,
  deriveTables,
  ROOT_INSIDE,
  type MatcherTables,
} from './tables.js';
import { packTables, unpackTables } from './wire.js';
import { mapToChunks } from './chunks.js';
import type { ChunkHit, Hit, SerializedMatcher, TermInput } from './types.js';

export type { ChunkHit, Hit, SerializedMatcher, TermInput } from './types.js';
export { mapToChunks } from './chunks.js';

/** 1 for ASCII word characters [A-Za-z0-9_]. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = isWordChar(c) ? 1 : 0;

/**
 * Inside a word where no pattern can be under way (ROOT_INSIDE: patterns start only at word boundaries), the rest
 * of the word's ASCII word characters cannot change the state: returns the index of the last of them, so the scan
 * goes on at the first character that can (a boundary, a space, anything non-ASCII). Most of a news text's letters
 * are inside words no term continues.
 */
function skipWord(text: string, i: number, n: number): number {
  let j = i + 1;
  while (j < n) {
    const d = text.charCodeAt(j);
    if (d >= 0x80 || ASCII_WORD[d] === 0) break;
    j++;
  }
  return j - 1;
}

function isWordBefore(text: string, start: number): boolean {
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

function isWordAfter(text: string, end: number): boolean {
  const n = text.length;
  let j = end;
  while (j < n && foldChar(text.charCodeAt(j)) === -1) j++;
  if (j >= n) return false;
  let cp = text.charCodeAt(j);
  if (cp >= 0xd800 && cp <= 0xdbff && j + 1 < n) {
    const lo = text.charCodeAt(j + 1);
    if (lo >= 0xdc00 && lo <= 0xdfff) cp = (cp - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
  }
  return isWordChar(cp);
}

export class Matcher {
  readonly terms: readonly TermInput[];
  /** @internal The automaton (exposed for tests and the bench). */
  readonly tables: MatcherTables;
  /** Code unit -> alphabet class (or SKIP), filled lazily: a page pays only for the characters it contains. One byte
   *  per code unit when the classes fit (64 KB, not 128 KB of each matcher's heap: issue 13, wiki×80 heap snapshot). */
  private readonly classOf: Uint8Array | Uint16Array;
  private readonly classOfFolded: Map<number, number>;
  private readonly termEntry: Int32Array;
  /** One selection reused by every scan (reset at its start): three typed arrays per scanned block were most of
   *  the garbage of a page scan, and their backing stores pushed V8 into collections (measured in Chromium, cold
   *  1 MB × 5,000 terms: 36-54 ms of GC in the scan). A scan never runs inside another. */
  private readonly sel = new Selection();

  private constructor(terms: readonly TermInput[], tables: MatcherTables) {
    this.terms = terms;
    this.tables = tables;
    this.classOf = (tables.alphabetSize <= 0x100 ? new Uint8Array(65536) : new Uint16Array(65536)).fill(CLASS_UNKNOWN);
    this.classOfFolded = new Map();
    for (let c = CLASS_SPACE; c < tables.alphabetSize; c++) this.classOfFolded.set(tables.alphabet[c]!, c);
    for (let c = 0; c < 128; c++) this.classify(c);
    this.termEntry = Int32Array.from(terms, (t) => t.entry);
  }

  /** `options.denseBudget` is for tests and benches (how many dense transition entries; 0 = roots only). */
  static compile(terms: readonly TermInput[], options?: { denseBudget?: number }): Matcher {
    const copy = terms.map((t) => ({ ...t, ...(t.requires ? { requires: [...t.requires] } : {}) }));
    return new Matcher(copy, buildTables(copy, options?.denseBudget));
  }

  /** From serialize()'s output: decodes the shipped core (trie, failure links, patterns) and derives the rest
   *  (dense rows, output chains) from it in one pass; the automaton is not rebuilt (no patterns, trie or links). */
  static load(s: SerializedMatcher): Matcher {
    if (!s || s.format !== 1) throw new Error(`matcher: unknown serialized format ${String(s?.format)}`);
    if (!Array.isArray(s.terms) || typeof s.tables !== 'string') throw new Error('matcher: malformed serialized matcher');
    const tables = deriveTables(unpackTables(base64Decode(s.tables)));
    // Pattern terms never decrease (deriveTables builds them from non-negative steps): the last one bounds them all.
    const V = tables.varTerm.length;
    if (V > 0 && tables.varTerm[V - 1]! >= s.terms.length) {
      throw new Error('matcher: tables do not belong to these terms');
    }
    return new Matcher(s.terms, tables);
  }

  serialize(): SerializedMatcher {
    return {
      format: 1,
      terms: this.terms.map((t) => ({ ...t, ...(t.requires ? { requires: [...t.requires] } : {}) })),
      tables: base64Encode(packTables(this.tables)),
    };
  }

  private classify(c: number): number {
    const f = foldChar(c);
    const cls =
      f === -1
        ? CLASS_SKIP
        : (this.classOfFolded.get(f) ?? (isWordChar(c) ? CLASS_NONE_WORD : CLASS_NONE_BOUNDARY));
    this.classOf[c] = cls;
    return cls;
  }

  /** All hits in one text (one block), leftmost-longest, non-overlapping, sorted by start. Context rules NOT applied. */
  scan(text: string): Hit[] {
    const t = this.tables;
    const A = t.alphabetSize;
    const D = t.denseCount;
    const { dense, fail, childStart, childClass, childTarget, outHead } = t;
    const classOf = this.classOf;
    const sel = this.sel;
    sel.reset();
    const n = text.length;
    let s = 0;
    let prevSpace = false;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      const cls = classOf[c]!;
      if (cls <= CLASS_SPACE) {
        if (cls === CLASS_SPACE) {
          if (prevSpace) continue;
          prevSpace = true;
        } else if (cls === CLASS_SKIP) continue;
        else if (cls === CLASS_UNKNOWN) {
          this.classify(c);
          i--; // again, now classified
          continue;
        } else {
          // In no pattern: straight to the root this character calls for.
          prevSpace = false;
          s = cls - CLASS_NONE_BOUNDARY;
          if (s === ROOT_INSIDE) i = skipWord(text, i, n);
          continue;
        }
      } else prevSpace = false;
      let next: number;
      if (s < D) next = dense[s * A + cls]!;
      else {
        for (;;) {
          let found = false;
          next = 0;
          for (let k = childStart[s]!, e = childStart[s + 1]!; k < e; k++) {
            const cc = childClass[k]!;
            if (cc >= cls) {
              if (cc === cls) {
                next = childTarget[k]!;
                found = true;
              }
              break;
            }
          }
          if (found) break;
          s = fail[s]!;
          if (s < D) {
            next = dense[s * A + cls]!;
            break;
          }
        }
      }
      if (next >= 0) {
        s = next;
        if (s === ROOT_INSIDE) i = skipWord(text, i, n);
      } else {
        s = ~next;
        // Most pattern ends sit inside a word ("to" in "total"): reject those before any call.
        const after = i + 1 < n ? text.charCodeAt(i + 1) : 0x20;
        if (after >= 0x80 || ASCII_WORD[after] === 0) this.collect(text, i, outHead[s]!, sel);
      }
    }
    return sel.hits(this.termEntry);
  }

  /** Valid candidates (case + boundaries) among the patterns ending at text[i], offered to the selection. */
  private collect(text: string, i: number, head: number, sel: Selection): void {
    if (isWordAfter(text, i + 1)) return;
    const { outStart, outVariant, dictLink, varLen, varCase, varTerm, caseData } = this.tables;
    for (let st = head; st >= 0; st = dictLink[st]!) {
      for (let k = outStart[st]!, e = outStart[st + 1]!; k < e; k++) {
        const v = outVariant[k]!;
        const start = walkBack(text, i, varLen[v]!, varCase[v]!, caseData);
        if (start < 0 || isWordBefore(text, start)) continue;
        sel.offer(start, i + 1, varTerm[v]!);
      }
    }
  }

  /** One block made of inline chunks (text nodes): a name split across chunks ("Noor Wali" + " Mehsud") matches. */
  scanChunks(chunks: readonly string[]): ChunkHit[] {
    return mapToChunks(chunks, this.scan(chunks.length === 1 ? chunks[0]! : chunks.join('')));
  }
}

/**
 * Leftmost-longest selection, streamed. Candidates arrive in order of end offset, so a new candidate c ends at or
 * after every earlier one. The greedy answer over candidates sorted by (start, longest, lowest term) is kept on a
 * stack; for c: selected entries starting after c.start lie inside c, an entry starting at c.start is replaced when
 * c is longer (or as long with a lower term index), and c is taken if the entry before it ends at or before c.start.
 * A candidate skipped earlier can never become selectable later (it would lie inside c), so this equals the sorted
 * greedy (and the reference's scan), in O(1) amortized per candidate. Blockers stay on the stack and are dropped at
 * the end.
 */
class Selection {
  private start = new Int32Array(64);
  private end = new Int32Array(64);
  private term = new Int32Array(64);
  private len = 0;

  reset(): void {
    this.len = 0;
  }

  offer(start: number, end: number, term: number): void {
    const st = this.start;
    let top = this.len - 1;
    while (top >= 0 && st[top]! > start) top--;
    if (top >= 0 && st[top] === start) {
      const e = this.end[top]!;
      if (end > e || (end === e && term < this.term[top]!)) {
        this.end[top] = end;
        this.term[top] = term;
        this.len = top + 1;
      }
      return;
    }
    if (top >= 0 && this.end[top]! > start) return;
    this.len = top + 1;
    if (this.len === st.length) this.grow();
    this.start[this.len] = start;
    this.end[this.len] = end;
    this.term[this.len] = term;
    this.len++;
  }

  private grow(): void {
    const n = this.start.length * 2;
    const g = (a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.start = g(this.start);
    this.end = g(this.end);
    this.term = g(this.term);
  }

  hits(termEntry: Int32Array): Hit[] {
    const hits: Hit[] = [];
    for (let k = 0; k < this.len; k++) {
      const term = this.term[k]!;
      const entry = termEntry[term]!;
      if (entry >= 0) hits.push({ start: this.start[k]!, end: this.end[k]!, entry, term });
    }
    return hits;
  }
}

/**
 * Start offset of a pattern of `len` stream elements whose last element is text[i], walking back with the stream
 * rules (ignorables skipped, a whitespace run counts once); checks case constraints on the way. -1 when the case
 * rule fails.
 */
function walkBack(text: string, i: number, len: number, caseOff: number, caseData: Uint8Array): number {
  let j = i;
  let k = len - 1;
  if (caseOff >= 0 && !caseOk(caseData[caseOff + k]!, text.charCodeAt(j))) return -1;
  let inSpace = false;
  while (k > 0) {
    j--;
    const u = text.charCodeAt(j);
    const f = foldChar(u);
    if (f === -1) continue;
    if (f === 0x20) {
      if (inSpace) continue;
      inSpace = true;
      k--;
      continue;
    }
    inSpace = false;
    k--;
    if (caseOff >= 0 && !caseOk(caseData[caseOff + k]!, u)) return -1;
  }
  return j;
}

function caseOk(rule: number, unit: number): boolean {
  if (rule === 0) return true;
  return rule === CASE_UPPER ? isUpperUnit(unit) : !isUpperUnit(unit);
}
