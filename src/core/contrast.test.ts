// WCAG contrast and the dark/light split used to match the card to the page (issue 12 deliverable 7).
import { describe, expect, it } from 'vitest';
import { contrast, isDark, parseColour, type Rgba } from './contrast.js';

const rgb = (s: string): Rgba => {
  const c = parseColour(s);
  if (!c) throw new Error(`not a colour: ${s}`);
  return c;
};

// Light pages: white and the off-whites news sites use; dark pages: black, Material's #121212, GitHub/Google/our
// card's dark greys and a lighter #2b2b2b.
const LIGHT_PAGES = ['#ffffff', '#f8f9fa', '#f5f5f5'];
const DARK_PAGES = ['#000000', '#121212', '#1f2329', '#202124', '#2b2b2b'];

describe('contrast', () => {
  it('matches the WCAG reference values', () => {
    expect(contrast(rgb('#000000'), rgb('#ffffff'))).toBeCloseTo(21, 5);
    expect(contrast(rgb('#777777'), rgb('#ffffff'))).toBeCloseTo(4.48, 2);
    expect(contrast(rgb('#ffffff'), rgb('#ffffff'))).toBe(1);
  });

  it('parses computed-style colours', () => {
    expect(parseColour('rgb(29, 78, 216)')).toEqual({ r: 29, g: 78, b: 216, a: 1 });
    expect(parseColour('rgba(0, 0, 0, 0)')).toEqual({ r: 0, g: 0, b: 0, a: 0 });
    expect(parseColour('rgb(29 78 216 / 50%)')).toEqual({ r: 29, g: 78, b: 216, a: 0.5 });
    expect(parseColour('transparent')?.a).toBe(0);
    expect(parseColour('color(srgb 1 0 0)')).toBeNull();
  });

  it('tells dark backgrounds from light ones', () => {
    for (const c of DARK_PAGES) expect(isDark(rgb(c)), c).toBe(true);
    for (const c of LIGHT_PAGES) expect(isDark(rgb(c)), c).toBe(false);
    expect(isDark(rgb('#767676'))).toBe(false);
  });
});
