import { describe, expect, it } from 'vitest';
import type { Quote } from '../core/glossary-types.js';
import { cardReport } from './card-report.js';
import type { ReportLine } from './SourceLine.js';

const bundled: ReportLine = { title: 'Bundled report', date: '2022-01-31', displayDate: 'Jan 31, 2022', publisher: 'Pub' };
const quote = (from?: { glossary: string; title: string; date: string }): Quote =>
  ({ text: 'A sentence.', paragraph: 2, sentence: 1, marks: [], ...(from ? { from } : {}) }) as unknown as Quote;

describe('cardReport', () => {
  it("names the merged glossary's own report when no quote names another", () => {
    expect(cardReport([quote(), quote()], bundled)).toBe(bundled);
    expect(cardReport([], bundled)).toBe(bundled);
  });

  it("names a made glossary's report for its entry's quotes, with its own date, not the bundled one's", () => {
    const line = cardReport([quote({ glossary: 'g1', title: 'Border talks report', date: '2025-10-20' })], bundled);
    expect(line).toEqual({ title: 'Border talks report', date: '2025-10-20', displayDate: 'Oct 20, 2025' });
  });

  it('names the newest report among several (the as-of note compares with it)', () => {
    const older = quote({ glossary: 'g1', title: 'Old brief', date: '2020-05-01' });
    const newer = quote({ glossary: 'g2', title: 'New brief', date: '2025-03-02' });
    expect(cardReport([older, quote(), newer], bundled).title).toBe('New brief');
    expect(cardReport([older, quote()], bundled)).toBe(bundled);
  });

  it('counts an undated report as oldest and keeps card order on ties', () => {
    const undated = quote({ glossary: 'g1', title: 'Undated', date: '' });
    expect(cardReport([undated], bundled).title).toBe('Undated');
    expect(cardReport([undated], bundled).displayDate).toBe('');
    expect(cardReport([undated, quote()], bundled)).toBe(bundled);
    const a = quote({ glossary: 'g1', title: 'A', date: '2024-01-01' });
    const b = quote({ glossary: 'g2', title: 'B', date: '2024-01-01' });
    expect(cardReport([a, b], bundled).title).toBe('A');
  });

  it('ignores a malformed source (no title) and treats the quote as the own report', () => {
    const bad = { ...quote(), from: { glossary: 'g1', date: '2030-01-01' } } as unknown as Quote;
    expect(cardReport([bad], bundled)).toBe(bundled);
  });
});
