/**
 * Should this frame mark anything? Global pause, site allow/deny lists, the page's language, iframes setting,
 * documents that are editors or not HTML. Cheap: attribute reads only, so an ineligible page stops before any work.
 */
import { type Settings, siteEnabled } from '../core/settings/schema.js';
import { languageAllowed } from '../page/dom-rules.js';

export function frameEligible(doc: Document, settings: Settings, isTop: boolean): boolean {
  if (!isTop && !settings.sites.iframes) return false;
  if (!siteEnabled(settings, doc.location.hostname)) return false;
  // Only HTML documents (not images, PDFs viewers, XML, text files shown as documents).
  if (doc.contentType !== 'text/html' && doc.contentType !== 'application/xhtml+xml') return false;
  if (doc.designMode === 'on') return false;
  const root = doc.documentElement;
  if (!root || root.isContentEditable) return false;
  return languageAllowed(root.getAttribute('lang') ?? root.getAttribute('xml:lang'), settings.sites.languages);
}
