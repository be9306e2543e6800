// The inside figures (npm run bench's own table: the engine's slices, matcher MB/s, hover p95) of the rows the
// outside-in bench shares, read from bench/results.json so both sets sit side by side in RESULTS.md. Read loosely
// (only the fields used) so the inside bench can change its JSON without breaking this one.
import { existsSync, readFileSync } from 'node:fs';

interface InsideRow {
  page: string;
  glossary: string;
  browser: string;
  firstFrameMs: number | null;
  workMs: number;
  sliceMax: number;
  matcherMBs: number;
  hoverP95: number | null;
}

const ROWS: Array<[string, string]> = [
  ['gen-100kb', 'real'],
  ['gen-1mb', 'real'],
  ['gen-1mb', 'gen-5000'],
  ['live-blog', 'real'],
];

const f = (x: number | null | undefined, d = 1) => (typeof x === 'number' ? x.toFixed(d) : 'n/a');

/** A markdown table of the inside figures for the shared rows, or null when there is no results.json. */
export function insideTable(file: string): string | null {
  if (!existsSync(file)) return null;
  let parsed: { date?: string; rows?: InsideRow[] };
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as typeof parsed;
  } catch {
    return null;
  }
  const rows = (parsed.rows ?? []).filter((r) => ROWS.some(([p, g]) => r.page === p && r.glossary === g));
  if (rows.length === 0) return null;
  return [
    `Inside run of ${parsed.date ?? 'unknown date'}: the engine injected by the bench, timed from inside the page.`,
    '',
    '| page | glossary | browser | first marked frame ms (from engine start) | engine main-thread ms (sum of slices) | slice max ms | matcher MB/s | hover p95 ms |',
    '|---|---|---|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.page} | ${r.glossary} | ${r.browser} | ${f(r.firstFrameMs)} | ${f(r.workMs)} | ${f(r.sliceMax)} | ${f(r.matcherMBs, 0)} | ${f(r.hoverP95, 3)} |`),
  ].join('\n');
}
