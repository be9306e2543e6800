// The page glossary (issue 14: pages get only what marking needs) and the card text put back: a card built from the
// page glossary plus `getEntryDetails`' answer is the whole glossary's entry, field for field.
import { describe, expect, it } from 'vitest';
import { compileGlossaryDir } from '../../tools/glossary/compile-glossary.js';
import { userGlossaryDrafts } from '../../tools/bench/outside-user-glossaries.js';
import { compileDraft } from './glossary-store.js';
import { termsToEntries } from './glossary-store-draft.js';
import { mergeGlossaries, type MergeInput, type SourcedQuote } from './glossary-store-merge.js';
import type { CompiledGlossary } from './glossary-types.js';
import { entryDetails, pageGlossaryJson, slimGlossary, withDetails } from './page-glossary.js';
import { parseGlossaryJson } from '../shared/glossary-json.js';
import { buildRuntimeGlossary } from './runtime-glossary.js';
import { emptyUserGlossary } from './user-glossary.js';

const bundled: CompiledGlossary = (() => {
  const r = compileGlossaryDir('glossary');
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.glossary;
})();

/** A made glossary from a PDF (pages) that also speaks of the TTP: its sentences join the bundled entry's quotes. */
function pdfReport(): MergeInput {
  const paragraphs = ['The Tehreek-e-Taliban Pakistan (TTP) claimed the attack in Bannu.', 'The TTP denied talks with Islamabad.'];
  const entries = termsToEntries([
    { name: 'Tehreek-e-Taliban Pakistan', aliases: [{ text: 'Tehreek-e-Taliban Pakistan', case: 'proper' }, { text: 'TTP', case: 'exact' }], category: 'organization', requires: [], definition: 'A militant alliance.', sentences: paragraphs },
    { name: 'Bannu', aliases: [{ text: 'Bannu', case: 'proper' }], category: 'place', requires: [], definition: 'A district.', sentences: [paragraphs[0]!] },
  ]);
  const r = compileDraft({ meta: { title: 'UN brief', date: '2025-11-02', publisher: 'UN', source: 'brief.pdf' }, paragraphs, pages: [3, 4], entries });
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return { id: 'gpdf01', title: 'UN brief', date: '2025-11-02', compiled: r.glossary };
}

function merged(): CompiledGlossary {
  const inputs: MergeInput[] = [{ id: 'bundled', title: bundled.report.meta.title, date: bundled.report.meta.date, compiled: bundled }, pdfReport()];
  userGlossaryDrafts(['Imran Khan', 'Prime Minister']).forEach((d, i) => {
    const r = compileDraft(d);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    inputs.push({ id: `gbench${i}`, title: d.meta.title, date: d.meta.date, compiled: r.glossary });
  });
  return mergeGlossaries(inputs)!;
}

describe('the page glossary', () => {
  const full = merged();
  const page = slimGlossary(full);
  const index = new Map(full.entries.map((e, i) => [e.id, i]));

  it('keeps what marking and the page-terms list need: the matcher, ids, names, categories, flags, report metadata', () => {
    expect(page.matcher).toBe(full.matcher);
    expect(page.report.meta).toEqual(full.report.meta);
    expect(page.report.text).toBe('');
    expect(page.entries.map((e) => [e.id, e.name, e.short, e.category, e.anchorOnly, e.background, e.mentions, e.related])).toEqual(
      full.entries.map((e) => [e.id, e.name, e.short, e.category, e.anchorOnly, e.background, e.mentions, e.related]),
    );
    for (const e of page.entries) {
      expect(e.quotes).toEqual([]);
      expect(e.definition).toBe('');
      expect(e).not.toHaveProperty('beyondReport');
    }
  });

  it('is sent as JSON without default fields, read back whole, under half the whole glossary with 5 × 200 made terms', () => {
    const json = pageGlossaryJson(full);
    expect(parseGlossaryJson(json)).toEqual(JSON.parse(JSON.stringify(page)));
    expect(full.entries.length).toBeGreaterThan(1000);
    expect(json.length).toBeLessThan(JSON.stringify(full).length * 0.45);
  });

  it('gives every card back exactly the whole entry: quotes verbatim, pages, several reports newest first, beyond the report', () => {
    const details = entryDetails(full.entries, index, full.entries.map((e) => e.id));
    const byId = new Map(details.map((d) => [d.id, d]));
    page.entries.forEach((e, i) => expect(withDetails(e, byId.get(e.id))).toEqual(full.entries[i]));
    const ttp = withDetails(page.entries[index.get('ttp')!]!, byId.get('ttp'));
    const from = (ttp.quotes as SourcedQuote[]).map((q) => q.from?.title ?? 'bundled');
    expect(from.slice(0, 2)).toEqual(['UN brief', 'UN brief']); // the newer report first
    expect(ttp.quotes.slice(0, 2).map((q) => q.page)).toEqual([3, 4]);
    expect(full.entries.some((e) => e.beyondReport && e.beyondSources)).toBe(true);
  });

  it('answers only the ids it has, each once, in the order asked', () => {
    expect(entryDetails(full.entries, index, ['kabul', 'nope', 'ttp', 'kabul']).map((d) => d.id)).toEqual(['kabul', 'ttp']);
  });

  it("keeps the user's overrides over the details and leaves own entries whole", () => {
    const user = emptyUserGlossary();
    user.overrides.ttp = { definition: 'My own words.' };
    user.own.push({ id: 'own-x', name: 'Mine', category: 'concept', aliases: [{ text: 'Mine', case: 'proper' }], definition: 'Mine.', quotes: [{ text: 'Mine was here.' }] });
    const runtime = buildRuntimeGlossary(page, user);
    const [d] = entryDetails(full.entries, index, ['ttp']);
    const ttp = withDetails(runtime.entries[runtime.indexById.get('ttp')!]!, d);
    expect(ttp.definition).toBe('My own words.');
    expect(ttp.quotes).toEqual(full.entries[index.get('ttp')!]!.quotes);
    const own = runtime.entries[runtime.indexById.get('own-x')!]!;
    expect(withDetails(own, { ...d!, id: 'own-x' })).toBe(own);
  });
});
