/**
 * Precision and recall of an acronym finder over labelled cases (tests/fixtures/extract/acronyms.json): a found
 * pair counts only when both its short and its long form equal a labelled pair of the same case (spaces folded).
 */
import type { AcronymPair } from '../../src/core/extract/schwartz-hearst.js';

export interface AcronymCase {
  source: string;
  text: string;
  pairs: AcronymPair[];
}

export interface AcronymScore {
  precision: number;
  recall: number;
  found: number;
  expected: number;
  correct: number;
  /** Pairs found that are not labelled, and labelled pairs not found, per case text. */
  misses: { text: string; wrong: AcronymPair[]; missed: AcronymPair[] }[];
}

const key = (p: AcronymPair): string => `${p.short.replace(/\s+/g, ' ')}\u0000${p.long.replace(/\s+/g, ' ')}`;

export function scoreAcronyms(cases: readonly AcronymCase[], find: (text: string) => AcronymPair[]): AcronymScore {
  let found = 0;
  let expected = 0;
  let correct = 0;
  const misses: AcronymScore['misses'] = [];
  for (const c of cases) {
    const got = find(c.text);
    const gold = new Set(c.pairs.map(key));
    const gotKeys = new Set(got.map(key));
    found += gotKeys.size;
    expected += gold.size;
    const wrong = got.filter((p) => !gold.has(key(p)));
    const missed = c.pairs.filter((p) => !gotKeys.has(key(p)));
    correct += [...gotKeys].filter((k) => gold.has(k)).length;
    if (wrong.length || missed.length) misses.push({ text: c.text, wrong, missed });
  }
  return { precision: found ? correct / found : 1, recall: expected ? correct / expected : 1, found, expected, correct, misses };
}
