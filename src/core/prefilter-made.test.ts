// Made glossaries and the page prefilter (issue 14 must-show: 5 glossaries × 200 terms cost within 10 % of the bundled
// glossary alone). The bench's generated glossaries (tools/bench/outside-user-glossaries.ts) merged with the bundled
// one, over every saved corpus page: a page with a hit still passes, and a page the bundled prefilter skips and the
// merged matcher marks nothing on is still skipped (Al Jazeera, the bench's nothing-to-mark row, among them): the
// made glossaries' spellings load the engine on no page where they mark nothing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileGlossaryDir } from '../../tools/glossary/compile-glossary.js';
import { pagePhrases, userGlossaryDrafts } from '../../tools/bench/outside-user-glossaries.js';
import { compileDraft } from './glossary-store.js';
import { mergeGlossaries, type MergeInput } from './glossary-store-merge.js';
import type { CompiledGlossary } from './glossary-types.js';
import { Matcher } from './matcher/index.js';
import { compilePrefilter, prefilterSource } from './prefilter.js';

const corpus = join('..', 'shared', 'corpus');
const prefilterOf = (g: CompiledGlossary) => compilePrefilter(prefilterSource(g.matcher.terms.map((t) => ({ text: t.text, exact: t.caseRule === 'exact' })))!);

describe.skipIf(!existsSync(join(corpus, 'INDEX.tsv')))('prefilter with 5 made glossaries × 200 terms', () => {
  it('skips every corpus page it skipped before on which the made terms mark nothing, Al Jazeera included', () => {
    const b = compileGlossaryDir('glossary');
    if (!b.ok) throw new Error(b.errors.join('\n'));
    const topic = ['adbar-htmldate/thefrontierpost.com_1535415671.html', 'flairNLP-fundus/TimesOfIndia_2024_09_02.html'].map((f) => readFileSync(join(corpus, f), 'utf8'));
    const inputs: MergeInput[] = [{ id: 'bundled', title: 'bundled', date: b.glossary.report.meta.date, compiled: b.glossary }];
    userGlossaryDrafts(topic.flatMap((h) => pagePhrases(h, 10))).forEach((d, i) => {
      const r = compileDraft(d);
      if (!r.ok) throw new Error(r.errors.join('\n'));
      inputs.push({ id: `gbench${i}`, title: d.meta.title, date: d.meta.date, compiled: r.glossary });
    });
    const merged = mergeGlossaries(inputs)!;
    const matcher = Matcher.load(merged.matcher);
    const before = prefilterOf(b.glossary);
    const after = prefilterOf(merged);
    const walk = (d: string): string[] =>
      readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.html') ? [join(d, e.name)] : []));
    let skipped = 0;
    for (const file of walk(corpus)) {
      const text = readFileSync(file, 'utf8').replace(/<[^>]*>/g, '\n');
      if (matcher.scan(text).length > 0) expect(after(text), file).toBe(true);
      else if (!before(text)) {
        expect(after(text), file).toBe(false);
        skipped++;
      }
    }
    expect(skipped).toBeGreaterThan(10);
    const alJazeera = readFileSync(join(corpus, 'scrapinghub-article-extraction-benchmark/aljazeera.com_42aad16bde.html'), 'utf8').replace(/<[^>]*>/g, '\n');
    expect(after(alJazeera)).toBe(false);
  }, 120_000);
});
