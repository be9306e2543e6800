import { describe, expect, it } from 'vitest';
import { isBorderMention, notOfMatched } from './mention-scope.js';

const span = (text: string, word: string, entry = 0) => ({ entry, start: text.indexOf(word), end: text.indexOf(word) + word.length });

describe('isBorderMention (wave 9)', () => {
  it.each<[string, string, boolean]>([
    ['in rural areas along the Afghan border, the militants', 'Afghan', true],
    ['a region bordering Afghanistan.', 'Afghanistan', true],
    ['near the Pakistan-Afghanistan border', 'Afghanistan', true],
    ['the border with Afghanistan', 'Afghanistan', true],
    ['along Afghanistan’s border', 'Afghanistan', true],
    ['the Taliban rule Afghanistan.', 'Afghanistan', false],
    ['fled to Afghanistan after the raid', 'Afghanistan', false],
  ])('%j: %s -> %s', (text, word, expected) => {
    const s = span(text, word);
    expect(isBorderMention(text, s.start, s.end)).toBe(expected);
  });
});

describe('notOfMatched (wave 9)', () => {
  it('needs "of"/"in" right before a hit of a notOf entry', () => {
    const t = 'resisted the Taliban takeover of Swat with her diary';
    const h = span(t, 'Taliban takeover');
    expect(notOfMatched([1], t, h, [h, span(t, 'Swat', 1)])).toBe(true);
    expect(notOfMatched([2], t, h, [h, span(t, 'Swat', 1)])).toBe(false);
    expect(notOfMatched(undefined, t, h, [h, span(t, 'Swat', 1)])).toBe(false);
    const u = 'after the Taliban takeover, Swat was calm';
    const k = span(u, 'Taliban takeover');
    expect(notOfMatched([1], u, k, [k, span(u, 'Swat', 1)])).toBe(false);
  });
});
