/**
 * `npm run eval:keyphrases`: issue 14's "F1@10 on held-out real news with published gold keyphrases". Runs the
 * product's extractor (src/core/extract, the code `npm run glossary:extract` prints) on each DUC-2001 article kept in
 * tests/fixtures/keyphrase/duc2001 (see its README: source, selection rule, split), takes the ranked candidates' names
 * and scores the top 5 / 10 against the reader-assigned gold keyphrases with the published protocol
 * (keyphrase-score.ts). Prints dev and held-out apart, then the published figures on DUC-2001 with their sources.
 * Held-out is printed only as an aggregate (per-document lines with --show-heldout); --dev-only skips it entirely,
 * for tuning runs; --verbose prints each dev document's top 10 and its gold. --subset FILE (ids, one a line; see
 * id-list.ts) adds aggregate lines for the listed documents only, per split, e.g. one selection wave's articles,
 * so a wave's own figure is read in the same run and without per-document held-out lines.
 *
 *   node tools/run.mjs tools/eval/keyphrases.ts [--dev-only] [--verbose] [--show-heldout] [--subset FILE]
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../../src/core/extract/index';
import { parseIdList } from './id-list';
import { macro, type PRF, prfAt, splitOf, stemPhrase, uniqueStemmed } from './keyphrase-score';

const DIR = join(process.cwd(), 'tests/fixtures/keyphrase/duc2001');
const argv = process.argv.slice(2);
const devOnly = argv.includes('--dev-only');
const verbose = argv.includes('--verbose');
const showHeldout = argv.includes('--show-heldout');
const subsetAt = argv.indexOf('--subset');
const subsetFile = subsetAt >= 0 ? argv[subsetAt + 1] : undefined;
if (subsetAt >= 0 && !subsetFile) throw new Error('--subset needs a file of ids');

interface GoldFile {
  documents: Record<string, { split: 'dev' | 'heldout'; gold: string[] }>;
}

/**
 * Published F1@10 on DUC-2001 (reader keyphrases, 308 documents, same protocol), unsupervised methods. The issue's
 * target is the best of them.
 */
const PUBLISHED: { method: string; f10: number; source: string }[] = [
  { method: 'EmbedRank', f10: 29.5, source: 'Gallina, Boudin & Daille, JCDL 2020, table F@10 (ygorg/JCDL_2020_KPE_Eval README)' },
  { method: 'PositionRank', f10: 28.6, source: 'ibid.' },
  { method: 'MultipartiteRank', f10: 25.6, source: 'ibid.' },
  { method: 'FirstPhrases', f10: 24.6, source: 'ibid.' },
  { method: 'TfIdf', f10: 23.3, source: 'ibid.' },
  { method: 'TextRank', f10: 21.5, source: 'ibid.' },
  { method: 'SingleRank', f10: 27.51, source: 'Bennani-Smires et al. 2018 (arXiv 1801.04470), as quoted by a third-party script (src/core/extract/README.md)' },
  { method: 'TopicRank', f10: 24.04, source: 'ibid.' },
];

const gold = JSON.parse(readFileSync(join(DIR, 'gold.json'), 'utf8')) as GoldFile;
// Read before any scoring, so a bad list fails fast instead of after the whole run.
const subset = subsetFile ? new Set(parseIdList(readFileSync(subsetFile, 'utf8'), new Set(Object.keys(gold.documents)))) : undefined;
const rows: { id: string; split: 'dev' | 'heldout'; at5: PRF; at10: PRF; top: string[]; gold: string[]; reached: number }[] = [];
for (const [id, doc] of Object.entries(gold.documents).sort(([a], [b]) => a.localeCompare(b))) {
  // The split is the README's rule; a hand-edited gold.json that disagrees is an error, not a silent move.
  const rule = splitOf(createHash('md5').update(id).digest('hex'));
  if (rule !== doc.split) throw new Error(`${id}: gold.json says ${doc.split}, the md5 rule says ${rule}`);
  if (devOnly && doc.split === 'heldout') continue;
  const names = extract(readFileSync(join(DIR, `${id}.txt`), 'utf8')).candidates.map((c) => c.name);
  // How many gold phrases are candidates at all, at any rank: the ceiling that candidate generation sets.
  const all = new Set(uniqueStemmed(names));
  const reached = doc.gold.filter((g) => all.has(stemPhrase(g))).length;
  rows.push({ id, split: doc.split, at5: prfAt(names, doc.gold, 5), at10: prfAt(names, doc.gold, 10), top: names.slice(0, 10), gold: doc.gold, reached });
}

const pct = (x: number): string => x.toFixed(1).padStart(5);
for (const split of ['dev', 'heldout'] as const) {
  const part = rows.filter((r) => r.split === split);
  if (!part.length) continue;
  const m5 = macro(part.map((r) => r.at5));
  const m10 = macro(part.map((r) => r.at10));
  process.stdout.write(`${split.padEnd(8)} N=${part.length}  P@5 ${pct(m5.p)} R@5 ${pct(m5.r)} F@5 ${pct(m5.f)}   P@10 ${pct(m10.p)} R@10 ${pct(m10.r)} F@10 ${pct(m10.f)}\n`);
  const goldCount = part.reduce((n, r) => n + r.gold.length, 0);
  process.stdout.write(`         gold phrases among the candidates (any rank): ${part.reduce((n, r) => n + r.reached, 0)} of ${goldCount}\n`);
  if (split === 'heldout' && !showHeldout) continue;
  for (const r of part) {
    process.stdout.write(`  ${r.id}  F@5 ${pct(100 * r.at5.f)}  F@10 ${pct(100 * r.at10.f)}\n`);
    if (!verbose) continue;
    const goldStems = new Set(r.gold.map(stemPhrase));
    process.stdout.write(`    top 10: ${r.top.map((t) => (goldStems.has(stemPhrase(t)) ? `[${t}]` : t)).join(' | ')}\n`);
    process.stdout.write(`    gold:   ${r.gold.join(' | ')}\n`);
  }
}
const all = macro(rows.map((r) => r.at10));
process.stdout.write(`all      N=${rows.length}  F@10 ${pct(all.f)}${devOnly ? ' (dev only)' : ''}\n`);
if (subset && subsetFile) {
  // Aggregates only: the subset may hold held-out documents, whose per-document lines stay behind --show-heldout.
  process.stdout.write(`\nsubset ${subsetFile} (${subset.size} ids):\n`);
  const picked = rows.filter((r) => subset.has(r.id));
  for (const [label, part] of [['dev', picked.filter((r) => r.split === 'dev')], ['heldout', picked.filter((r) => r.split === 'heldout')], ['all', picked]] as const) {
    if (!part.length) continue;
    const m5 = macro(part.map((r) => r.at5));
    const m10 = macro(part.map((r) => r.at10));
    process.stdout.write(`  ${label.padEnd(8)} N=${part.length}  P@5 ${pct(m5.p)} R@5 ${pct(m5.r)} F@5 ${pct(m5.f)}   P@10 ${pct(m10.p)} R@10 ${pct(m10.r)} F@10 ${pct(m10.f)}\n`);
  }
}
process.stdout.write('\nPublished F1@10 on DUC-2001 (all 308 documents; unsupervised):\n');
for (const p of PUBLISHED) process.stdout.write(`  ${p.method.padEnd(17)} ${p.f10.toFixed(2).padStart(6)}  ${p.source}\n`);
