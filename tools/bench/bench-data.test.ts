import { describe, expect, it } from 'vitest';
import type { CompiledGlossary } from '../../src/core/glossary-types.js';
import { Matcher } from '../../src/core/matcher/index.js';
import { articlePage, liveBlogUpdates, rng, syntheticGlossary, syntheticTerms } from './bench-data.js';

const fakeReal = {
  version: 1,
  report: { meta: {} as never, text: 'Noor Wali Mehsud leads the TTP. The group grew.', paragraphs: [[{ paragraph: 1, sentence: 1, start: 0, end: 32 }]] },
  entries: [],
  matcher: { format: 1, terms: [], tables: '' },
} as unknown as CompiledGlossary;

describe('synthetic glossaries', () => {
  it('are deterministic and nested (the first 50 of 500 are the 50)', () => {
    expect(syntheticTerms(50)).toEqual(syntheticTerms(500).slice(0, 50));
    const names = syntheticTerms(5000).map((t) => t.name);
    expect(new Set(names).size).toBe(5000);
  });
  it('compile with the real matcher, which then finds their names in text', () => {
    const g = syntheticGlossary(500, fakeReal);
    expect(g.entries).toHaveLength(500);
    expect(g.matcher.terms.length).toBeGreaterThanOrEqual(1000);
    const m = Matcher.load(g.matcher);
    const name = g.entries[3]!.name;
    const hits = m.scan(`Yesterday ${name} spoke.`);
    expect(hits.map((h) => h.entry)).toContain(3);
  });
});

describe('generated pages', () => {
  const src = { reportSentences: ['Noor Wali Mehsud leads the TTP.'], syntheticMentions: ['Karo Velos'] };
  it('reach the requested size and are the same for the same seed', () => {
    const a = articlePage(100 * 1024, src, 1);
    expect(a.length).toBeGreaterThan(100 * 1024);
    expect(a.length).toBeLessThan(120 * 1024);
    expect(articlePage(100 * 1024, src, 1)).toBe(a);
    expect(a).toContain('Noor Wali Mehsud');
    expect(a).not.toMatch(/<script/i);
  });
  it('live-blog updates are plain text paragraphs', () => {
    const u = liveBlogUpdates(5, src);
    expect(u).toHaveLength(5);
    expect(u.every((p) => p.length >= 300 && !p.includes('<'))).toBe(true);
  });
  it('rng is seeded', () => {
    const a = rng(3);
    const b = rng(3);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });
});
