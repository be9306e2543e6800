import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CARD_STRINGS, englishT, mentionsLabel, substitute, translateWith } from './card-strings.js';

describe('card strings', () => {
  it('substitutes $1..$9', () => {
    expect(substitute('From: $1 ($2)', ['Report', 'Jan 31, 2022'])).toBe('From: Report (Jan 31, 2022)');
    expect(substitute('$1 and $3', ['a'])).toBe('a and ');
  });
  it('counts mentions in English', () => {
    expect(mentionsLabel(englishT, 1)).toBe('1 mention');
    expect(mentionsLabel(englishT, 12)).toBe('12 mentions');
    expect(mentionsLabel(englishT, 0, 'reader')).toBe('0 mentions');
  });
  it('falls back to English when getMessage returns nothing', () => {
    const t = translateWith((key) => (key === 'card_close' ? 'Schließen' : ''));
    expect(t('card_close')).toBe('Schließen');
    expect(t('card_pin')).toBe('Pin');
  });
  it('has every key in extension/_locales/en/messages.json with the same English text', () => {
    const messages = JSON.parse(readFileSync('extension/_locales/en/messages.json', 'utf8')) as Record<
      string,
      { message: string }
    >;
    for (const [key, text] of Object.entries(CARD_STRINGS)) {
      expect(messages[key]?.message, key).toBe(text);
    }
  });
});
