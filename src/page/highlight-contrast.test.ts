// Issue 12 deliverable 7: every mark colour (and the "current term" line) >= 3:1 against the page's background in
// light and dark themes (WCAG 1.4.11 non-text contrast).
import { describe, expect, it } from 'vitest';
import { contrast, parseColour } from '../core/contrast.js';
import { CATEGORIES } from '../core/glossary-types.js';
import { DEFAULT_SETTINGS } from '../core/settings/schema.js';
import { CURRENT_COLOUR } from './highlight-style.js';

// Light pages: white and the off-whites news sites use; dark pages: black, Material's #121212, GitHub/Google/our
// card's dark greys and a lighter #2b2b2b.
const PAGES = ['#ffffff', '#f8f9fa', '#f5f5f5', '#000000', '#121212', '#1f2329', '#202124', '#2b2b2b'];
const palette = [...CATEGORIES.map((c) => [c, DEFAULT_SETTINGS.marking.colors[c]] as const), ['current term', CURRENT_COLOUR] as const];

describe('mark palette', () => {
  it.each(palette)('the %s colour %s is at least 3:1 on every light and dark page background', (_name, colour) => {
    for (const bg of PAGES) expect(contrast(parseColour(colour)!, parseColour(bg)!), `${colour} on ${bg}`).toBeGreaterThanOrEqual(3);
  });

  it('would catch the old organization blue (2.4:1 on #1f2329)', () => {
    expect(contrast(parseColour('#1d4ed8')!, parseColour('#1f2329')!)).toBeLessThan(3);
  });
});
