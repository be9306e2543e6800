/**
 * What the connected sections need from storage, as one object (the real one binds src/shared/settings-store.ts;
 * keeping it an interface keeps the sections free of the browser module, as the pure forms are).
 */
import type { Settings } from '../core/settings/schema.js';
import type { CorruptCopy, SettingsStorageInfo } from '../core/settings/store-core.js';
import type { UserGlossary } from '../core/user-glossary.js';

export interface OptionsStore {
  saveSettings(next: Settings): Promise<void>;
  updateSettings(fn: (s: Settings) => Settings): Promise<Settings>;
  saveUserGlossary(u: UserGlossary): Promise<void>;
  updateUserGlossary(fn: (u: UserGlossary) => UserGlossary): Promise<UserGlossary>;
  getSettingsStorageInfo(): Promise<SettingsStorageInfo>;
  loadCorruptCopies(): Promise<{ settings: CorruptCopy | null; userGlossary: CorruptCopy | null }>;
  clearCorruptCopy(which: 'settings' | 'userGlossary'): Promise<void>;
}

/** Runs a store write and reports the outcome to the page's status line. */
export type Notify = (message: string, kind?: 'ok' | 'error') => void;
