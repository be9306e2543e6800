/**
 * The matcher's automaton as typed arrays, packed into one buffer (serialize) and viewed again without copying or
 * rebuilding (load). Layout: an Int32 header (magic, 3 scalars, the element count of each array), then each array
 * 4-byte aligned in the order of ARRAYS.
 */

export interface MatcherTables {
  /** Number of states; states are numbered breadth-first, so the shallow (dense) ones come first. */
  stateCount: number;
  /** States 0..denseCount-1 have a full transition row in `dense`. */
  denseCount: number;
  /** Alphabet size: the fixed classes of build.ts (CLASS_SKIP .. CLASS_SPACE), then one per folded code unit. */
  alphabetSize: number;
  /** Folded code unit of each class (0xFFFF for the fixed classes below CLASS_SPACE). */
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

const MAGIC = 0x4743_4d32; // "GCM2": bump when the layout or the meaning of a field changes

type ArrayKey = Exclude<keyof MatcherTables, 'stateCount' | 'denseCount' | 'alphabetSize'>;
type Ctor = Int32ArrayConstructor | Uint16ArrayConstructor | Uint8ArrayConstructor;
const ARRAYS: readonly (readonly [ArrayKey, Ctor])[] = [
  ['alphabet', Uint16Array],
  ['dense', Int32Array],
  ['fail', Int32Array],
  ['childStart', Int32Array],
  ['childClass', Uint16Array],
  ['childTarget', Int32Array],
  ['outStart', Int32Array],
  ['outVariant', Int32Array],
  ['outHead', Int32Array],
  ['dictLink', Int32Array],
  ['varTerm', Int32Array],
  ['varLen', Int32Array],
  ['varCase', Int32Array],
  ['caseData', Uint8Array],
];
const HEADER_INTS = 4 + ARRAYS.length;

const align4 = (n: number): number => (n + 3) & ~3;

/** All tables in one byte buffer. */
export function packTables(t: MatcherTables): Uint8Array {
  let size = HEADER_INTS * 4;
  for (const [key] of ARRAYS) size += align4(t[key].byteLength);
  const bytes = new Uint8Array(size);
  const header = new Int32Array(bytes.buffer, 0, HEADER_INTS);
  header[0] = MAGIC;
  header[1] = t.stateCount;
  header[2] = t.denseCount;
  header[3] = t.alphabetSize;
  let off = HEADER_INTS * 4;
  ARRAYS.forEach(([key], i) => {
    const a = t[key];
    header[4 + i] = a.length;
    bytes.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), off);
    off += align4(a.byteLength);
  });
  return bytes;
}

/** Views the tables inside `bytes` (no copy when its offset is 4-byte aligned). Throws on a malformed buffer. */
export function unpackTables(input: Uint8Array): MatcherTables {
  const bytes = input.byteOffset % 4 === 0 ? input : input.slice();
  const fail = (why: string): never => {
    throw new Error(`matcher tables: ${why}`);
  };
  if (bytes.byteLength < HEADER_INTS * 4) fail('too short');
  const header = new Int32Array(bytes.buffer, bytes.byteOffset, HEADER_INTS);
  if (header[0] !== MAGIC) fail('bad magic (not a packed matcher, or another version)');
  const t: Partial<Record<ArrayKey, Int32Array | Uint16Array | Uint8Array>> = {};
  let off = HEADER_INTS * 4;
  ARRAYS.forEach(([key, C], i) => {
    const len = header[4 + i]!;
    const byteLen = len * C.BYTES_PER_ELEMENT;
    if (len < 0 || off + byteLen > bytes.byteLength) fail(`array ${key} out of bounds`);
    t[key] = new C(bytes.buffer as ArrayBuffer, bytes.byteOffset + off, len);
    off += align4(byteLen);
  });
  const tables = {
    stateCount: header[1]!,
    denseCount: header[2]!,
    alphabetSize: header[3]!,
    ...t,
  } as MatcherTables;
  const n = tables.stateCount;
  const a = tables.alphabetSize;
  if (
    n < 1 ||
    tables.denseCount < 1 ||
    tables.denseCount > n ||
    tables.alphabet.length !== a ||
    tables.dense.length !== tables.denseCount * a ||
    tables.fail.length !== n ||
    tables.childStart.length !== n + 1 ||
    tables.outStart.length !== n + 1 ||
    tables.outHead.length !== n ||
    tables.dictLink.length !== n ||
    tables.childClass.length !== tables.childTarget.length ||
    tables.varLen.length !== tables.varTerm.length ||
    tables.varCase.length !== tables.varTerm.length
  ) {
    fail('inconsistent sizes');
  }
  return tables;
}
