// A PDF report's page numbers end to end in core (issue 14 deliverable 1b): pdf.js layout -> paragraphs with pages
// -> draft -> compiled report and quotes; the draft schema and the export file keep pages optional (old drafts and
// files stay valid) and refuse a bad page with a precise error.
import { describe, expect, it } from 'vitest';
import { pdfParagraphs, type PdfTextItem } from './extract/pdf-layout.js';
import { pagesFor, reportParagraphs } from './extract/paragraphs.js';
import { draftProblems, MAX_PARAGRAPH_CHARS, type GlossaryDraft } from './glossary-draft.js';
import { compileDraft } from './glossary-store.js';
import { readGlossaryFile, serializeGlossaryFile } from './glossary-store-file.js';
import { termsToEntries } from './glossary-store-draft.js';

const META = { title: 'Monitoring Team brief', date: '2025-11-02', publisher: 'UN', source: 'brief.pdf' };

/** One PDF page: its lines top-down at a 14-unit line gap, a blank line before each new paragraph, a page number. */
function page(n: number, lines: (string | null)[]): { items: PdfTextItem[] } {
  const items: PdfTextItem[] = [];
  let y = 700;
  for (const l of lines) {
    if (l !== null) items.push({ str: l, x: 72, y, height: 11 });
    y -= l === null ? 28 : 14;
  }
  items.push({ str: String(n), x: 300, y: 40, height: 9 });
  return { items };
}

const PAGES = [
  page(1, ['The Monitoring Team met in Vienna.']),
  page(2, ['Hafiz Gul Bahadur was named as a leader', 'of a militant group in North Waziristan.', null, 'The group stayed active.']),
  page(3, ['Gul Bahadur denied the claims.']),
];

const ENTRIES = termsToEntries([
  { name: 'Gul Bahadur', aliases: [{ text: 'Gul Bahadur', case: 'proper' }], category: 'person', requires: [], definition: 'A militant leader.', sentences: [] },
]);

/** What the make page does with a PDF: paragraphs as stored, pages aligned to them. */
function pdfDraft(): GlossaryDraft {
  const paged = pdfParagraphs(PAGES);
  const paragraphs = reportParagraphs(paged.map((p) => p.text).join('\n'), MAX_PARAGRAPH_CHARS);
  const pages = pagesFor(paragraphs, paged);
  return { meta: META, paragraphs, ...(pages ? { pages } : {}), entries: ENTRIES };
}

describe('PDF pages: layout -> report', () => {
  it('every quote of a PDF report carries the page its paragraph starts on; the report keeps one page per paragraph', () => {
    const draft = pdfDraft();
    expect(draft.pages).toEqual([1, 2, 2, 3]);
    const r = compileDraft(draft);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.glossary.report.pages).toEqual([1, 2, 2, 3]);
    const quotes = r.glossary.entries[0]!.quotes.map((q) => [q.text, q.page]);
    expect(quotes).toEqual(expect.arrayContaining([
      ['Hafiz Gul Bahadur was named as a leader of a militant group in North Waziristan.', 2],
      ['Gul Bahadur denied the claims.', 3],
    ]));
  });

  it('a report without pages (an article, pasted text, a draft stored before pages) compiles as before: no page anywhere', () => {
    const { pages: _, ...old } = pdfDraft();
    const r = compileDraft(old);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.glossary.report.pages).toBeUndefined();
    expect(r.glossary.entries[0]!.quotes.every((q) => q.page === undefined)).toBe(true);
  });
});

describe('PDF pages: the draft schema', () => {
  const good = pdfDraft();
  const problems = (pages: unknown) => draftProblems({ ...good, pages });

  it('pages are optional; when present, one positive whole page number per paragraph, never going back', () => {
    expect(draftProblems(good)).toEqual([]);
    expect(draftProblems({ ...good, pages: undefined })).toEqual([]);
    expect(problems([1, 2, 0, 3])).toEqual(['pages[2]: must be a whole page number from 1 to 100000 (got 0)']);
    expect(problems([1, 2, 2.5, 3])).toEqual(['pages[2]: must be a whole page number from 1 to 100000 (got 2.5)']);
    expect(problems([1, '2', 2, 3])).toEqual(['pages[1]: must be a whole page number from 1 to 100000 (got "2")']);
    expect(problems([1, 2, 2, -3])).toEqual(['pages[3]: must be a whole page number from 1 to 100000 (got -3)']);
    expect(problems([1, 2, null, 3])).toEqual(['pages[2]: must be a whole page number from 1 to 100000 (got null)']);
    expect(problems([1, 2, 2])).toEqual(['pages: expected one page number per paragraph (4 paragraphs, 3 page numbers)']);
    expect(problems([1, 3, 2, 3])).toEqual(['pages[2]: page 2 comes after page 3; pages must not go back']);
    expect(problems('1-3')).toEqual(['pages: expected a list of page numbers, one per paragraph']);
  });
});

describe('PDF pages: export and import', () => {
  it('a file with pages gives back the same draft and the same compiled pages', () => {
    const draft = pdfDraft();
    const file = serializeGlossaryFile(draft, new Date('2025-11-03T00:00:00Z'));
    const back = readGlossaryFile(file);
    if (!back.ok) throw new Error(back.errors.join('\n'));
    expect(back.draft).toEqual(draft);
    expect(compileDraft(back.draft)).toEqual(compileDraft(draft));
  });

  it('a file written before pages were kept (no "pages") imports unchanged, without pages', () => {
    const { pages: _, ...old } = pdfDraft();
    const file = serializeGlossaryFile(old);
    expect(JSON.parse(file)).not.toHaveProperty('pages');
    const back = readGlossaryFile(file);
    if (!back.ok) throw new Error(back.errors.join('\n'));
    expect(back.draft).toEqual(old);
  });

  it('a bad page is refused with a precise error (nothing to save)', () => {
    const file = JSON.parse(serializeGlossaryFile(pdfDraft())) as { pages: unknown[] };
    file.pages[1] = -2;
    expect(readGlossaryFile(JSON.stringify(file))).toEqual({ ok: false, errors: ['pages[1]: must be a whole page number from 1 to 100000 (got -2)'] });
    file.pages = [1, 2];
    expect(readGlossaryFile(JSON.stringify(file))).toEqual({ ok: false, errors: ['pages: expected one page number per paragraph (4 paragraphs, 2 page numbers)'] });
  });
});
