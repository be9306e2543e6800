/**
 * Context-menu items on a text selection: "Look up “…” in the glossary" and "Add “…” to the glossary…".
 *
 * Lookup: the selection is matched against names and aliases (src/core/search.ts `lookup`). A hit opens the card
 * in the page, in the frame that was clicked (`openCard` to `info.frameId`). When there is no hit, or the page
 * cannot show a card (no content script there: a restricted page, the report reader, marking off on the site),
 * the popup opens with the selection as its query — showing the card, or the closest results and a clear
 * "no entry for …" line. If the browser refuses to open the popup (Firefox allows it only inside the click
 * handler; the card fallback comes after an await), popup.html opens in a tab with `?q=…&entry=…` instead.
 */
import { browser, type Menus, type Tabs } from '../shared/browser.js';
import type { PendingLookup } from '../shared/protocol.js';
import { t } from '../shared/i18n.js';
import { sendToTab } from '../shared/messaging.js';
import { lookup } from '../core/search.js';
import { searchIndex } from './glossary-index.js';

const MENU_LOOKUP = 'cg-lookup';
const MENU_ADD = 'cg-add';
const MENU_MAKE = 'cg-make';
/** The longest selection we act on: a lookup is a name, not a paragraph. */
const MAX_SELECTION = 200;
/** A lookup the popup did not pick up by then (it failed to open) is dropped. */
const PENDING_TTL_MS = 10_000;

let pending: { lookup: PendingLookup; at: number } | null = null;

/** The popup calls this on open (`takePendingLookup`). */
export function takePendingLookup(): PendingLookup | null {
  const p = pending;
  pending = null;
  return p && Date.now() - p.at < PENDING_TTL_MS ? p.lookup : null;
}

/** Registers the items; removing first makes it idempotent (install, update and browser start all call it). */
export async function registerMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: MENU_LOOKUP,
    title: t('bg_menuLookup'),
    contexts: ['selection'],
  });
  browser.contextMenus.create({
    id: MENU_ADD,
    title: t('bg_menuAdd'),
    contexts: ['selection'],
  });
  // Issue 14: the page's article becomes a glossary (make.html reads the tab's HTML only after this click).
  browser.contextMenus.create({
    id: MENU_MAKE,
    title: t('make_from_page'),
    contexts: ['page'],
    documentUrlPatterns: ['http://*/*', 'https://*/*'],
  });
}

/** The make page for a tab (popup button and context menu). */
function makeUrl(tabId: number): string {
  return `${browser.runtime.getURL('make.html')}?tab=${tabId}`;
}

function selectionOf(info: Menus.OnClickData): string {
  return (info.selectionText ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_SELECTION);
}

export function optionsUrl(addTerm?: string): string {
  const base = browser.runtime.getURL('options.html');
  return addTerm ? `${base}?add=${encodeURIComponent(addTerm)}` : base;
}

function popupTabUrl(p: PendingLookup): string {
  const params = new URLSearchParams({ q: p.query });
  if (p.entryId) params.set('entry', p.entryId);
  return `${browser.runtime.getURL('popup.html')}?${params.toString()}`;
}

/** Opens the popup on a lookup; must be called synchronously inside the click handler to work in Firefox. */
function showInPopup(p: PendingLookup): void {
  pending = { lookup: p, at: Date.now() };
  const action = browser.action as unknown as { openPopup?: () => Promise<void> };
  let opening: Promise<void>;
  try {
    opening = action.openPopup ? action.openPopup() : Promise.reject(new Error('no openPopup'));
  } catch (err) {
    opening = Promise.reject(err);
  }
  opening.catch(() => {
    pending = null;
    return browser.tabs.create({ url: popupTabUrl(p) });
  });
}

export function onMenuClicked(info: Menus.OnClickData, tab: Tabs.Tab | undefined): void {
  if (info.menuItemId === MENU_MAKE) {
    if (tab?.id !== undefined && tab.id >= 0) void browser.tabs.create({ url: makeUrl(tab.id) });
    return;
  }
  const text = selectionOf(info);
  if (!text) return;
  if (info.menuItemId === MENU_ADD) {
    void browser.tabs.create({ url: optionsUrl(text) });
    return;
  }
  if (info.menuItemId !== MENU_LOOKUP) return;
  const entry = lookup(searchIndex(), text);
  if (!entry || tab?.id === undefined || tab.id < 0) {
    showInPopup({ query: text, entryId: entry?.id ?? null });
    return;
  }
  sendToTab(tab.id, 'openCard', { id: entry.id }, info.frameId ?? 0).then(
    (reply) => {
      if (!reply?.shown) showInPopup({ query: text, entryId: entry.id });
    },
    () => showInPopup({ query: text, entryId: entry.id }),
  );
}
