import { describe, expect, it } from 'vitest';
import { pagesFor, reportParagraphs } from './paragraphs';

describe('reportParagraphs', () => {
  it('one paragraph per line, spaces collapsed, empty lines dropped', () => {
    expect(reportParagraphs('  A  b.\n\n\tC d.\r\nE.', 100)).toEqual(['A b.', 'C d.', 'E.']);
    expect(reportParagraphs('Kritische\u001dWeltsicht.', 100)).toEqual(['Kritische Weltsicht.']);
  });

  it('cuts an overlong line at sentence ends, every part within the limit, no text lost', () => {
    const sentence = (i: number) => `Sentence number ${i} says something about the Durand Line.`;
    const line = Array.from({ length: 40 }, (_, i) => sentence(i)).join(' ');
    const parts = reportParagraphs(line, 300);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(300);
      expect(p.endsWith('Durand Line.')).toBe(true);
    }
    expect(parts.join(' ')).toBe(line);
  });

  it('cuts a single sentence longer than the limit at spaces', () => {
    const line = Array.from({ length: 100 }, (_, i) => `word${i}`).join(' ');
    const parts = reportParagraphs(line, 50);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(50);
    expect(parts.join(' ')).toBe(line);
  });
});

describe('pagesFor: a PDF paragraph keeps its page through the make page', () => {
  const source = [
    { text: 'Intro on the first page.', page: 1 },
    { text: 'A long paragraph. It was cut in two.', page: 2 },
    { text: 'Last words on page three.', page: 3 },
  ];

  it('aligns, not zips: a paragraph cut in two keeps its page for both parts', () => {
    const ps = ['Intro on the first page.', 'A long paragraph.', 'It was cut in two.', 'Last words on page three.'];
    expect(pagesFor(ps, source)).toEqual([1, 2, 2, 3]);
  });

  it('an edited paragraph keeps the page before it; pages never go back', () => {
    expect(pagesFor(['Intro on the first page.', 'A rewritten paragraph.', 'Last words on page three.', 'Intro on the first page.'], source)).toEqual([1, 1, 3, 3]);
  });

  it('no pages for a source without them, or once the text is no longer the PDF', () => {
    expect(pagesFor(['Intro on the first page.'], null)).toBeUndefined();
    expect(pagesFor(['Something pasted over it.', 'And more of it.', 'Last words on page three.'], source)).toBeUndefined();
  });
});
