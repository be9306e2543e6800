/**
 * The matcher's automaton as typed arrays, and how the whole of it follows from its core.
 *
 * The core (CoreTables) is what build.ts computes and wire.ts ships: the trie's shape, the failure links, where each
 * pattern ends, its term and case constraints. Everything else (dense fail-resolved rows, child targets, output
 * lists and chains, pattern lengths) is derived here in a few passes, by build and by `Matcher.load` alike. For the
 * shipped glossary that is ~0.3 ms warm and ~1 ms more than the old views on a cold first load (bench:core), against
 * ~175 KB less base64 in every bundle that imports the glossary.
 * Deriving is not rebuilding: no pattern is expanded, no trie is built, no failure link is searched for.
 */
import { isWordChar } from '../fold.js';

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
/** States are numbered breadth-first with ROOT_INSIDE (no children) second, so the i-th child in (state, class)
 *  order is state i + FIRST_CHILD. */
export const FIRST_CHILD = 2;
/** At most this many dense entries (64 MB): build clamps its budget to it, the wire reader rejects more. */
export const MAX_DENSE_ENTRIES = 1 << 24;

/** Unsigned integers of any width (the wire picks the narrowest that fits: Uint8, Uint16 or Uint32). */
export type UintArray = Uint8Array | Uint16Array | Uint32Array | Int32Array;

/** What the automaton cannot cheaply be derived from (built by build.ts, shipped by wire.ts). */
export interface CoreTables {
  /** Number of states; states are numbered breadth-first, so the shallow (dense) ones come first. */
  stateCount: number;
  /** States 0..denseCount-1 get a full transition row in `dense`. */
  denseCount: number;
  /** Alphabet size: the fixed classes above (CLASS_SKIP .. CLASS_SPACE), then one per folded code unit. */
  alphabetSize: number;
  /** Folded code unit of each class (0xFFFF for the fixed classes below CLASS_SPACE). */
  alphabet: Uint16Array;
  /** Per state, its number of children; their classes (sorted per state) follow in `childClass` (N - 2 in all):
   *  child i is state i + FIRST_CHILD. */
  childCount: UintArray;
  childClass: UintArray;
  /** Failure links of states FIRST_CHILD.. (each an earlier state; the roots link to themselves). */
  fail: UintArray;
  /** Per pattern: the state where it ends; (term index - previous pattern's) * 2 + 1 when it has case constraints. */
  varEnd: UintArray;
  varStep: UintArray;
  /** Case constraints of the constrained patterns, concatenated in pattern order, one per stream element. */
  caseData: Uint8Array;
}

export interface MatcherTables {
  stateCount: number;
  denseCount: number;
  alphabetSize: number;
  alphabet: Uint16Array;
  /** denseCount x alphabetSize next states, failure transitions resolved; ~state (negative) when it has outputs. */
  dense: Int32Array;
  fail: Int32Array;
  /** Children of state s: childClass/childTarget[childStart[s] .. childStart[s+1]), sorted by class. */
  childStart: Int32Array;
  childClass: Uint16Array;
  /** Child state, ~state (negative) when it has outputs. */
  childTarget: Int32Array;
  /** Patterns ending exactly at state s: outVariant[outStart[s] .. outStart[s+1]). */
  outStart: Int32Array;
  outVariant: Int32Array;
  /** First state on s's output chain (s itself when it has outputs), or -1. */
  outHead: Int32Array;
  /** Next state with outputs along the failure chain, or -1. */
  dictLink: Int32Array;
  /** Per pattern: term index, length in stream elements, offset of its case constraints in caseData (-1: none). */
  varTerm: Int32Array;
  varLen: Int32Array;
  varCase: Int32Array;
  caseData: Uint8Array;
}

/** Per class, the root a character of that class leads to when nothing longer continues: inside a word nothing may
 *  start (surrogate code units count as boundaries: conservative, settled by the exact check at each hit). */
export function classRoots(alphabet: Uint16Array | readonly number[]): Int32Array {
  return Int32Array.from(alphabet, (c, i) =>
    i === CLASS_NONE_WORD || (i > CLASS_SPACE && isWordChar(c)) ? ROOT_INSIDE : ROOT_START,
  );
}

/** State s's dense row: its failure target's row (already filled: it is an earlier state) with s's own children
 *  laid over it (child i stored as childTarget[i]); the roots start from `roots`. */
export function fillDenseRow(
  dense: Int32Array,
  s: number,
  roots: Int32Array,
  fail: Int32Array,
  childStart: Int32Array,
  childClass: Uint16Array,
  childTarget: Int32Array,
): void {
  const A = roots.length;
  const row = s * A;
  if (s === ROOT_START || s === ROOT_INSIDE) dense.set(roots, row);
  else dense.copyWithin(row, fail[s]! * A, fail[s]! * A + A);
  for (let i = childStart[s]!, e = childStart[s + 1]!; i < e; i++) dense[row + childClass[i]!] = childTarget[i]!;
}

const bad = (why: string): never => {
  throw new Error(`matcher tables: ${why}`);
};

/**
 * The full automaton from its core, checking on the way everything the scan relies on (children after their
 * parent with sorted classes, failure links to earlier states, patterns ending inside the trie, case data that fits):
 * damaged input gets a clear error, never an automaton that loops. Few passes, most work in native copies: this
 * runs once per frame, mostly before the JIT has warmed up.
 */
export function deriveTables(core: CoreTables): MatcherTables {
  const { stateCount: N, denseCount: D, alphabetSize: A, childCount, varEnd, varStep } = core;
  const V = varEnd.length;
  const C = N - FIRST_CHILD;
  if (N < FIRST_CHILD || D < FIRST_CHILD || D > N || A <= CLASS_SPACE || A > 0x10000 || D * A > MAX_DENSE_ENTRIES) {
    bad('inconsistent sizes');
  }
  if (core.alphabet.length !== A || childCount.length !== N || core.childClass.length !== C || core.fail.length !== C) {
    bad('inconsistent sizes');
  }
  if (varStep.length !== V) bad('inconsistent sizes');
  const childClass = new Uint16Array(C);
  childClass.set(core.childClass);
  const fail = new Int32Array(N);
  fail[ROOT_INSIDE] = ROOT_INSIDE;
  fail.set(core.fail, FIRST_CHILD);

  // 1. Output counts per state (checked pattern ends).
  const outStart = new Int32Array(N + 1);
  for (let v = 0; v < V; v++) {
    const end = varEnd[v]!;
    if (end < FIRST_CHILD || end >= N) bad('pattern end out of range');
    outStart[end + 1]!++;
  }

  // 2. One pass over the states, in order. Checked: children come after their parent (breadth-first) with sorted
  // classes; failure links lead to earlier states, so their output links are already known. Derived: child
  // ranges, depths, output ranges and chains, and each state's stored form as a transition target: complemented
  // (~state, negative) when it has outputs, so the scan learns "check outputs here" from the value it loaded
  // anyway instead of reading outHead for every character.
  const childStart = new Int32Array(N + 1);
  const depth = new Int32Array(N);
  const dictLink = new Int32Array(N).fill(-1);
  const outHead = new Int32Array(N);
  const childTarget = new Int32Array(C);
  let ci = 0;
  for (let s = 0; s < N; s++) {
    childStart[s] = ci;
    const n = childCount[s]!;
    if (n > 0) {
      if (s === ROOT_INSIDE || ci + FIRST_CHILD <= s || n > C - ci) bad('children out of order');
      const d = depth[s]! + 1;
      let prev = CLASS_SPACE - 1;
      for (const e = ci + n; ci < e; ci++) {
        const c = childClass[ci]!;
        if (c <= prev || c >= A) bad('child classes out of order');
        prev = c;
        depth[ci + FIRST_CHILD] = d;
      }
    }
    const count = outStart[s + 1]!;
    outStart[s + 1] = outStart[s]! + count;
    if (s >= FIRST_CHILD) {
      const f = fail[s]!;
      if (f >= s) bad('failure link out of range');
      dictLink[s] = outStart[f + 1]! > outStart[f]! ? f : dictLink[f]!;
    }
    const head = count > 0 ? s : dictLink[s]!;
    outHead[s] = head;
    if (s >= FIRST_CHILD) childTarget[s - FIRST_CHILD] = head >= 0 ? ~s : s;
  }
  childStart[N] = ci;
  if (ci !== C) bad('states without a parent');

  // 3. Patterns: term, length (the end state's depth), case data offset, place in the output lists.
  const varTerm = new Int32Array(V);
  const varLen = new Int32Array(V);
  const varCase = new Int32Array(V);
  const outVariant = new Int32Array(V);
  const cursor = outStart.slice(0, N);
  let term = 0;
  let caseOff = 0;
  for (let v = 0; v < V; v++) {
    const end = varEnd[v]!;
    const step = varStep[v]!;
    term += step >>> 1;
    varTerm[v] = term;
    const len = depth[end]!;
    varLen[v] = len;
    if (step & 1) {
      varCase[v] = caseOff;
      caseOff += len;
    } else varCase[v] = -1;
    outVariant[cursor[end]!++] = v;
  }
  if (term > 0x7fffffff) bad('pattern term out of range');
  if (caseOff !== core.caseData.length) bad('case data does not match the patterns');

  // 4. Dense rows (the roots have no outputs: their plain numbers are their stored form).
  const roots = classRoots(core.alphabet);
  const dense = new Int32Array(D * A);
  for (let s = 0; s < D; s++) fillDenseRow(dense, s, roots, fail, childStart, childClass, childTarget);

  return {
    stateCount: N,
    denseCount: D,
    alphabetSize: A,
    alphabet: core.alphabet.slice(), // not a view: the loaded bytes are garbage once this returns
    dense,
    fail,
    childStart,
    childClass,
    childTarget,
    outStart,
    outVariant,
    outHead,
    dictLink,
    varTerm,
    varLen,
    varCase,
    caseData: core.caseData,
  };
}
