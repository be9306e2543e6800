/**
 * Colour contrast (WCAG 2.x relative luminance and contrast ratio), for the mark palette (>= 3:1 against light and
 * dark pages, issue 12 deliverable 7; WCAG 1.4.11 non-text contrast) and for telling a dark page from a light one.
 * Pure: parses `#rrggbb` and the `rgb()/rgba()` strings getComputedStyle returns.
 */

export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** "#1d4ed8", "rgb(29, 78, 216)", "rgba(0, 0, 0, 0)", "rgb(29 78 216 / 0.5)" -> channels 0-255, alpha 0-1; else null. */
export function parseColour(css: string): Rgba | null {
  const s = css.trim().toLowerCase();
  const hex = /^#([0-9a-f]{6})$/.exec(s);
  if (hex) {
    const n = parseInt(hex[1]!, 16);
    return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255, a: 1 };
  }
  if (s === 'transparent') return { r: 0, g: 0, b: 0, a: 0 };
  const fn = /^rgba?\(([^)]*)\)$/.exec(s);
  if (!fn) return null;
  // Computed styles give numbers; a percentage is read as a fraction of the channel's range (255, or 1 for alpha).
  const parts = fn[1]!.split(/[\s,/]+/).filter(Boolean).map((p, i) => (p.endsWith('%') ? (parseFloat(p) / 100) * (i === 3 ? 1 : 255) : parseFloat(p)));
  if (parts.length < 3 || parts.some((p) => Number.isNaN(p))) return null;
  return { r: parts[0]!, g: parts[1]!, b: parts[2]!, a: parts[3] ?? 1 };
}

const channel = (c: number): number => {
  const x = c / 255;
  return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
};

/** WCAG relative luminance, 0 (black) to 1 (white). */
function luminance({ r, g, b }: Rgba): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG contrast ratio of two opaque colours, 1 to 21. */
export function contrast(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Dark or light, for a background: dark when white text on it contrasts more than black text does (the same
 * split the WCAG formula implies, luminance below ~0.18).
 */
export function isDark(bg: Rgba): boolean {
  const l = luminance(bg);
  return (1.05 / (l + 0.05)) > ((l + 0.05) / 0.05);
}
