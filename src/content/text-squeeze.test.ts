// The text the bootstrap sends (src/content/text-squeeze.ts): squeezing whitespace changes neither the prefilter's
// answer nor the entries the page glossary keeps, on the real glossary, for any text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGlossaryDir } from '../../tools/glossary/compile-glossary.js';
import { entriesIn, presenceIndex } from '../core/page-subset.js';
import { compilePrefilter, prefilterSource } from '../core/prefilter.js';
import { squeezeSpace } from './text-squeeze.js';

const compiled = compileGlossaryDir('glossary');
if (!compiled.ok) throw new Error(compiled.errors.join('; '));
const terms = compiled.glossary.matcher.terms;
const maybe = compilePrefilter(prefilterSource(terms.map((t) => ({ text: t.text, exact: t.caseRule === 'exact' })))!);
const index = presenceIndex(terms);

// Pieces of spellings and the characters around them that the fold and the separators care about.
const pieces = ['TTP', 'ttp', 'Tehreek', 'e', 'Taliban', 'Pakistan', 'Noor', 'Wali', 'Mehsud', 'Haqqani', 'Siraj', 'over', 'the', 'horizon', 'Mehs\u00fbd', 'Tal\u00ADiban'];
const gaps = [' ', '  ', '\n', '\n\n   ', '\t', '\r\n', '-', ' - ', '\u00a0', '\u00a0 ', ' \ufeff ', '\u200b', '', 'x', '.\n '];
const text = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.constantFrom(...gaps)), { maxLength: 24 }).map((a) => a.join(''));

describe('squeezeSpace', () => {
  it('sends a run of ASCII whitespace as one space and leaves everything else', () => {
    expect(squeezeSpace('a \n\t  b c\u00a0\u00a0d\ufeff \ufeffe')).toBe('a b c\u00a0\u00a0d\ufeff \ufeffe');
    expect(squeezeSpace('\n    TTP\n  ')).toBe(' TTP ');
  });

  it('changes neither the prefilter answer nor the entries kept for the page glossary', () => {
    fc.assert(
      fc.property(text, (t) => {
        const s = squeezeSpace(t);
        expect(maybe(s)).toBe(maybe(t));
        expect([...entriesIn(index, terms, s)].sort()).toEqual([...entriesIn(index, terms, t)].sort());
      }),
      { numRuns: 2000 },
    );
  });
});
