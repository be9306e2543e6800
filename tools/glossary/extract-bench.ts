/**
 * `npm run --silent glossary:extract:bench`: measures the extractor, and compromise (an NLP library we considered)
 * beside it, in node:
 * - time to extract a ~150 KB text made of the shared corpus's news articles (Readability text, concatenated),
 *   median of 3 runs; compromise's tagging + nouns/people/places/organizations on the same text;
 * - on the bundled report, how many of the glossary's entries the top 40 hold, for our ranking and for
 *   compromise's (its people/places/organizations/acronyms/noun phrases ranked by frequency).
 * Prints one JSON object. Not a test: timings depend on the machine.
 */
import nlp from 'compromise';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../../src/core/extract/index';
import { coverage, type GlossaryEntryLike } from '../../tests/support/keyterm-coverage.js';
import type { Candidate } from '../../src/core/extract/candidates';
import { corpusText } from './corpus-text';

// Run from the package root (npm run does); import.meta.url points into .cache/ once bundled.
const root = `${process.cwd()}/`;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** Median of 3 runs: wall time and this process's CPU time (on a shared, loaded machine the CPU time is the figure). */
function time(f: () => void): { wallMs: number; cpuMs: number } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 3; i++) {
    const c0 = process.cpuUsage();
    const t = performance.now();
    f();
    wall.push(performance.now() - t);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wallMs: Math.round(median(wall)), cpuMs: Math.round(median(cpu)) };
}

/** compromise's candidates: its entity and noun-phrase views, ranked by frequency. */
function compromiseCandidates(text: string): Candidate[] {
  const doc = nlp(text);
  const counts = new Map<string, number>();
  const add = (list: string[]): void => {
    for (const t of list) {
      const k = t.replace(/[.,;:!?"'\u2019]+$|^the\s+/gi, '').replace(/['\u2019]s$/, '').trim();
      if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  };
  add(doc.people().out('array') as string[]);
  add(doc.places().out('array') as string[]);
  add(doc.organizations().out('array') as string[]);
  add(doc.acronyms().out('array') as string[]);
  add(doc.nouns().out('array') as string[]);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([name, count]) => ({ name, aliases: [], category: 'concept', case: 'any', requires: [], count, sentences: [], score: count }));
}

const text = corpusText(root, 150_000);
const report = readFileSync(join(root, 'glossary/report.txt'), 'utf8');
const entries = (JSON.parse(readFileSync(join(root, 'glossary/entries.json'), 'utf8')) as { entries: GlossaryEntryLike[] }).entries;
const ours = coverage(report, entries, extract(report).candidates, 40);
const theirs = coverage(report, entries, compromiseCandidates(report), 40);
console.log(
  JSON.stringify(
    {
      textKB: Math.round(text.length / 1000),
      ours: time(() => extract(text)),
      compromise: time(() => compromiseCandidates(text)),
      reportTop40: { ours: `${ours.found}/${ours.present}`, compromise: `${theirs.found}/${theirs.present}`, compromiseMissed: theirs.missed },
    },
    null,
    1,
  ),
);
