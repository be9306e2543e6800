/**
 * Which report the card's source line names (issue 14: "the as-of note compares the article with the newest report
 * that speaks of the term"). The merged glossary carries one `report` — the first enabled glossary's, the bundled one
 * when it is on — but an entry of a made glossary speaks from its own report: each of its quotes names it (`from`,
 * src/core/glossary-store-merge.ts). So the line names the newest report among the entry's quotes; quotes without
 * `from` are the merged glossary's own report. Before this, a made glossary's term showed the bundled report's title,
 * date and publisher under its own sentences, and the as-of note compared the article with the wrong date.
 * Pure.
 */
import type { Quote } from '../core/glossary-types.js';
import { formatDay, isoDay } from './card-dates.js';
import type { ReportLine } from './SourceLine.js';

interface QuoteReport {
  title: string;
  date: string;
}

/** A made glossary's quote names its report; null for the merged glossary's own quotes (and anything malformed). */
function quoteReport(q: Quote): QuoteReport | null {
  const from = (q as Quote & { from?: unknown }).from;
  if (typeof from !== 'object' || from === null) return null;
  const { title, date } = from as { title?: unknown; date?: unknown };
  return typeof title === 'string' && title !== '' ? { title, date: typeof date === 'string' ? date : '' } : null;
}

/**
 * The report the card names for an entry with these quotes: `own` (the merged glossary's report) when no quote names
 * another, else the newest report among them (an undated one counts as oldest; ties keep card order). A named report
 * carries title and date only: its publisher and origin are not on the page (the reader page shows them).
 */
export function cardReport(quotes: readonly Quote[], own: ReportLine): ReportLine {
  let best: { line: ReportLine; day: string } | null = null;
  for (const q of quotes) {
    const from = quoteReport(q);
    const line: ReportLine = from ? { title: from.title, date: from.date, displayDate: from.date ? formatDay(from.date) : '' } : own;
    const day = isoDay(line.date) ?? '';
    if (!best || day > best.day) best = { line, day };
  }
  return best?.line ?? own;
}
