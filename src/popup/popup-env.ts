/**
 * The popup's links to the browser: which tab it is about and the actions it asks of other contexts.
 *
 * Which tab: the real popup belongs to the active tab of its window (`tabs.query` needs no permission for ids).
 * `popup.html?tab=<id>` names the tab instead: used when the popup page is opened in a tab of its own — by the
 * Firefox e2e tests (Firefox can't open the real popup from a test) and by the context-menu fallback. `?q=` fills
 * the search box and `?entry=` opens that entry's card (context-menu lookup when the popup could not open).
 */
import { browser } from '../shared/browser.js';
import { sendToBackground, sendToTab } from '../shared/messaging.js';
import type { PendingLookup, Reply } from '../shared/protocol.js';
import { readerPath } from '../core/glossary-draft.js';

const params = new URLSearchParams(location.search);

export async function resolveTabId(): Promise<number | null> {
  const named = params.get('tab');
  if (named !== null) return /^\d+$/.test(named) ? Number(named) : null;
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id ?? null;
  } catch {
    return null;
  }
}

/** A lookup handed over by the URL (fallback tab) or by the background (context menu opened the popup). */
export async function initialLookup(): Promise<PendingLookup | null> {
  const q = params.get('q');
  const entry = params.get('entry');
  if (q !== null || entry !== null) return { query: (q ?? '').slice(0, 500), entryId: entry };
  // Only the real popup (no parameters) takes the context menu's lookup: popup.html opened for other purposes
  // (tests, the harness) must not swallow it.
  if (location.search) return null;
  try {
    return await sendToBackground('takePendingLookup', {});
  } catch {
    return null;
  }
}

export async function pageTerms(tabId: number): Promise<Reply<'getPageTerms'> | null> {
  try {
    return await sendToBackground('getPageTerms', { tabId });
  } catch {
    return null;
  }
}

/** Scrolls the tab to the term's next occurrence, trying the frames in order; the index of the frame that had it,
 *  or -1 when none did. */
export async function revealInTab(tabId: number, id: string, frameIds: readonly number[]): Promise<number> {
  for (const [i, frameId] of frameIds.entries()) {
    try {
      const r = await sendToTab(tabId, 'revealTerm', { id }, frameId);
      if (r?.found) return i;
    } catch {
      /* the frame is gone: try the next */
    }
  }
  return -1;
}

/** Opens the term's card in the page, trying the frames in order; whether one showed it. */
export async function openCardInTab(tabId: number, id: string, frameIds: readonly number[]): Promise<boolean> {
  for (const frameId of frameIds) {
    try {
      if ((await sendToTab(tabId, 'openCard', { id }, frameId))?.shown) return true;
    } catch {
      /* the frame is gone: try the next */
    }
  }
  return false;
}

/** Closes the real toolbar popup (no parameters); a popup page opened in a tab (`?tab=`) stays. */
export function closeRealPopup(): void {
  if (!location.search) window.close();
}

export function readerUrl(anchor: string | null): string {
  return browser.runtime.getURL(readerPath(anchor)); // `<glossary id>/p3s2`: a made glossary's reader (issue 14)
}

export function openReader(anchor: string | null): void {
  void browser.tabs.create({ url: readerUrl(anchor) });
}

/** Opens the options page's "Add your own entry" form with the name filled in (options reads `?add=`). */
export function openOptionsToAdd(name: string): void {
  void browser.tabs.create({ url: `${browser.runtime.getURL('options.html')}?add=${encodeURIComponent(name)}` });
}

/** "Make a glossary from this page" (issue 14): the make page for this tab, which then reads the page. */
export function openMakePage(tabId: number): void {
  void browser.tabs.create({ url: `${browser.runtime.getURL('make.html')}?tab=${tabId}` }).then(closeRealPopup);
}

export function openOptions(): void {
  void browser.runtime.openOptionsPage();
}
