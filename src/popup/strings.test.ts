// Every popup_/bg_ string the code asks for exists in the English locale, with a description; none is unused.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const messages = JSON.parse(readFileSync('extension/_locales/en/messages.json', 'utf8')) as Record<
  string,
  { message: string; description?: string }
>;
const sources = (dir: string) =>
  readdirSync(dir)
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
const code = sources('src/popup') + sources('src/background');
// Strings are looked up by literal key: msg('popup_…') in the popup, i18n.getMessage('bg_…') in the background.
const used = new Set([...code.matchAll(/(?:msg|getMessage)\(\s*['"`]((?:popup|bg)_\w+)['"`]/g)].map((m) => m[1]!));
const defined = Object.keys(messages).filter((k) => /^(popup|bg)_/.test(k));

describe('popup and background strings', () => {
  it('are all defined, described and non-empty', () => {
    expect(used.size).toBeGreaterThan(20);
    for (const key of used) {
      expect(messages[key]?.message, key).toBeTruthy();
      expect(messages[key]?.description, key).toBeTruthy();
    }
  });
  it('are all used', () => {
    expect(defined.filter((k) => !used.has(k))).toEqual([]);
  });
  it('context-menu titles carry the selection placeholder', () => {
    expect(messages.bg_menuLookup!.message).toContain('%s');
    expect(messages.bg_menuAdd!.message).toContain('%s');
  });
});
