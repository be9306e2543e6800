import { describe, expect, it } from 'vitest';
import type { CompiledEntry, CompiledReport } from '../core/glossary-types.js';
import { datelineShown, layoutReport, termsInReport } from './report-layout.js';

const text = 'Title\nJan 31, 2022\nIslamabad : One. Two!  Three?\nFour.';
const at = (s: string) => text.indexOf(s);
const report: CompiledReport = {
  meta: { title: 'Title', date: '2022-01-31', displayDate: 'Jan 31, 2022', dateline: 'Islamabad', language: 'en', sourceFile: 'x', publisher: 'p', textSource: 't' },
  text,
  paragraphs: [
    [
      { paragraph: 1, sentence: 1, start: at('Islamabad'), end: at('Two') - 1 },
      { paragraph: 1, sentence: 2, start: at('Two'), end: at('Two') + 4 },
      { paragraph: 1, sentence: 3, start: at('Three'), end: at('Three') + 6 },
    ],
    [{ paragraph: 2, sentence: 1, start: at('Four'), end: at('Four') + 5 }],
  ],
};

describe('layoutReport', () => {
  it('gives every sentence its anchor id and verbatim text, keeping the gaps', () => {
    const laid = layoutReport(report);
    expect(laid.map((p) => p.sentences.map((s) => s.id))).toEqual([['p1s1', 'p1s2', 'p1s3'], ['p2s1']]);
    expect(laid[0]!.sentences.map((s) => s.text)).toEqual(['Islamabad : One.', 'Two!', 'Three?']);
    expect(laid[0]!.sentences.map((s) => s.before)).toEqual(['', ' ', ' ']);
    expect(laid[1]!.sentences[0]).toEqual({ id: 'p2s1', text: 'Four.', before: '' });
  });
  it('does not print the dateline twice', () => {
    expect(datelineShown(report)).toBe(false);
    expect(datelineShown({ ...report, meta: { ...report.meta, dateline: 'Peshawar' } })).toBe(true);
    expect(datelineShown({ ...report, meta: { ...report.meta, dateline: '' } })).toBe(false);
  });
});

describe('termsInReport', () => {
  const entry = (id: string, mentions: number, extra: Partial<CompiledEntry> = {}): CompiledEntry => ({
    id, name: id.toUpperCase(), category: 'concept', aliases: [id], definition: '', related: [],
    background: false, anchorOnly: false, mentions, quotes: [], ...extra,
  });
  it('lists mentioned entries, most mentioned first, without anchor-only, background or own entries', () => {
    const list = termsInReport([
      entry('b', 2), entry('a', 2), entry('c', 9), entry('none', 0), entry('pk', 30, { anchorOnly: true }),
      entry('bg', 1, { background: true }), entry('own-x', 3, { own: true }),
    ]);
    expect(list.map((e) => e.id)).toEqual(['c', 'a', 'b']);
  });
});
