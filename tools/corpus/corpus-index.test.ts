import { describe, expect, it } from 'vitest';
import { labelSpellings, parseCorpusIndex, parseTermCounts } from './corpus-index.js';

const HEADER = 'path\tsource\tlicense\tsize\tterms_visible\tterms_raw_html\tcategory\turl\ttitle\tscripts\tiframes\tnotes';

describe('parseTermCounts', () => {
  it('reads label=count lists and the empty marker', () => {
    expect(parseTermCounts('Pakistan=3;Afghanistan=1')).toEqual({ Pakistan: 3, Afghanistan: 1 });
    expect(parseTermCounts('-')).toEqual({});
    expect(parseTermCounts('')).toEqual({});
    expect(parseTermCounts('Tehreek/Tehrik-e/i-Taliban=21')).toEqual({ 'Tehreek/Tehrik-e/i-Taliban': 21 });
  });
  it('rejects malformed counts', () => {
    expect(() => parseTermCounts('Pakistan')).toThrow(/bad term count/);
    expect(() => parseTermCounts('Pakistan=x')).toThrow(/bad count/);
  });
});

describe('labelSpellings', () => {
  it('expands optional parts, slash alternatives and drops (token)', () => {
    expect(labelSpellings('Siraj(uddin) Haqqani').sort()).toEqual(['Siraj Haqqani', 'Sirajuddin Haqqani']);
    expect(labelSpellings('Hibatullah(token)')).toEqual(['Hibatullah']);
    expect(labelSpellings('Tehreek/Tehrik-e/i-Taliban').sort()).toEqual([
      'Tehreek-e-Taliban', 'Tehreek-i-Taliban', 'Tehrik-e-Taliban', 'Tehrik-i-Taliban',
    ]);
    expect(labelSpellings('al-Qaeda')).toEqual(['al-Qaeda']);
  });
});

describe('parseCorpusIndex', () => {
  it('parses rows, joined categories and notes', () => {
    const tsv = [
      HEADER,
      'a/x.html\tsrc:x\tMIT\t1200\tPakistan=3\tPakistan=6;TTP=1\ttopic-strong\thttps://e.com\tTitle\t4\t1\t',
      'b/y.html\tsrc:y\tMIT\t99\t-\tTaliban=1\tterms-hidden-only+general\thttps://e.com/y\tY\t0\t0\tsome note',
      '',
    ].join('\n');
    const pages = parseCorpusIndex(tsv);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toMatchObject({ path: 'a/x.html', size: 1200, termsVisible: { Pakistan: 3 }, termsRaw: { Pakistan: 6, TTP: 1 } });
    expect(pages[1]?.categories).toEqual(['terms-hidden-only', 'general']);
    expect(pages[1]?.notes).toBe('some note');
  });
  it('names the line of a bad row and checks the header', () => {
    expect(() => parseCorpusIndex(`${HEADER}\na.html\ts\tl\t1\t-\t-\tweird\tu\tt\t0\t0\t`)).toThrow(/line 2: unknown category "weird"/);
    expect(() => parseCorpusIndex('path\tnope')).toThrow(/column 2/);
  });
});
