/**
 * Dates on the card: the report's date, the article's date and the "this article is newer than the report" note.
 * Pure; English month abbreviations to match the report's own "Jan 31, 2022".
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The calendar day of an ISO date or date-time ("2022-03-14", "2022-03-14T09:30:00+05:00"), as "YYYY-MM-DD";
 *  null when it is not one (pages put anything in meta tags). The day is the one written in the value, so an
 *  article published at 01:00 in Islamabad is not moved to the previous day by a UTC conversion. */
export function isoDay(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(value);
  if (!m) return null;
  const [, y, mo, d] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${y}-${mo}-${d}`;
}

/** "2022-03-14" -> "Mar 14, 2022"; the input unchanged when it is not an ISO date. */
export function formatDay(value: string): string {
  const day = isoDay(value);
  if (!day) return value;
  const [y, m, d] = day.split('-');
  return `${MONTHS[Number(m) - 1]} ${Number(d)}, ${y}`;
}

/** Is the article's date a later day than the report's? False when either is unknown. */
export function isArticleNewer(articleDate: string | null | undefined, reportDate: string): boolean {
  const a = isoDay(articleDate);
  const r = isoDay(reportDate);
  return a !== null && r !== null && a > r;
}
