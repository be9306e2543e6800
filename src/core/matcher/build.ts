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
 * Layout (tables.ts): states numbered breadth-first (roots first); dense fail-resolved rows for the first states (the
 * shallow ones, where a scan spends its time), sorted sparse children + failure links for the rest; per-state
 * outputs with dictionary-suffix links. Build computes the core (trie, failure links, patterns); the rest is derived
 * from it by the same code `Matcher.load` runs.
 */
import type { TermInput } from './types.js';
import {
  classRoots,
  CLASS_SPACE,
  deriveTables,
  fillDenseRow,
  FIRST_CHILD,
  MAX_DENSE_ENTRIES,
  ROOT_INSIDE,
  ROOT_START,
  type MatcherTables,
} from './tables.js';
import { termPatterns } from './patterns.js';

;

/** Counts builds, so a test can check structurally that `Matcher.load` never rebuilds (it only derives). */
export const buildStats = { builds: 0 };

/** Dense rows for the first states in breadth-first order, as many as fit in this many entries (x4 bytes).
 *  On the 5,000-term bench, budgets from 4k to 2M entries scan within noise of each other (the hot states are the
 *  shallow ones). They are derived at load (tables.ts), not shipped, so the budget now costs memory and load time
 *  (one native row copy per dense state), not bundle size; it stays at 16k entries (64 KB). */
const DENSE_BUDGET = 1 << 14;

export function buildTables(terms: readonly TermInput[], denseBudget = DENSE_BUDGET): MatcherTables {
  buildStats.builds++;
  // 1. patterns
  const varTerm: number[] = [];
  const varCase: number[] = [];
  const caseData: number[] = [];
  const varCodes: number[][] = [];
  terms.forEach((t, ti) => {
    for (const p of termPatterns(t.text, t.caseRule)) {
      varTerm.push(ti);
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
  const roots = classRoots(alphabet);

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
  const D = Math.min(N, Math.max(2, Math.floor(Math.min(denseBudget, MAX_DENSE_ENTRIES) / A)));

  const childStart = new Int32Array(N + 1);
  const childCount = new Uint32Array(N);
  for (let s = 0; s < N; s++) childCount[s] = kidsOf(s).length / 2;
  const childClass = new Uint16Array(N - FIRST_CHILD);
  const varEnd = new Uint32Array(varCodes.length);
  let ci = 0;
  for (let s = 0; s < N; s++) {
    childStart[s] = ci;
    const k = kidsOf(s);
    for (let i = 0; i < k.length; i += 2) {
      // Breadth-first numbering: the ci-th child is state ci + FIRST_CHILD (tables.ts relies on it).
      if (newId[k[i + 1]!] !== ci + FIRST_CHILD) throw new Error('matcher build: children not numbered in order');
      childClass[ci++] = k[i]!;
    }
    for (const v of outsOf(s)) varEnd[v] = s;
  }
  childStart[N] = ci;

  // 5. failure links, breadth-first: the longest proper suffix that is in the trie and starts at a word start.
  // Transitions of the shallow states come from dense rows filled as the states are reached (the same rows
  // tables.ts derives for the scan, with plain targets here).
  const fail = new Int32Array(N);
  fail[ROOT_INSIDE] = ROOT_INSIDE;
  const dense = new Int32Array(D * A);
  const plainTarget = Int32Array.from({ length: N - FIRST_CHILD }, (_, i) => i + FIRST_CHILD);
  const go = (from: number, cls: number): number => {
    let f = from;
    for (;;) {
      if (f < D) return dense[f * A + cls]!;
      for (let i = childStart[f]!; i < childStart[f + 1]!; i++) if (childClass[i] === cls) return i + FIRST_CHILD;
      f = fail[f]!;
    }
  };
  for (let s = 0; s < N; s++) {
    if (s < D) fillDenseRow(dense, s, roots, fail, childStart, childClass, plainTarget);
    for (let i = childStart[s]!; i < childStart[s + 1]!; i++) {
      const cls = childClass[i]!;
      fail[i + FIRST_CHILD] = s === ROOT_START ? roots[cls]! : go(fail[s]!, cls);
    }
  }

  // 6. everything else (dense rows, outputs, chains) as `Matcher.load` derives it.
  return deriveTables({
    stateCount: N,
    denseCount: D,
    alphabetSize: A,
    alphabet: Uint16Array.from(alphabet),
    childCount,
    childClass,
    fail: fail.subarray(FIRST_CHILD),
    varEnd,
    varStep: Uint32Array.from(varTerm, (t, v) => (t - (v > 0 ? varTerm[v - 1]! : 0)) * 2 + (varCase[v]! >= 0 ? 1 : 0)),
    caseData: Uint8Array.from(caseData),
  });
}
