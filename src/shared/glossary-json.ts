/**
 * The glossary replies: `getGlossary`'s page glossary and `getFullGlossary`'s whole one as JSON text made once per
 * change by the background (src/shared/protocol.ts says why), parsed and shape-checked by the content engine and the
 * popup that receive them; and `getEntryDetails`' card text (src/core/page-glossary.ts), checked field by field.
 */
import type { CompiledGlossary } from '../core/glossary-types.js';
import { ENTRY_DEFAULTS, type EntryDetails } from '../core/page-glossary.js';
import { isCount, isEntryId, isRecord, onlyKeys } from './guards.js';

/**
 * The compiled glossary's outer shape (the reply comes from our own background, which compiled it with the validating
 * compiler at build time): the parts the matcher and the card index into, so a stale or foreign reply fails here, not
 * deep in a scan. Entry contents are not re-validated per frame.
 */
function isCompiledGlossaryShape(g: unknown): g is CompiledGlossary {
  return (
    isRecord(g) &&
    g.version === 1 &&
    isRecord(g.report) &&
    isRecord(g.report.meta) &&
    Array.isArray(g.entries) &&
    g.entries.every((e: unknown) => isRecord(e) && isEntryId(e.id) && typeof e.name === 'string' && withDefaults(e)) &&
    isRecord(g.matcher)
  );
}

/**
 * Puts back the fields a page glossary leaves out at their default (src/core/page-glossary.ts pageGlossaryJson);
 * false when one that is there has another type than its default.
 */
function withDefaults(e: Record<string, unknown>): boolean {
  for (const [k, d] of Object.entries(ENTRY_DEFAULTS)) {
    const v = e[k];
    if (v === undefined) e[k] = Array.isArray(d) ? [] : d;
    else if (Array.isArray(d) ? !Array.isArray(v) : typeof v !== typeof d) return false;
  }
  return true;
}

/** The glossary of a getGlossary reply, checked as every reply is (null when it is not JSON or not that shape). */
export function parseGlossaryJson(json: string): CompiledGlossary | null {
  let g: unknown;
  try {
    g = JSON.parse(json);
  } catch {
    return null;
  }
  return isCompiledGlossaryShape(g) ? g : null;
}

/** Most entries one `getEntryDetails` asks for: a card's entry and its related ones. */
export const MAX_DETAIL_IDS = 100;

const isString = (v: unknown): v is string => typeof v === 'string';
const isStringList = (v: unknown): boolean => Array.isArray(v) && v.every(isString);
const isMark = (m: unknown): boolean => Array.isArray(m) && m.length === 2 && isCount(m[0]) && isCount(m[1]) && (m[0] as number) <= (m[1] as number);

/** A card quote: a report sentence (its place, text and marks), maybe its PDF page and the report it comes from. */
function isQuote(q: unknown): boolean {
  return (
    isRecord(q) &&
    onlyKeys(q, ['paragraph', 'sentence', 'text', 'marks', 'page', 'sourceUrl', 'from']) &&
    isCount(q.paragraph) &&
    isCount(q.sentence) &&
    isString(q.text) &&
    Array.isArray(q.marks) &&
    q.marks.every(isMark) &&
    (q.page === undefined || isCount(q.page)) &&
    (q.sourceUrl === undefined || (isString(q.sourceUrl) && /^https?:\/\//i.test(q.sourceUrl))) &&
    (q.from === undefined || (isRecord(q.from) && onlyKeys(q.from, ['glossary', 'title', 'date']) && isString(q.from.glossary) && isString(q.from.title) && isString(q.from.date)))
  );
}

const isFactSource = (s: unknown): boolean => isRecord(s) && onlyKeys(s, ['name', 'url', 'date']) && isString(s.name) && isString(s.url) && /^https:\/\//i.test(s.url) && isString(s.date);

/** One entry's card text as `getEntryDetails` answers it. */
export function isEntryDetails(d: unknown): d is EntryDetails {
  return (
    isRecord(d) &&
    onlyKeys(d, ['id', 'aliases', 'definition', 'quotes', 'beyondReport', 'beyondSources']) &&
    isEntryId(d.id) &&
    isStringList(d.aliases) &&
    isString(d.definition) &&
    Array.isArray(d.quotes) &&
    d.quotes.every(isQuote) &&
    (d.beyondReport === undefined || isString(d.beyondReport)) &&
    (d.beyondSources === undefined || (Array.isArray(d.beyondSources) && d.beyondSources.every(isFactSource)))
  );
}

/** A `getEntryDetails` request: distinct entry ids, at least one, at most MAX_DETAIL_IDS. */
export function isDetailIds(v: unknown): v is string[] {
  return Array.isArray(v) && v.length > 0 && v.length <= MAX_DETAIL_IDS && v.every(isEntryId) && new Set(v).size === v.length;
}
