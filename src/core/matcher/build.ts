/**
 * Compiles terms into the automaton tables (see tables.ts).
 *
 * Aho-Corasick anchored at word starts: a valid hit starts where the previous character is not a word character,
 * so the automaton only enters the trie at such positions. Two roots: ROOT_START (state 0: a pattern may start at
 * the next character) and ROOT_INSIDE (state 1: inside a word, nothing may start). Failure links lead to the longest
 * proper suffix that is in the trie AND starts at a word start, else to the root the last character calls for. This
 * keeps the scan out of the trie in the middle of words ("he" inside "the" is never even reached), which is where a
 * large glossary's short patterns otherwise fire on most characters. The exact boundary check still runs at each hit
 * (surrogate pairs are treated as word starts here, conservatively, and settled there).
 *
 * Layout: states numbered breadth-first (roots first); dense fail-resolved rows for the first states (the shallow
 * ones, where a scan spends its time), sorted sparse children + failure links for the rest; per-state outputs with
 * dictionary-suffix links.
 */
import { isWordChar } from '../fold.js';
import type { TermInput } from './types.js';
import type { MatcherTables } from './tables.js';
import { termPatterns } from './patterns.js';

/** Counts builds, so a test can check structurally that `Matcher.load` never rebuilds. */
export const buildStats = { builds: 0 };

/** Dense rows for the first states in breadth-first order, as many as fit in this many entries (x4 bytes).
 *  On the 5,000-term bench, budgets from 4k to 2M entries scan within noise of each other (the hot states are the
 *  shallow ones), while the tables ship inside every bundle that imports the glossary (the content script is
 *  parsed in every frame): so the budget stays small (64 KB). */
const DENSE_BUDGET = 1 << 14;

/**
 * Character classes, small numbers first so the scan's common case (a pattern character) is one comparison:
 * ignorable; not classified yet (lazy table); in no pattern and not a word character; in no pattern and a word
 * character; space; then one class per folded code unit that occurs in patterns.
 */
export const CLASS_SKIP = 0;
export const CLASS_UNKNOWN = 1;
export const CLASS_NONE_BOUNDARY = 2;
export const CLASS_NONE_WORD = 3;
export const CLASS_SPACE = 4;
/** States: the two roots. A class in no pattern leads straight to root (class - CLASS_NONE_BOUNDARY). */
export const ROOT_START = 0;
export const ROOT_INSIDE = 1;

export function buildTables(terms: readonly TermInput[], denseBudget = DENSE_BUDGET): MatcherTables {
  buildStats.builds++;
  // 1. patterns
  const varTerm: number[] = [];
  const varLen: number[] = [];
  const varCase: number[] = [];
  const caseData: number[] = [];
  const varCodes: number[][] = [];
  terms.forEach((t, ti) => {
    for (const p of termPatterns(t.text, t.caseRule)) {
      varTerm.push(ti);
      varLen.push(p.codes.length);
      varCodes.push(p.codes);
      if (p.cases) {
        varCase.push(caseData.length);
        for (const c of p.cases) caseData.push(c);
      } else varCase.push(-1);
    }
  });

  // 2. alphabet
  const alphabet: number[] = [0xffff, 0xffff, 0xffff, 0xffff, 0x20];
  const classOf = new Map<number, number>([[0x20, CLASS_SPACE]]);
  for (const codes of varCodes) {
    for (const c of codes) {
      if (!classOf.has(c)) {
        classOf.set(c, alphabet.length);
        alphabet.push(c);
      }
    }
  }
  const A = alphabet.length;
  // Word-ness per class (surrogate code units count as boundaries: conservative, see above).
  const classWord = alphabet.map((c, i) => (i === CLASS_NONE_WORD || (i > CLASS_SPACE && isWordChar(c)) ? 1 : 0));
  const rootFor = (cls: number): number => (classWord[cls] ? ROOT_INSIDE : ROOT_START);

  // 3. trie (temporary ids; node 0 is the root)
  const edge = new Map<number, number>(); // node * A + class -> child
  const kids: number[][] = [[]]; // [class, child, class, child, ...]
  const outs: number[][] = [[]];
  varCodes.forEach((codes, v) => {
    let node = 0;
    for (const code of codes) {
      const cls = classOf.get(code)!;
      const key = node * A + cls;
      let next = edge.get(key);
      if (next === undefined) {
        next = kids.length;
        edge.set(key, next);
        kids.push([]);
        outs.push([]);
        kids[node]!.push(cls, next);
      }
      node = next;
    }
    outs[node]!.push(v);
  });

  // 4. breadth-first renumbering (ROOT_INSIDE, which is not in the trie, takes id 1), children sorted by class
  const order = [0];
  for (let q = 0; q < order.length; q++) {
    const k = kids[order[q]!]!;
    const pairs: [number, number][] = [];
    for (let i = 0; i < k.length; i += 2) pairs.push([k[i]!, k[i + 1]!]);
    pairs.sort((a, b) => a[0] - b[0]);
    kids[order[q]!] = pairs.flat();
    for (const [, child] of pairs) order.push(child);
  }
  const INSIDE = -1; // placeholder for ROOT_INSIDE in `order`
  order.splice(1, 0, INSIDE);
  const N = order.length;
  const newId = new Int32Array(N);
  order.forEach((old, i) => {
    if (old !== INSIDE) newId[old] = i;
  });
  const kidsOf = (s: number): number[] => (order[s] === INSIDE ? [] : kids[order[s]!]!);
  const outsOf = (s: number): number[] => (order[s] === INSIDE ? [] : outs[order[s]!]!);
  // Any breadth-first prefix works: a state's failure target is shallower, so it comes earlier (and is dense too).
  const D = Math.min(N, Math.max(2, Math.floor(denseBudget / A)));

  const childStart = new Int32Array(N + 1);
  const outStart = new Int32Array(N + 1);
  let childCount = 0;
  let outCount = 0;
  for (let s = 0; s < N; s++) {
    childCount += kidsOf(s).length / 2;
    outCount += outsOf(s).length;
  }
  const childClass = new Uint16Array(childCount);
  const childTarget = new Int32Array(childCount);
  const outVariant = new Int32Array(outCount);
  let ci = 0;
  let oi = 0;
  for (let s = 0; s < N; s++) {
    childStart[s] = ci;
    outStart[s] = oi;
    const k = kidsOf(s);
    for (let i = 0; i < k.length; i += 2) {
      childClass[ci] = k[i]!;
      childTarget[ci++] = newId[k[i + 1]!]!;
    }
    for (const v of outsOf(s)) outVariant[oi++] = v;
  }
  childStart[N] = ci;
  outStart[N] = oi;

  // 5. failure links, dense rows, output chains (breadth-first: everything a state needs is already computed)
  const fail = new Int32Array(N);
  fail[ROOT_INSIDE] = ROOT_INSIDE;
  const dictLink = new Int32Array(N).fill(-1);
  const outHead = new Int32Array(N).fill(-1);
  const dense = new Int32Array(D * A);
  const go = (from: number, cls: number): number => {
    let f = from;
    for (;;) {
      if (f < D) return dense[f * A + cls]!;
      for (let i = childStart[f]!; i < childStart[f + 1]!; i++) if (childClass[i] === cls) return childTarget[i]!;
      f = fail[f]!;
    }
  };
  for (let s = 0; s < N; s++) {
    if (s < D) {
      const row = s * A;
      if (s === ROOT_START || s === ROOT_INSIDE) for (let c = 0; c < A; c++) dense[row + c] = rootFor(c);
      else dense.set(dense.subarray(fail[s]! * A, fail[s]! * A + A), row);
      for (let i = childStart[s]!; i < childStart[s + 1]!; i++) dense[row + childClass[i]!] = childTarget[i]!;
    }
    for (let i = childStart[s]!; i < childStart[s + 1]!; i++) {
      const u = childTarget[i]!;
      const cls = childClass[i]!;
      const f = s === ROOT_START ? rootFor(cls) : go(fail[s]!, cls);
      fail[u] = f;
      dictLink[u] = outStart[f + 1]! > outStart[f]! ? f : dictLink[f]!;
    }
    outHead[s] = outStart[s + 1]! > outStart[s]! ? s : dictLink[s]!;
  }

  // 6. transitions into a state with outputs are stored complemented (~target, negative): the scan learns "check
  // outputs here" from the value it loaded anyway, instead of reading outHead for every character.
  for (let i = 0; i < dense.length; i++) if (outHead[dense[i]!]! >= 0) dense[i] = ~dense[i]!;
  for (let i = 0; i < childTarget.length; i++) if (outHead[childTarget[i]!]! >= 0) childTarget[i] = ~childTarget[i]!;

  return {
    stateCount: N,
    denseCount: D,
    alphabetSize: A,
    alphabet: Uint16Array.from(alphabet),
    dense,
    fail,
    childStart,
    childClass,
    childTarget,
    outStart,
    outVariant,
    outHead,
    dictLink,
    varTerm: Int32Array.from(varTerm),
    varLen: Int32Array.from(varLen),
    varCase: Int32Array.from(varCase),
    caseData: Uint8Array.from(caseData),
  };
}
