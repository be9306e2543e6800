/**
 * The matcher's core tables (tables.ts) as bytes: what `serialize` ships inside every bundle and `load` reads back.
 * Only what cannot be derived cheaply travels (trie shape, failure links, pattern ends, terms, case constraints);
 * dense rows, child targets and output chains are derived at load (tables.ts `deriveTables`, which also checks
 * every value the scan relies on).
 *
 * Layout: a 32-byte header of Uint32 (magic "GCM3", N states, D dense states, A classes, V patterns, L case
 * constraints, the element width of each variable-width array in 4-bit fields, 0), then each array at a 4-byte
 * aligned offset, in the narrowest unsigned width its values fit (1, 2 or 4 bytes; little-endian, as typed arrays
 * are on every platform the extension runs on):
 *   alphabet (Uint16 x A) · childCount (N) · childClass (N-2) · fail of states 2.. (N-2) · varEnd (V) · varStep (V)
 *   · case constraints at 2 bits each (ceil(L/4) bytes).
 * Loading views the arrays where they lie (no per-element decoding): load runs once per frame, before the JIT has
 * warmed up, so it does as few JavaScript loops as it can.
 */
import { FIRST_CHILD, type CoreTables, type MatcherTables, type UintArray } from './tables.js';

const MAGIC = 0x334d_4347; // "GCM3" read as a little-endian Uint32: bump when the layout or a field's meaning changes
const HEADER_BYTES = 32;
const WIDE = ['childCount', 'childClass', 'fail', 'varEnd', 'varStep'] as const;

const bad = (why: string): never => {
  throw new Error(`matcher tables: ${why}`);
};

const align4 = (n: number): number => (n + 3) & ~3;

function widthFor(a: UintArray): 1 | 2 | 4 {
  let max = 0;
  for (let i = 0; i < a.length; i++) if (a[i]! > max) max = a[i]!;
  return max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
}

const ctor = (w: number): Uint8ArrayConstructor | Uint16ArrayConstructor | Uint32ArrayConstructor =>
  w === 1 ? Uint8Array : w === 2 ? Uint16Array : Uint32Array;

/** The core of a full automaton (what deriveTables needs to rebuild the rest). */
export function coreOf(t: MatcherTables): CoreTables {
  const N = t.stateCount;
  const V = t.varTerm.length;
  const childCount = new Uint32Array(N);
  for (let s = 0; s < N; s++) childCount[s] = t.childStart[s + 1]! - t.childStart[s]!;
  const varEnd = new Uint32Array(V);
  for (let s = 0; s < N; s++) for (let k = t.outStart[s]!; k < t.outStart[s + 1]!; k++) varEnd[t.outVariant[k]!] = s;
  const varStep = new Uint32Array(V);
  for (let v = 0; v < V; v++) {
    varStep[v] = (t.varTerm[v]! - (v > 0 ? t.varTerm[v - 1]! : 0)) * 2 + (t.varCase[v]! >= 0 ? 1 : 0);
  }
  return {
    stateCount: N,
    denseCount: t.denseCount,
    alphabetSize: t.alphabetSize,
    alphabet: t.alphabet,
    childCount,
    childClass: t.childClass,
    fail: t.fail.subarray(FIRST_CHILD),
    varEnd,
    varStep,
    caseData: t.caseData,
  };
}

/** The core as bytes. */
export function packCore(core: CoreTables): Uint8Array {
  const widths = WIDE.map((k) => widthFor(core[k]));
  const L = core.caseData.length;
  let size = HEADER_BYTES + align4(core.alphabet.length * 2);
  WIDE.forEach((k, i) => (size += align4(core[k].length * widths[i]!)));
  size += Math.ceil(L / 4);
  const bytes = new Uint8Array(size);
  new Uint32Array(bytes.buffer, 0, 8).set([
    MAGIC,
    core.stateCount,
    core.denseCount,
    core.alphabetSize,
    core.varEnd.length,
    L,
    widths.reduce((acc, w, i) => acc | (w << (4 * i)), 0),
    0,
  ]);
  let off = HEADER_BYTES;
  new Uint16Array(bytes.buffer, off, core.alphabet.length).set(core.alphabet);
  off += align4(core.alphabet.length * 2);
  WIDE.forEach((k, i) => {
    const w = widths[i]!;
    new (ctor(w))(bytes.buffer, off, core[k].length).set(core[k]);
    off += align4(core[k].length * w);
  });
  for (let k = 0; k < L; k++) bytes[off + (k >> 2)]! |= core.caseData[k]! << (2 * (k & 3));
  return bytes;
}

export const packTables = (t: MatcherTables): Uint8Array => packCore(coreOf(t));

/** Views the core inside `input` (copied once when not 4-byte aligned). Sizes and widths are checked here, the
 *  values by deriveTables. Throws `matcher tables: …` on anything malformed. */
export function unpackTables(input: Uint8Array): CoreTables {
  const bytes = input.byteOffset % 4 === 0 ? input : input.slice();
  if (bytes.byteLength < HEADER_BYTES) bad('too short');
  const h = new Uint32Array(bytes.buffer, bytes.byteOffset, 8);
  if (h[0] !== MAGIC) bad('bad magic (not a packed matcher, or another version)');
  const [, N, D, A, V, L, w] = h as unknown as number[];
  if (N! < FIRST_CHILD || A! > 0x10000) bad('inconsistent sizes');
  let off = HEADER_BYTES;
  const view = (width: number, n: number): UintArray => {
    if (off + n * width > bytes.byteLength) bad('truncated');
    const a = new (ctor(width))(bytes.buffer as ArrayBuffer, bytes.byteOffset + off, n);
    off += align4(n * width);
    return a;
  };
  const alphabet = view(2, A!) as Uint16Array;
  const lengths = [N!, N! - FIRST_CHILD, N! - FIRST_CHILD, V!, V!];
  const arrays = WIDE.map((_, i) => {
    const width = (w! >>> (4 * i)) & 15;
    if (width !== 1 && width !== 2 && width !== 4) bad('bad element width');
    return view(width, lengths[i]!);
  });
  const packed = Math.ceil(L! / 4);
  if (off + packed !== bytes.byteLength) bad(off + packed > bytes.byteLength ? 'truncated' : 'trailing bytes');
  const caseData = new Uint8Array(L!);
  for (let k = 0; k < packed; k++) {
    const b = bytes[off + k]!;
    const at = k * 4;
    caseData[at] = b & 3;
    if (at + 1 < L!) caseData[at + 1] = (b >> 2) & 3;
    if (at + 2 < L!) caseData[at + 2] = (b >> 4) & 3;
    if (at + 3 < L!) caseData[at + 3] = b >> 6;
  }
  const [childCount, childClass, fail, varEnd, varStep] = arrays as [UintArray, UintArray, UintArray, UintArray, UintArray];
  return { stateCount: N!, denseCount: D!, alphabetSize: A!, alphabet, childCount, childClass, fail, varEnd, varStep, caseData };
}
