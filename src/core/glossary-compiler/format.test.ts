import { describe, expect, it } from 'vitest';
import { formatGlossarySource } from './format.js';

describe('formatGlossarySource', () => {
  const messy = JSON.stringify({
    entries: [
      { related: [], definition: 'B.', aliases: [{ case: 'proper', text: 'Beta' }], category: 'concept', name: 'Beta', id: 'beta' },
      { id: 'alpha', extra: 1, name: 'Alpha', category: 'concept', aliases: [{ requires: ['beta'], text: 'Alpha', case: 'proper' }], definition: 'A.', related: ['beta'] },
    ],
    version: 1,
  });

  it('sorts entries by id and writes keys in the canonical order, 2-space JSON with a final newline', () => {
    const out = formatGlossarySource(messy);
    expect(out.endsWith('}\n')).toBe(true);
    const parsed = JSON.parse(out);
    expect(Object.keys(parsed)).toEqual(['version', 'entries']);
    expect(parsed.entries.map((e: { id: string }) => e.id)).toEqual(['alpha', 'beta']);
    expect(Object.keys(parsed.entries[0])).toEqual(['id', 'name', 'category', 'aliases', 'definition', 'related', 'extra']);
    expect(Object.keys(parsed.entries[0].aliases[0])).toEqual(['text', 'case', 'requires']);
    expect(out).toContain('\n  "entries": [\n    {\n      "id": "alpha",');
  });

  it('is idempotent and keeps the data', () => {
    const once = formatGlossarySource(messy);
    expect(formatGlossarySource(once)).toBe(once);
    const sortKeys = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(sortKeys) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort().map(([k, x]) => [k, sortKeys(x)])) : v;
    const a = JSON.parse(once);
    const b = JSON.parse(messy);
    b.entries.reverse();
    expect(sortKeys(a)).toEqual(sortKeys(b));
  });

  it('throws on text that is not JSON', () => {
    expect(() => formatGlossarySource('{"version": 1,')).toThrow(SyntaxError);
  });
});
