// Bench inputs, generated deterministically (seeded PRNG): article pages of a given size, a live-blog page, and
// synthetic glossaries of N entries with aliases, compiled with the real matcher (src/core) like the build does.
import type { Category, CompiledEntry, CompiledGlossary } from '../../src/core/glossary-types.js';
import { Matcher } from '../../src/core/matcher/index.js';
import { prng as rng } from '../../tests/support/synthetic-glossary.js';
import type { TermInput } from '../../src/core/matcher/types.js';

/** The matcher's own seeded PRNG (mulberry32), under the name the bench has always used. */
export { prng as rng } from '../../tests/support/synthetic-glossary.js';

const SYLLABLES = ['ka', 'ro', 'mi', 'tan', 'vel', 'os', 'dri', 'lun', 'sa', 'bek', 'tor', 'ni', 'zar', 'em', 'qua', 'pol', 'ri', 'hed', 'gu', 'fa'];
const CATEGORIES: Category[] = ['person', 'organization', 'place', 'event', 'concept'];

function pseudoWord(r: () => number, syllables: number): string {
  let w = '';
  for (let i = 0; i < syllables; i++) w += SYLLABLES[Math.floor(r() * SYLLABLES.length)];
  return w;
}
const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

export interface SyntheticTerm {
  name: string;
  /** Extra spellings: a short form ("K. Rotanvel"), and an acronym for some. */
  aliases: Array<{ text: string; caseRule: 'proper' | 'exact' }>;
}

/** The i-th synthetic entry is the same whatever N is: glossaries of 50 ⊂ 500 ⊂ 5,000 entries. */
export function syntheticTerms(n: number): SyntheticTerm[] {
  const out: SyntheticTerm[] = [];
  const seen = new Set<string>();
  const r = rng(7);
  while (out.length < n) {
    const first = cap(pseudoWord(r, 2));
    const last = cap(pseudoWord(r, 2 + Math.floor(r() * 2)));
    const name = `${first} ${last}`;
    if (seen.has(name)) continue;
    seen.add(name);
    const aliases: SyntheticTerm['aliases'] = [{ text: name, caseRule: 'proper' }, { text: `${first.charAt(0)}. ${last}`, caseRule: 'proper' }];
    if (r() < 0.3) {
      const acro = (first.slice(0, 2) + last.charAt(0)).toUpperCase() + out.length.toString(36).toUpperCase();
      if (!seen.has(acro)) {
        seen.add(acro);
        aliases.push({ text: acro, caseRule: 'exact' });
      }
    }
    out.push({ name, aliases });
  }
  return out;
}

/** A CompiledGlossary of `n` synthetic entries (report and quotes borrowed from the real one: not scanned). */
export function syntheticGlossary(n: number, real: CompiledGlossary): CompiledGlossary {
  const terms = syntheticTerms(n);
  const entries: CompiledEntry[] = terms.map((t, i) => ({
    id: `syn-${i}`,
    name: t.name,
    category: CATEGORIES[i % CATEGORIES.length]!,
    aliases: t.aliases.map((a) => a.text),
    definition: `Synthetic entry ${i} for the bench.`,
    related: [],
    background: false,
    anchorOnly: false,
    mentions: 0,
    quotes: [],
  }));
  const inputs: TermInput[] = [];
  terms.forEach((t, i) => {
    for (const a of t.aliases) {
      const term: TermInput = { entry: i, text: a.text, caseRule: a.caseRule };
      // One entry in ten needs another entry on the page (context rules are part of the cost).
      if (i % 10 === 9) term.requires = [i - 1];
      inputs.push(term);
    }
  });
  return { version: 1, report: real.report, entries, matcher: Matcher.compile(inputs).serialize() };
}

const FILLER_WORDS = (
  'the a of to and in that for on with as was said by it from at his an be has have were are its which but had ' +
  'they this not after who been more their would also than one two new years last officials government people ' +
  'country city week month report group security forces attack attacks border talks meeting minister statement ' +
  'local regional province district police army military members leaders according sources told reporters'
).split(' ');

export interface TextSources {
  /** Sentences quoted from the real report (they carry the real glossary's terms). */
  reportSentences: string[];
  /** Spellings of synthetic terms to mention (the 5,000-term glossary's names and aliases). */
  syntheticMentions: string[];
}

export function textSources(real: CompiledGlossary): TextSources {
  const text = real.report.text;
  const reportSentences = real.report.paragraphs.flat().map((s) => text.slice(s.start, s.end).trim()).filter((s) => s.length > 20);
  const syntheticMentions = syntheticTerms(5000).flatMap((t) => t.aliases.map((a) => a.text));
  return { reportSentences, syntheticMentions };
}

/** One paragraph of ~`chars` characters: filler sentences, a report sentence now and then, synthetic mentions. */
function paragraph(r: () => number, src: TextSources, chars: number): string {
  const sentences: string[] = [];
  let len = 0;
  while (len < chars) {
    let s: string;
    const roll = r();
    if (roll < 0.15 && src.reportSentences.length > 0) s = src.reportSentences[Math.floor(r() * src.reportSentences.length)]!;
    else {
      const words: string[] = [];
      const n = 10 + Math.floor(r() * 14);
      for (let i = 0; i < n; i++) {
        if (r() < 0.03) words.push(src.syntheticMentions[Math.floor(r() * src.syntheticMentions.length)]!);
        else words.push(FILLER_WORDS[Math.floor(r() * FILLER_WORDS.length)]!);
      }
      s = `${cap(words.join(' '))}.`;
    }
    sentences.push(s);
    len += s.length + 1;
  }
  return sentences.join(' ');
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An article page with about `bytes` of text in paragraphs, headings every few paragraphs. */
export function articlePage(bytes: number, src: TextSources, seed = 1, title = 'Bench article'): string {
  const r = rng(seed);
  const parts: string[] = [];
  let n = 0;
  let i = 0;
  while (n < bytes) {
    if (i % 8 === 0) parts.push(`<h2>Section ${i / 8 + 1}</h2>`);
    const p = escapeHtml(paragraph(r, src, 500 + Math.floor(r() * 400)));
    parts.push(`<p>${p}</p>`);
    n += p.length;
    i++;
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:16px/1.5 serif;max-width:42em;margin:1em auto}</style></head>
<body><article><h1>${title}</h1>${parts.join('\n')}</article></body></html>`;
}

/** Paragraphs for the live blog's updates, as plain strings (the page script inserts them as text). */
export function liveBlogUpdates(count: number, src: TextSources): string[] {
  const r = rng(99);
  return Array.from({ length: count }, () => paragraph(r, src, 300 + Math.floor(r() * 300)));
}
