// Background entry (Chrome service worker / Firefox event page). Every listener is registered synchronously at the
// top level: an MV3 worker woken by an event only delivers it to listeners added in the first turn.
import { browser, type Runtime } from '../shared/browser.js';
import { handle, senderKind, sendToTab } from '../shared/messaging.js';
import type { Request } from '../shared/protocol.js';
import { DEFAULT_SETTINGS } from '../core/settings/schema.js';
import { onSnapshotChanged, settingsHandlers, settingsService } from './settings-service.js';
import { setBadge } from './badge.js';
import { onMenuClicked, optionsUrl, registerMenus, takePendingLookup } from './context-menu.js';
import { setBaseGlossary, setUserGlossary } from './glossary-index.js';
import { fullGlossaryJson, getEntryDetails, glossaryHandlers, onMergedGlossary, pageJson } from './glossary-service.js';
import { readerPath } from '../core/glossary-draft.js';
import { pageSubsetJson } from './page-subset.js';
import { testPagePrefilter } from './page-prefilter.js';
import { noticeOf, tellFrames } from './frame-notices.js';
import type { Snapshot } from '../core/settings/settings-service.js';
import { change, read } from './tab-terms-store.js';
import { removeFrame, removeTab, setFrame, setFrameIfAbsent, startLoading, summarize, takePreviousFrames, type FrameReport } from './tab-terms.js';

let badgeEnabled = DEFAULT_SETTINGS.badge;

function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}

async function refreshBadge(tabId: number): Promise<void> {
  const map = await read();
  await setBadge(tabId, summarize(map[tabId]).count, badgeEnabled);
}

async function refreshAllBadges(): Promise<void> {
  const map = await read();
  await Promise.all(Object.keys(map).map((id) => setBadge(Number(id), summarize(map[id]).count, badgeEnabled)));
}

/** `set`: setFrame for the frame's own reports; setFrameIfAbsent for its answer to our question (askFrame). */
async function recordFrame(tabId: number, frameId: number, report: FrameReport, set = setFrame): Promise<void> {
  await change((m) => ({ map: set(m, tabId, frameId, report), result: null }));
  await refreshBadge(tabId);
}

async function onPageTermsChanged(p: Request<'pageTermsChanged'>, sender: Runtime.MessageSender): Promise<null> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return null;
  await recordFrame(tabId, sender.frameId ?? 0, {
    terms: p.terms ?? null,
    count: p.count,
    active: p.active ?? null,
    host: hostOf(sender.url),
  });
  return null;
}

/** Asks one frame what it marks (used when the map has nothing for it); false when no content script answers. */
async function askFrame(tabId: number, frameId: number): Promise<boolean> {
  try {
    const r = await sendToTab(tabId, 'listPageTerms', {}, frameId);
    if (!r) return false;
    await recordFrame(tabId, frameId, { terms: r.terms, count: r.terms.length, active: r.active, host: r.host || null }, setFrameIfAbsent);
    return true;
  } catch {
    await change((m) => ({ map: removeFrame(m, tabId, frameId), result: null }));
    return false;
  }
}

async function getPageTerms({ tabId }: Request<'getPageTerms'>) {
  let tab = (await read())[tabId];
  if (!tab || Object.keys(tab.frames).length === 0) {
    await askFrame(tabId, 0);
    tab = (await read())[tabId];
  }
  const { host, active, terms } = summarize(tab);
  return { host, active, terms };
}

handle({
  ...settingsHandlers,
  ...glossaryHandlers,
  ping: () => ({ version: browser.runtime.getManifest().version }),
  // The bundled glossary merged with the enabled made ones (issue 14), merged when they change, not per page.
  // Pages get what marking needs; a card asks its entries' text when it opens (src/core/page-glossary.ts).
  // With the page's text: only the entries it may name, widened as the page adds text (src/background/page-subset.ts).
  getGlossary: async ({ text, have }) => (text === undefined ? { json: await pageJson() } : pageSubsetJson(text, have)),
  getFullGlossary: async () => ({ json: await fullGlossaryJson() }),
  getEntryDetails,
  // What the content script's bootstrap tests a page with before it loads the engine (issue 13).
  testPrefilter: async (p, sender) => {
    const reply = await testPagePrefilter(p, (text) => pageSubsetJson(text));
    // The bootstrap's "nothing here" rides on its question (one message fewer per frame with nothing to mark).
    // Only a content script's frame is a page frame (pageTermsChanged is allowed from content scripts alone).
    if (!reply.maybe && p.active === true && senderKind(sender) === 'content') {
      await onPageTermsChanged({ count: 0, terms: [], active: true }, sender);
    }
    return reply;
  },
  pageTermsChanged: onPageTermsChanged,
  getPageTerms,
  takePendingLookup: () => takePendingLookup(),
  // The card's Actions menu shows the shortcuts as the browser has them (a user may have changed them).
  getShortcuts: async () => ({
    shortcuts: (await browser.commands.getAll()).flatMap((c) =>
      c.name === 'next-term' || c.name === 'previous-term' ? [{ command: c.name, keys: c.shortcut ?? '' }] : [],
    ),
  }),
  openReader: async ({ anchor }) => {
    await browser.tabs.create({ url: browser.runtime.getURL(readerPath(anchor)) }); // a made glossary's quote: its own reader
    return null;
  },
  openOptions: async ({ addTerm }) => {
    await browser.tabs.create({ url: optionsUrl(addTerm) });
    return null;
  },
});

browser.runtime.onInstalled.addListener(() => void registerMenus());
browser.runtime.onStartup.addListener(() => void registerMenus());
browser.contextMenus.onClicked.addListener(onMenuClicked);

/** Keyboard commands (manifest `commands`): move to the next/previous marked term in the active tab. */
function onCommand(command: string): void {
  const direction = command === 'next-term' ? 'next' : command === 'previous-term' ? 'previous' : null;
  if (!direction) return;
  void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
    if (tab?.id === undefined) return;
    // The top frame's content script owns keyboard navigation for the page.
    return sendToTab(tab.id, 'navigateTerm', { direction }, 0).catch(() => undefined);
  });
}
browser.commands.onCommand.addListener(onCommand);

// Content scripts hear of a change of settings, own entries or glossaries from here, not from storage.onChanged in
// every frame (frame-notices.ts says why). Registered in the worker's first turn, so a change wakes it.
browser.storage.onChanged.addListener((changes: Record<string, unknown>, area: string) => {
  const notice = noticeOf(changes, area);
  if (!notice) return;
  void tellFrames(
    notice,
    async () => (await browser.tabs.query({})).flatMap((t) => (t.id === undefined ? [] : [t.id])),
    (id, n) => sendToTab(id, 'stateChanged', n),
  );
});

// A tab that starts loading shows a new page: forget its terms and clear the badge. Chrome also reports "loading"
// for some subframe loads, so the frames known before are asked again once the tab completes (a frame that is
// gone does not answer and is dropped; a new page's frames report themselves).
browser.tabs.onUpdated.addListener((tabId: number, info: { status?: string }) => {
  if (info.status === 'loading') {
    void change((m) => ({ map: startLoading(m, tabId), result: null })).then(() => refreshBadge(tabId));
  } else if (info.status === 'complete') {
    void change((m) => {
      const { map, frameIds } = takePreviousFrames(m, tabId);
      return { map, result: frameIds };
    }).then((frameIds) => Promise.all(frameIds.map((f) => askFrame(tabId, f))));
  }
});
browser.tabs.onRemoved.addListener((tabId: number) => {
  void change((m) => ({ map: removeTab(m, tabId), result: null }));
});

// The badge follows the setting at once, in every tab; the glossary index follows the own entries.
const useSnapshot = ({ settings, userGlossary }: Snapshot) => {
  setUserGlossary(userGlossary);
  if (settings.badge === badgeEnabled) return;
  badgeEnabled = settings.badge;
  void refreshAllBadges();
};
onSnapshotChanged(useSnapshot);
onMergedGlossary(setBaseGlossary);
settingsService.snapshot().then(useSnapshot, (err: unknown) => console.warn('[context-glossary] settings', err));

// Test seam: a headless browser can neither click a native context-menu item nor press a browser-level shortcut,
// so the e2e tests call the same handlers the browser calls (Chromium: in the worker; Firefox: through
// runtime.getBackgroundPage()). Reachable only from the extension's own contexts; does nothing a click could not.
// Compiled out of store packages (`__TEST__` is false for `build.mjs --package`; Dark Reader's __TEST__ pattern).
if (__TEST__) (globalThis as { __contextGlossaryTest?: unknown }).__contextGlossaryTest = { onMenuClicked, onCommand };
