import { describe, expect, it } from 'vitest';
import { extensionErrorsOf, failuresOf, firstDifference, markdownTable, type PageResult, summarize } from './corpus-report.js';

const O = 'chrome-extension://abc';

const result = (over: Partial<PageResult> = {}): PageResult => ({
  path: 'a/x.html', browser: 'chromium', categories: ['topic-strong'], sizeKb: 10, extensionErrors: [], pageErrorsBoth: 0,
  domDiff: null, marks: 2, marksLive: 2, check: { byEntry: { taliban: 2 }, missing: [], hiddenMarks: [], forbiddenMarks: [] },
  expect: { labels: [], expectedEntries: ['taliban'], hiddenOnlyEntries: [] }, timeToMarksMs: 120, slices: null,
  pageLongTasks: null, blockedRequests: 3, wallMs: 900, ...over,
});

describe('firstDifference', () => {
  it('is null for equal strings and points at the first differing offset', () => {
    expect(firstDifference('abc', 'abc')).toBeNull();
    const d = firstDifference('<p>hello</p>', '<p>help</p>', 3);
    expect(d?.at).toBe(6);
    expect(d?.control).toBe('hello<');
    expect(d?.extension).toBe('help</');
  });
});

describe('extensionErrorsOf', () => {
  it('blames errors from our origin and errors absent from the control run, not the page’s own', () => {
    const control = { errors: [{ text: 'Failed to load resource: net::ERR_BLOCKED_BY_CLIENT', where: 'http://x.com/a.png' }] };
    const ext = {
      errors: [
        { text: 'Failed to load resource: net::ERR_BLOCKED_BY_CLIENT', where: 'http://x.com/b.png' },
        { text: 'TypeError: x is undefined', where: `${O}/content.js` },
        { text: 'ReferenceError: foo', where: 'http://127.0.0.1:4000/live/p.html' },
      ],
    };
    const r = extensionErrorsOf(ext, control, O);
    expect(r.both).toBe(1);
    expect(r.ours).toHaveLength(2);
    expect(r.ours[0]).toMatch(/TypeError/);
    expect(r.ours[1]).toMatch(/only with extension: ReferenceError/);
  });
  it('ignores differing ports and numbers in otherwise equal messages', () => {
    const control = { errors: [{ text: 'Error at http://127.0.0.1:4000/live/p.html line 12', where: '' }] };
    const ext = { errors: [{ text: 'Error at http://127.0.0.1:5111/live/p.html line 13', where: '' }] };
    expect(extensionErrorsOf(ext, control, O).ours).toEqual([]);
  });
});

describe('failuresOf / summarize / markdownTable', () => {
  it('fails on errors, DOM changes, hidden and forbidden marks; long tasks only when strict', () => {
    expect(failuresOf(result())).toEqual([]);
    const slices = { slices: [70], maxWallMs: 90, count: 1, totalMs: 70, maxMs: 70, p95Ms: 70, longTasks: 1 };
    const bad = result({
      extensionErrors: ['x'],
      domDiff: { at: 1, control: 'a', extension: 'b' },
      check: { byEntry: {}, missing: ['ttp'], hiddenMarks: ['al-qaeda (1×)'], forbiddenMarks: ['"x" inside <code>'] },
      slices,
    });
    expect(failuresOf(bad)).toEqual(['extension-error', 'dom-mutation', 'hidden-word-marked', 'mark-in-forbidden-element']);
    expect(failuresOf(bad, true)).toContain('long-task');
    expect(failuresOf(result({ skipped: 'navigation failed', extensionErrors: ['x'] }))).toEqual([]);
    const s = summarize([result(), bad, result({ skipped: 'x' })]);
    expect(s).toMatchObject({ pages: 3, checked: 2, skipped: 1, failed: 1, pagesWithMisses: 1, pagesWithLongTasks: 1 });
    expect(s.failures['dom-mutation']).toBe(1);
    const md = markdownTable([result(), bad]);
    expect(md.split('\n')).toHaveLength(4);
    expect(md).toContain('FAIL: extension-error, dom-mutation');
    expect(md).toContain('| ok |');
  });
});
