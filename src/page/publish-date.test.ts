import { describe, expect, it } from 'vitest';
import { jsonLdDatePublished, normalizeDate } from './publish-date.js';

describe('normalizeDate', () => {
  it('keeps the calendar date of ISO strings (no time-zone shift)', () => {
    expect(normalizeDate('2023-05-04T23:30:00-08:00')).toBe('2023-05-04');
    expect(normalizeDate('2023-05-04')).toBe('2023-05-04');
    expect(normalizeDate(' 2023-05-04 10:00 ')).toBe('2023-05-04');
    expect(normalizeDate('20230504')).toBe('2023-05-04');
    expect(normalizeDate('2023/5/4')).toBe('2023-05-04');
  });
  it('reads dates written with month names', () => {
    expect(normalizeDate('Jan 31, 2022')).toBe('2022-01-31');
    expect(normalizeDate('31 January 2022')).toBe('2022-01-31');
  });
  it('refuses non-dates and impossible dates', () => {
    for (const s of ['', 'yesterday', '2023-02-30', '2023-13-01', '12/05/2023', '1800-01-01', 'x'.repeat(100), null, undefined]) {
      expect(normalizeDate(s), String(s)).toBeNull();
    }
  });
});

describe('jsonLdDatePublished', () => {
  it('finds datePublished at the top, in arrays and in @graph', () => {
    expect(jsonLdDatePublished('{"@type":"NewsArticle","datePublished":"2024-03-01T08:00:00Z"}')).toBe('2024-03-01');
    expect(jsonLdDatePublished('[{"@type":"Organization"},{"datePublished":"2024-03-02"}]')).toBe('2024-03-02');
    expect(jsonLdDatePublished('{"@graph":[{"@type":"WebPage"},{"@type":"Article","datePublished":"2024-03-03"}]}')).toBe('2024-03-03');
    expect(jsonLdDatePublished('{"mainEntity":{"datePublished":"2024-03-04"}}')).toBe('2024-03-04');
  });
  it('survives hostile or broken JSON', () => {
    expect(jsonLdDatePublished('{not json')).toBeNull();
    expect(jsonLdDatePublished('null')).toBeNull();
    expect(jsonLdDatePublished('{"datePublished":42}')).toBeNull();
    expect(jsonLdDatePublished('{"datePublished":"garbage","@graph":[{"datePublished":"2024-01-01"}]}')).toBe('2024-01-01');
    let deep = '{"datePublished":"2024-01-01"}';
    for (let i = 0; i < 50; i++) deep = `{"@graph":[${deep}]}`;
    expect(jsonLdDatePublished(deep)).toBeNull();
  });
});
