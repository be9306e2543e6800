// The text still to be asked about after the early look's question (src/content/text-remainder.ts): never loses a
// spelling that the whole text holds and neither question would see.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OVERLAP, remainderAfter } from './text-remainder.js';

describe('remainderAfter', () => {
  it('asks everything when nothing long was asked, or when the asked text is no longer the start', () => {
    expect(remainderAfter('abc', '')).toBe('abc');
    expect(remainderAfter('abc', 'ab')).toBe('abc');
    const asked = 'x'.repeat(OVERLAP * 3);
    expect(remainderAfter(`y${asked}`, asked)).toBe(`y${asked}`);
    expect(remainderAfter(asked.slice(1), asked)).toBe(asked.slice(1));
  });

  it('asks only from OVERLAP before the end of an asked start', () => {
    const asked = 'a'.repeat(OVERLAP * 2);
    expect(remainderAfter(`${asked}tail`, asked)).toBe(`${'a'.repeat(OVERLAP)}tail`);
    expect(remainderAfter(asked, asked)).toBe('a'.repeat(OVERLAP));
  });

  it('keeps every window of up to 600 characters, with the character before it, in one of the two questions', () => {
    fc.assert(
      fc.property(fc.nat(3 * OVERLAP), fc.string({ maxLength: 200 }), fc.string({ maxLength: 200 }), fc.nat(), fc.nat(600), (n, mid, tail, at, len) => {
        const head = 'x'.repeat(n) + mid;
        const text = head + tail;
        const out = remainderAfter(text, head);
        expect(text.endsWith(out)).toBe(true); // a suffix of the text, from where it starts
        const from = text.length - out.length;
        const a = at % (text.length + 1);
        const b = Math.min(text.length, a + len);
        // Wholly inside what the early look asked, or inside the remainder with the character before it.
        expect(b <= head.length || from <= Math.max(0, a - 1)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
