/**
 * Splits a verbatim quote into plain and marked segments from the entry's mention offsets (`Quote.marks`), so the
 * card can emphasize the term with real elements (`<mark>`) — never by building HTML from report text.
 * Pure: no DOM.
 */

export interface QuoteSegment {
  text: string;
  /** True for a mention of the entry. */
  marked: boolean;
}

/**
 * Segments `text` by `marks` ([start, end) pairs in UTF-16 units). Marks may arrive unsorted, overlapping or out
 * of range (hand-made or user glossaries): they are clipped, sorted and merged; empty ones are dropped. The
 * segments always concatenate back to `text` exactly (tests check it with random input).
 */
export function segmentQuote(text: string, marks: readonly (readonly [number, number])[]): QuoteSegment[] {
  const ranges = marks
    .map(([s, e]) => [Math.max(0, Math.min(s, text.length)), Math.max(0, Math.min(e, text.length))] as const)
    .filter(([s, e]) => Number.isFinite(s) && Number.isFinite(e) && e > s)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [s, e] of ranges) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  const out: QuoteSegment[] = [];
  let pos = 0;
  for (const [s, e] of merged) {
    if (s > pos) out.push({ text: text.slice(pos, s), marked: false });
    out.push({ text: text.slice(s, e), marked: true });
    pos = e;
  }
  if (pos < text.length || out.length === 0) out.push({ text: text.slice(pos), marked: false });
  return out;
}

/** The sentence anchor used in reader links and element ids: paragraph 3, sentence 2 -> "p3s2". */
export function quoteAnchor(q: { paragraph: number; sentence: number }): string {
  return `p${q.paragraph}s${q.sentence}`;
}

/** Parses "p3s2" (or "#p3s2") back; null for anything else. */
export function parseQuoteAnchor(value: string): { paragraph: number; sentence: number } | null {
  const m = /^#?p(\d{1,3})s(\d{1,3})$/.exec(value);
  if (!m) return null;
  const paragraph = Number(m[1]);
  const sentence = Number(m[2]);
  return paragraph >= 1 && sentence >= 1 ? { paragraph, sentence } : null;
}

/** The first sentence of a definition: what the live region announces after the term's name. */
export function firstSentence(text: string, maxLength = 160): string {
  const trimmed = text.trim();
  // A sentence ends at . ! ? followed by a space and a capital/digit; "U.S. forces" doesn't end one.
  const m = /^(.+?[.!?])\s+(?=[A-Z0-9"“])/.exec(trimmed);
  let s = m && m[1] && !/\b[A-Z]\.$/.test(m[1]) ? m[1] : trimmed;
  if (s.length > maxLength) s = s.slice(0, maxLength - 1).replace(/\s+\S*$/, '') + '…';
  return s;
}

/**
 * The text of an entry's "Beyond the report" note without a leading label the data may carry ("Outside the
 * report: …"): the card prints its own label, so the words would otherwise appear twice. First letter upper-cased.
 */
export function beyondReportText(text: string): string {
  const rest = text.replace(/^\s*(?:outside|beyond) the report\s*[:.,–—-]\s*/i, '').trim();
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}
