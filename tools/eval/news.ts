/**
 * `npm run eval:news`: the built extension (test build with the mark probe, dist-probe/) on every excerpt of the
 * real-news set (tests/fixtures/news, annotated by hand, see its README) in headless Chromium, served on 127.0.0.1
 * through the e2e harness; marks are read with the harness's readMarks, each mark's entry from the probe's
 * `context-glossary-entry-<id>` highlights (src/page/mark-probe.ts). Prints per-entry precision/recall (a wrong card
 * counts as an error), overall, dev and held-out separately (and, inside dev, the retired held-out v1 part: files
 * with `retired`), trap false marks, and the dev errors (held-out errors only with --show-heldout, so tuning does not
 * look at them). Writes artifacts/eval/news.json.
 *
 *   node build.mjs --probe && E2E_DIST_DIR=dist-probe vite-node tools/eval/news.ts [--browser firefox] [--show-heldout] [--dev-only]
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
// Not the harness's index: it re-exports describe.ts, which imports vitest (this runs outside vitest).
import { launchWithExtension } from '../../tests/e2e/harness/launch.js';
import { type Mark, readMarks } from '../../tests/e2e/harness/marks.js';
import { ARTIFACTS_DIR, FIXTURES_DIR } from '../../tests/e2e/harness/paths.js';
import { startServer } from '../../tests/e2e/harness/server.js';
import { EVERY_MENTION, storeSettings } from '../../tests/e2e/marking-expect.js';
import {
  addCounts,
  type Counts,
  type EvalError,
  type NewsFixture,
  offsetOfPath,
  precision,
  type PredictedMark,
  recall,
  scoreFixture,
  total,
} from './score.js';

const argv = process.argv.slice(2);
const browserKind = argv.includes('--browser') && argv[argv.indexOf('--browser') + 1] === 'firefox' ? 'firefox' : 'chromium';
const showHeldout = argv.includes('--show-heldout');
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
/** Tuning runs: the dev part only, so not even the held-out aggregate is seen before the final run. */
const devOnly = argv.includes('--dev-only');

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function pageOf(f: NewsFixture): string {
  // One element per block, one text node each (offsetOfPath relies on it); no whitespace text between them.
  const body = f.blocks.map((b) => `<${b.tag}>${esc(b.text)}</${b.tag}>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(f.id)}</title></head><body><article>${body}</article></body></html>`;
}

const ENTRY_PREFIX = 'context-glossary-entry-';
const WEAK_PREFIX = 'context-glossary-weak-';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Reads marks until they stop changing: the engine starts at idle time and paints in frames. */
async function settledMarks(page: Page): Promise<Mark[]> {
  let last = '';
  let stable = 0;
  const start = Date.now();
  for (;;) {
    const marks = await readMarks(page);
    const key = JSON.stringify(marks.map((m) => [m.name, m.start, m.end]));
    stable = key === last ? stable + 1 : 0;
    last = key;
    if ((stable >= 3 && Date.now() - start > 900) || Date.now() - start > 8000) return marks;
    await sleep(150);
  }
}

function predictedOf(f: NewsFixture, marks: Mark[]): PredictedMark[] {
  const weak = new Set(
    marks.filter((m) => m.name.startsWith(WEAK_PREFIX)).map((m) => `${m.name.slice(WEAK_PREFIX.length)}@${m.start.path}:${m.start.offset}`),
  );
  const out: PredictedMark[] = [];
  for (const m of marks) {
    if (!m.name.startsWith(ENTRY_PREFIX)) continue;
    const entry = m.name.slice(ENTRY_PREFIX.length);
    const start = offsetOfPath(f, m.start.path, m.start.offset);
    const end = offsetOfPath(f, m.end.path, m.end.offset);
    if (start === null || end === null) throw new Error(`${f.id}: mark outside the excerpt's blocks: ${m.start.path}`);
    out.push({ start, end, text: m.text, entry, weak: weak.has(`${entry}@${m.start.path}:${m.start.offset}`) });
  }
  return out;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const line = (label: string, c: Counts) =>
  `${label.padEnd(36)} P ${pct(precision(c)).padStart(6)} (${c.correct}/${c.correct + c.wrong})  R ${pct(recall(c)).padStart(6)} (${c.found}/${c.annotated})`;

async function main(): Promise<void> {
  const dir = join(FIXTURES_DIR, 'news');
  let fixtures = readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => JSON.parse(readFileSync(join(dir, n), 'utf8')) as NewsFixture);
  if (only) fixtures = fixtures.filter((f) => f.id.includes(only));
  if (devOnly) fixtures = fixtures.filter((f) => f.split === 'dev');
  const routes: Record<string, () => { body: string }> = Object.fromEntries(fixtures.map((f) => [`/news/${f.id}.html`, () => ({ body: pageOf(f) })]));
  routes['/news/warm-up.html'] = () => ({ body: '<!doctype html><html lang="en"><body><p>Tehreek-e-Taliban Pakistan.</p></body></html>' });
  const server = await startServer({ routes });
  const b = await launchWithExtension(browserKind);
  // Recall is over every annotated mention: mark every mention (the default marks the first per page, docs/noise.md).
  await storeSettings(b, EVERY_MENTION);
  const all = new Map<string, Counts>();
  const bySplit = { dev: new Map<string, Counts>(), heldout: new Map<string, Counts>() };
  /** Inside dev: the held-out part of waves 1-8, retired in wave 9 (tests/fixtures/news/README.md, split section). */
  const retiredV1 = new Map<string, Counts>();
  const errors: EvalError[] = [];
  const weakMarks: { fixture: string; text: string; entry: string }[] = [];
  let trapFalse = 0;
  let traps = 0;
  const perFixture: Record<string, PredictedMark[]> = {};
  try {
    const page = await b.newPage();
    // Warm up: the first page pays the engine's import and the glossary's first load, which on a busy machine can
    // outlast settledMarks' quiet period (the first excerpt then scored as unmarked). Wait for a known mark once.
    await page.goto(server.url('/news/warm-up.html'));
    for (const start = Date.now(); (await readMarks(page)).length === 0 && Date.now() - start < 30000; ) await sleep(200);
    for (const f of fixtures) {
      await page.goto(server.url(`/news/${f.id}.html`));
      const predicted = predictedOf(f, await settledMarks(page));
      perFixture[f.id] = predicted;
      for (const p of predicted) if (p.weak) weakMarks.push({ fixture: f.id, text: p.text, entry: p.entry });
      const s = scoreFixture(f, predicted);
      addCounts(all, s.perEntry);
      addCounts(bySplit[f.split], s.perEntry);
      if (f.retired === 'heldout-v1') addCounts(retiredV1, s.perEntry);
      errors.push(...s.errors);
      if (f.kind === 'trap') {
        traps++;
        trapFalse += s.trapFalseMarks;
      }
    }
  } finally {
    await b.close();
    await server.close();
  }
  const out: string[] = [];
  out.push(`real-news eval (${browserKind}): ${fixtures.length} excerpts (${fixtures.filter((f) => f.split === 'heldout').length} held out), ${traps} trap pages`);
  out.push('');
  out.push('per entry (all splits):');
  for (const [entry, c] of [...all].sort((a, b) => (a[0] < b[0] ? -1 : 1))) out.push('  ' + line(entry, c));
  out.push('');
  out.push(line('overall', total(all)));
  out.push(line('dev', total(bySplit.dev)));
  out.push(line('  of which retired held-out v1', total(retiredV1)));
  out.push(line('held-out (v2)', total(bySplit.heldout)));
  out.push(`trap pages: ${trapFalse} false mark(s) on ${traps} pages`);
  out.push(`weak-evidence marks: ${weakMarks.length}`);
  out.push('');
  const shown = errors.filter((e) => showHeldout || e.split === 'dev');
  out.push(`errors (${shown.length} shown of ${errors.length}; held-out ${showHeldout ? 'shown' : 'hidden: --show-heldout'}):`);
  for (const e of shown)
    out.push(`  [${e.retired ? 'retired-v1' : e.split}] ${e.kind.padEnd(10)} ${e.fixture}: "${e.text}" ${e.expected ? `want ${e.expected}` : ''}${e.got ? ` got ${e.got}` : ''}  ${e.context.replace(/\n/g, ' ')}`);
  process.stdout.write(out.join('\n') + '\n');
  mkdirSync(join(ARTIFACTS_DIR, 'eval'), { recursive: true });
  writeFileSync(
    join(ARTIFACTS_DIR, 'eval', `news-${browserKind}.json`),
    JSON.stringify({ browser: browserKind, overall: total(all), dev: total(bySplit.dev), retiredV1: total(retiredV1), heldout: total(bySplit.heldout), trapFalse, perEntry: Object.fromEntries(all), errors, perFixture }, null, 1),
  );
}

main().catch((err) => {
  process.stderr.write(`eval:news: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
