/**
 * An HTML page's article as plain text, one paragraph per line, the way the extension will read the current tab:
 * Mozilla's Readability picks the article (dropping navigation, ads, comments); its block elements become lines.
 * Node has no DOM, so linkedom stands in (the extension uses the browser's own DOM).
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export interface HtmlArticle {
  title: string;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  /** Title line, then one paragraph per line. */
  text: string;
}

const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, figcaption, pre, dd, dt, td';

export function htmlToArticle(html: string): HtmlArticle {
  const { document } = parseHTML(html);
  const article = new Readability(document as unknown as Document).parse();
  if (!article) throw new Error('no article found in this HTML (Readability found nothing readable)');
  const { document: content } = parseHTML(`<!doctype html><html><body>${article.content ?? ''}</body></html>`);
  const blocks = [...content.querySelectorAll(BLOCKS)] as unknown as Element[];
  // Leaf blocks only: a <blockquote> holding <p>s gives its <p>s, not itself as well.
  const leaves = blocks.filter((b) => !b.querySelector(BLOCKS));
  const paragraphs = leaves.map((b) => (b.textContent ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean);
  if (!paragraphs.length && article.textContent) paragraphs.push(...article.textContent.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean));
  const title = (article.title ?? '').replace(/\s+/g, ' ').trim();
  const lines = title && paragraphs[0] !== title ? [title, ...paragraphs] : paragraphs;
  return {
    title,
    byline: article.byline ?? null,
    siteName: article.siteName ?? null,
    publishedTime: article.publishedTime ?? null,
    text: lines.join('\n'),
  };
}
