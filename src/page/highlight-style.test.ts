import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../core/settings/schema.js';
import { FLASH_NAME, highlightCss, highlightName } from './highlight-style.js';

describe('highlightCss', () => {
  const colors = DEFAULT_SETTINGS.marking.colors;
  it('has one namespaced rule per category and the flash', () => {
    const css = highlightCss('dotted', colors);
    for (const c of ['person', 'organization', 'place', 'event', 'concept'] as const) {
      expect(css).toContain(`::highlight(${highlightName(c)})`);
      expect(css).toContain(`text-decoration-color: ${colors[c]}`);
    }
    expect(highlightName('person')).toBe('context-glossary-person');
    expect(css).toContain(`::highlight(${FLASH_NAME})`);
    expect(css).toContain('text-decoration-style: dotted');
  });
  it('uses only properties ::highlight allows', () => {
    for (const style of ['dotted', 'solid', 'wavy', 'background', 'none'] as const) {
      const props = [...highlightCss(style, colors).matchAll(/([a-z-]+)\s*:/g)].map((m) => m[1]);
      for (const p of props) expect(p, style).toMatch(/^(color|background-color|text-decoration[a-z-]*|text-underline-offset|text-shadow)$/);
    }
  });
  it('never lets a bad colour into the CSS', () => {
    const css = highlightCss('solid', { ...colors, person: 'red; } body { display: none' });
    expect(css).not.toContain('display');
    expect(css).toContain('text-decoration-color: currentColor');
  });
});

describe('extension/marks.css', () => {
  it('is the CSS of the default settings (the content script relies on it being present from the start)', () => {
    const file = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../extension/marks.css'), 'utf8');
    const { style, colors } = DEFAULT_SETTINGS.marking;
    expect(file.replace(/\/\*[\s\S]*?\*\/\s*/g, '').trim()).toBe(highlightCss(style, colors));
  });
  it('is overridden in full by a custom sheet (no underline left under a background or "none")', () => {
    const colors = DEFAULT_SETTINGS.marking.colors;
    expect(highlightCss('background', colors)).toMatch(/text-decoration-line: none/);
    expect(highlightCss('none', colors)).toMatch(/text-decoration-line: none/);
    // and it outranks marks.css's bare ::highlight() in the document (Firefox puts manifest CSS after ours)
    expect(highlightCss('none', colors, true)).toContain(':root *::highlight(context-glossary-person)');
    expect(highlightCss('none', colors, true)).toContain(', ::highlight(context-glossary-person)'.slice(2));
  });
});
