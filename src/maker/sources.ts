/**
 * The make page's sources, as paragraphs and metadata (issue 14 deliverable 1): an article's HTML through Mozilla's
 * Readability (the browser's DOMParser: the parsed document runs no scripts and loads nothing), plain text one
 * paragraph per line, and a PDF through pdf.js with our own copy of its worker (pdf.worker.mjs: no remote code),
 * laid out by src/core/extract/pdf-layout.ts (page numbers, running headers and footers dropped, hyphenation joined).
 */
import { Readability } from '@mozilla/readability';
import type { GlossaryDraft } from '../core/glossary-draft.js';
import { pdfParagraphs, type PdfPage } from '../core/extract/pdf-layout.js';
import type { PagedParagraph } from '../core/extract/paragraphs.js';

export type Meta = GlossaryDraft['meta'];
export interface Source {
  meta: Meta;
  paragraphs: string[];
  /** A PDF's paragraphs with the page each starts on (the same texts as `paragraphs`); absent for other sources. */
  paged?: PagedParagraph[];
}

const clean = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();
const isoDay = (s: string | null | undefined): string => {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(clean(s));
  return m && !Number.isNaN(Date.parse(m[1]!)) ? m[1]! : '';
};

export function textSource(text: string, name = ''): Source {
  const paragraphs = text.split(/\r?\n/).map(clean).filter(Boolean);
  const title = paragraphs.length > 1 && paragraphs[0]!.length < 200 ? paragraphs.shift()! : name || 'Untitled report';
  return { meta: { title, date: '', publisher: '', source: name }, paragraphs };
}

const BLOCKS = 'p, li, h2, h3, h4, h5, h6, blockquote, figcaption, pre, dd, dt, td';

export function htmlSource(html: string, url: string): Source {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const dated = doc.querySelector('meta[property="article:published_time"], meta[name="date"], time[datetime]');
  const article = new Readability(doc).parse();
  if (!article) return { meta: { title: clean(doc.title), date: '', publisher: '', source: url }, paragraphs: [] };
  const content = new DOMParser().parseFromString(`<!doctype html><body>${article.content ?? ''}`, 'text/html');
  // Leaf blocks only: a <blockquote> holding <p>s gives its <p>s, not itself as well.
  const leaves = [...content.querySelectorAll(BLOCKS)].filter((b) => !b.querySelector(BLOCKS));
  let paragraphs = leaves.map((b) => clean(b.textContent)).filter(Boolean);
  if (!paragraphs.length) paragraphs = (article.textContent ?? '').split(/\n\s*\n/).map(clean).filter(Boolean);
  const title = clean(article.title) || clean(doc.title);
  if (paragraphs[0] === title) paragraphs.shift();
  let host = '';
  try {
    host = new URL(url).hostname;
  } catch {
    /* a file name */
  }
  const date = isoDay(article.publishedTime) || isoDay(dated?.getAttribute('content') ?? dated?.getAttribute('datetime'));
  return { meta: { title, date, publisher: clean(article.siteName) || host, source: url }, paragraphs };
}

export async function pdfSource(data: Uint8Array, name: string, workerUrl: string): Promise<Source> {
  const pdfjs = await import('pdfjs-dist');
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  const doc = await pdfjs.getDocument({ data, isEvalSupported: false, disableFontFace: true }).promise;
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items = content.items.flatMap((it) => {
        if (!('str' in it)) return [];
        const t = it.transform as number[];
        return [{ str: it.str, x: t[4] ?? 0, y: t[5] ?? 0, height: it.height > 0 ? it.height : Math.abs(t[3] ?? 0) }];
      });
      pages.push({ items });
      page.cleanup();
    }
    const info = ((await doc.getMetadata().catch(() => null))?.info ?? {}) as { Title?: unknown };
    const paged = pdfParagraphs(pages).map((p) => ({ text: clean(p.text), page: p.page })).filter((p) => p.text);
    const title = typeof info.Title === 'string' && clean(info.Title) ? clean(info.Title) : name.replace(/\.pdf$/i, '');
    return { meta: { title, date: '', publisher: '', source: name }, paragraphs: paged.map((p) => p.text), paged };
  } finally {
    await doc.destroy();
  }
}
