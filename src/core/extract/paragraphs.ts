/**
 * A report's text as the paragraphs a glossary stores (src/core/glossary-draft.ts draftProblems): one per line,
 * spaces and control characters collapsed, empty lines dropped, and a line longer than a stored paragraph may be (a
 * page or PDF with no paragraph breaks) cut at sentence ends, so a draft is never refused for its layout. Pure.
 */
import { splitSentences } from '../glossary-compiler/sentences';

/** A line as a stored paragraph holds it: spaces and control characters collapsed, trimmed. */
const flat = (line: string): string => line.replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim();

export function reportParagraphs(text: string, max: number): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n|\r/)) {
    // Control characters (a stray U+001D in one corpus page) are not text: a stored paragraph must not hold them.
    const p = flat(line);
    if (!p) continue;
    if (p.length <= max) out.push(p);
    else out.push(...cut(p, max));
  }
  return out;
}

/** Whole sentences packed up to `max`; a sentence longer than `max` cut at its last space before it. */
function cut(p: string, max: number): string[] {
  const parts: string[] = [];
  let from = 0;
  let end = 0;
  for (const s of splitSentences(p)) {
    if (s.end - from > max && end > from) {
      parts.push(p.slice(from, end).trim());
      from = end;
    }
    while (s.end - from > max) {
      const space = p.lastIndexOf(' ', from + max);
      const at = space > from ? space : from + max;
      parts.push(p.slice(from, at).trim());
      from = at;
    }
    end = s.end;
  }
  if (from < p.length) parts.push(p.slice(from).trim());
  return parts.filter(Boolean);
}

/** A source paragraph with the page it starts on (a PDF's, src/core/extract/pdf-layout.ts). */
export interface PagedParagraph {
  text: string;
  page: number;
}

/**
 * Page numbers for a report's stored paragraphs, from its source's paged paragraphs: the reader may have edited the
 * text on the make page and `reportParagraphs` may have cut long ones, so the two lists are aligned, not zipped.
 * Each stored paragraph takes the page of the source paragraph that holds it (searched forward from the last one
 * found, so pages never go back); one found nowhere (edited) takes the page before it, as it stands where that page
 * was. When fewer than half are found the text is no longer the PDF's (another text pasted over it): no pages.
 */
export function pagesFor(paragraphs: readonly string[], source: readonly PagedParagraph[] | null): number[] | undefined {
  if (!source?.length || !paragraphs.length) return undefined;
  const pages: number[] = [];
  let at = 0;
  let found = 0;
  for (const p of paragraphs) {
    let k = at;
    while (k < source.length && !flat(source[k]!.text).includes(p)) k++;
    if (k < source.length) {
      at = k;
      found++;
    }
    pages.push(source[at]!.page);
  }
  return found * 2 >= paragraphs.length ? pages : undefined;
}
