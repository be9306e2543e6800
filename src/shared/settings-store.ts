/**
 * Settings and the user's own entries in browser storage, for every context (page engine, popup, background,
 * options). The logic (chunking, quota fallback, migrations, corruption recovery) is pure and tested in node:
 * src/core/settings/store-core.ts. This module only plugs in the real storage areas.
 */
import { browser } from './browser.js';
import { createSettingsStore, type ChangeListener, type StorageBackend } from '../core/settings/store-core.js';
import type { Settings } from '../core/settings/schema.js';
import type { UserGlossary } from '../core/user-glossary.js';

function browserBackend(): StorageBackend {
  // storage.sync can be missing or disabled (Firefox with `webextensions.storage.sync.enabled` false throws on use);
  // the store then falls back to local storage and says so in the options page.
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

let store: ReturnType<typeof createSettingsStore> | null = null;
const get = () => (store ??= createSettingsStore(browserBackend()));

/** Validated settings; migrated from older shapes; a corrupt value -> defaults (the bad copy kept for export). */
export const loadSettings = (): Promise<Settings> => get().loadSettings();
/** Validates (throws on an invalid value: a programming error) and writes to sync (chunked / local fallback). */
export const saveSettings = (next: Settings): Promise<void> => get().saveSettings(next);
/** Read-modify-write, serialized within this context. */
export const updateSettings = (fn: (s: Settings) => Settings): Promise<Settings> => get().updateSettings(fn);
/** Called with the new settings after any change in any context; returns an unsubscribe function. */
export const onSettingsChanged = (cb: (s: Settings) => void): (() => void) => get().onSettingsChanged(cb);
export const loadUserGlossary = (): Promise<UserGlossary> => get().loadUserGlossary();
export const saveUserGlossary = (u: UserGlossary): Promise<void> => get().saveUserGlossary(u);
export const updateUserGlossary = (fn: (u: UserGlossary) => UserGlossary): Promise<UserGlossary> => get().updateUserGlossary(fn);
export const onUserGlossaryChanged = (cb: (u: UserGlossary) => void): (() => void) => get().onUserGlossaryChanged(cb);
/** Where settings are stored now (sync / chunked / local fallback with reason): shown in the options page. */
export const getSettingsStorageInfo = () => get().getSettingsStorageInfo();
export const loadCorruptCopies = () => get().loadCorruptCopies();
export const clearCorruptCopy = (which: 'settings' | 'userGlossary') => get().clearCorruptCopy(which);
