import { describe, expect, it } from 'vitest';
import { isFieldLine, layoutText, tokenize } from './text';

describe('layoutText', () => {
  it('cuts paragraphs at line breaks and sentences with the compiler splitter, by offsets', () => {
    const text = 'First para. It has two sentences.\n\n  Second para by Dr. Smith.  \nThird.';
    const { paragraphs, sentences } = layoutText(text);
    expect(paragraphs.map((p) => text.slice(p.start, p.end))).toEqual(['First para. It has two sentences.', 'Second para by Dr. Smith.', 'Third.']);
    expect(sentences.map((s) => [s.paragraph, s.text])).toEqual([
      [0, 'First para.'],
      [0, 'It has two sentences.'],
      [1, 'Second para by Dr. Smith.'],
      [2, 'Third.'],
    ]);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('tokenize', () => {
  it('keeps hyphenated names, possessives and dotted abbreviations whole', () => {
    expect(tokenize("Pakistan's Tehreek-e-Taliban and the U.S. -- 2021").map((t) => t.text)).toEqual([
      "Pakistan's",
      'Tehreek-e-Taliban',
      'and',
      'the',
      'U.S.',
      '2021',
    ]);
  });
});

describe('isFieldLine', () => {
  it('takes colon-labelled fields and lone words for no prose', () => {
    expect(isFieldLine('Language: Spanish Article Type:BFN')).toBe(true);
    expect(isFieldLine('Source: AFP')).toBe(true);
    expect(isFieldLine('CSO')).toBe(true);
  });
  it('keeps sentences and headlines, colon-labelled ones too', () => {
    expect(isFieldLine("Pakistan's TTP problem rises following Taliban's takeover in Afghanistan: Report")).toBe(false);
    expect(isFieldLine('Ukraine war: Zelensky says the front is holding')).toBe(false);
    expect(isFieldLine('Officials met: talks went on.')).toBe(false);
    expect(isFieldLine('Jan 31, 2022')).toBe(false);
    expect(isFieldLine('Stop.')).toBe(false);
  });
});
