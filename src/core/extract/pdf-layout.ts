/**
 * A PDF's text items (as pdf.js getTextContent gives them) turned into paragraphs with page numbers: items grouped
 * into lines by baseline, running headers and footers dropped (a line at the top or bottom of a page whose text,
 * digits aside, repeats on at least half the pages), bare page numbers dropped ("12", "Page 3 of 9", "- 4 -"),
 * lines joined into paragraphs where the vertical gap is a normal line gap, and a word hyphenated at a line end
 * joined ("counter-" + "terrorism" → "counterterrorism"; "Tehreek-e-" + "Taliban" keeps its hyphen before a capital).
 * A paragraph cut by a page break continues when it did not end a sentence and the next page goes on in lowercase.
 * Pure, so the extension's PDF page can use it with the same pdf.js output.
 */

export interface PdfTextItem {
  str: string;
  /** Left edge and baseline in PDF units (y grows upwards), as in pdf.js `transform[4]`, `transform[5]`. */
  x: number;
  y: number;
  /** Glyph height (font size). */
  height: number;
}

export interface PdfPage {
  items: PdfTextItem[];
}

export interface PdfParagraph {
  /** 1-based page where the paragraph starts. */
  page: number;
  text: string;
}

interface Line {
  text: string;
  y: number;
  height: number;
}

function linesOf(items: readonly PdfTextItem[]): Line[] {
  const sorted = items.filter((i) => i.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; height: number; items: PdfTextItem[] }[] = [];
  for (const it of sorted) {
    const line = lines.find((l) => Math.abs(l.y - it.y) <= Math.max(1, 0.3 * Math.max(l.height, it.height)));
    if (line) {
      line.items.push(it);
      line.height = Math.max(line.height, it.height);
    } else lines.push({ y: it.y, height: it.height, items: [it] });
  }
  return lines
    .sort((a, b) => b.y - a.y)
    .map((l) => {
      const parts = l.items.sort((a, b) => a.x - b.x).map((i) => i.str);
      // pdf.js usually gives words with their spaces; add one where two items would otherwise touch.
      const text = parts.reduce((acc, p) => (acc && !/\s$/.test(acc) && !/^\s/.test(p) ? `${acc} ${p}` : acc + p), '');
      return { text: text.replace(/\s+/g, ' ').trim(), y: l.y, height: l.height };
    });
}

const PAGE_NUMBER = /^(?:page\s*)?[-\u2013\u2014(]?\s*\d{1,4}\s*[-\u2013\u2014)]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
const shape = (s: string): string => s.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

/** Header/footer shapes: lines among the first or last two of a page whose shape recurs on >= half the pages. */
function runningLines(pages: readonly Line[][]): Set<string> {
  const seen = new Map<string, number>();
  for (const lines of pages) {
    const edge = new Set([...lines.slice(0, 2), ...lines.slice(-2)].map((l) => shape(l.text)));
    for (const s of edge) seen.set(s, (seen.get(s) ?? 0) + 1);
  }
  const out = new Set<string>();
  if (pages.length < 2) return out;
  for (const [s, n] of seen) if (n >= Math.max(2, Math.ceil(pages.length / 2))) out.add(s);
  return out;
}

/** Joins `next` onto `text`: a line-end hyphen before a lowercase letter is a hyphenation and goes. */
function joinLine(text: string, next: string): string {
  if (/\p{L}-$/u.test(text) && /^\p{Ll}/u.test(next)) return text.slice(0, -1) + next;
  if (/[-\u2010]$/.test(text)) return text + next;
  return `${text} ${next}`;
}

export function pdfParagraphs(pages: readonly PdfPage[]): PdfParagraph[] {
  const all = pages.map((p) => linesOf(p.items));
  const running = runningLines(all);
  const out: PdfParagraph[] = [];
  all.forEach((lines, pi) => {
    const body = lines.filter((l, li) => {
      const atEdge = li < 2 || li >= lines.length - 2;
      return !PAGE_NUMBER.test(l.text) && !(atEdge && running.has(shape(l.text)));
    });
    let current: { text: string; y: number; height: number; gap: number } | undefined;
    let flushed = 0;
    const flush = (): void => {
      if (!current) return;
      const prev = out[out.length - 1];
      // Continued across a page break: the last paragraph did not end a sentence and this one starts lowercase.
      if (prev && flushed === 0 && prev.page === pi && !/[.!?:"\u201d)]$/.test(prev.text) && /^\p{Ll}/u.test(current.text)) {
        prev.text = joinLine(prev.text, current.text);
      } else out.push({ page: pi + 1, text: current.text });
      flushed++;
      current = undefined;
    };
    for (const l of body) {
      if (current) {
        const gap = current.y - l.y;
        // A paragraph break is a gap clearly wider than this paragraph's line gap (or, for its second line, than
        // 1.5 line heights), or a change of font size.
        const limit = current.gap > 0 ? current.gap * 1.3 : Math.max(l.height, current.height) * 1.6;
        if (gap <= limit && Math.abs(l.height - current.height) < 1.5) {
          current = { text: joinLine(current.text, l.text), y: l.y, height: l.height, gap: current.gap || gap };
          continue;
        }
        flush();
      }
      current = { text: l.text, y: l.y, height: l.height, gap: 0 };
    }
    flush();
  });
  return out;
}
