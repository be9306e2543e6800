// Turns the outside-in bench's runs into per-row figures (medians of paired, interleaved runs), the issue's
// must-show targets as pass/fail, and the markdown section of bench/RESULTS.md. Pure.
import { PARTS, type Part } from './outside-trace.js';
import type { OutsideRow } from './outside-pages.js';

export function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** One traced Chromium run of a page. */
export interface ChromiumRun {
  /** CPU (thread) time of the page's main-thread tasks, ms; wallMs the same tasks in wall-clock time. */
  totalMs: number;
  wallMs: number;
  parts: Record<Part, number>;
  longTasks: number;
  longTasksWithExtension: number;
  extensionScriptMs: number;
  heapMB: number | null;
}

export interface MarkJsRun {
  run: ChromiumRun | FirefoxRun;
  /** mark.js's own time in the page (done − start), ms, and its hit count; null when it did not finish. */
  ms: number | null;
  hits: number | null;
}

/** One Firefox run: what a page-world probe sees (Firefox exposes no trace over BiDi). */
export interface FirefoxRun {
  /** Σ (rAF gap − one frame) over gaps longer than 1.5 frames, DOMContentLoaded to the end of the window, ms. */
  blockedMs: number;
  /** rAF gaps of 50 ms or more. */
  longFrames: number;
  /** loadEventEnd, ms from navigation start. */
  loadMs: number;
}

export interface ChromiumRowResult {
  row: OutsideRow;
  runs: number;
  cleanMs: number | null;
  addedMs: number | null;
  addedWallMs: number | null;
  addedParts: Record<Part, number | null>;
  extensionScriptMs: number | null;
  longTasksAdded: number | null;
  /** Most long tasks holding extension code in any run. */
  longTasksWithExtension: number;
  heapAddedMB: number | null;
  firstFrameMs: number | null;
  firstFrameRuns: number;
  markjs: { addedMs: number | null; inPageMs: number | null; hits: number | null; note: string } | null;
  note: string;
}

export interface FirefoxRowResult {
  row: OutsideRow;
  runs: number;
  cleanBlockedMs: number | null;
  blockedAddedMs: number | null;
  longFramesAdded: number | null;
  loadAddedMs: number | null;
  firstFrameMs: number | null;
  firstFrameRuns: number;
  markjs: { blockedAddedMs: number | null; inPageMs: number | null; hits: number | null; note: string } | null;
  note: string;
}

/** Median of the paired differences f(a[i]) − f(b[i]) (runs are interleaved, so pair i ran at the same time). */
export function pairedAdded<T>(a: T[], b: T[], f: (x: T) => number | null): number | null {
  const d: number[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = f(a[i]!);
    const y = f(b[i]!);
    if (x !== null && y !== null) d.push(x - y);
  }
  return median(d);
}

export function chromiumRow(row: OutsideRow, ext: ChromiumRun[], clean: ChromiumRun[], firstFrames: Array<number | null>, markjs: MarkJsRun[] | string, note = ''): ChromiumRowResult {
  const addedParts = Object.fromEntries(PARTS.map((p) => [p, pairedAdded(ext, clean, (r) => r.parts[p])])) as Record<Part, number | null>;
  const ff = firstFrames.filter((x): x is number => x !== null);
  const addedMs = pairedAdded(ext, clean, (r) => r.totalMs);
  let mj: ChromiumRowResult['markjs'] = null;
  if (typeof markjs === 'string') mj = { addedMs: null, inPageMs: null, hits: null, note: markjs };
  else if (markjs.length > 0) {
    const done = markjs.filter((m) => m.ms !== null);
    mj = {
      // mark.js not done in any run: its time is unknown (beyond the cap), never a small number.
      addedMs: done.length ? pairedAdded(markjs.map((m) => m.run as ChromiumRun), clean, (r) => r.totalMs) : null,
      inPageMs: median(done.map((m) => m.ms!)),
      hits: median(done.map((m) => m.hits!)),
      note: done.length < markjs.length ? `${markjs.length - done.length} run(s) did not finish within 60 s` : '',
    };
  }
  return {
    row,
    runs: Math.min(ext.length, clean.length),
    cleanMs: median(clean.map((r) => r.totalMs)),
    addedMs,
    addedWallMs: pairedAdded(ext, clean, (r) => r.wallMs),
    addedParts,
    extensionScriptMs: median(ext.map((r) => r.extensionScriptMs)),
    longTasksAdded: pairedAdded(ext, clean, (r) => r.longTasks),
    longTasksWithExtension: Math.max(0, ...ext.map((r) => r.longTasksWithExtension)),
    heapAddedMB: pairedAdded(ext, clean, (r) => r.heapMB),
    firstFrameMs: median(ff),
    firstFrameRuns: ff.length,
    markjs: mj,
    note,
  };
}

export function firefoxRow(row: OutsideRow, ext: FirefoxRun[], clean: FirefoxRun[], firstFrames: Array<number | null>, markjs: MarkJsRun[] | string, note = ''): FirefoxRowResult {
  const ff = firstFrames.filter((x): x is number => x !== null);
  let mj: FirefoxRowResult['markjs'] = null;
  if (typeof markjs === 'string') mj = { blockedAddedMs: null, inPageMs: null, hits: null, note: markjs };
  else if (markjs.length > 0) {
    const done = markjs.filter((m) => m.ms !== null);
    mj = {
      blockedAddedMs: pairedAdded(markjs.map((m) => m.run as FirefoxRun), clean, (r) => r.blockedMs),
      inPageMs: median(done.map((m) => m.ms!)),
      hits: median(done.map((m) => m.hits!)),
      note: done.length < markjs.length ? `${markjs.length - done.length} run(s) did not finish` : '',
    };
  }
  return {
    row,
    runs: Math.min(ext.length, clean.length),
    cleanBlockedMs: median(clean.map((r) => r.blockedMs)),
    blockedAddedMs: pairedAdded(ext, clean, (r) => r.blockedMs),
    longFramesAdded: pairedAdded(ext, clean, (r) => r.longFrames),
    loadAddedMs: pairedAdded(ext, clean, (r) => r.loadMs),
    firstFrameMs: median(ff),
    firstFrameRuns: ff.length,
    markjs: mj,
    note,
  };
}

export interface Target {
  what: string;
  measured: string;
  pass: boolean | null;
}

/** outside-chromium.ts's cap on a mark.js run (a page still marking then is reported as not finished). */
export const MARKJS_CAP_MS = 60_000;

const f1 = (x: number | null | undefined, d = 1) => (x === null || x === undefined ? 'n/a' : x.toFixed(d));

/** The issue's must-show list (Chromium, outside-in, median of 5, same run): pass/fail, never an assertion. */
export function targets(all: ChromiumRowResult[]): Target[] {
  // This build's rows only: a `--base` or `--variant` row is another build (its first frame was read as the worst).
  const rows = all.filter((r) => r.row.glossary !== 'base' && !r.row.glossary.startsWith('variant:'));
  const by = (id: string) => rows.find((r) => r.row.id === id);
  const out: Target[] = [];
  for (const id of ['none-guardian', 'none-wired']) {
    const r = by(id);
    if (r) out.push({ what: `${r.row.label}: added main-thread ≤ 5 ms`, measured: `${f1(r.addedMs)} ms`, pass: r.addedMs === null ? null : r.addedMs <= 5 });
  }
  const small = by('topic-small');
  if (small) out.push({ what: `${small.row.label}: added ≤ 10 ms`, measured: `${f1(small.addedMs)} ms`, pass: small.addedMs === null ? null : small.addedMs <= 10 });
  const wiki = by('wiki-ttp80');
  if (wiki) {
    out.push({ what: `${wiki.row.label}: added ≤ 40 ms incl. style and paint`, measured: `${f1(wiki.addedMs)} ms`, pass: wiki.addedMs === null ? null : wiki.addedMs <= 40 });
    const ratio = wiki.markjs?.addedMs != null && wiki.addedMs ? wiki.markjs.addedMs / Math.max(wiki.addedMs, 0.1) : null;
    // Every mark.js run still running at the cap: its time is more than the cap, so the ratio is at least cap ÷ ours.
    const capped = wiki.markjs !== null && wiki.markjs.addedMs === null && wiki.markjs.note.includes('did not finish') && wiki.addedMs ? MARKJS_CAP_MS / Math.max(wiki.addedMs, 0.1) : null;
    out.push({
      what: 'same page: ≥ 35× less than mark.js (added ms)',
      measured: ratio !== null ? `${ratio.toFixed(1)}×` : capped !== null ? `≥ ${capped.toFixed(0)}× (mark.js still running at the ${MARKJS_CAP_MS / 1000} s cap)` : 'n/a',
      pass: ratio !== null ? ratio >= 35 : capped !== null ? capped >= 35 : null,
    });
    out.push({ what: 'same page: JS heap added ≤ 2 MB', measured: `${f1(wiki.heapAddedMB, 2)} MB`, pass: wiki.heapAddedMB === null ? null : wiki.heapAddedMB <= 2 });
  }
  const marked = rows.filter((r) => r.row.marks);
  const worstFirst = Math.max(...marked.map((r) => r.firstFrameMs ?? Infinity));
  const worstRow = marked.find((r) => (r.firstFrameMs ?? Infinity) === worstFirst);
  out.push({
    what: 'first marked frame ≤ 50 ms after DOMContentLoaded (worst row with marks)',
    measured: worstRow ? `${f1(worstRow.firstFrameMs)} ms (${worstRow.row.id})` : 'n/a',
    pass: marked.length === 0 ? null : worstFirst <= 50,
  });
  const worstLong = Math.max(0, ...rows.map((r) => Math.max(r.longTasksAdded ?? 0, r.longTasksWithExtension)));
  out.push({ what: '0 long tasks added (every row; added, or holding extension code)', measured: String(worstLong), pass: rows.length ? worstLong === 0 : null });
  return out;
}

const ratioOf = (r: ChromiumRowResult) => (r.markjs?.addedMs != null && r.addedMs !== null ? r.markjs.addedMs / Math.max(r.addedMs, 0.1) : null);

export function chromiumTable(rows: ChromiumRowResult[], baseline?: ChromiumRowResult[]): string {
  const before = (id: string) => baseline?.find((b) => b.row.id === id);
  const head =
    '| row | page KB | page’s own ms | added ms | style | layout | paint | script | GC | other | our script ms | added wall ms | first marked frame ms after DCL | long tasks added / with our code | heap added MB | mark.js added ms (in page; hits) | mark.js ÷ ours |' +
    (baseline ? ' before: added ms / ratio |' : '');
  const sep = `|${'---|'.repeat(17)}${baseline ? '---|' : ''}`;
  const lines = rows.map((r) => {
    const p = r.addedParts;
    const mj = r.markjs
      ? r.markjs.addedMs === null
        ? r.markjs.note
        : `${f1(r.markjs.addedMs, 0)} (${f1(r.markjs.inPageMs, 0)}; ${f1(r.markjs.hits, 0)})${r.markjs.note ? ` ${r.markjs.note}` : ''}`
      : 'n/a';
    const ratio = ratioOf(r);
    const b = before(r.row.id);
    const bcol = baseline ? ` ${b ? `${f1(b.addedMs)} / ${ratioOf(b) === null ? 'n/a' : `${ratioOf(b)!.toFixed(1)}×`}` : 'n/a'} |` : '';
    return (
      `| ${r.row.label}${r.note ? ` (${r.note})` : ''} | ${(r.row.bytes / 1024).toFixed(0)} | ${f1(r.cleanMs)} | **${f1(r.addedMs)}** | ${f1(p.style)} | ${f1(p.layout)} | ${f1(p.paint)} | ${f1(p.script)} | ${f1(p.gc)} | ${f1(p.other)} | ${f1(r.extensionScriptMs)} | ${f1(r.addedWallMs)} | ` +
      `${r.row.marks ? `${f1(r.firstFrameMs)} (${r.firstFrameRuns}/5)` : '—'} | ${f1(r.longTasksAdded, 0)} / ${r.longTasksWithExtension} | ${f1(r.heapAddedMB, 2)} | ${mj} | ${ratio === null ? 'n/a' : `${ratio.toFixed(1)}×`} |${bcol}`
    );
  });
  return [head, sep, ...lines].join('\n');
}

export function firefoxTable(rows: FirefoxRowResult[]): string {
  const head = '| row | page KB | page’s own blocked ms | blocked ms added | frames ≥ 50 ms added | load event delay ms | first marked frame ms after DCL | mark.js blocked ms added (in page; hits) |';
  const lines = rows.map((r) => {
    const mj = r.markjs
      ? r.markjs.blockedAddedMs === null
        ? r.markjs.note
        : `${f1(r.markjs.blockedAddedMs, 0)} (${f1(r.markjs.inPageMs, 0)}; ${f1(r.markjs.hits, 0)})${r.markjs.note ? ` ${r.markjs.note}` : ''}`
      : 'n/a';
    return `| ${r.row.label}${r.note ? ` (${r.note})` : ''} | ${(r.row.bytes / 1024).toFixed(0)} | ${f1(r.cleanBlockedMs)} | **${f1(r.blockedAddedMs)}** | ${f1(r.longFramesAdded, 0)} | ${f1(r.loadAddedMs)} | ${r.row.marks ? `${f1(r.firstFrameMs)} (${r.firstFrameRuns}/5)` : '—'} | ${mj} |`;
  });
  return [head, `|${'---|'.repeat(8)}`, ...lines].join('\n');
}

export function targetsTable(ts: Target[]): string {
  return ['| must show (issue 13) | measured | met |', '|---|---|---|', ...ts.map((t) => `| ${t.what} | ${t.measured} | ${t.pass === null ? 'n/a' : t.pass ? 'yes' : 'NO'} |`)].join('\n');
}

export const SECTION_BEGIN = '<!-- outside-in bench: begin (written by tools/bench/outside.ts) -->';
export const SECTION_END = '<!-- outside-in bench: end -->';

/** Puts `section` between the markers in RESULTS.md (replacing an earlier one), or at the top after the title. */
export function placeSection(doc: string, section: string, begin = SECTION_BEGIN, end = SECTION_END): string {
  const block = `${begin}\n${section.trim()}\n${end}`;
  const a = doc.indexOf(begin);
  const b = doc.indexOf(end);
  if (a >= 0 && b > a) return doc.slice(0, a) + block + doc.slice(b + end.length);
  const title = /^# .*\n/.exec(doc);
  if (title) return `${doc.slice(0, title[0].length)}\n${block}\n${doc.slice(title[0].length)}`;
  return `${block}\n\n${doc}`;
}
