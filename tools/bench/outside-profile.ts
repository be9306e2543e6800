// node tools/run.mjs tools/bench/outside-profile.ts --only ROW[,ROW] [--runs N] — where the added main-thread time
// goes (issue 13, "find the floor"): the rows of the outside-in bench loaded with the built extension (E2E_DIST_DIR
// picks another build) under V8's sampling profiler, recorded in the trace (`disabled-by-default-v8.cpu_profiler`)
// so it follows the page into whichever renderer commits it. Prints, per row, the sampled self time of the page's
// renderer main thread by function and script (extension code, the polyfill, V8 internals such as "(program)" and
// "(garbage collector)", the page's own), summed over the runs and divided by their number. A tool to look with,
// not a figure for RESULTS.md: sampling at 100 µs shifts timings a little. --user-glossaries first saves the bench's
// 5 made glossaries × 200 terms in the profile (outside-user-glossaries.ts; --no-page-terms: without the topic pages'
// phrases), so a row's profile with them can be read beside the same row's without (issue 14).
import { resolve } from 'node:path';
import { extensionDir, ROOT } from '../../tests/e2e/harness/paths.js';
import { launchWithExtension } from '../../tests/e2e/harness/launch.js';
import { startServer } from '../../tests/e2e/harness/server.js';
import { HOST_RULES } from './outside-chromium.js';
import { outsideSite } from './outside-pages.js';
import { mainThread, pageProcess, type TraceEvent } from './outside-trace.js';
import { pagePhrases, seedUserGlossaries, userGlossaryDrafts } from './outside-user-glossaries.js';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const only = (opt('--only') ?? 'none-small').split(',');
const runs = Number(opt('--runs') ?? 3);
const userMode = args.includes('--user-glossaries');
const noPageTerms = args.includes('--no-page-terms');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber?: number };
  parent?: number;
}
interface ChunkData {
  cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
  timeDeltas?: number[];
}

/** Samples per "function  url" from the profile chunks of thread `tid` of `pid`. */
function sampledSelf(events: TraceEvent[], pid: number, tid: number, gaps: number[]): Map<string, number> {
  const nodes = new Map<number, ProfileNode>();
  const out = new Map<string, number>();
  // The profile is announced on the sampled thread; its chunks come from the profiler's own thread, by id.
  const ids = new Set(events.filter((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid).map((e) => (e as { id?: string }).id));
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.pid !== pid || !ids.has((e as { id?: string }).id)) continue;
    const d = (e.args as { data?: ChunkData } | undefined)?.data;
    for (const n of d?.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    const samples = d?.cpuProfile?.samples ?? [];
    // Counted in samples, not by the gaps between them: on a shared machine the sampler itself is descheduled and
    // a gap of 100 ms lands on whatever ran last. main() turns counts into ms with the median gap.
    for (const id of samples) {
      const n = nodes.get(id);
      const url = n?.callFrame.url ? n.callFrame.url.replace(/^chrome-extension:\/\/[a-z]+/, 'ext:') : '';
      const line = n?.callFrame.functionName ? '' : `:${(n?.callFrame.lineNumber ?? -1) + 1}`;
      const key = `${n?.callFrame.functionName || '(anonymous)'}  ${url}${url ? line : ''}`;
      out.set(key, (out.get(key) ?? 0) + 1);
    }
    gaps.push(...(d?.timeDeltas ?? []).filter((g) => g > 0));
  }
  return out;
}

async function main(): Promise<void> {
  const { built, routes } = outsideSite(resolve(ROOT, '..', 'shared', 'corpus'), 50);
  const server = await startServer({ routes });
  const ext = await launchWithExtension('chromium', { extensionDir: extensionDir('chromium'), args: [HOST_RULES] });
  try {
    if (userMode) {
      const topicHtml = ['topic-small', 'topic-large'].map((id) => built.files[`/rows/${id}.html`]?.body ?? '');
      const kept = await seedUserGlossaries(ext, userGlossaryDrafts(noPageTerms ? [] : topicHtml.flatMap((h) => pagePhrases(h, 10))));
      process.stdout.write(`made glossaries saved: ${kept.join(', ')} entries\n`);
    }
    for (const row of built.rows.filter((r) => only.some((o) => r.id === o))) {
      const total = new Map<string, number>();
      for (let i = 0; i < runs; i++) {
        const page = await ext.browser.newPage();
        await page.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'loading', 'disabled-by-default-v8.cpu_profiler'] });
        const url = server.url(row.path);
        await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
        await new Promise((r) => setTimeout(r, 1500));
        const buf = await page.tracing.stop();
        await page.close();
        const trace = JSON.parse(Buffer.from(buf ?? new Uint8Array()).toString('utf8')) as { traceEvents?: TraceEvent[] };
        const events = trace.traceEvents ?? [];
        const pid = pageProcess(events, url);
        const tid = pid === null ? null : mainThread(events, pid);
        if (pid === null || tid === null) continue;
        const gaps: number[] = [];
        const counts = sampledSelf(events, pid, tid, gaps);
        gaps.sort((a, b) => a - b);
        const ms = (gaps[gaps.length >> 1] ?? 0) / 1000;
        for (const [k, v] of counts) total.set(k, (total.get(k) ?? 0) + (v * ms) / runs);
      }
      process.stdout.write(`\n## ${row.id} (${runs} runs, sampled self ms per run)\n`);
      const byScript = new Map<string, number>();
      for (const [k, v] of total) {
        const url = k.split('  ')[1] || '(no script)';
        byScript.set(url, (byScript.get(url) ?? 0) + v);
      }
      for (const [k, v] of [...byScript].sort((a, b) => b[1] - a[1]).slice(0, 12)) process.stdout.write(`${v.toFixed(2).padStart(8)}  ${k}\n`);
      process.stdout.write('--\n');
      for (const [k, v] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 40)) process.stdout.write(`${v.toFixed(2).padStart(8)}  ${k}\n`);
    }
  } finally {
    await ext.close();
    await server.close();
  }
}

main().catch((err) => {
  process.stderr.write(`outside-profile: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
