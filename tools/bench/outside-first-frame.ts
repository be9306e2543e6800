// node tools/run.mjs tools/bench/outside-first-frame.ts --base DIST_DIR [--only ROW[,ROW]] [--pairs N] — the first
// marked frame of two builds, interleaved (issue 13, wave 10). outside.ts measures a row's first marked frames in 5
// loads in a row, the base build's before this one's, so a change of load between them shows as a change of build
// (wave 10: one run read Frontier 81 → 101 ms and wiki×80 88 → 227 ms for a change that touched only the stylesheet).
// Here the two builds alternate load by load (Chromium, the page-world probe of outside-chromium.ts), and the figure is
// the median of the paired differences; beside them, the page's own first frame after DOMContentLoaded in a clean
// profile (wave 12: the floor no build can beat). Prints; writes nothing.
import { join, resolve } from 'node:path';
import { extensionDir, ROOT } from '../../tests/e2e/harness/paths.js';
import { startServer } from '../../tests/e2e/harness/server.js';
import { launchWithExtension } from '../../tests/e2e/harness/launch.js';
import { outsideSite } from './outside-pages.js';
import { firstMarkedFrame, HOST_RULES, launchClean, pageFirstFrame } from './outside-chromium.js';
import { median } from './outside-report.js';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const baseDist = opt('--base');
if (!baseDist) throw new Error('usage: outside-first-frame.ts --base DIST_DIR [--only ROW,ROW] [--pairs N]');
const only = (opt('--only') ?? 'topic-small,wiki-ttp80').split(',');
const pairs = Number(opt('--pairs') ?? 20);

const { built, routes } = outsideSite(join(ROOT, '..', 'shared', 'corpus'), 5000);
const server = await startServer({ routes });
const builds = {
  base: await launchWithExtension('chromium', { extensionDir: resolve(baseDist, 'chrome'), args: [HOST_RULES] }),
  new: await launchWithExtension('chromium', { extensionDir: extensionDir('chromium'), args: [HOST_RULES] }),
};
// The floor: the page's own first frame after DOMContentLoaded, no extension (a mark cannot be painted earlier).
const clean = await launchClean();
const fmt = (n: number | null) => (n === null ? 'n/a' : n.toFixed(1));
try {
  for (const row of built.rows.filter((r) => only.includes(r.id) && r.marks)) {
    const url = server.url(row.path);
    const got = { base: [] as Array<number | null>, new: [] as Array<number | null> };
    const own: Array<number | null> = [];
    for (let i = 0; i < pairs; i++) {
      for (const w of i % 2 ? (['new', 'base'] as const) : (['base', 'new'] as const)) {
        got[w].push(await firstMarkedFrame(builds[w].browser, url).catch(() => null));
      }
      own.push(await pageFirstFrame(clean, url).catch(() => null));
    }
    const diffs = got.new.flatMap((x, i) => (x !== null && got.base[i] !== null ? [x - got.base[i]!] : []));
    const ok = (xs: Array<number | null>) => xs.filter((x): x is number => x !== null);
    process.stdout.write(
      `${row.id}: first marked frame ms after DOMContentLoaded, median of ${pairs} interleaved loads: base ${fmt(median(ok(got.base)))}, ` +
        `new ${fmt(median(ok(got.new)))}; median paired difference ${fmt(median(diffs))} (${diffs.length} pairs); ` +
        `the page's own first frame after DOMContentLoaded without the extension: ${fmt(median(ok(own)))}\n`,
    );
  }
} finally {
  await builds.base.close();
  await builds.new.close();
  await clean.close().catch(() => undefined);
  await server.close();
}
