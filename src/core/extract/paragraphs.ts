/**
 * A report's text as the paragraphs a glossary stores (src/core/glossary-draft.ts draftProblems): one per line,
 * spaces and control characters collapsed, empty lines dropped, and a line longer than a stored paragraph may be (a
 * page or PDF with no paragraph breaks) cut at sentence ends, so a draft is never refused for its layout. Pure.
 */
import { splitSentences } from '../glossary-compiler/sentences';

export function reportParagraphs(text: string, max: number): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n|\r/)) {
    // Control characters (a stray U+001D in one corpus page) are not text: a stored paragraph must not hold them.
    const p = line.replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim();
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
