import { describe, expect, it } from 'vitest';
import type { CompiledGlossary, EntrySource } from '../glossary-types.js';
import { Matcher } from '../matcher/index.js';
import { compileGlossary, compileWithEngine, matcherEngine, type GlossaryFiles, type ScanEngine } from './index.js';

const META = {
  title: 'Test report on Alpha',
  date: '2022-01-01',
  displayDate: 'Jan 1, 2022',
  dateline: 'Springfield',
  language: 'en',
  sourceFile: 'test.txt',
  publisher: 'Test Wire',
  textSource: 'test fixture',
};

const TEXT = [
  'Test report on Alpha',
  'Jan 1, 2022',
  'Springfield [Freedonia], January 1 : The Alpha group met Beta officials in Freedonia. The truce held for a week.',
  '',
  "Later, Alpha struck again. Nobody in Freedonia expected Alpha's return, said Amnesty International. Amnesty was never offered.",
].join('\n');

function entry(id: string, name: string, extra: Partial<EntrySource> = {}): EntrySource {
  return { id, name, category: 'organization', aliases: [{ text: name, case: 'proper' }], definition: `About ${name}.`, related: [], ...extra };
}

const ENTRIES: EntrySource[] = [
  entry('alpha', 'Alpha', { related: ['beta'] }),
  entry('amnesty', 'amnesty', { category: 'concept', aliases: [{ text: 'amnesty', case: 'any' }], never: ['Amnesty International'], requires: ['alpha'] }),
  entry('beta', 'Beta'),
  entry('freedonia', 'Freedonia', { category: 'place', anchorOnly: true }),
  entry('gamma', 'Gamma', { background: true }),
  // Context from another paragraph: "truce" is in paragraph 1, its anchor only in paragraph 2 ("Later, Alpha…")
  // would also do, but Freedonia (an anchor) is in both.
  entry('truce', 'truce', { category: 'event', aliases: [{ text: 'truce', case: 'any' }], requires: ['freedonia'] }),
];

function files(entries: unknown = ENTRIES, meta: unknown = META, text = TEXT): GlossaryFiles {
  return { entries: JSON.stringify({ version: 1, entries }), report: JSON.stringify(meta), text };
}

function compiled(f: GlossaryFiles = files()): CompiledGlossary {
  const r = compileGlossary(f);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.glossary;
}

function errorsOf(f: GlossaryFiles): string[] {
  const r = compileGlossary(f);
  return r.ok ? [] : r.errors;
}

const byId = (g: CompiledGlossary, id: string) => g.entries.find((e) => e.id === id)!;

describe('compileGlossary: a sound glossary', () => {
  const g = compiled();

  it('keeps the report verbatim with located sentences', () => {
    expect(g.version).toBe(1);
    expect(g.report.text).toBe(TEXT);
    expect(g.report.meta).toEqual(META);
    expect(g.report.paragraphs.map((p) => p.length)).toEqual([2, 3]);
    const s = g.report.paragraphs[1]![2]!;
    expect(s).toMatchObject({ paragraph: 2, sentence: 3 });
    expect(TEXT.slice(s.start, s.end)).toBe('Amnesty was never offered.');
  });

  it('counts mentions, with context and blockers applied', () => {
    expect(Object.fromEntries(g.entries.map((e) => [e.id, e.mentions]))).toEqual({
      alpha: 3, // "Alpha group", "Alpha struck", "Alpha's" (the title line is not scanned)
      amnesty: 1, // "Amnesty was…"; the one inside "Amnesty International" is blocked
      beta: 1,
      freedonia: 3, // anchors are found (they are context) even though pages never paint them
      gamma: 0,
      truce: 1,
    });
  });

  it('gives each quote the verbatim sentence and marks at the mention offsets', () => {
    const alpha = byId(g, 'alpha');
    // Scores (rank.ts): p1s1 leads 3 + introduces 2 + company 1 (Beta) + moderate length 1 = 7;
    // p2s2 leads 3 + moderate length 1 = 4; p2s1 leads 3 (26 characters: too short for the length point) = 3.
    expect(alpha.quotes.map((q) => [q.paragraph, q.sentence])).toEqual([[1, 1], [2, 2], [2, 1]]);
    for (const q of alpha.quotes) {
      const sn = g.report.paragraphs[q.paragraph - 1]![q.sentence - 1]!;
      expect(q.text).toBe(TEXT.slice(sn.start, sn.end));
      for (const [a, b] of q.marks) expect(q.text.slice(a, b)).toBe('Alpha');
    }
    expect(alpha.quotes[0]!.marks).toEqual([[41, 46]]);
    const amnesty = byId(g, 'amnesty');
    expect(amnesty.quotes).toEqual([{ paragraph: 2, sentence: 3, text: 'Amnesty was never offered.', marks: [[0, 7]] }]);
  });

  it('copies entry fields and lists the name first among aliases', () => {
    const alpha = byId(g, 'alpha');
    expect(alpha).toMatchObject({ id: 'alpha', name: 'Alpha', category: 'organization', related: ['beta'], background: false, anchorOnly: false });
    expect(alpha.aliases).toEqual(['Alpha']);
    expect(byId(g, 'freedonia').anchorOnly).toBe(true);
    expect(byId(g, 'gamma')).toMatchObject({ background: true, mentions: 0, quotes: [] });
    expect('own' in alpha).toBe(false);
  });

  it('ships a matcher that loads and finds the same terms', () => {
    const m = Matcher.load(g.matcher);
    const hits = m.scan('Beta and Alpha');
    expect(hits.map((h) => g.entries[h.entry]!.id)).toEqual(['beta', 'alpha']);
    expect(g.matcher.terms.find((t) => t.entry === -1)?.text).toBe('Amnesty International');
  });

  it('is deterministic', () => {
    expect(JSON.stringify(compiled())).toBe(JSON.stringify(g));
  });
});

describe('compileGlossary: context over the whole report', () => {
  it('scans paragraph by paragraph but judges context over every paragraph', () => {
    const seen: string[] = [];
    const spy: ScanEngine = {
      compile(terms) {
        const m = matcherEngine.compile(terms);
        return { scan: (t) => (seen.push(t), m.scan(t)), serialize: () => m.serialize() };
      },
      filterByContext: matcherEngine.filterByContext,
    };
    // "truce" (paragraph 1) requires beta; beta occurs only in paragraph 2.
    const text = 'Title\nJan 1, 2022\nThe truce held.\nBeta agreed.';
    const entries = [entry('beta', 'Beta'), entry('truce', 'truce', { aliases: [{ text: 'truce', case: 'any' }], requires: ['beta'] })];
    const r = compileWithEngine(files(entries, { ...META, title: 'Title' }, text), spy);
    // The title is scanned too: it is the heading above every paragraph (window `heading`).
    expect(seen).toEqual(['Title', 'The truce held.', 'Beta agreed.']);
    expect(r.ok && r.glossary.entries.map((e) => e.mentions)).toEqual([1, 1]);
  });

  it('a heading window sees the report title as the nearest heading', () => {
    const text = 'Beta report\nJan 1, 2022\nThe truce held.\nBeta agreed.';
    const truce = (window: 'heading' | 'paragraph') =>
      entry('truce', 'truce', { aliases: [{ text: 'truce', case: 'any', window }], requires: ['beta'] });
    const r = compileGlossary(files([entry('beta', 'Beta'), truce('heading')], { ...META, title: 'Beta report' }, text));
    expect(r.ok && r.glossary.entries.map((e) => e.mentions)).toEqual([1, 1]);
    expect(errorsOf(files([entry('beta', 'Beta'), truce('paragraph')], { ...META, title: 'Beta report' }, text))).toEqual([
      'entry truce never occurs in the report (mark it background: true if intended)',
    ]);
  });

  it('a shared name with no cue reads as the paragraphs before it did, else as the next ones do (as on a page)', () => {
    const shared = [
      entry('swat', 'Swat', { category: 'place', anchorOnly: true }),
      entry('taliban', 'Afghan Taliban', {
        aliases: [
          { text: 'Afghan Taliban', case: 'proper' },
          { text: 'Taliban', case: 'proper', resolve: { to: 'ttp', when: ['ttp', 'swat'], unless: [] } },
        ],
      }),
      entry('ttp', 'TTP', { aliases: [{ text: 'TTP', case: 'exact' }] }),
    ];
    const quoted = (text: string) => {
      const g = compiled(files(shared, { ...META, title: 'Title' }, `Title\nJan 1, 2022\n${text}`));
      return g.entries.map((e) => `${e.id}:${e.quotes.map((q) => q.text).join('|')}`);
    };
    // Paragraph 1 has no cue; paragraph 2 reads "Taliban" as the TTP on its own cue (Swat): both are the TTP.
    expect(quoted('The Taliban shot a girl.\nSwat, a Taliban stronghold, mourned.\nThe Afghan Taliban and the TTP differ.')).toEqual([
      'swat:Swat, a Taliban stronghold, mourned.',
      'taliban:The Afghan Taliban and the TTP differ.',
      'ttp:The Taliban shot a girl.|Swat, a Taliban stronghold, mourned.|The Afghan Taliban and the TTP differ.',
    ]);
  });

  it('drops a hit whose context is absent, so the entry "never occurs"', () => {
    const text = 'Title\nJan 1, 2022\nThe truce held.';
    const entries = [entry('beta', 'Beta', { background: true }), entry('truce', 'truce', { aliases: [{ text: 'truce', case: 'any' }], requires: ['beta'] })];
    expect(errorsOf(files(entries, { ...META, title: 'Title' }, text))).toEqual([
      'entry truce never occurs in the report (mark it background: true if intended)',
    ]);
  });
});

describe('compileGlossary: errors', () => {
  it('an entry that never occurs', () => {
    const entries = [...ENTRIES, entry('zeta', 'Zeta')];
    expect(errorsOf(files(entries))).toEqual(['entry zeta never occurs in the report (mark it background: true if intended)']);
  });

  it('a background entry that occurs', () => {
    const entries = ENTRIES.map((e) => (e.id === 'beta' ? { ...e, background: true } : e));
    expect(errorsOf(files(entries))).toEqual(['entry beta is marked background but occurs in the report (1 mention(s)): remove background']);
  });

  it('a pinned quote that is not verbatim, or not a whole sentence', () => {
    const entries = ENTRIES.map((e) =>
      e.id === 'alpha' ? { ...e, pinnedQuotes: ['Later, Alpha struck once more.', 'Alpha struck again.'] } : e,
    );
    expect(errorsOf(files(entries))).toEqual([
      'entry alpha: pinned quote not found verbatim: "Later, Alpha struck once more."',
      'entry alpha: pinned quote is verbatim but not a whole sentence of the report: "Alpha struck again."',
    ]);
  });

  it('a "Beyond the report" fact without a source, a source without a fact, a bad source (issue 12, provenance)', () => {
    const src = { name: 'Example News', url: 'https://example.org/a', date: '2021-12-10' };
    const withSources = (patch: Partial<EntrySource>) => ENTRIES.map((e) => (e.id === 'beta' ? { ...e, ...patch } : e));
    expect(errorsOf(files(withSources({ beyondReport: 'Outside the report: x.' })))).toEqual([
      'entry beta: beyondReport has no beyondSources: give each outside fact a source (name, https url, date) or cut it',
    ]);
    expect(errorsOf(files(withSources({ beyondSources: [src] })))).toEqual(['entry beta: beyondSources without beyondReport: the sources back nothing']);
    expect(errorsOf(files(withSources({ beyondReport: 'Outside the report: x.', beyondSources: [{ ...src, url: 'http://example.org/a' }] })))).toEqual([
      'entry "beta" (entries[2]) beyondSources[0].url: must be an absolute https URL',
    ]);
    expect(errorsOf(files(withSources({ beyondReport: 'Outside the report: x.', beyondSources: [{ ...src, date: '2021-02-30' }] })))).toEqual([
      'entry "beta" (entries[2]) beyondSources[0].date: is not a real date',
    ]);
    const ok = compileGlossary(files(withSources({ beyondReport: 'Outside the report: x.', beyondSources: [src] })));
    expect(ok.ok && ok.glossary.entries.find((e) => e.id === 'beta')?.beyondSources).toEqual([src]);
  });

  it('report metadata names its publisher and where the text came from', () => {
    const { publisher: _p, ...noPublisher } = META;
    expect(errorsOf(files(ENTRIES, noPublisher))).toEqual(['report.json publisher: is required']);
    expect(errorsOf(files(ENTRIES, { ...META, url: 'ftp://example.org/r' }))).toEqual(['report.json url: must be an absolute https URL']);
  });

  it('a schema error names the entry and the field path', () => {
    const entries = ENTRIES.map((e) => (e.id === 'beta' ? { ...e, aliases: [{ text: 'Beta', case: 'upper' }] } : e));
    const errors = errorsOf(files(entries));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^entry "beta" \(entries\[2\]\) aliases\[0\]\.case: Invalid enum value/);
  });

  it('a title or date that does not match the text', () => {
    expect(errorsOf(files(ENTRIES, { ...META, title: 'Another title' }))).toEqual([
      'report title mismatch: report.json title "Another title" but report.txt line 1 is "Test report on Alpha"',
    ]);
    expect(errorsOf(files(ENTRIES, { ...META, displayDate: 'Jan 2, 2022' }))).toEqual([
      'report date mismatch: report.json displayDate "Jan 2, 2022" but report.txt line 2 is "Jan 1, 2022"',
    ]);
  });

  it('bad report metadata and bad JSON', () => {
    expect(errorsOf(files(ENTRIES, { ...META, date: 'yesterday' }))).toEqual(['report.json date: must be an ISO date like "2022-01-31"']);
    expect(errorsOf({ ...files(), entries: '{"version": 1,' })[0]).toMatch(/^glossary\/entries\.json: invalid JSON: /);
  });

  it('collects every error in one run instead of stopping at the first', () => {
    const entries = [
      ...ENTRIES.map((e) => (e.id === 'alpha' ? { ...e, pinnedQuotes: ['Not in the report.'] } : e)),
      entry('zeta', 'Zeta'),
      entry('zulu', 'Zulu'),
    ];
    expect(errorsOf(files(entries))).toEqual([
      'entry alpha: pinned quote not found verbatim: "Not in the report."',
      'entry zeta never occurs in the report (mark it background: true if intended)',
      'entry zulu never occurs in the report (mark it background: true if intended)',
    ]);
    // Schema and metadata problems are reported together too.
    const both = errorsOf(files([entry('b', 'B'), entry('a', 'A')], { ...META, title: 'X' }));
    expect(both).toHaveLength(2);
    expect(both[0]).toMatch(/^entries are not sorted by id/);
    expect(both[1]).toMatch(/^report title mismatch/);
  });
});

describe('compileGlossary: quote order', () => {
  it('puts pinned quotes first in the order written, then the most telling, ties in report order', () => {
    const pinned = ["Nobody in Freedonia expected Alpha's return, said Amnesty International.", 'Later, Alpha struck again.'];
    const g = compiled(files(ENTRIES.map((e) => (e.id === 'alpha' ? { ...e, pinnedQuotes: pinned } : e))));
    expect(byId(g, 'alpha').quotes.map((q) => q.text)).toEqual([
      ...pinned,
      'Springfield [Freedonia], January 1 : The Alpha group met Beta officials in Freedonia.',
    ]);
  });

  it('a pinned sentence without a mention is shown with no marks', () => {
    const g = compiled(files(ENTRIES.map((e) => (e.id === 'beta' ? { ...e, pinnedQuotes: ['Later, Alpha struck again.'] } : e))));
    expect(byId(g, 'beta').quotes[0]).toEqual({ paragraph: 2, sentence: 1, text: 'Later, Alpha struck again.', marks: [] });
    expect(byId(g, 'beta').mentions).toBe(1);
  });
});
