import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPTIONS_STRINGS, englishOptionsT, optionsTranslateWith } from './options-strings.js';

const messages = JSON.parse(readFileSync('extension/_locales/en/messages.json', 'utf8')) as Record<string, { message: string }>;

describe('options strings', () => {
  it('every options string is in _locales/en with the same text', () => {
    for (const [key, text] of Object.entries(OPTIONS_STRINGS)) expect(messages[key]?.message, key).toBe(text);
  });

  it('every options_ key in _locales is one the page uses', () => {
    const extra = Object.keys(messages).filter((k) => k.startsWith('options_') && !(k in OPTIONS_STRINGS));
    expect(extra).toEqual([]);
  });

  it('no component carries a hard-coded user-visible sentence (strings come from t())', () => {
    const dir = 'src/options';
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.tsx'))) {
      const src = readFileSync(join(dir, f), 'utf8');
      // Text between tags that is a word of 3+ letters (JSX text), other than the fixed sample card name.
      const jsxText = [...src.matchAll(/[^=]>\s*([A-Za-z][A-Za-z ,.'’]{2,})\s*</g)].map((m) => m[1]!.trim()).filter((s) => !/^Tehreek/.test(s));
      expect(jsxText, f).toEqual([]);
    }
  });

  it('substitutes $1.. and falls back to English when the locale lacks a key', () => {
    expect(englishOptionsT('options_entry_count', [3, 40])).toBe('3 of 40 entries');
    const t = optionsTranslateWith((key) => (key === 'options_saved' ? 'Gespeichert' : ''));
    expect(t('options_saved')).toBe('Gespeichert');
    expect(t('options_cancel')).toBe('Cancel');
  });
});
