/**
 * A source text cut into paragraphs and sentences, by offsets into the text, so every quote the extractor hands on
 * is a verbatim slice of the source.
 *
 * Paragraphs are blocks separated by a line break (the CLI and the browser readers give one paragraph per line or
 * per blank-line-separated block); sentences come from the glossary compiler's splitter, so a quote taken here is
 * cut exactly as the compiler cuts the report (src/core/glossary-compiler/sentences.ts).
 */
import { splitSentences, type Span } from '../glossary-compiler/sentences';

export interface Sentence extends Span {
  /** Index of the paragraph this sentence belongs to. */
  paragraph: number;
  /** The sentence, verbatim. */
  text: string;
}

export interface Layout {
  paragraphs: Span[];
  sentences: Sentence[];
}

/** Cuts `text` into paragraphs (non-empty lines; a lone line break inside a block also ends a paragraph) and sentences. */
export function layoutText(text: string): Layout {
  const paragraphs: Span[] = [];
  const sentences: Sentence[] = [];
  const re = /\r?\n|\r/g;
  let from = 0;
  const push = (start: number, end: number): void => {
    const slice = text.slice(start, end);
    const lead = slice.length - slice.trimStart().length;
    const trimmed = slice.trim();
    if (!trimmed) return;
    const span = { start: start + lead, end: start + lead + trimmed.length };
    const index = paragraphs.length;
    paragraphs.push(span);
    for (const s of splitSentences(trimmed)) {
      const abs = { start: s.start + span.start, end: s.end + span.start };
      sentences.push({ ...abs, paragraph: index, text: text.slice(abs.start, abs.end) });
    }
  };
  for (let m = re.exec(text); m; m = re.exec(text)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return { paragraphs, sentences };
}

export interface Token {
  /** The word as written (letters, digits, inner hyphens, apostrophes, periods of "U.S."). */
  text: string;
  start: number;
  end: number;
}

/**
 * Words of `text` with their offsets. A word is letters/digits joined by inner hyphens, apostrophes or slashes
 * ("Tehreek-e-Taliban", "Pakistan's", "desorption/ionization") or a dotted abbreviation ("U.S.").
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const re = /(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:['\u2019\-/][\p{L}\p{N}]+)*/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/**
 * A line that is no prose but a record's fields: "Language: Spanish Article Type:BFN", "Source: AFP", or a lone word
 * ("CSO", "Advertisement"). It ends in no sentence punctuation and is either one word or colon-labelled fields whose
 * label and last value are short (at most three words; a headline "X rises after Y: Report" has a long label).
 * Boilerplate detection reads the same shallow cues: few words and no sentence end (Kohlschütter, Fankhauser & Nejdl,
 * WSDM 2010). Such lines named no term but ranked first, as PositionRank favours the first words: FBIS headers gave
 * "Article Type", "BFN", "CSO" in DUC-2001 dev top 10s.
 */
export function isFieldLine(line: string): boolean {
  const t = line.trim();
  if (!t || /[.!?\u2026]["'\u201d\u2019)\]]*$/u.test(t)) return false;
  const words = (s: string): number => tokenize(s).length;
  const all = words(t);
  if (all === 1 && !/\s/.test(t)) return true;
  const parts = t.split(':');
  if (parts.length < 2 || all > 10) return false;
  const label = parts[0]!;
  const inLabel = words(label);
  const inLast = words(parts[parts.length - 1]!);
  return /^\s*\p{Lu}/u.test(label) && inLabel >= 1 && inLabel <= 3 && inLast >= 1 && inLast <= 3 && !/\/\//.test(t);
}
