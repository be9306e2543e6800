/** Base64 (standard alphabet, padded) without btoa/atob or Buffer: src/core runs in every context and in node. */

const CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Uint8Array(128).fill(255);
for (let i = 0; i < CHARS.length; i++) DECODE[CHARS.charCodeAt(i)] = i;

export function base64Encode(bytes: Uint8Array): string {
  const parts: string[] = [];
  const chunk: number[] = [];
  const n = bytes.length;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    chunk.push(
      CHARS.charCodeAt(v >>> 18),
      CHARS.charCodeAt((v >>> 12) & 63),
      CHARS.charCodeAt((v >>> 6) & 63),
      CHARS.charCodeAt(v & 63),
    );
    if (chunk.length >= 8192) {
      parts.push(String.fromCharCode(...chunk));
      chunk.length = 0;
    }
  }
  if (i < n) {
    const b1 = i + 1 < n ? bytes[i + 1]! : 0;
    const v = (bytes[i]! << 16) | (b1 << 8);
    chunk.push(CHARS.charCodeAt(v >>> 18), CHARS.charCodeAt((v >>> 12) & 63));
    chunk.push(i + 1 < n ? CHARS.charCodeAt((v >>> 6) & 63) : 61, 61);
  }
  parts.push(String.fromCharCode(...chunk));
  return parts.join('');
}

/** Two base64 characters (7-bit codes c1 << 7 | c2) -> their 12 bits, or 0xffff when either is invalid. Built on
 *  first use (32 KB). */
let PAIRS: Uint16Array | null = null;
function pairs(): Uint16Array {
  if (PAIRS) return PAIRS;
  const t = new Uint16Array(1 << 14).fill(0xffff);
  for (let a = 0; a < 64; a++) {
    for (let b = 0; b < 64; b++) t[(CHARS.charCodeAt(a) << 7) | CHARS.charCodeAt(b)] = (a << 6) | b;
  }
  return (PAIRS = t);
}

type NativeFromBase64 = (s: string) => Uint8Array;

/** Decodes into a fresh (4-byte aligned) buffer. Throws on characters outside the alphabet or a bad length.
 *  Uses the native Uint8Array.fromBase64 where the engine has it (Chrome 140+, Firefox 133+), else a table loop. */
export function base64Decode(s: string): Uint8Array {
  if (s.length % 4 !== 0) throw new Error('base64: length is not a multiple of 4');
  const native = (Uint8Array as unknown as { fromBase64?: NativeFromBase64 }).fromBase64;
  if (native) {
    try {
      return native.call(Uint8Array, s);
    } catch {
      throw new Error('base64: invalid character');
    }
  }
  return decodeJs(s);
}

/** @internal The portable decoder (exported for tests). */
function decodeJs(s: string): Uint8Array {
  if (s.length % 4 !== 0) throw new Error('base64: length is not a multiple of 4');
  let pad = 0;
  if (s.length > 0 && s.charCodeAt(s.length - 1) === 61) pad++;
  if (s.length > 1 && s.charCodeAt(s.length - 2) === 61) pad++;
  const out = new Uint8Array((s.length / 4) * 3 - pad);
  const P = pairs();
  let o = 0;
  let bad = 0; // OR of pair values: 0xffff marks an invalid character
  let hi = 0; // OR of char codes: > 127 means a non-ASCII character (masked below)
  const full = pad > 0 ? s.length - 4 : s.length;
  for (let i = 0; i < full; i += 4) {
    const c0 = s.charCodeAt(i);
    const c1 = s.charCodeAt(i + 1);
    const c2 = s.charCodeAt(i + 2);
    const c3 = s.charCodeAt(i + 3);
    hi |= c0 | c1 | c2 | c3;
    const x = P[((c0 & 127) << 7) | (c1 & 127)]!;
    const y = P[((c2 & 127) << 7) | (c3 & 127)]!;
    bad |= x | y;
    out[o++] = x >>> 4;
    out[o++] = ((x & 15) << 4) | (y >>> 8);
    out[o++] = y & 255;
  }
  if ((bad & 0xf000) !== 0 || hi > 127) throw new Error('base64: invalid character');
  if (pad > 0) {
    const i = full;
    const a = DECODE[s.charCodeAt(i) & 127]!;
    const b = DECODE[s.charCodeAt(i + 1) & 127]!;
    const c = pad === 1 ? DECODE[s.charCodeAt(i + 2) & 127]! : 0;
    const codes = s.charCodeAt(i) | s.charCodeAt(i + 1) | (pad === 1 ? s.charCodeAt(i + 2) : 0);
    if (((a | b | c) & 0xc0) !== 0 || codes > 127) throw new Error('base64: invalid character');
    const v = (a << 18) | (b << 12) | (c << 6);
    out[o++] = v >>> 16;
    if (pad === 1) out[o++] = (v >>> 8) & 255;
  }
  return out;
}
