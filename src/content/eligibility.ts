/**
 * Should this frame mark anything? Global pause, site allow/deny lists and the iframes setting are decided by the
 * background from the snapshot (`getBootState`: BootState.on); here the page's language and documents that are
 * editors or not HTML. Cheap: attribute reads only, so an ineligible page stops before any work.
 */
import type { BootState } from '../shared/protocol-bootstrap.js';
import { languageAllowed } from '../page/dom-rules.js';

/**
 * The site a frame belongs to: its host, or for about:blank / about:srcdoc frames (no host of their own; they
 * inherit their creator's origin) the nearest same-origin ancestor's host, so a denied site stays denied inside
 * its srcdoc frames.
 */
export function frameHost(win: Window): string {
  let w: Window = win;
  for (let i = 0; i < 20; i++) {
    try {
      const h = w.location.hostname;
      if (h) return h;
    } catch {
      return ''; // cross-origin ancestor: not ours to read
    }
    if (w.parent === w) break;
    w = w.parent;
  }
  return '';
}

export function frameEligible(doc: Document, boot: BootState, host: string): boolean {
  // No site at all: a blank tab or a frame of an opaque origin (sandboxed srcdoc) — nothing to mark.
  if (!host || !boot.on) return false;
  // Only HTML documents (not images, PDFs viewers, XML, text files shown as documents).
  if (doc.contentType !== 'text/html' && doc.contentType !== 'application/xhtml+xml') return false;
  if (doc.designMode === 'on') return false;
  const root = doc.documentElement;
  // The attribute, as the engine reads editors (src/page/dom-rules.ts isSkippedElement), not `isContentEditable`:
  // in Chromium that getter brings the document's style up to date first, and the bootstrap asks while the page is
  // still parsed (its early look) and again at DOMContentLoaded (issue 13: a style recalculation the page did not need).
  if (!root) return false;
  const editable = root.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return false;
  return languageAllowed(root.getAttribute('lang') ?? root.getAttribute('xml:lang'), boot.languages);
}
