/**
 * The report as the reader shows it: paragraphs of sentences, each sentence with its anchor id (`p3s2`) and the
 * exact text between sentences kept, so the page's text is the report's text verbatim. Plus the side list of
 * entries with their mention counts. Pure.
 */
import type { CompiledEntry, CompiledReport } from '../core/glossary-types.js';
import { quoteAnchor } from '../ui/quote-segments.js';

interface LaidSentence {
  id: string;
  text: string;
  /** Text between the previous sentence (or the paragraph start) and this one, usually a space. */
  before: string;
}

export interface LaidParagraph {
  n: number;
  sentences: LaidSentence[];
}

export function layoutReport(report: CompiledReport): LaidParagraph[] {
  return report.paragraphs.map((sentences, i) => {
    let prevEnd = sentences[0]?.start ?? 0;
    return {
      n: i + 1,
      sentences: sentences.map((s) => {
        const out = {
          id: quoteAnchor(s),
          text: report.text.slice(s.start, s.end),
          before: report.text.slice(prevEnd, s.start).replace(/\s+/g, ' '),
        };
        prevEnd = s.end;
        return out;
      }),
    };
  });
}

/** Entries the report mentions (never anchor-only or background ones), most mentioned first, then by name. */
export function termsInReport(entries: readonly CompiledEntry[]): CompiledEntry[] {
  return entries
    .filter((e) => e.mentions > 0 && !e.anchorOnly && !e.background && !e.own)
    .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}

/** Whether the dateline needs printing: the compiled first paragraph may already start with it. */
export function datelineShown(report: CompiledReport): boolean {
  const dl = report.meta.dateline.trim();
  if (!dl) return false;
  const first = report.paragraphs[0]?.[0];
  const firstText = first ? report.text.slice(first.start, first.end) : '';
  return !firstText.startsWith(dl);
}
