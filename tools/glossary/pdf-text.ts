/**
 * A PDF's text as paragraphs with page numbers: pdf.js (legacy build, which runs in node) reads each page's text
 * items; src/core/extract/pdf-layout.ts turns them into paragraphs (headers, footers and page numbers dropped,
 * hyphenation joined). The extension's PDF page will do the same with the browser build of pdf.js.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { pdfParagraphs, type PdfPage, type PdfParagraph } from '../../src/core/extract/pdf-layout';

export interface PdfText {
  title: string | null;
  paragraphs: PdfParagraph[];
  /** One paragraph per line. */
  text: string;
}

interface TextItemLike {
  str?: unknown;
  transform?: unknown;
  height?: unknown;
}

export async function pdfToText(data: Uint8Array): Promise<PdfText> {
  const doc = await getDocument({ data, disableFontFace: true, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items = (content.items as TextItemLike[]).flatMap((it) => {
        if (typeof it.str !== 'string' || !Array.isArray(it.transform)) return [];
        const t = it.transform as number[];
        return [{ str: it.str, x: t[4] ?? 0, y: t[5] ?? 0, height: typeof it.height === 'number' && it.height > 0 ? it.height : Math.abs(t[3] ?? 0) }];
      });
      pages.push({ items });
      page.cleanup();
    }
    const meta = await doc.getMetadata().catch(() => null);
    const info = (meta?.info ?? {}) as { Title?: unknown };
    const paragraphs = pdfParagraphs(pages);
    return { title: typeof info.Title === 'string' && info.Title.trim() ? info.Title.trim() : null, paragraphs, text: paragraphs.map((p) => p.text).join('\n') };
  } finally {
    await doc.destroy();
  }
}
