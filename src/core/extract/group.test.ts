import { describe, expect, it } from 'vitest';
import { codePairs, Groups, phraseKey, skeleton, stripTitles } from './group';

describe('group helpers', () => {
  it('skeleton folds transliteration variants and keeps different names apart', () => {
    expect(skeleton('Tehreek-e-Taliban')).toBe(skeleton('Tehrik-i-Taliban'));
    expect(skeleton('Mehsud')).toBe(skeleton('Mahsud'));
    expect(skeleton('al-Qaeda')).toBe(skeleton('al-Qaida'));
    expect(skeleton('Afghanistan')).not.toBe(skeleton('Afghan'));
    expect(skeleton('Imran')).not.toBe(skeleton('Iran'));
  });

  it('stripTitles leaves the name', () => {
    expect(stripTitles('Prime Minister Imran Khan')).toBe('Imran Khan');
    expect(stripTitles('leader Maulvi Hibatullah Akhundzada')).toBe('Hibatullah Akhundzada');
    expect(stripTitles('Imran Khan')).toBeNull();
    expect(stripTitles('President Alvi')).toBeNull();
  });

  it('phraseKey folds possessives, case and hyphens', () => {
    expect(phraseKey("Taliban's takeover")).toBe(phraseKey('Taliban takeover'));
    expect(phraseKey('cease-fire')).toBe(phraseKey('cease fire'));
  });

  it('Groups is a union-find', () => {
    const g = new Groups();
    g.union('a', 'b');
    g.union('c', 'b');
    expect(g.find('c')).toBe(g.find('a'));
    expect(g.find('d')).toBe('d');
  });

  // Wave 12: five candidates for one flight stood apart in a corpus page's top 20.
  it('codePairs puts names ending in a code with the code, but not a one-word owner', () => {
    const keys = new Set(['qz8501', 'flight qz8501', 'airasia qz8501', 'airasia flight qz8501', 'airasia flight', 'airasia', 'qz8501 search', 'flight 103']);
    const pairs = codePairs(keys);
    expect(pairs.map(([, k]) => k).sort()).toEqual(['airasia flight', 'airasia flight qz8501', 'airasia qz8501', 'flight qz8501']);
    expect(pairs.every(([c]) => c === 'qz8501')).toBe(true);
    // No code alone among the keys: nothing to join ("Flight 103" is a number, not a code).
    expect(codePairs(new Set(['airbus a320', 'flight 103', 'pan am flight 103']))).toEqual([]);
  });
});
