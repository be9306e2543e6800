// The one i18n module: substitution as getMessage does it, and messages.json as the single table of strings —
// every key the code asks for exists (the type system checks that), every key in the file is asked for, and no
// component carries a hard-coded sentence of its own.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { englishMessages, englishT } from '../../tests/support/i18n.js';
import { mentionsLabel, substitute, translateFrom } from './i18n.js';

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => join(dir, f));
}
const code = sourcesUnder('src')
  .map((f) => readFileSync(f, 'utf8'))
  .concat(readFileSync('manifest.json', 'utf8'))
  .join('\n');

describe('i18n', () => {
  it('substitutes $1..$9, a missing one as empty', () => {
    expect(substitute('From: $1 ($2)', ['Report', 'Jan 31, 2022'])).toBe('From: Report (Jan 31, 2022)');
    expect(substitute('$1 and $3', ['a'])).toBe('a and ');
  });

  it('builds t from messages.json', () => {
    expect(englishT('options_entry_count', [3, 40])).toBe('3 of 40 entries');
    expect(mentionsLabel(englishT, 1)).toBe('1 mention');
    expect(mentionsLabel(englishT, 12)).toBe('12 mentions');
    expect(mentionsLabel(englishT, 0, 'reader')).toBe('0 mentions');
    expect(translateFrom({ card_close: { message: 'Schließen' } })('card_close')).toBe('Schließen');
  });

  it('every message is non-empty and used by the code or the manifest', () => {
    // Keys built from a prefix and a value (`card_category_${c}`) count as used for every key with that prefix.
    const prefixes = [...code.matchAll(/`([a-z]+_[a-z_]*)\$\{/g)].map((m) => m[1]!);
    const unused = Object.entries(englishMessages)
      .filter(([key, { message }]) => {
        expect(message, key).toBeTruthy();
        return !code.includes(`'${key}'`) && !code.includes(`__MSG_${key}__`) && !prefixes.some((p) => key.startsWith(p));
      })
      .map(([key]) => key);
    expect(unused).toEqual([]);
  });

  it('no component carries a hard-coded user-visible sentence (strings come from t)', () => {
    for (const dir of ['src/ui', 'src/popup', 'src/options', 'src/reader']) {
      for (const f of sourcesUnder(dir).filter((x) => x.endsWith('.tsx'))) {
        const src = readFileSync(f, 'utf8');
        // JSX text of a word of 3+ letters, other than the options preview's fixed sample card name.
        const jsxText = [...src.matchAll(/[^=]>\s*([A-Za-z][A-Za-z ,.'’]{2,})\s*</g)]
          .map((m) => m[1]!.trim())
          .filter((s) => !/^Tehreek/.test(s));
        expect(jsxText, f).toEqual([]);
      }
    }
  });

  it('says nothing in internal jargon (issue 12: "Background entry", "Context only", "context anchor")', () => {
    const jargon = /background entry|context only|context anchor|anchorOnly|\bmarking\.|\bcard\.theme/i;
    const found = Object.entries(englishMessages)
      .filter(([, { message }]) => jargon.test(message))
      .map(([key]) => key);
    expect(found).toEqual([]);
  });

  it('only src/shared/i18n.ts calls the translation API', () => {
    const callers = sourcesUnder('src').filter((f) => /\bgetMessage\(/.test(readFileSync(f, 'utf8')));
    expect(callers).toEqual([join('src', 'shared', 'i18n.ts')]);
  });
});
