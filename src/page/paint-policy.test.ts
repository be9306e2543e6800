import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings/schema.js';
import { paintableEntries, paintKey, type PaintableEntry } from './paint-policy.js';

const entries: PaintableEntry[] = [
  { id: 'ttp', category: 'organization', anchorOnly: false },
  { id: 'pakistan', category: 'place', anchorOnly: true },
  { id: 'noor-wali-mehsud', category: 'person', anchorOnly: false },
  { id: 'ceasefire', category: 'concept', anchorOnly: false },
];
const withSettings = (patch: (s: Settings) => void): Settings => {
  const s = structuredClone(DEFAULT_SETTINGS);
  patch(s);
  return s;
};

describe('paintableEntries', () => {
  it('paints everything but anchor-only entries by default', () => {
    expect(paintableEntries(entries, DEFAULT_SETTINGS, 'example.com')).toEqual([true, false, true, true]);
  });
  it('honours disabled ids and categories', () => {
    const s = withSettings((x) => {
      x.entries.disabled = ['ttp'];
      x.entries.disabledCategories = ['person'];
    });
    expect(paintableEntries(entries, s, 'example.com')).toEqual([false, false, false, true]);
  });
  it('applies meaning rules only on their site and its subdomains', () => {
    const s = withSettings((x) => {
      x.meaningRules = [{ site: 'news.example', entry: 'ceasefire' }];
    });
    expect(paintableEntries(entries, s, 'www.news.example')[3]).toBe(false);
    expect(paintableEntries(entries, s, 'other.example')[3]).toBe(true);
    expect(paintKey(paintableEntries(entries, s, 'news.example'))).toBe('1010');
  });
});
