import { describe, expect, it } from 'vitest';
import type { EntrySource } from '../glossary-types.js';
import { Matcher } from '../matcher/index.js';
import { expandTerms } from './terms.js';
import { inflectedVariants, romanizedVariants } from './variants.js';

/** Every spelling that the generated set (plus the written one) finds, as a matcher would: hyphens spaced/closed. */
function finds(written: string, text: string): boolean {
  const entry: EntrySource = {
    id: 'x',
    name: written,
    category: 'person',
    aliases: [{ text: written, case: 'proper', variants: 'romanized' }],
    definition: 'x',
    related: [],
  };
  const m = Matcher.compile(expandTerms([entry]));
  return m.scan(`Reports said ${text} spoke.`).some((h) => h.entry === 0);
}

describe('romanized name variants (issue 11, deliverable 3)', () => {
  it.each([
    ['Akhundzada', ['Akhunzada', 'Akhundzadeh', 'Akundzada', 'Akhundzade']],
    ['Hibatullah', ['Haibatullah', 'Hebatullah', 'Hibetullah', 'Hibtullah', 'Hebtullah', 'Haibtullah']],
    ['Hibatullah Akhund', ['Hebtullah Akhund', 'Haibatullah Akhund']],
    ['Hibatullah Akhundzada', ['Haibatullah Akhunzada', 'Hibetullah Akhundzade', 'Haibatullah Akundzada', 'Hebatullah Akhundzada']],
    ['Noor Wali Mehsud', ['Noor Wali Mahsud', 'Noor Wali Mehsood', 'Nur Wali Mehsud']],
    ['Tehreek-e-Taliban Pakistan', ['Tehrik-i-Taliban Pakistan', 'Tehrik-e-Taliban Pakistan', 'Tehreek Taliban Pakistan', 'Tehrik Taliban Pakistan', 'Tehrek-e-Taliban Pakistan', 'Tehreek-i-Taliban Pakistan']],
    ['Siraj-ud-Din Haqqani', ['Sirajuddin Haqqani', 'Siraj ud Din Haqqani', 'Siraj-ud-din Haqqani', 'Siraj-ud-Din Haqani']],
    ['Arif-ur-Rehman Alvi', ['Arif-ur-Rahman Alvi']],
  ])('%s also finds %j', (written, spellings) => {
    for (const s of spellings) expect(finds(written, s), s).toBe(true);
  });

  it('does not find other names that share letters', () => {
    expect(finds('Noor Wali Mehsud', 'Noor Wali Masood')).toBe(false);
    expect(finds('Akhundzada', 'Akhtar Mansour')).toBe(false);
    expect(finds('Siraj-ud-Din Haqqani', 'Husain Haqqani')).toBe(false);
  });

  it('never repeats the written spelling, keeps capitals, and is capped', () => {
    const v = romanizedVariants('Hibatullah Akhundzada');
    expect(v).not.toContain('Hibatullah Akhundzada');
    expect(new Set(v).size).toBe(v.length);
    for (const s of v) expect(s).toMatch(/^\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+$/u);
    expect(v.length).toBeLessThanOrEqual(48);
    expect(romanizedVariants('USIP')).toEqual([]);
  });
});

describe('inflected concept phrases', () => {
  it('pledge / swear allegiance', () => {
    const forms = (v: string) => inflectedVariants(v).filter((x) => !/ (?:his|her|its|their|our) /.test(x));
    expect(forms('pledge allegiance')).toEqual(['pledges allegiance', 'pledged allegiance', 'pledging allegiance']);
    expect(forms('swear allegiance')).toEqual(['swears allegiance', 'swore allegiance', 'sworn allegiance', 'swearing allegiance']);
  });
  it('a possessive before the object, each verb form (wave 9: "swearing their allegiance")', () => {
    const v = inflectedVariants('swear allegiance');
    for (const x of ['swear their allegiance', 'swearing their allegiance', 'swore his allegiance', 'sworn its allegiance']) expect(v).toContain(x);
    expect(inflectedVariants('pledge allegiance')).toContain('pledged our allegiance');
    // A verb with a preposition takes no possessive: "returned their to power" is no English.
    expect(inflectedVariants('return to power')).toEqual(['returns to power', 'returned to power', 'returning to power']);
  });
});
