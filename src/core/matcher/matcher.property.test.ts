/**
 * Property tests: the Aho-Corasick matcher gives exactly the reference's hits on random glossaries and random
 * texts built to hit the hard cases (overlaps, prefixes, hyphen variants, case, diacritics, ignorables, whitespace
 * runs, emoji, right-to-left letters). Also: load(serialize()) scans the same, and chunked scans equal joined scans.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Matcher, mapToChunks } from './index.js';
import { referenceScan } from '../../../tests/support/reference-matcher.js';
import type { CaseRule, TermInput } from './types.js';

// Letters chosen so that words collide and overlap: plain/accented/upper variants of a few letters.
const LETTERS = ['a', 'b', 'c', 'A', 'B', 'é', 'É', 'e', 'ı', 'İ', 'K', 'k', '\u212a' /* Kelvin */];
const JOINERS = [' ', ' ', '-', '-', '\u2011', '\u2013', "'", '\u2019', '', '  '];

const word = fc.array(fc.constantFrom(...LETTERS), { minLength: 1, maxLength: 4 }).map((a) => a.join(''));
// Occasional punctuation, digits or "_" at the edges ("U.S.", "(x)", "9/11"): boundaries still apply outside them.
const EDGES = ['', '', '', '', '', '.', '(', ')', '1', '_', '/', '\u00ad', ' '];
const aliasText = fc
  .tuple(
    fc.constantFrom(...EDGES),
    word,
    fc.array(fc.tuple(fc.constantFrom(...JOINERS), word), { maxLength: 3 }),
    fc.constantFrom(...EDGES),
  )
  .map(([pre, w, rest, post]) => pre + w + rest.map(([j, x]) => j + x).join('') + post);
const caseRule = fc.constantFrom<CaseRule>('exact', 'proper', 'any');

const glossary = fc
  .array(
    fc.record({
      entry: fc.integer({ min: -1, max: 5 }),
      text: aliasText,
      caseRule,
    }),
    { minLength: 1, maxLength: 8 },
  )
  .map((terms) => terms as TermInput[]);

/** Rewrites an alias the way pages write it: case changes, hyphens spaced/closed/other dashes, ignorables inside. */
function variantOf(text: string, choices: number[]): string {
  let out = '';
  let k = 0;
  const pick = (): number => choices[k++ % choices.length]!;
  for (const ch of text) {
    const r = pick();
    if (ch === '-' || ch === '\u2011' || ch === '\u2013') {
      out += ['-', ' ', '', '\u2010', '\u00ad', '-'][r % 6];
    } else if (ch === ' ') {
      out += [' ', '\u00a0', '  ', '\n', ' \u00ad ', '\u2009'][r % 6];
    } else {
      let c = ch;
      if (r % 9 === 1) c = c.toUpperCase();
      if (r % 9 === 2) c = c.toLowerCase();
      out += c;
      if (r % 11 === 3) out += '\u0301';
      if (r % 13 === 4) out += '\u00ad';
      if (r % 17 === 5) out += '\u200b';
    }
  }
  return out;
}

const SEPARATORS = [' ', ' ', ' ', ', ', '. ', '', '\u00a0', "'s ", '’s ', ' (', ') ', '-', '\n', '😀', '_'];
const NOISE = [
  ' ', ' ', ' ', '. ', ', ', '(', ')', "'s ", '’s ', '-', '—', '\u00a0', '\n\n', '\t', '_', '1', 'x', 'ab', 'Ba',
  'é', '\u0301', '\u00ad', '\u200d', '😀', '👍🏽', '𝐀', 'שלום', 'مرحبا', 'Vokabular', 'kabul', '\u202e', '"',
];

function textFor(terms: TermInput[]) {
  return fc
    .array(
      fc.tuple(
        fc.oneof(
          { weight: 3, arbitrary: fc.tuple(fc.nat(terms.length - 1), fc.array(fc.nat(100), { minLength: 1, maxLength: 8 })).map(([t, ch]) =>
            variantOf(terms[t]!.text, ch),
          ) },
          { weight: 1, arbitrary: fc.constantFrom(...NOISE) },
          { weight: 1, arbitrary: word },
        ),
        fc.constantFrom(...SEPARATORS),
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.map(([p, sep]) => p + sep).join(''));
}

const scenario = glossary.chain((terms) => fc.tuple(fc.constant(terms), textFor(terms)));

describe('matcher vs reference (property)', () => {
  it('compile().scan and load(serialize()).scan equal referenceScan', () => {
    // The generator must really produce hits, hits by non-plain spellings, and blocked/rejected candidates.
    let runs = 0;
    let withHits = 0;
    let hits = 0;
    fc.assert(
      fc.property(scenario, ([terms, text]) => {
        const expected = referenceScan(terms, text);
        runs++;
        if (expected.length > 0) withHits++;
        hits += expected.length;
        const m = Matcher.compile(terms);
        expect(m.scan(text)).toEqual(expected);
        expect(Matcher.load(m.serialize()).scan(text)).toEqual(expected);
        // Only the two roots dense: every other transition goes through sparse children and failure links.
        expect(Matcher.compile(terms, { denseBudget: 0 }).scan(text)).toEqual(expected);
      }),
      { numRuns: 10_000 },
    );
    expect(runs).toBeGreaterThanOrEqual(10_000);
    expect(withHits).toBeGreaterThan(runs / 3);
    expect(hits).toBeGreaterThan(runs);
    console.log(`matcher vs reference: ${runs} cases, ${withHits} with hits, ${hits} hits, 0 differences`);
  }, 300_000);

  it('scanChunks over a random split equals scan of the joined text', () => {
    const withCuts = scenario.chain(([terms, text]) =>
      fc.tuple(fc.constant(terms), fc.constant(text), fc.uniqueArray(fc.nat(text.length), { maxLength: 6 })),
    );
    fc.assert(
      fc.property(withCuts, ([terms, text, cuts]) => {
        const sorted = [0, ...[...cuts].sort((a, b) => a - b), text.length];
        const chunks: string[] = [];
        for (let i = 0; i + 1 < sorted.length; i++) chunks.push(text.slice(sorted[i], sorted[i + 1]));
        const m = Matcher.compile(terms);
        const got = m.scanChunks(chunks);
        expect(got).toEqual(mapToChunks(chunks, m.scan(text)));
        // And the mapping itself is right: each chunk hit covers exactly the joined hit's text.
        const starts: number[] = [];
        chunks.reduce((acc, c) => (starts.push(acc), acc + c.length), 0);
        m.scan(text).forEach((h, i) => {
          const c = got[i]!;
          expect(starts[c.startChunk]! + c.startOffset).toBe(h.start);
          expect(starts[c.endChunk]! + c.endOffset).toBe(h.end);
          expect(c.startOffset).toBeLessThan(chunks[c.startChunk]!.length);
          expect(c.endOffset).toBeGreaterThan(0);
          expect(c.endOffset).toBeLessThanOrEqual(chunks[c.endChunk]!.length);
        });
      }),
      { numRuns: 2_000 },
    );
  }, 120_000);
});
