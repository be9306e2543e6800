/**
 * How many marks a page gets under each mention mode (issue 12 deliverable 4): "every mention", "first mention per
 * paragraph" (per block: the engine's segment key) and "first mention per page", on the saved corpus
 * (../shared/corpus, pages whose INDEX category is topic-strong or topic-incidental: the ones that can be marked).
 *
 * One load per page in headless Chromium with the probe build (dist-probe: marks mirrored into per-entry highlights,
 * `context-glossary-entry-<id>`, never shipped) and every mention marked; the other two modes are counted from the
 * same marks in the page (distinct entry+block, distinct entry), so the three columns see the same matches. Pages
 * are served with their scripts blocked (the corpus server's /static/), so the DOM is what the parser built.
 *
 *   node build.mjs --probe && E2E_DIST_DIR=dist-probe node tools/run.mjs tools/noise/noise.ts [--only text]
 *
 * Prints a markdown table (the one in docs/noise.md) and writes artifacts/noise.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings/schema.js';
import { launchWithExtension } from '../../tests/e2e/harness/launch.js';
import { artifactPath, ROOT } from '../../tests/e2e/harness/paths.js';
import { corpusServer } from '../corpus/corpus-server.js';
import { parseCorpusIndex } from '../corpus/corpus-index.js';

const argv = process.argv.slice(2);
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
const dir = resolve(ROOT, '..', 'shared', 'corpus');

interface PageCount {
  path: string;
  every: number;
  paragraph: number;
  page: number;
  /** Marks per entry (every mention), the busiest first. */
  entries: Record<string, number>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every / first per block / first per page, from the probe's per-entry highlights. */
function countIn(page: Page): Promise<Omit<PageCount, 'path'>> {
  return page.evaluate(() => {
    const reg = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
    const inline = new Set(['inline', 'contents']);
    const blockOf = (n: Node): Node => {
      let el: Element | null = n.nodeType === 1 ? (n as Element) : n.parentElement;
      while (el && inline.has(getComputedStyle(el).display)) el = el.parentElement;
      return el ?? document;
    };
    let every = 0;
    const perBlock = new Set<string>();
    const blocks = new Map<Node, number>();
    const entries: Record<string, number> = {};
    for (const [name, h] of reg) {
      if (!name.startsWith('context-glossary-entry-')) continue;
      const id = name.slice('context-glossary-entry-'.length);
      for (const r of h) {
        every++;
        entries[id] = (entries[id] ?? 0) + 1;
        const b = blockOf(r.startContainer);
        if (!blocks.has(b)) blocks.set(b, blocks.size);
        perBlock.add(`${id}@${blocks.get(b)}`);
      }
    }
    return { every, paragraph: perBlock.size, page: Object.keys(entries).length, entries };
  });
}

/** Counts until they stop changing (the engine scans at idle time and paints in frames). */
async function settled(page: Page): Promise<Omit<PageCount, 'path'>> {
  let last = '';
  let stable = 0;
  const start = Date.now();
  for (;;) {
    const c = await countIn(page);
    const key = JSON.stringify(c);
    stable = key === last ? stable + 1 : 0;
    last = key;
    if ((stable >= 3 && Date.now() - start > 1500) || Date.now() - start > 10000) return c;
    await sleep(250);
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return 0;
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const pctl = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))]! : 0;
};

async function main(): Promise<void> {
  const rows = parseCorpusIndex(readFileSync(join(dir, 'INDEX.tsv'), 'utf8')).filter(
    (p) => p.categories.some((c) => c === 'topic-strong' || c === 'topic-incidental') && (!only || p.path.includes(only)),
  );
  const server = await corpusServer(dir);
  const b = await launchWithExtension('chromium');
  const every: Settings = { ...structuredClone(DEFAULT_SETTINGS), marking: { ...DEFAULT_SETTINGS.marking, everyMention: true, mentions: 'every' } };
  const out: PageCount[] = [];
  try {
    // Retried: right after launch the Chromium worker can be mid-start ("chrome is not defined").
    for (let attempt = 1; ; attempt++) {
      try {
        await b.evaluateInBackground(async (s: unknown) => {
          await chrome.storage.sync.set({ settings: s });
        }, every);
        break;
      } catch (err) {
        if (attempt >= 5) throw err;
        await sleep(500);
      }
    }
    const page = await b.newPage();
    for (const row of rows) {
      try {
        await page.goto(server.url(row.path, 'static'), { waitUntil: 'load', timeout: 60000 });
        const c = await settled(page);
        out.push({ path: row.path, ...c });
        process.stderr.write(`${row.path}: ${c.every} / ${c.paragraph} / ${c.page}\n`);
      } catch (err) {
        process.stderr.write(`${row.path}: skipped (${(err as Error).message})\n`);
      }
    }
  } finally {
    await b.close();
    await server.close();
  }
  writeFileSync(artifactPath('noise.json'), JSON.stringify(out, null, 2));
  const marked = out.filter((p) => p.every > 0);
  const line = (label: string, xs: number[]) =>
    `| ${label} | ${xs.reduce((a, x) => a + x, 0)} | ${median(xs)} | ${pctl(xs, 0.9)} | ${Math.max(0, ...xs)} | ${xs.filter((x) => x > 10).length} |`;
  const table = [
    `${out.length} corpus pages loaded (topic-strong + topic-incidental), ${marked.length} with at least one mark; figures over those ${marked.length}.`,
    '',
    '| mode | marks in all | median per page | 90th percentile | most on one page | pages with > 10 marks |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    line('every mention', marked.map((p) => p.every)),
    line('first mention per paragraph', marked.map((p) => p.paragraph)),
    line('first mention per page', marked.map((p) => p.page)),
    '',
    '| page | every | per paragraph | per page | busiest terms (every mention) |',
    '| --- | ---: | ---: | ---: | --- |',
    ...[...marked]
      .sort((a, b) => b.every - a.every)
      .slice(0, 12)
      .map((p) => {
        const top = Object.entries(p.entries).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([id, n]) => `${id} ${n}`).join(', ');
        return `| ${p.path} | ${p.every} | ${p.paragraph} | ${p.page} | ${top} |`;
      }),
  ];
  process.stdout.write(table.join('\n') + '\n');
}

await main();
