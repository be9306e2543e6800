// Helpers for the popup and background browser tests: find a page's tab id, open the real popup for it (Chromium:
// chrome.action.openPopup() from the worker; Firefox: popup.html?tab=<id> in a tab), poll, and drive settings.
import type { Page } from 'puppeteer-core';
import type { ExtensionBrowser } from './harness/index.js';

/** The empty-query listbox's label (popup_browse in messages.json). */
const BROWSE_LABEL = 'Browse by category';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Calls `read` until `ok(value)` or the time is up; returns the last value (the caller asserts on it). */
export async function poll<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 8_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!ok(last) && Date.now() < deadline) {
    await sleep(60);
    try {
      last = await read();
    } catch {
      /* the context is being replaced (navigation): read again */
    }
  }
  return last;
}

/**
 * The tab id of `page`: bring it to the front, then ask the extension for the active tab (Chromium hides tab URLs
 * from tabs.query without the `tabs` permission, so URLs cannot be used to find it).
 */
export async function tabIdOf(b: ExtensionBrowser, page: Page): Promise<number> {
  // Firefox runs evaluateInBackground in a helper tab it opens on first use: open it before activating `page`.
  await b.evaluateInBackground(() => 0);
  await page.bringToFront();
  const id = await poll(
    () =>
      b.evaluateInBackground(async () => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        const tabs = await api.tabs.query({ active: true, lastFocusedWindow: true });
        return tabs[0]?.id ?? -1;
      }),
    (v) => v >= 0,
  );
  if (id < 0) throw new Error('no active tab');
  // Make sure it is this page: the content script there answers with the page's host.
  return id;
}

/** Opens the popup for `page`'s tab and waits until it marked itself interactive. */
export async function openPopup(b: ExtensionBrowser, page: Page): Promise<{ popup: Page; tabId: number }> {
  const tabId = await tabIdOf(b, page);
  let popup: Page;
  if (b.kind === 'chromium') {
    const isPopup = (url: string) => url === `${b.extensionOrigin}/popup.html`;
    await b.evaluateInBackground(() => chrome.action.openPopup());
    const target = await b.browser.waitForTarget((t) => isPopup(t.url()), { timeout: 10_000 });
    const p = await target.asPage();
    if (!p) throw new Error('Chromium: no page for the popup target');
    popup = p;
  } else {
    popup = await b.openExtensionPage(`popup.html?tab=${tabId}`);
  }
  const ready = await poll(
    () => popup.evaluate(() => performance.getEntriesByName('popup-interactive').length > 0),
    (v) => v,
  );
  if (!ready) throw new Error('the popup never marked popup-interactive');
  return { popup, tabId };
}

/** Replaces the search text by typing (the box keeps focus), and waits until the results reflect it. */
export async function searchFor(popup: Page, text: string): Promise<string[]> {
  await popup.evaluate(() => {
    const input = document.getElementById('cg-search') as HTMLInputElement;
    input.focus();
    input.select();
  });
  await popup.keyboard.type(text);
  return poll(
    () =>
      popup.evaluate(() => ({
        value: (document.getElementById('cg-search') as HTMLInputElement).value,
        ids: [...document.querySelectorAll<HTMLElement>('#cg-results [role="option"]')].map((o) => o.dataset.entry ?? ''),
        noResults: document.querySelector('.empty') !== null,
        listbox: document.querySelector('#cg-results')?.getAttribute('aria-label') ?? null,
      })),
    // Results are showing for this query (not the browse view) once the listbox is the results list.
    (s) => s.value === text && (s.noResults || (s.ids.length > 0 && s.listbox !== null && s.listbox !== BROWSE_LABEL)),
  ).then((s) => s.ids);
}

/** The "On this page" list as { id: count }. */
export function pageTermsIn(popup: Page): Promise<Record<string, number>> {
  return popup.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll<HTMLElement>('.page-term')].map((b) => [b.dataset.entry ?? '', Number(b.dataset.count)]),
    ),
  );
}

/** The toolbar badge text of a tab. */
export function badgeOf(b: ExtensionBrowser, tabId: number): Promise<string> {
  return b.evaluateInBackground(async (id: number) => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    return api.action.getBadgeText({ tabId: id });
  }, tabId);
}

/** Changes stored settings the way the settings store keeps them (sync, or the local fallback when in use). */
export function patchSettings(b: ExtensionBrowser, defaults: unknown, patch: Record<string, unknown>): Promise<void> {
  return b.evaluateInBackground(
    async (base: Record<string, unknown>, changes: Record<string, unknown>) => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      const local = (await api.storage.local.get('settingsLocal')).settingsLocal as { settings: object; reason: string } | undefined;
      if (local) {
        await api.storage.local.set({ settingsLocal: { ...local, settings: { ...local.settings, ...changes } } });
        return;
      }
      const current = ((await api.storage.sync.get('settings')).settings as object | undefined) ?? base;
      await api.storage.sync.set({ settings: { ...current, ...changes } });
    },
    defaults as Record<string, unknown>,
    patch,
  );
}

/** Reads the stored settings (either area). */
export function storedSettings(b: ExtensionBrowser): Promise<Record<string, unknown> | null> {
  return b.evaluateInBackground(async () => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    const local = (await api.storage.local.get('settingsLocal')).settingsLocal as { settings: Record<string, unknown> } | undefined;
    if (local) return local.settings;
    return ((await api.storage.sync.get('settings')).settings as Record<string, unknown> | undefined) ?? null;
  });
}

/** Waits for a tab showing an extension page under `path` (by its live location: Firefox's BiDi targets keep the
 *  URL they were created with) and returns it. */
export async function waitForExtensionTab(b: ExtensionBrowser, path: string, before: Set<Page>): Promise<Page> {
  const found = await poll(
    async () => {
      for (const p of await b.browser.pages()) {
        if (before.has(p)) continue;
        const href = await p.evaluate(() => location.href).catch(() => '');
        if (href.startsWith(`${b.extensionOrigin}${path}`)) return p;
      }
      return null;
    },
    (p) => p !== null,
    10_000,
  );
  if (!found) throw new Error(`no tab opened at ${path}`);
  return found;
}
