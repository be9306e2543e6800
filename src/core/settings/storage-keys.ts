/**
 * Where settings and own entries are stored (the layout is described in settings-service.ts), shared by the one
 * writer and by the contexts that listen to `storage.onChanged` as a "changed, ask the background again" ping.
 * Pure.
 */
export const KEYS = {
  settings: 'settings',
  settingsLocal: 'settingsLocal',
  userGlossary: 'userGlossary',
  corruptSettings: 'corrupt.settings',
  corruptUserGlossary: 'corrupt.userGlossary',
} as const;

const CHUNK_KEY = /^settings\.\d+$/;

/** Does a change to `key` in `area` change the settings or own entries someone sees? */
export function isSnapshotKey(area: string, key: string): boolean {
  if (area === 'sync') return key === KEYS.settings || CHUNK_KEY.test(key);
  if (area === 'local') return key === KEYS.settingsLocal || key === KEYS.userGlossary;
  return false;
}
