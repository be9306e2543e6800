import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { marksCssFor, rootHighlightCss } from './marks-css.mjs';

const file = readFileSync(join(import.meta.dirname, '../extension/marks.css'), 'utf8');
const rules = (css: string) => css.replace(/\/\*[\s\S]*?\*\/\s*/g, '').trim().split('\n');

describe('the marks.css each build ships (issue 13, wave 10)', () => {
  it('puts every rule of the Chromium build on :root (a bare ::highlight() is matched on every element)', () => {
    const chrome = rules(marksCssFor('chrome', file));
    expect(chrome.length).toBe(rules(file).length);
    expect(chrome.length).toBeGreaterThan(5);
    for (const r of chrome) expect(r).toMatch(/^:root::highlight\(context-glossary-[a-z]+\) \{/);
  });
  it('keeps the declarations as they are', () => {
    expect(rules(marksCssFor('chrome', file)).map((r) => r.replace(/^:root/, ''))).toEqual(rules(file));
  });
  it('leaves the Firefox build bare (no highlight inheritance there)', () => {
    expect(marksCssFor('firefox', file)).toBe(file);
  });
  it('touches only rules that start a line', () => {
    expect(rootHighlightCss('/* a ::highlight(x) note */\n::highlight(y) { color: red; }')).toBe('/* a ::highlight(x) note */\n:root::highlight(y) { color: red; }');
  });
});
