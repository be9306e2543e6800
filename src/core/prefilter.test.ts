// The prefilter may only skip text on which the matcher finds nothing (issue 13): checked on the real glossary over
// every hand-annotated news excerpt (tests/fixtures/news) and, when ../shared/corpus is there, over the text of every
// saved corpus page; plus the cases the fold makes tricky (soft hyphens, diacritics, closed-up hyphens, "http").
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileGlossaryDir } from '../../tools/glossary/compile-glossary.js';
import { Matcher } from './matcher/index.js';
import { compilePrefilter, PREFILTER_SPECIAL, prefilterSource } from './prefilter.js';

const compiled = compileGlossaryDir('glossary');
if (!compiled.ok) throw new Error(`glossary does not compile: ${compiled.errors.join('; ')}`);
const matcher = Matcher.load(compiled.glossary.matcher);
/** As the bootstrap tests a page: the raw text, then the folded text around each special character. */
const maybe = compilePrefilter(prefilterSource(compiled.glossary.matcher.terms.map((t) => ({ text: t.text, exact: t.caseRule === 'exact' })))!);

const hits = (text: string) => matcher.scan(text).length > 0;

describe('prefilter', () => {
  it('passes every news excerpt on which the matcher hits', () => {
    const dir = 'tests/fixtures/news';
    let checked = 0;
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
      const doc = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { blocks?: { text: string }[] };
      for (const b of doc.blocks ?? []) {
        if (hits(b.text)) {
          checked++;
          expect(maybe(b.text), `${f}: ${b.text.slice(0, 80)}`).toBe(true);
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  const corpus = join('..', 'shared', 'corpus');
  it.skipIf(!existsSync(join(corpus, 'INDEX.tsv')))('passes every saved corpus page with a hit, and skips most without', () => {
    let marked = 0;
    let skipped = 0;
    const walk = (d: string): string[] =>
      readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.html') ? [join(d, e.name)] : []));
    for (const file of walk(corpus)) {
      // Every text run between tags, scripts and styles included (the bootstrap reads textContent: more, never less).
      const text = readFileSync(file, 'utf8').replace(/<[^>]*>/g, '\n');
      if (hits(text)) {
        marked++;
        expect(maybe(text), file).toBe(true);
      } else if (!maybe(text)) skipped++;
    }
    expect(marked).toBeGreaterThan(10);
    expect(skipped).toBeGreaterThan(10);
  }, 120_000);

  it('sees through what the fold ignores or reduces, and needs word boundaries only at the ends', () => {
    for (const t of ['the T\u00ADTP said', 'Noor Wali Mehsūd', 'Noor\u00A0Wali\nMehsud', 'Tehreek\u2011e\u2011Taliban Pakistan', 'a ceasefire', 'al-Qaeda', 'AlQaeda', 'ＴＴＰ'.normalize('NFKC')]) {
      expect(hits(t) ? maybe(t) : true, t).toBe(true);
    }
    expect(maybe('http://example.org/attp')).toBe(false);
    expect(maybe('nothing here at all')).toBe(false);
  });

  it('folds only around special characters, wherever they are in a long text', () => {
    // Far from the start and from each other: each window is folded and tested; text without one is not.
    const pad = 'x '.repeat(5000);
    for (const t of [`${pad}the Tehr\u00E9ek-e-Taliban Pakistan said${pad}`, `${pad}caf\u00E9 ${pad}the T\u00ADTP said${pad}`, `the T\u00ADTP said${pad}`, `${pad}the T\u00ADTP said`]) {
      expect(hits(t), t.trim().slice(0, 20)).toBe(true);
      expect(maybe(t)).toBe(true);
    }
    expect(maybe(`${pad}caf\u00E9${pad}`)).toBe(false);
    PREFILTER_SPECIAL.lastIndex = 0;
  });

  it('tests exact-case acronyms as written: "utf-8" and "pdf" are no UTF or PDF', () => {
    const source = prefilterSource([{ text: 'UTF', exact: true }, { text: 'PDF', exact: true }, { text: 'Durand Line', exact: false }, 'mothership'])!;
    expect(source).toContain('\n');
    const test = compilePrefilter(source);
    expect(test('<meta charset="utf-8"> a pdf file')).toBe(false);
    expect(test('the UTF said')).toBe(true);
    expect(test('the P\u00ADDF said')).toBe(true); // folded: the soft hyphen goes, the case stays
    expect(test('along the durand line')).toBe(true); // not exact: any case (the matcher decides)
    expect(test('A MOTHERSHIP')).toBe(true);
    expect(compilePrefilter(prefilterSource([{ text: 'UTF', exact: false }])!)('utf-8')).toBe(true);
  });

  it('gives up (null) on a spelling without ASCII letters, and never matches with no spelling', () => {
    expect(prefilterSource(['TTP', 'طالبان'])).toBeNull();
    expect(new RegExp(prefilterSource([])!, 'i').test('anything')).toBe(false);
  });
});
