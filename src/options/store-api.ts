/**
 * What the connected sections need to read and change settings, as one object. The real one
 * (`backgroundStore` below) asks the background, the one writer, by typed requests (src/shared/settings-client.ts);
 * keeping it an interface keeps the sections free of the browser module, as the pure forms are.
 */
import type { Settings } from '../core/settings/schema.js';
import type { CorruptCopy, SettingsStorageInfo, Snapshot } from '../core/settings/settings-service.js';
import type { UserGlossary } from '../core/user-glossary.js';
import type { UserGlossaryChange } from '../core/user-glossary-change.js';
import type { SettingsPatch } from '../shared/protocol.js';

export interface OptionsStore {
  /** Replaces the settings whole (import, reset, undo). */
  saveSettings(next: Settings): Promise<void>;
  /** Writes the top-level fields of `next` that differ from `base` over the stored settings (options edits). */
  changeSettings(base: Settings, next: Settings): Promise<Settings>;
  saveUserGlossary(u: UserGlossary): Promise<void>;
  /** One own-entry edit, applied by the background to what is stored now; resolves with the stored result. */
  changeUserGlossary(change: UserGlossaryChange): Promise<UserGlossary>;
  getSettingsStorageInfo(): Promise<SettingsStorageInfo>;
  loadCorruptCopies(): Promise<{ settings: CorruptCopy | null; userGlossary: CorruptCopy | null }>;
  clearCorruptCopy(which: 'settings' | 'userGlossary'): Promise<void>;
}

/** Runs a store write and reports the outcome to the page's status line. */
export type Notify = (message: string, kind?: 'ok' | 'error') => void;

/** The top-level fields of `next` that differ from `base` (what an options edit changed). Pure. */
function settingsPatch(base: Settings, next: Settings): SettingsPatch {
  const patch: Record<string, unknown> = {};
  for (const k of Object.keys(next) as (keyof Settings)[]) {
    if (k !== 'version' && JSON.stringify(base[k]) !== JSON.stringify(next[k])) patch[k] = next[k];
  }
  return patch as SettingsPatch;
}

/** The request functions the real store needs (settings-client.ts), injected so this file stays browser-free. */
export interface StoreRequests {
  loadSnapshot(): Promise<Snapshot>;
  requestChange: typeof import('../shared/settings-client.js').requestChange;
  getStorageState(): Promise<{ storage: SettingsStorageInfo; corrupt: { settings: CorruptCopy | null; userGlossary: CorruptCopy | null } }>;
}

export function backgroundStore(r: StoreRequests): OptionsStore {
  return {
    saveSettings: async (next) => void (await r.requestChange('saveData', { settings: next })),
    changeSettings: async (base, next) => {
      const patch = settingsPatch(base, next);
      if (Object.keys(patch).length === 0) return next;
      return (await r.requestChange('changeSettings', { patch })).settings;
    },
    saveUserGlossary: async (u) => void (await r.requestChange('saveData', { userGlossary: u })),
    changeUserGlossary: async (change) => (await r.requestChange('changeUserGlossary', { change })).userGlossary,
    getSettingsStorageInfo: async () => (await r.getStorageState()).storage,
    loadCorruptCopies: async () => (await r.getStorageState()).corrupt,
    clearCorruptCopy: async (which) => void (await r.requestChange('clearCorruptCopy', { which })),
  };
}
