// node tools/run.mjs tools/bench/outside-attribute.ts DIR [--top N] — what grows with the extension (issue 13, wave
// 10: attributing the time a nothing-to-mark page pays). Reads the traces an outside-in run kept
// (CG_OUTSIDE_TRACE_DIR=DIR, files <time>-<row>-<ext|clean>.json, outside-chromium.ts) and prints, per row, the mean
// self CPU ms per trace event name and the mean top-level tasks per kind (outside-trace.ts threadBreakdown) with the
// extension minus without, largest first. A tool to look with: means of few runs on a shared machine.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mainThread, type TraceBreakdown, threadBreakdown, type TraceEvent } from './outside-trace.js';

const args = process.argv.slice(2);
const dir = args[0];
if (!dir) throw new Error('usage: outside-attribute.ts DIR [--top N]');
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args[topAt + 1]) : 25;

/** The page's renderer main thread: the process whose main thread ran the most top-level work on the page's URL. */
function pageThread(events: TraceEvent[]): { pid: number; tid: number } | null {
  let pid: number | null = null;
  for (const e of events) {
    const d = e.args?.data;
    if (e.name === 'FrameCommittedInBrowser' && typeof d?.processId === 'number' && d.isOutermostMainFrame !== false && d.url?.startsWith('http')) pid = d.processId;
  }
  if (pid === null) return null;
  const tid = mainThread(events, pid);
  return tid === null ? null : { pid, tid };
}

const groups = new Map<string, TraceBreakdown[]>();
for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
  const m = /^\d+-(.*)-(ext|clean|markjs)\.json$/.exec(f);
  if (!m) continue;
  const trace = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(trace) ? trace : (trace.traceEvents ?? []);
  const t = pageThread(events);
  if (!t) continue;
  const key = `${m[1]}\t${m[2]}`;
  groups.set(key, [...(groups.get(key) ?? []), threadBreakdown(events, t.pid, t.tid)]);
}

const mean = (bs: TraceBreakdown[], pick: (b: TraceBreakdown) => Record<string, number>) => {
  const sum: Record<string, number> = {};
  for (const b of bs) for (const [k, v] of Object.entries(pick(b))) sum[k] = (sum[k] ?? 0) + v / bs.length;
  return sum;
};
const diff = (a: Record<string, number>, b: Record<string, number>) =>
  [...new Set([...Object.keys(a), ...Object.keys(b)])].map((k) => [k, (a[k] ?? 0) - (b[k] ?? 0)] as const).sort((x, y) => Math.abs(y[1]) - Math.abs(x[1]));

const rows = [...new Set([...groups.keys()].map((k) => k.split('\t')[0]!))];
// Clean loads of every row of one page are one control: a variant row (<page>-<variant>) pairs with its page's.
const cleanOf = (row: string) => [...groups.entries()].filter(([k]) => k.endsWith('\tclean') && row.startsWith(k.split('\t')[0]!)).flatMap(([, v]) => v);
for (const row of rows) {
  const ext = groups.get(`${row}\text`) ?? [];
  const clean = cleanOf(row);
  if (!ext.length || !clean.length) continue;
  const self = diff(mean(ext, (b) => b.selfMs), mean(clean, (b) => b.selfMs));
  const taskMs = diff(
    mean(ext, (b) => Object.fromEntries(Object.entries(b.tasks).map(([k, v]) => [k, v.ms]))),
    mean(clean, (b) => Object.fromEntries(Object.entries(b.tasks).map(([k, v]) => [k, v.ms]))),
  );
  const taskN = diff(
    mean(ext, (b) => Object.fromEntries(Object.entries(b.tasks).map(([k, v]) => [k, v.count]))),
    mean(clean, (b) => Object.fromEntries(Object.entries(b.tasks).map(([k, v]) => [k, v.count]))),
  );
  const total = self.reduce((s, [, v]) => s + v, 0);
  process.stdout.write(`\n## ${row}: ${ext.length} ext / ${clean.length} clean loads, added ${total.toFixed(1)} ms (mean)\n`);
  process.stdout.write('self ms by event (ext − clean):\n');
  for (const [k, v] of self.slice(0, top)) process.stdout.write(`  ${v.toFixed(2).padStart(7)}  ${k}\n`);
  process.stdout.write('top-level tasks by kind (ext − clean): ms, count\n');
  const n = Object.fromEntries(taskN);
  for (const [k, v] of taskMs.slice(0, top)) process.stdout.write(`  ${v.toFixed(2).padStart(7)}  ${(n[k] ?? 0).toFixed(1).padStart(5)}  ${k}\n`);
}
