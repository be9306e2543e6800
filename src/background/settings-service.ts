/**
 * The background as the one writer of settings and own entries: binds the pure service
 * (src/core/settings/settings-service.ts) to the browser's storage areas and answers the settings requests of
 * protocol.ts. No other context reads raw storage or writes settings.
 *
 * MV3: the Chrome service worker may be asleep; the first request wakes it and the handlers are registered in its
 * first turn (index.ts). The service's queue lives as long as the worker does; a write it started finishes before
 * the worker can be stopped (the pending message keeps it alive).
 */
import { browser, type Runtime } from '../shared/browser.js';
import type { HandlerMap } from '../shared/messaging.js';
import type { SettingsPatch } from '../shared/protocol.js';
import { createSettingsService, type ChangeListener, type Snapshot, type StorageBackend } from '../core/settings/settings-service.js';
import { isSnapshotKey } from '../core/settings/storage-keys.js';
import { setSiteOn } from '../core/settings/site-switch.js';
import type { Settings } from '../core/settings/schema.js';
import { bootStateOf } from './boot-state.js';
import { applyUserGlossaryChange } from '../core/user-glossary-change.js';

function browserBackend(): StorageBackend {
  // storage.sync can be missing or disabled (Firefox with `webextensions.storage.sync.enabled` false throws on use);
  // the service then falls back to local storage and says so in the options page.
  const sync = browser.storage.sync ?? null;
  const wrap = new Map<ChangeListener, (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void>();
  return {
    sync: sync && {
      get: (keys) => sync.get(keys),
      set: (items) => sync.set(items),
      remove: (keys) => sync.remove(keys),
    },
    local: {
      get: (keys) => browser.storage.local.get(keys),
      set: (items) => browser.storage.local.set(items),
      remove: (keys) => browser.storage.local.remove(keys),
    },
    addChangeListener(cb) {
      const fn = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => cb(changes, area);
      wrap.set(cb, fn);
      browser.storage.onChanged.addListener(fn);
    },
    removeChangeListener(cb) {
      const fn = wrap.get(cb);
      if (fn) browser.storage.onChanged.removeListener(fn);
      wrap.delete(cb);
    },
  };
}

const backend = browserBackend();
export const settingsService = createSettingsService(backend);

/** Calls `cb` with a fresh snapshot after every change to settings or own entries (any writer, any device). */
export function onSnapshotChanged(cb: (s: Snapshot) => void): void {
  let delivered: Promise<void> = Promise.resolve();
  backend.addChangeListener((changes, area) => {
    if (!Object.keys(changes).some((k) => isSnapshotKey(area, k))) return;
    delivered = delivered.then(() => settingsService.snapshot()).then(cb, () => undefined);
  });
}

function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase() || null;
  } catch {
    return null;
  }
}

/** A content script may set a meaning rule for the site it runs on only (a hostile page cannot edit other sites). */
function siteAllowed(site: string, sender: Runtime.MessageSender): boolean {
  if (!sender.tab) return true;
  return hostOf(sender.url) === site;
}

const DONE = { ok: true } as const;

const applyPatch = (s: Settings, patch: SettingsPatch): Settings => ({ ...s, ...patch });

/** The settings requests, merged into the background's one handler map (index.ts). */
export const settingsHandlers: HandlerMap = {
  getSnapshot: () => settingsService.snapshot(),
  getBootState: async ({ host, top }) => bootStateOf(await settingsService.snapshot(), host, top),
  getStorageState: () => settingsService.storageState(),
  clearCorruptCopy: async ({ which }) => {
    await settingsService.clearCorruptCopy(which);
    return DONE;
  },
  // `undo: true` takes back what the same request added (the card's Undo, issue 12).
  notThisMeaning: async ({ site, entry, undo }, sender) => {
    if (!siteAllowed(site, sender)) throw new Error(`a page on ${hostOf(sender.url) ?? '?'} asked for a rule on ${site}`);
    const has = (s: Settings) => s.meaningRules.some((r) => r.site === site && r.entry === entry);
    await settingsService.updateSettings((s) =>
      undo
        ? has(s)
          ? { ...s, meaningRules: s.meaningRules.filter((r) => !(r.site === site && r.entry === entry)) }
          : s
        : has(s) || s.meaningRules.length >= 2000
          ? s
          : { ...s, meaningRules: [...s.meaningRules, { site, entry }] },
    );
    return DONE;
  },
  dontMark: async ({ entry, undo }) => {
    await settingsService.updateSettings((s) =>
      undo
        ? s.entries.disabled.includes(entry)
          ? { ...s, entries: { ...s.entries, disabled: s.entries.disabled.filter((d) => d !== entry) } }
          : s
        : s.entries.disabled.includes(entry) || s.entries.disabled.length >= 2000
          ? s
          : { ...s, entries: { ...s.entries, disabled: [...s.entries.disabled, entry] } },
    );
    return DONE;
  },
  setSiteOn: async ({ host, on }) => {
    await settingsService.updateSettings((s) => setSiteOn(s, host, on));
    return DONE;
  },
  changeSettings: async ({ patch }) => ({ settings: await settingsService.updateSettings((s) => applyPatch(s, patch)) }),
  saveData: async ({ settings, userGlossary }) => {
    if (settings) await settingsService.updateSettings(() => settings);
    if (userGlossary) await settingsService.updateUserGlossary(() => userGlossary);
    return DONE;
  },
  changeUserGlossary: async ({ change }) => ({
    userGlossary: await settingsService.updateUserGlossary((u) => applyUserGlossaryChange(u, change)),
  }),
};
