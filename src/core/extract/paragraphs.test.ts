import { describe, expect, it } from 'vitest';
import { reportParagraphs } from './paragraphs';

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
