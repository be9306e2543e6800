import { describe, expect, it } from 'vitest';
import { compileGlossaryDir } from '../../tools/glossary/compile-glossary.js';
import { extract } from './extract/index.js';
import { draftProblems, QUOTE_TARGET, readerPath, STORED_ID, type GlossaryDraft } from './glossary-draft.js';
import { compileDraft, compileDraftLenient, newGlossaryId } from './glossary-store.js';
import { draftDefinition, termsToEntries, type ReviewedTerm } from './glossary-store-draft.js';
import { mergeGlossaries, type SourcedQuote } from './glossary-store-merge.js';
import type { CompiledGlossary } from './glossary-types.js';
import { Matcher } from './matcher/index.js';

// The article of tests/fixtures/extract/article.html, as Readability gives it (one paragraph per line).
const PARAGRAPHS = [
  'ISLAMABAD, October 30 — Talks in Doha between Pakistan and the Taliban government of Afghanistan ended without agreement on Thursday, officials said, as clashes resumed along the Durand Line.',
  "The Tehreek-e-Taliban Pakistan (TTP), which Pakistan says operates from Afghan soil, claimed two attacks in Khyber Pakhtunkhwa (KP) province during the talks. Pakistan's Inter-Services Public Relations (ISPR) said eleven soldiers were killed.",
  'Qatar and Turkey, which mediated the Doha ceasefire earlier this month, urged both sides to return to the table. A Taliban spokesman, Zabihullah Mujahid, said Kabul would not allow its territory to be used against any country.',
  'Analysts said the collapse of the Doha ceasefire left the Durand Line more volatile than at any time since 2021. Zabihullah Mujahid later said Afghanistan wanted talks to continue.',
  'The TTP has stepped up attacks since the Taliban returned to power, and Pakistan has demanded that Kabul act against its leaders.',
];
const META = { title: 'Doha talks collapse as border clashes resume', date: '2025-10-30', publisher: 'Example News', source: 'http://127.0.0.1/report.html' };

const bundled: CompiledGlossary = (() => {
  const r = compileGlossaryDir('glossary');
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.glossary;
})();

function reviewAll(): ReviewedTerm[] {
  const x = extract(PARAGRAPHS.join('\n'));
  return x.candidates.slice(0, 15).map((c) => ({ ...c, definition: draftDefinition(c.name, c.sentences) }));
}

function made(): CompiledGlossary {
  const draft: GlossaryDraft = { meta: META, paragraphs: PARAGRAPHS, entries: termsToEntries(reviewAll()) };
  const { result } = compileDraftLenient(draft);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.glossary;
}

describe('glossary store: drafts', () => {
  it('reviewed candidates compile with the bundled glossary compiler', () => {
    const g = made();
    const names = g.entries.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Zabihullah Mujahid', 'Durand Line']));
    const zm = g.entries.find((e) => e.name === 'Zabihullah Mujahid')!;
    expect(zm.quotes.map((q) => q.text)).toContain('A Taliban spokesman, Zabihullah Mujahid, said Kabul would not allow its territory to be used against any country.');
    // Every quote is a verbatim slice of the compiled report text.
    for (const e of g.entries) for (const q of e.quotes) expect(g.report.text).toContain(q.text);
  });

  it('the drafted definition is a verbatim sentence in quotation marks', () => {
    expect(draftDefinition('Durand Line', ['No line here.', 'Clashes resumed along the Durand Line.'])).toBe('\u201cClashes resumed along the Durand Line.\u201d');
  });

  it('ids are kebab-case, unique, never own-; a spelling claimed twice is kept once', () => {
    const t = (name: string, aliases: string[] = []): ReviewedTerm => ({ name, aliases: [name, ...aliases].map((text) => ({ text, case: 'proper' })), category: 'concept', requires: [], definition: 'x', sentences: [] });
    const entries = termsToEntries([t('Own Goal'), t('Café Noir'), t('Cafe-Noir'), t('TTP', ['Pakistani Taliban']), t('Pakistani-Taliban')]);
    expect(entries.map((e) => e.id)).toEqual(['cafe-noir', 'term-own-goal', 'ttp']);
  });

  it('an ordinary-English term whose context was rejected is left out', () => {
    const entries = termsToEntries([{ name: 'ceasefire', aliases: [{ text: 'ceasefire', case: 'any' }], category: 'event', requires: ['TTP'], definition: 'x', sentences: [] }]);
    expect(entries).toEqual([]);
  });

  it('rejects malformed drafts with precise errors and changes nothing', () => {
    expect(draftProblems(null)).toEqual(['(top level): expected an object with meta, paragraphs and entries']);
    expect(draftProblems({ meta: { ...META, date: '2025-13-01' }, paragraphs: ['a'], entries: [] })).toEqual(['meta.date: must be a date like "2025-10-19" or empty']);
    expect(draftProblems({ meta: META, paragraphs: ['a\nb'], entries: [] })[0]).toMatch(/^paragraphs\[0\]/);
    expect(draftProblems({ meta: META, paragraphs: [], entries: [], extra: 1 })).toHaveLength(2);
    const bad = compileDraft({ meta: META, paragraphs: PARAGRAPHS, entries: [{ id: 'x', name: 'Nowhere', category: 'place', aliases: [{ text: 'Nowhere', case: 'proper' }], definition: 'd', related: [] }] });
    expect(bad).toEqual({ ok: false, errors: ['entry x never occurs in the report (mark it background: true if intended)'] });
  });

  it('stored ids never look like bundled ids', () => {
    const id = newGlossaryId(new Uint8Array([1, 2, 3, 250, 9, 35, 36, 0, 7, 8]));
    expect(id).toMatch(STORED_ID);
    expect(bundled.entries.some((e) => e.id.startsWith(`${id}-`))).toBe(false);
  });
});

describe('glossary store: side by side', () => {
  it('one matcher over both glossaries; a shared term shows the newer report first, named and dated', () => {
    const mine = made();
    const merged = mergeGlossaries([
      { id: 'bundled', title: bundled.report.meta.title, date: bundled.report.meta.date, compiled: bundled },
      { id: 'gabcdef1234', title: META.title, date: META.date, compiled: mine },
    ])!;
    const m = Matcher.load(merged.matcher);
    const text = 'Zabihullah Mujahid spoke of the Durand Line; the TTP and Noor Wali Mehsud were named.';
    const hit = (s: string) => m.scan(text).find((h) => text.slice(h.start, h.end) === s);
    const zm = merged.entries[hit('Zabihullah Mujahid')!.entry]!;
    expect(zm.id).toBe('gabcdef1234-zabihullah-mujahid');
    expect((zm.quotes as SourcedQuote[]).every((q) => q.from?.title === META.title)).toBe(true);
    expect(merged.entries[hit('Noor Wali Mehsud')!.entry]!.id).toBe('noor-wali-mehsud');
    const ttp = merged.entries[hit('TTP')!.entry]!;
    expect(ttp.id).toBe('ttp');
    const quotes = ttp.quotes as SourcedQuote[];
    expect(quotes[0]!.from).toEqual({ glossary: 'gabcdef1234', title: META.title, date: '2025-10-30' });
    expect(quotes.at(-1)!.from).toBeUndefined();
    expect(quotes.length).toBe(bundled.entries.find((e) => e.id === 'ttp')!.quotes.length + mine.entries.find((e) => e.name.includes('TTP') || e.aliases.includes('TTP'))!.quotes.length);
    // Ids stay unique; the bundled entries keep their index order.
    expect(new Set(merged.entries.map((e) => e.id)).size).toBe(merged.entries.length);
    expect(merged.entries.slice(0, bundled.entries.length).map((e) => e.id)).toEqual(bundled.entries.map((e) => e.id));
  });

  it('the bundled glossary alone is passed through unchanged (no recompile)', () => {
    expect(mergeGlossaries([{ id: 'bundled', title: '', date: '', compiled: bundled }])).toBe(bundled);
    expect(mergeGlossaries([])).toBeNull();
  });
});

describe('glossary store: share', () => {
  it('export -> import gives the same glossary; a malformed file is refused with a precise error', async () => {
    const { serializeGlossaryFile, readGlossaryFile } = await import('./glossary-store-file.js');
    const draft: GlossaryDraft = { meta: META, paragraphs: PARAGRAPHS, entries: termsToEntries(reviewAll()) };
    const { result } = compileDraftLenient(draft);
    if (!result.ok) throw new Error('no compile');
    const kept = { ...draft, entries: draft.entries.filter((e) => result.glossary.entries.some((c) => c.id === e.id)) };
    const back = readGlossaryFile(serializeGlossaryFile(kept));
    if (!back.ok) throw new Error(back.errors.join('\n'));
    expect(back.draft).toEqual(kept);
    expect(compileDraft(back.draft)).toEqual(result);
    expect(back.preview.names).toContain('Zabihullah Mujahid');
    expect(readGlossaryFile('{')).toMatchObject({ ok: false, errors: [expect.stringMatching(/^not a JSON file/)] });
    expect(readGlossaryFile('{"format":"context-glossary-export","version":1}')).toMatchObject({ ok: false, errors: [expect.stringMatching(/^format: must be "context-glossary-report"/)] });
    const broken = JSON.parse(serializeGlossaryFile(kept)) as { entries: { aliases: unknown }[] };
    broken.entries[0]!.aliases = 'TTP';
    expect(readGlossaryFile(JSON.stringify(broken))).toMatchObject({ ok: false, errors: [expect.stringMatching(/aliases: must be array/)] });
  });
});

describe('reader pages per glossary (issue 14)', () => {
  it('a quote target leads to the reader of its own report; anything else to the bundled reader without an anchor', () => {
    expect(readerPath('p4s2')).toBe('reader.html#p4s2');
    expect(readerPath('gab12cd34ef/p12s3')).toBe('reader.html?g=gab12cd34ef#p12s3');
    expect(readerPath(null)).toBe('reader.html');
    for (const bad of ['bundled/p1s1', 'gAB12/p1s1', 'g12/p1s1', 'gab12cd34ef/', 'p1s1#x', 'javascript:alert(1)', '../p1s1', 'gab12cd34ef/p1s1?x']) {
      expect(QUOTE_TARGET.test(bad)).toBe(false);
      expect(readerPath(bad)).toBe('reader.html');
    }
  });
});
