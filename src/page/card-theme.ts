/**
 * The page's own light/dark background, for a card whose theme is "system" (issue 12 deliverable 7: a dark card on a
 * white page because the system was dark). The background is the first opaque one from the term up through its
 * ancestors (a dark section of a light page counts), else the root's, else the canvas default from the page's
 * color-scheme. Read once per card opening: a few getComputedStyle calls.
 */
import { isDark, parseColour } from '../core/contrast.js';
import type { CardAnchor } from './card-api.js';

/** 'dark' / 'light' from the page around the anchor; null when nothing says (the card then follows the system). */
export function pageTheme(doc: Document, anchor: CardAnchor): 'light' | 'dark' | null {
  const view = doc.defaultView;
  if (!view) return null;
  let el: Element | null = anchor.contextElement ?? startElement(anchor) ?? doc.body;
  // Crossing shadow roots to their hosts: a term inside a web component sits on its host's background.
  while (el) {
    const bg = parseColour(view.getComputedStyle(el).backgroundColor);
    if (bg && bg.a >= 0.5) return isDark(bg) ? 'dark' : 'light';
    const parent: Node | null = el.parentNode;
    // nodeType, not instanceof: Firefox's content-script wrappers make instanceof across worlds unreliable.
    el = parent?.nodeType === 11 ? ((parent as ShadowRoot).host ?? null) : parent?.nodeType === 1 ? (parent as Element) : null;
  }
  // No background anywhere: the canvas, white unless the page asks for a dark color-scheme.
  const scheme = view.getComputedStyle(doc.documentElement).colorScheme;
  if (/\bdark\b/.test(scheme) && !/\blight\b/.test(scheme)) return 'dark';
  return 'light';
}

function startElement(anchor: CardAnchor): Element | null {
  const node = (anchor as Partial<Range>).startContainer;
  if (!node) return null;
  return node.nodeType === 1 ? (node as Element) : node.parentElement;
}
