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

/** Decodes into a fresh (4-byte aligned) buffer. Throws on characters outside the alphabet or a bad length. */
export function base64Decode(s: string): Uint8Array {
  if (s.length % 4 !== 0) throw new Error('base64: length is not a multiple of 4');
  let pad = 0;
  if (s.length > 0 && s.charCodeAt(s.length - 1) === 61) pad++;
  if (s.length > 1 && s.charCodeAt(s.length - 2) === 61) pad++;
  const out = new Uint8Array((s.length / 4) * 3 - pad);
  let o = 0;
  let bad = 0; // OR of decoded values: bit 6/7 set means a character outside the alphabet (255)
  let hi = 0; // OR of char codes: > 127 means a non-ASCII character (masked above)
  const full = pad > 0 ? s.length - 4 : s.length;
  for (let i = 0; i < full; i += 4) {
    const a = DECODE[s.charCodeAt(i) & 127]!;
    const b = DECODE[s.charCodeAt(i + 1) & 127]!;
    const c = DECODE[s.charCodeAt(i + 2) & 127]!;
    const d = DECODE[s.charCodeAt(i + 3) & 127]!;
    bad |= a | b | c | d;
    hi |= s.charCodeAt(i) | s.charCodeAt(i + 1) | s.charCodeAt(i + 2) | s.charCodeAt(i + 3);
    const v = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = v >>> 16;
    out[o++] = (v >>> 8) & 255;
    out[o++] = v & 255;
  }
  if ((bad & 0xc0) !== 0 || hi > 127) throw new Error('base64: invalid character');
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
