import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { beyondReportText, firstSentence, parseQuoteAnchor, quoteAnchor, segmentQuote } from './quote-segments.js';

describe('segmentQuote', () => {
  it('marks the mentions and keeps the text around them', () => {
    const text = 'TTP chief Noor Wali Mehsud has reiterated the TTP pledge.';
    expect(segmentQuote(text, [[0, 3], [46, 49]])).toEqual([
      { text: 'TTP', marked: true },
      { text: ' chief Noor Wali Mehsud has reiterated the ', marked: false },
      { text: 'TTP', marked: true },
      { text: ' pledge.', marked: false },
    ]);
  });

  it('returns the whole text unmarked without marks, and one empty segment for empty text', () => {
    expect(segmentQuote('No mention here.', [])).toEqual([{ text: 'No mention here.', marked: false }]);
    expect(segmentQuote('', [])).toEqual([{ text: '', marked: false }]);
  });

  it('sorts, merges overlaps and clips marks outside the text', () => {
    expect(segmentQuote('abcdefgh', [[5, 20], [1, 3], [2, 4], [-4, 0], [6, 6]])).toEqual([
      { text: 'a', marked: false },
      { text: 'bcd', marked: true },
      { text: 'e', marked: false },
      { text: 'fgh', marked: true },
    ]);
  });

  it('always concatenates back to the text, never two marked segments in a row, no empty segments', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60 }),
        fc.array(fc.tuple(fc.integer({ min: -5, max: 70 }), fc.integer({ min: -5, max: 70 })), { maxLength: 8 }),
        (text, marks) => {
          const segs = segmentQuote(text, marks);
          expect(segs.map((s) => s.text).join('')).toBe(text);
          for (let i = 1; i < segs.length; i++) expect(segs[i - 1]!.marked && segs[i]!.marked).toBe(false);
          if (text.length > 0) for (const s of segs) expect(s.text.length).toBeGreaterThan(0);
          // Every character inside a (valid) mark is inside a marked segment.
          let pos = 0;
          const marked = new Array(text.length).fill(false);
          for (const s of segs) {
            for (let k = 0; k < s.text.length; k++) marked[pos + k] = s.marked;
            pos += s.text.length;
          }
          for (const [s, e] of marks) for (let k = Math.max(0, s); k < Math.min(e, text.length); k++) expect(marked[k]).toBe(true);
        },
      ),
    );
  });
});

describe('sentence anchors', () => {
  it('round-trips p{n}s{m}', () => {
    expect(quoteAnchor({ paragraph: 3, sentence: 2 })).toBe('p3s2');
    expect(parseQuoteAnchor('p3s2')).toEqual({ paragraph: 3, sentence: 2 });
    expect(parseQuoteAnchor('#p12s1')).toEqual({ paragraph: 12, sentence: 1 });
  });
  it('rejects anything else', () => {
    for (const bad of ['', 'p0s1', 'p1s0', 'p1', 's1', 'p1s2x', 'javascript:alert(1)', 'p1234s1', '#'])
      expect(parseQuoteAnchor(bad)).toBeNull();
  });
});

describe('firstSentence', () => {
  it('takes the first sentence of a definition', () => {
    expect(firstSentence('A militant alliance in Pakistan. Formed in 2007.')).toBe('A militant alliance in Pakistan.');
  });
  it('does not stop at an initial like "U.S."', () => {
    expect(firstSentence('A U.S. policy. More.')).toBe('A U.S. policy.');
  });
  it('keeps a single sentence and shortens a long one on a word boundary', () => {
    expect(firstSentence('Just one')).toBe('Just one');
    const long = firstSentence('word '.repeat(100), 40);
    expect(long.length).toBeLessThanOrEqual(40);
    expect(long.endsWith('word…')).toBe(true);
  });
});

describe('beyondReportText', () => {
  it('drops a leading "Outside the report:" label and capitalizes', () => {
    expect(beyondReportText('Outside the report: the TTP was formed in 2007.')).toBe('The TTP was formed in 2007.');
    expect(beyondReportText('Beyond the report — al-Qaeda was founded in 1988.')).toBe('Al-Qaeda was founded in 1988.');
  });
  it('leaves other text alone', () => {
    expect(beyondReportText('Founded in 2007; outside the report: no.')).toBe('Founded in 2007; outside the report: no.');
  });
});
