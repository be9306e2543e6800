/**
 * TEST-ONLY: the settings service over an in-memory backend, with the save/load calls the import tests use
 * (what the options page does through the background). Nothing shipped imports this module.
 */
import type { Settings } from '../../src/core/settings/schema.js';
import { createSettingsService, type StorageBackend } from '../../src/core/settings/settings-service.js';
import type { UserGlossary } from '../../src/core/user-glossary.js';

export interface MemoryStore {
  saveSettings(s: Settings): Promise<void>;
  saveUserGlossary(u: UserGlossary): Promise<void>;
  loadSettings(): Promise<Settings>;
  loadUserGlossary(): Promise<UserGlossary>;
}

export function createMemoryStore(backend: StorageBackend): MemoryStore {
  const service = createSettingsService(backend);
  return {
    saveSettings: async (s) => void (await service.updateSettings(() => s)),
    saveUserGlossary: async (u) => void (await service.updateUserGlossary(() => u)),
    loadSettings: async () => (await service.snapshot()).settings,
    loadUserGlossary: async () => (await service.snapshot()).userGlossary,
  };
}
