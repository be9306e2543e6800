import { describe, expect, it } from 'vitest';
import { formatDay, isArticleNewer, isoDay } from './card-dates.js';

describe('isoDay', () => {
  it('takes the written calendar day of dates and date-times', () => {
    expect(isoDay('2022-03-14')).toBe('2022-03-14');
    expect(isoDay('2022-03-14T01:30:00+05:00')).toBe('2022-03-14');
    expect(isoDay(' 2022-03-14 09:00')).toBe('2022-03-14');
  });
  it('is null for anything else', () => {
    for (const bad of [null, undefined, '', 'March 14, 2022', '2022-13-01', '2022-00-10', '2022-01-32', '20220314', '2022-03-14x'])
      expect(isoDay(bad)).toBeNull();
  });
});

describe('formatDay', () => {
  it('writes dates the way the report does', () => {
    expect(formatDay('2022-01-31')).toBe('Jan 31, 2022');
    expect(formatDay('2022-03-04T10:00:00Z')).toBe('Mar 4, 2022');
    expect(formatDay('2023-12-25')).toBe('Dec 25, 2023');
  });
  it('leaves a non-date alone', () => {
    expect(formatDay('yesterday')).toBe('yesterday');
  });
});

describe('isArticleNewer', () => {
  it('is true only for a later day', () => {
    expect(isArticleNewer('2022-03-14T08:00:00Z', '2022-01-31')).toBe(true);
    expect(isArticleNewer('2022-02-01', '2022-01-31')).toBe(true);
    expect(isArticleNewer('2022-01-31T23:59:00Z', '2022-01-31')).toBe(false);
    expect(isArticleNewer('2021-12-01', '2022-01-31')).toBe(false);
  });
  it('is false when a date is unknown', () => {
    expect(isArticleNewer(null, '2022-01-31')).toBe(false);
    expect(isArticleNewer(undefined, '2022-01-31')).toBe(false);
    expect(isArticleNewer('soon', '2022-01-31')).toBe(false);
    expect(isArticleNewer('2022-03-01', 'n/a')).toBe(false);
  });
});
