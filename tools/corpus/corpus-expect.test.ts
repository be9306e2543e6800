import { describe, expect, it } from 'vitest';
import { checkMarks, type ExpectGlossary, expectationsFor, GlossaryLookup, pathElements } from './corpus-expect.js';
import type { CorpusPage } from './corpus-index.js';

// entries: 0 afghanistan (anchor), 1 pakistan (anchor), 2 taliban, 3 ttp (needs pakistan), 4 al-qaeda
const GLOSSARY: ExpectGlossary = {
  entries: [
    { id: 'afghanistan', aliases: ['Afghanistan'], anchorOnly: true },
    { id: 'pakistan', aliases: ['Pakistan'], anchorOnly: true },
    { id: 'taliban', aliases: ['Taliban'], anchorOnly: false },
    { id: 'ttp', aliases: ['Tehreek-e-Taliban Pakistan', 'TTP'], anchorOnly: false },
    { id: 'al-qaeda', aliases: ['al-Qaeda'], anchorOnly: false },
  ],
  terms: [
    { entry: 0, text: 'Afghanistan' },
    { entry: 1, text: 'Pakistan' },
    { entry: 2, text: 'Taliban' },
    { entry: 3, text: 'TTP', requires: [1] },
    { entry: 3, text: 'Tehreek-e-Taliban Pakistan' },
    { entry: 4, text: 'al-Qaeda' },
  ],
};
const lookup = new GlossaryLookup(GLOSSARY);

const page = (visible: Record<string, number>, raw: Record<string, number>): CorpusPage => ({
  path: 'p.html', source: '', license: '', size: 1, termsVisible: visible, termsRaw: raw, categories: ['topic-strong'],
  url: '', title: '', scripts: 0, iframes: 0, notes: '',
});
const mark = (text: string, path = '/html[1]/body[1]/p[1]/text()[1]') => ({ text, start: { path }, end: { path } });

describe('expectationsFor', () => {
  it('expects markable entries, never anchors, and context-bound aliases only with their context', () => {
    const exp = expectationsFor(page({ Pakistan: 2, Taliban: 1, TTP: 1 }, {}), lookup);
    expect(exp.expectedEntries).toEqual(['taliban', 'ttp']);
    expect(exp.labels.find((l) => l.label === 'Pakistan')?.status).toBe('anchor-only');
    const alone = expectationsFor(page({ TTP: 1 }, {}), lookup);
    expect(alone.expectedEntries).toEqual([]);
    expect(alone.labels[0]?.status).toBe('needs-context');
    expect(expectationsFor(page({ Mishustin: 1 }, {}), lookup).labels[0]?.status).toBe('not-in-glossary');
  });
  it('lists entries whose words are only in hidden places', () => {
    const exp = expectationsFor(page({ Taliban: 1 }, { Taliban: 3, 'al-Qaeda': 2 }), lookup);
    expect(exp.hiddenOnlyEntries).toEqual(['al-qaeda']);
  });
});

describe('checkMarks', () => {
  it('counts marks by entry (possessive and spacing variants), finds misses, hidden and forbidden marks', () => {
    const exp = expectationsFor(page({ Pakistan: 1, Taliban: 2, TTP: 1 }, { 'al-Qaeda': 1 }), lookup);
    const c = checkMarks(
      [mark('Taliban'), mark("Taliban's"), mark('al Qaeda'), mark('Taliban', '/html[1]/body[1]/pre[1]/code[1]/text()[1]')],
      exp,
      lookup,
    );
    expect(c.byEntry).toEqual({ taliban: 3, 'al-qaeda': 1 });
    expect(c.missing).toEqual(['ttp']);
    expect(c.hiddenMarks).toEqual(['al-qaeda (1×)']);
    expect(c.forbiddenMarks).toHaveLength(1);
    expect(c.forbiddenMarks[0]).toMatch(/inside <pre>/);
  });
  it('reports a mark that spells no entry under its text', () => {
    const c = checkMarks([mark('Quetta')], expectationsFor(page({}, {}), lookup), lookup);
    expect(c.byEntry).toEqual({ '?Quetta': 1 });
  });
});

describe('pathElements', () => {
  it('keeps element steps of a harness path, shadow roots and text steps dropped', () => {
    expect(pathElements('/html[1]/body[1]/div[3]/#shadow-root/p[1]/text()[2]')).toEqual(['html', 'body', 'div', 'p']);
  });
});
