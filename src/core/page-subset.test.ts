// The page's share of the glossary (issue 14): with the glossary of the entries a page's text may name, a page gets
// every mark the full glossary gives it, the same entry on the same words, the same context decisions. Checked on the
// bundled glossary merged with the bench's 5 made glossaries × 200 terms, over the 186 annotated news excerpts of
// tests/fixtures/news and (when present) every saved corpus page, the subset found from the text as `textContent`
// reads it: the blocks run together with nothing between them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileGlossaryDir } from '../../tools/glossary/compile-glossary.js';
import { pagePhrases, userGlossaryDrafts } from '../../tools/bench/outside-user-glossaries.js';
import { decideLocal, hitAllowed, presentEntries } from './context-rules.js';
import { compileDraft } from './glossary-store.js';
import { mergeGlossaries, type MergeInput } from './glossary-store-merge.js';
import type { CompiledGlossary } from './glossary-types.js';
import { Matcher } from './matcher/index.js';
import { findAcronymMentions, findDefinitions } from './page-acronyms.js';
import { entriesIn, entriesWithTerms, presenceIndex, subsetGlossary } from './page-subset.js';

const bundled = (() => {
  const b = compileGlossaryDir('glossary');
  if (!b.ok) throw new Error(b.errors.join('\n'));
  return b.glossary;
})();

interface Excerpt {
  blocks: { text: string }[];
}
const newsDir = join('tests', 'fixtures', 'news');
const excerpts: string[][] = readdirSync(newsDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => (JSON.parse(readFileSync(join(newsDir, f), 'utf8')) as Excerpt).blocks.map((b) => b.text));

/** The bundled glossary and the bench's made ones, their page terms taken from the excerpts (so they hit). */
const merged = (() => {
  const inputs: MergeInput[] = [{ id: 'bundled', title: 'bundled', date: bundled.report.meta.date, compiled: bundled }];
  const phrases = pagePhrases(excerpts.map((e) => e.join('\n')).join('\n'), 60);
  userGlossaryDrafts(phrases).forEach((d, i) => {
    const r = compileDraft(d);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    inputs.push({ id: `gbench${i}`, title: d.meta.title, date: d.meta.date, compiled: r.glossary });
  });
  return mergeGlossaries(inputs)!;
})();

/**
 * The marks of a page of blocks as the engine decides them, by entry id: each block scanned, its mention-level rules,
 * the page's own acronym definitions, then the page-wide rules over every block's hits.
 */
const loaded = new WeakMap<CompiledGlossary, Matcher>();
function marks(g: CompiledGlossary, blocks: readonly string[]): string[] {
  let m = loaded.get(g);
  if (!m) loaded.set(g, (m = Matcher.load(g.matcher)));
  const all: { block: number; start: number; end: number; entry: number; term: number; ok: boolean }[] = [];
  const acronyms = new Map<string, number>();
  blocks.forEach((text, block) => {
    const hits = m.scan(text);
    const local = decideLocal(m.terms, text, hits);
    const flat = hits.map((h, k) => ({ ...h, entry: local[k]!.entry }));
    for (const d of findDefinitions(m.terms, text, flat)) if (!acronyms.has(d.acronym)) acronyms.set(d.acronym, d.entry);
    flat.forEach((h, k) => all.push({ block, ...h, ok: local[k]!.allowed }));
  });
  blocks.forEach((text, block) => {
    for (const a of findAcronymMentions(text, acronyms)) all.push({ block, ...a, term: -1, ok: true });
  });
  const present = presentEntries(m.terms, all.filter((h) => h.term >= 0));
  return all.map((h) => `${h.block}:${h.start}-${h.end} ${g.entries[h.entry]!.id} ${h.ok && (h.term < 0 || hitAllowed(m.terms, h, present)) ? 'marked' : 'not'}`).sort();
}

const index = presenceIndex(merged.matcher.terms);
const subsetFor = (blocks: readonly string[]) => subsetGlossary(merged, entriesIn(index, merged.matcher.terms, blocks.join('')));

describe('page subset glossary', () => {
  it('gives the same marks as the full glossary on every news excerpt (blocks run together when the subset is found)', () => {
    let hits = 0;
    let made = 0;
    for (const blocks of excerpts) {
      const full = marks(merged, blocks);
      const sub = subsetFor(blocks);
      expect(marks(sub, blocks)).toEqual(full);
      expect(sub.entries.length).toBeLessThan(merged.entries.length / 10);
      hits += full.length;
      made += full.filter((x) => x.includes(' gbench')).length;
    }
    expect(hits).toBeGreaterThan(300);
    expect(made).toBeGreaterThan(20);
  }, 60_000);

  const corpus = join('..', 'shared', 'corpus');
  it.skipIf(!existsSync(join(corpus, 'INDEX.tsv')))(
    'gives the same marks as the full glossary on every saved corpus page',
    () => {
      const walk = (d: string): string[] =>
        readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.html') ? [join(d, e.name)] : []));
      let pages = 0;
      for (const file of walk(corpus)) {
        const html = readFileSync(file, 'utf8').replace(/<(script|style)[\s\S]*?<\/\1>/gi, '');
        // Blocks split at every tag: a page's blocks as narrow as they come; found on their text run together.
        const blocks = html.split(/<[^>]*>/).filter((t) => t.trim() !== '');
        const full = marks(merged, blocks);
        if (full.length > 0) pages++;
        expect(marks(subsetFor(blocks), blocks), file).toEqual(full);
      }
      expect(pages).toBeGreaterThan(30);
    },
    180_000,
  );

  it('finds a spelling run together with the block before or after it, in any case, through ignorable characters', () => {
    const has = (text: string) => [...entriesIn(index, merged.matcher.terms, text)].map((i) => merged.entries[i]!.id);
    expect(has('the endTTP said')).toContain('ttp');
    expect(has('TEHREEK-E-TALI\u00ADBANPAKISTAN')).toContain('ttp');
    expect(has('nothing here at all')).not.toContain('ttp');
    // Every run of a spelling, not one: "senator" alone is not "Senator Abdul Afridi".
    const titled = merged.entries.find((e) => e.name.startsWith('Senator '))!;
    expect(has(`The senator and ${titled.name.split(' ')[1]} spoke.`)).not.toContain(titled.id);
    expect(has(`x${titled.name.toUpperCase().replace(/ /g, '')}x`)).toContain(titled.id);
  });

  it('keeps every blocker phrase, the entries kept terms point at and the related ones, and only kept entries have terms', () => {
    const ttp = merged.entries.findIndex((e) => e.id === 'ttp');
    const sub = subsetGlossary(merged, new Set([ttp]));
    const blockers = (g: CompiledGlossary) => g.matcher.terms.filter((t) => t.entry < 0).map((t) => t.text);
    expect(blockers(sub)).toEqual(blockers(merged));
    const ids = new Set(sub.entries.map((e) => e.id));
    for (const id of merged.entries[ttp]!.related) expect(ids.has(id), id).toBe(true);
    expect(entriesWithTerms(sub)).toEqual(['ttp']);
    // Every index a kept term holds points into the subset's entries.
    for (const t of sub.matcher.terms) {
      for (const e of [t.entry, ...(t.requires ?? []), ...(t.resolve ? [t.resolve.entry, ...t.resolve.when, ...t.resolve.unless] : [])]) {
        expect(e).toBeLessThan(sub.entries.length);
      }
    }
  });

  it('is the empty glossary (blockers only) for a text that names nothing', () => {
    const sub = subsetFor(['Xyzzy plugh, 42.']);
    expect(entriesWithTerms(sub)).toEqual([]);
    expect(marks(sub, ['Xyzzy plugh, 42.'])).toEqual([]);
  });
});
