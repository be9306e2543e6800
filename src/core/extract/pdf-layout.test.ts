import { describe, expect, it } from 'vitest';
import { pdfParagraphs, type PdfTextItem } from './pdf-layout';

/** Lines laid out top-down at 14-unit spacing from y = 700, a blank line (extra gap) before each new paragraph. */
function page(header: string, lines: (string | null)[], footer: string): { items: PdfTextItem[] } {
  const items: PdfTextItem[] = [{ str: header, x: 72, y: 760, height: 9 }];
  let y = 700;
  for (const l of lines) {
    if (l === null) y -= 14;
    else items.push({ str: l, x: 72, y, height: 11 });
    y -= 14;
  }
  items.push({ str: footer, x: 300, y: 40, height: 9 });
  return { items };
}

describe('pdfParagraphs', () => {
  const pages = [
    page('Monitoring Report 2025', ['The first paragraph talks about over-the-horizon counter-', 'terrorism and the Tehreek-e-', 'Taliban Pakistan.', null, 'A second paragraph goes on'], '1'),
    page('Monitoring Report 2025', ['across the page break.', null, 'A third paragraph.'], 'Page 2 of 3'),
    page('Monitoring Report 2025', ['Last words.'], '- 3 -'),
  ];
  const paras = pdfParagraphs(pages);

  it('drops running headers and page numbers, joins hyphenation, keeps hyphens before a capital', () => {
    expect(paras.map((p) => p.text)).toEqual([
      'The first paragraph talks about over-the-horizon counterterrorism and the Tehreek-e-Taliban Pakistan.',
      'A second paragraph goes on across the page break.',
      'A third paragraph.',
      'Last words.',
    ]);
  });

  it('numbers each paragraph by the page it starts on', () => {
    expect(paras.map((p) => p.page)).toEqual([1, 1, 2, 3]);
  });

  it('keeps a line that repeats only once (not a running header) and a single page as is', () => {
    const one = pdfParagraphs([page('Only Title', ['Body text.'], '7')]);
    expect(one.map((p) => p.text)).toEqual(['Only Title', 'Body text.']);
  });
});
