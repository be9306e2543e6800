/**
 * The report's text cut into paragraphs and sentences, located by offsets into the full text (for deep links
 * `#p{n}s{m}` and verbatim quotes).
 *
 * Layout of report.txt: line 1 the title, line 2 the printed date, then every non-empty line is a body paragraph
 * (the first one opens with the dateline, "Islamabad [Pakistan], January 31 : …").
 */

/** Words whose trailing period does not end a sentence (compared lowercased, without the final period). */
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'ft',
  'gen', 'lt', 'col', 'maj', 'capt', 'cmdr', 'sgt', 'adm', 'gov', 'sen', 'rep', 'rev', 'hon', 'pres',
  'no', 'nos', 'vol', 'vs', 'approx', 'dept', 'govt', 'est', 'fig',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

export interface Span {
  start: number;
  end: number;
}

/** Closing punctuation that stays with the sentence it ends: `."`, `?)`, `.’`. */
const CLOSERS = /["'\u201d\u2019)\]]/;
/** What may open the next sentence: an uppercase letter, a digit, an opening quote or bracket. */
const OPENER = /[\p{Lu}\p{N}"'\u201c\u2018(\[]/u;

/**
 * True when the period at `dot` belongs to an abbreviation: a listed word ("Dr."), a dotted form ("U.S.", "e.g."),
 * or a single-letter initial ("John F. Kennedy").
 */
function isAbbreviation(text: string, dot: number): boolean {
  if (text[dot - 1] === '.') return false; // the last dot of an ellipsis "..."
  const m = /[\p{L}.]+$/u.exec(text.slice(Math.max(0, dot - 24), dot));
  if (!m) return false;
  const word = m[0];
  if (word.includes('.')) return true;
  if (word.length === 1) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

/**
 * Splits `text` into sentences: a sentence ends at . ! ? or …  (plus any closing quotes or brackets) followed by
 * whitespace and then an uppercase letter, digit or opening quote, unless the period ends an abbreviation.
 * Returns spans relative to `text`, trimmed of surrounding whitespace; together they cover every non-space character.
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = skipSpace(text, 0);
  for (let i = start; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '.' && c !== '!' && c !== '?' && c !== '\u2026') continue;
    let end = i + 1;
    while (end < text.length && CLOSERS.test(text[end]!)) end++;
    let next = end;
    while (next < text.length && /\s/.test(text[next]!)) next++;
    if (next === end || next >= text.length) continue;
    if (!OPENER.test(text[next]!)) continue;
    if (c === '.' && isAbbreviation(text, i)) continue;
    spans.push({ start, end });
    start = next;
    i = next - 1;
  }
  const last = trimEnd(text, text.length);
  if (last > start) spans.push({ start, end: last });
  return spans;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

function trimEnd(text: string, i: number): number {
  while (i > 0 && /\s/.test(text[i - 1]!)) i--;
  return i;
}

export interface ReportLayout {
  /** Line 1, verbatim. */
  title: string;
  /** Line 2, verbatim (trimmed). */
  dateLine: string;
  /** Body paragraphs: span in the full text, and sentence spans in the full text. */
  paragraphs: { span: Span; sentences: Span[] }[];
}

/** Cuts the full report text into title, date line and body paragraphs of sentences (offsets into `text`). */
export function layoutReport(text: string): ReportLayout {
  const lines: Span[] = [];
  const re = /\r?\n|\r/g;
  let from = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    lines.push({ start: from, end: m.index });
    from = m.index + m[0].length;
  }
  lines.push({ start: from, end: text.length });
  const trimmed = lines.map(({ start, end }) => {
    const s = skipSpace(text, start);
    return { start: Math.min(s, end), end: Math.max(trimEnd(text, end), Math.min(s, end)) };
  });
  const title = trimmed[0] ? text.slice(trimmed[0].start, trimmed[0].end) : '';
  const dateLine = trimmed[1] ? text.slice(trimmed[1].start, trimmed[1].end) : '';
  const paragraphs = trimmed
    .slice(2)
    .filter((l) => l.end > l.start)
    .map((span) => ({
      span,
      sentences: splitSentences(text.slice(span.start, span.end)).map((s) => ({ start: s.start + span.start, end: s.end + span.start })),
    }));
  return { title, dateLine, paragraphs };
}
