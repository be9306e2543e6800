/**
 * The shape of a made glossary (issue 14) and its cheap check on receipt: what a draft, a stored glossary and a list
 * line hold, and `draftProblems`. Apart from src/core/glossary-store.ts (which compiles) because the message
 * validators in src/shared/protocol.ts need the check and the content script bundles those validators: the compiler
 * must not ride along into every frame (src/content/content-lean.test.ts). Pure: no DOM, browser or node.
 */
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
  /**
   * A PDF's page number for each paragraph (the page it starts on), as many as `paragraphs`; absent for reports with
   * no pages (articles, text) and in drafts and files made before pages were kept.
   */
  pages?: number[];
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

/**
 * Where a card's quote leads (issue 14: every glossary has its reader page): a sentence of the bundled report
 * (`p3s2`) or of a made glossary's report (`<glossary id>/p3s2`, what the card hands to `openReader`).
 */
export const QUOTE_TARGET = /^(?:(g[a-z0-9]{4,20})\/)?(p\d{1,4}s\d{1,3})$/;

/** The reader page (relative to the extension's root) showing a quote target: `reader.html?g=<id>#p3s2`. */
export function readerPath(target: string | null): string {
  const m = target ? QUOTE_TARGET.exec(target) : null;
  if (!m) return 'reader.html';
  return `reader.html${m[1] ? `?g=${m[1]}` : ''}#${m[2]}`;
}

/** A stored paragraph's longest length (the make page cuts longer ones at sentence ends: src/core/extract/paragraphs.ts). */
export const MAX_PARAGRAPH_CHARS = 20_000;

const DRAFT_LIMITS = {
  title: 300,
  publisher: 200,
  source: 2000,
  paragraph: MAX_PARAGRAPH_CHARS,
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
  const known = ['meta', 'paragraphs', 'pages', 'entries'];
  if (!onlyKeys(raw, known)) errors.push(`(top level): unknown field(s) ${Object.keys(raw).filter((k) => !known.includes(k)).map((k) => `"${k}"`).join(', ')}`);
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
  if (raw.pages !== undefined) errors.push(...pageProblems(raw.pages, Array.isArray(ps) ? ps.length : 0));
  if (!Array.isArray(raw.entries)) errors.push('entries: expected a list of entries');
  else if (raw.entries.length > DRAFT_LIMITS.entries) errors.push(`entries: at most ${DRAFT_LIMITS.entries} entries`);
  return errors;
}

/** The largest page number a paragraph may carry (no real report has more pages; bounds a hostile file). */
const MAX_PAGE = 100_000;

/** `pages`, when a draft has them: one positive whole page number per paragraph, never decreasing. */
function pageProblems(pages: unknown, paragraphs: number): string[] {
  if (!Array.isArray(pages)) return ['pages: expected a list of page numbers, one per paragraph'];
  if (pages.length !== paragraphs) return [`pages: expected one page number per paragraph (${paragraphs} paragraphs, ${pages.length} page numbers)`];
  for (let i = 0; i < pages.length; i++) {
    const n: unknown = pages[i];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_PAGE) {
      return [`pages[${i}]: must be a whole page number from 1 to ${MAX_PAGE} (got ${JSON.stringify(n) ?? 'nothing'})`];
    }
    // A report reads forward: a page number going back is a damaged file, not a layout.
    if (i > 0 && n < (pages[i - 1] as number)) return [`pages[${i}]: page ${n} comes after page ${String(pages[i - 1])}; pages must not go back`];
  }
  return [];
}

/** A cheap shape check for message validators (the background compiles, which checks every entry field). */
export const isGlossaryDraftShape = (raw: unknown): raw is GlossaryDraft => draftProblems(raw).length === 0;

