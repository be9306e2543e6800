import { describe, expect, it } from 'vitest';
import { paragraphReadings, type CarriedSense } from './context-rules.js';

describe('paragraphReadings: the nearest reading before a paragraph (3 back), else after it (2 ahead)', () => {
  const read = (entry: number): CarriedSense => new Map([[0, entry]]);
  const senses = (list: (number | undefined)[]) => (k: number) => (list[k] === undefined ? undefined : read(list[k]!));

  it('takes the nearest earlier paragraph that read the name, at most three back', () => {
    const s = senses([1, 2, undefined, undefined, undefined]);
    expect(paragraphReadings(s, 3, 5).carried()).toEqual(read(2));
    expect(paragraphReadings(s, 4, 5).carried()).toEqual(read(2));
    expect(paragraphReadings(senses([1, undefined, undefined, undefined, undefined]), 4, 5).carried()).toBe(undefined);
    expect(paragraphReadings(s, 0, 5).carried()).toBe(undefined);
  });

  it('looks at most two paragraphs ahead, nearest first, never past the end', () => {
    const s = senses([undefined, undefined, 7, 8, undefined]);
    expect(paragraphReadings(s, 0, 5).ahead()).toEqual(read(7));
    expect(paragraphReadings(s, 1, 5).ahead()).toEqual(read(7));
    expect(paragraphReadings(s, 3, 5).ahead()).toBe(undefined);
    expect(paragraphReadings(s, 4, 5).ahead()).toBe(undefined);
  });
});
