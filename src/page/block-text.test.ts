import { describe, expect, it } from 'vitest';
import { locate, mentionsAcronym } from './block-text.js';

describe('block text', () => {
  it('finds a page-defined acronym anywhere in the text, case-exact', () => {
    const defined = new Map([['IEA', 3]]);
    expect(mentionsAcronym('and the IEA said', defined)).toBe(true);
    expect(mentionsAcronym('the iea said', defined)).toBe(false);
    expect(mentionsAcronym('anything', new Map())).toBe(false);
  });
  it('locates a position in its chunk; an end at a chunk boundary stays in the chunk before', () => {
    const chunks = ['Noor ', 'Wali', ' Mehsud'];
    const base = [0, 5, 9];
    expect(locate(base, chunks, 5)).toEqual([1, 0]);
    expect(locate(base, chunks, 9, true)).toEqual([1, 4]);
    expect(locate(base, chunks, 12)).toEqual([2, 3]);
    expect(locate(base, chunks, 0)).toEqual([0, 0]);
  });
});
