/**
 * Glossaries made from the reader's own reports (issue 14): their shape, their validation on receipt, and their
 * compilation with the very compiler of the bundled glossary (src/core/glossary-compiler), so a made glossary is
 * checked exactly as `glossary/` is at build time (every alias found in the report, no spelling claimed twice,
 * pinned quotes verbatim).
 *
 * A draft is what the make/review page sends and what an export file carries: the report's metadata, its text as
 * paragraphs, and entries in the source form (`EntrySource`). The background stores it with its compiled form
 * (src/background/glossary-db.ts). Pure: no DOM, browser or node.
 */
import { compileGlossary, type CompileResult } from './glossary-compiler/index.js';
import type { CompiledGlossary, EntrySource } from './glossary-types.js';

/** What the reader knows of the report; every field editable on the make page, `date` may be unknown (''). */
interface ReportInfo {
  title: string;
  /** ISO date "2025-10-19", or '' when the report does not say. */
  date: string;
  /** Publisher or site name, '' when unknown. */
  publisher: string;
  /** The page's URL or the file's name, '' for pasted text. */
  source: string;
}

export interface GlossaryDraft {
  meta: ReportInfo;
  /** The report's body, one paragraph per item (no line breaks inside). */
  paragraphs: string[];
  /** Sorted by id, as the compiler wants them. */
  entries: EntrySource[];
}

export interface StoredGlossary extends GlossaryDraft {
  /** `g` + base-36 characters: never a bundled id, never `bundled`. */
  id: string;
  enabled: boolean;
  /** ISO timestamp. */
  createdAt: string;
  compiled: CompiledGlossary;
}

/** One line of the glossary list (popup, make page, options): no report text. */
export interface GlossarySummary {
  id: string;
  title: string;
  date: string;
  publisher: string;
  source: string;
  enabled: boolean;
  entries: number;
  builtIn: boolean;
}

export const BUNDLED_ID = 'bundled';
export const STORED_ID = /^g[a-z0-9]{4,20}$/;

const DRAFT_LIMITS = {
  title: 300,
  publisher: 200,
  source: 2000,
  paragraph: 20_000,
  paragraphs: 5_000,
  /** About 4 MB of report text (a long PDF). */
  textChars: 4_000_000,
  entries: 1_000,
} as const;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && Object.prototype.toString.call(v) === '[object Object]';
const onlyKeys = (p: Record<string, unknown>, keys: readonly string[]) => Object.keys(p).every((k) => keys.includes(k));
const isIsoDate = (s: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(s);
};
const oneLine = (s: string): boolean => !/[\u0000-\u001f\u007f\u2028\u2029]/.test(s);

/** Problems with a draft's metadata and text, each naming its field; [] when sound. Entries are checked by compiling. */
export function draftProblems(raw: unknown): string[] {
  if (!isRecord(raw)) return ['(top level): expected an object with meta, paragraphs and entries'];
  const errors: string[] = [];
  if (!onlyKeys(raw, ['meta', 'paragraphs', 'entries'])) errors.push(`(top level): unknown field(s) ${Object.keys(raw).filter((k) => !['meta', 'paragraphs', 'entries'].includes(k)).map((k) => `"${k}"`).join(', ')}`);
  const meta = raw.meta;
  if (!isRecord(meta)) errors.push('meta: expected an object with title, date, publisher and source');
  else {
    if (!onlyKeys(meta, ['title', 'date', 'publisher', 'source'])) errors.push('meta: unknown field(s)');
    const text = (k: string, max: number, required: boolean) => {
      const v = meta[k];
      if (typeof v !== 'string') return void errors.push(`meta.${k}: must be text`);
      if (required && v.trim() === '') errors.push(`meta.${k}: must not be empty`);
      if (v.length > max) errors.push(`meta.${k}: must be at most ${max} characters`);
      if (!oneLine(v)) errors.push(`meta.${k}: must be one line without control characters`);
    };
    text('title', DRAFT_LIMITS.title, true);
    text('publisher', DRAFT_LIMITS.publisher, false);
    text('source', DRAFT_LIMITS.source, false);
    if (typeof meta.date !== 'string' || (meta.date !== '' && !isIsoDate(meta.date))) errors.push('meta.date: must be a date like "2025-10-19" or empty');
  }
  const ps = raw.paragraphs;
  if (!Array.isArray(ps)) errors.push('paragraphs: expected a list of paragraphs');
  else if (ps.length === 0) errors.push('paragraphs: the report has no text');
  else if (ps.length > DRAFT_LIMITS.paragraphs) errors.push(`paragraphs: at most ${DRAFT_LIMITS.paragraphs} paragraphs`);
  else {
    let total = 0;
    for (let i = 0; i < ps.length; i++) {
      const p: unknown = ps[i];
      if (typeof p !== 'string' || p.trim() === '' || p.length > DRAFT_LIMITS.paragraph || !oneLine(p.replace(/\t/g, ' '))) {
        errors.push(`paragraphs[${i}]: must be one non-empty line of at most ${DRAFT_LIMITS.paragraph} characters`);
        break;
      }
      total += p.length;
    }
    if (total > DRAFT_LIMITS.textChars) errors.push(`paragraphs: the report is longer than ${DRAFT_LIMITS.textChars} characters`);
  }
  if (!Array.isArray(raw.entries)) errors.push('entries: expected a list of entries');
  else if (raw.entries.length > DRAFT_LIMITS.entries) errors.push(`entries: at most ${DRAFT_LIMITS.entries} entries`);
  return errors;
}

/** A cheap shape check for message validators (the background compiles, which checks every entry field). */
export const isGlossaryDraftShape = (raw: unknown): raw is GlossaryDraft => draftProblems(raw).length === 0;

/** The printed date line of the report text the compiler reads (line 2): the ISO date, or a dash when unknown. */
const dateLine = (date: string): string => date || '—';

/** A draft as the compiler's three files: title line, date line, then paragraphs. */
function draftFiles(d: GlossaryDraft): { entries: string; report: string; text: string } {
  const title = d.meta.title.replace(/[<>]/g, '').trim() || 'Untitled report';
  const report = {
    title,
    date: d.meta.date || '1970-01-01',
    displayDate: dateLine(d.meta.date),
    dateline: d.meta.publisher.replace(/[<>]/g, '').trim().slice(0, 80) || 'Unknown',
    language: 'en',
    sourceFile: (d.meta.source.replace(/[<>\s]/g, '') || 'pasted text').slice(0, 200),
  };
  return {
    entries: JSON.stringify({ version: 1, entries: d.entries }),
    report: JSON.stringify(report),
    text: [title, report.displayDate, ...d.paragraphs.map((p) => p.replace(/\t/g, ' '))].join('\n'),
  };
}

/** Validates and compiles a draft; every problem listed (metadata first, then the compiler's). */
export function compileDraft(raw: unknown): CompileResult {
  const problems = draftProblems(raw);
  if (problems.length) return { ok: false, errors: problems };
  return compileGlossary(draftFiles(raw as GlossaryDraft));
}

export function summarize(g: StoredGlossary): GlossarySummary {
  return { id: g.id, ...g.meta, enabled: g.enabled, entries: g.entries.length, builtIn: false };
}

/** A new stored id from random bytes (the caller passes them: core has no crypto). */
export function newGlossaryId(random: Uint8Array): string {
  let s = 'g';
  for (const b of random.slice(0, 10)) s += (b % 36).toString(36);
  return s;
}

/**
 * Compiles a draft, leaving out the entries the compiler finds nowhere in the report (a case or context rule the
 * review produced that the report never meets): the rest of a reviewed glossary should not be lost to one entry.
 * Any other problem fails the whole draft.
 */
export function compileDraftLenient(draft: GlossaryDraft): { result: CompileResult; dropped: string[] } {
  const dropped: string[] = [];
  let current = draft;
  for (let round = 0; round < 3; round++) {
    const result = compileDraft(current);
    if (result.ok) return { result, dropped };
    const missing = result.errors.map((e) => /^entry (\S+) never occurs in the report/.exec(e)?.[1]);
    if (missing.some((m) => m === undefined)) return { result, dropped };
    const gone = new Set(missing as string[]);
    dropped.push(...gone);
    const entries = current.entries
      .filter((e) => !gone.has(e.id))
      .map((e) => {
        const keep = (ids: string[] | undefined) => ids?.filter((id) => !gone.has(id));
        const out = { ...e, related: e.related.filter((id) => !gone.has(id)), aliases: e.aliases.map((a) => (a.requires ? { ...a, requires: keep(a.requires)! } : a)) };
        if (e.requires) out.requires = keep(e.requires)!;
        return out;
      })
      .filter((e) => !e.requires || e.requires.length > 0);
    current = { ...current, entries };
  }
  return { result: compileDraft(current), dropped };
}
