import { describe, expect, it } from 'vitest';
import { parseIdList } from './id-list.js';

describe('id list for eval:keyphrases --subset', () => {
  const known = new Set(['AP880217-0175', 'FT941-575', 'LA042190-0060']);

  it('reads one id a line, skipping comments, blanks and repeats, in order', () => {
    const text = '# wave 13\nLA042190-0060\n\n  FT941-575  # FT\nLA042190-0060\n';
    expect(parseIdList(text, known)).toEqual(['LA042190-0060', 'FT941-575']);
  });

  it('refuses an id that gold.json does not have, and an empty list', () => {
    expect(() => parseIdList('FT941-575\nFT941-576\n', known)).toThrow(/FT941-576/);
    expect(() => parseIdList('# nothing\n', known)).toThrow(/no ids/);
  });
});
