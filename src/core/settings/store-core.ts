/**
 * Where settings and own entries live, as pure logic over an injected storage backend (the browser's
 * `storage.sync` / `storage.local` in src/shared/settings-store.ts; an in-memory fake in tests).
 *
 * Layout:
 *  - sync  `settings`            the Settings object, or a chunk marker `{ chunked: n, version }` when the JSON is
 *                                over QUOTA_BYTES_PER_ITEM (8,192 bytes: key length + JSON length, per Chrome's
 *                                storage.sync docs); then
 *  - sync  `settings.0..n-1`     strings whose concatenation is the Settings JSON. Marker and chunks are written in
 *                                ONE set() call so a listener never sees a marker without its chunks.
 *  - local `settingsLocal`       { settings, reason }: used when sync refused the write (quota, sync disabled);
 *                                it wins over sync until a later sync write succeeds. The options page shows a note.
 *  - local `userGlossary`        own entries and overrides (too big for sync's 100 KB).
 *  - local `corrupt.settings` / `corrupt.userGlossary`   { savedAt, error, raw }: the unreadable copy, kept so the
 *                                person can export it; the live value is recovered to defaults.
 * Pure: no DOM, no browser — the backend is an interface.
 */
import { emptyUserGlossary, userGlossarySchema, type UserGlossary } from '../user-glossary.js';
import { errorsToText, zodIssuesToErrors } from './issues.js';
import { migrateSettings } from './migrate.js';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from './schema.js';

export interface StorageAreaLike {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface StorageChangeLike {
  oldValue?: unknown;
  newValue?: unknown;
}

export type ChangeListener = (changes: Record<string, StorageChangeLike>, areaName: string) => void;

export interface StorageBackend {
  /** null where sync storage does not exist at all. */
  sync: StorageAreaLike | null;
  local: StorageAreaLike;
  addChangeListener(cb: ChangeListener): void;
  removeChangeListener(cb: ChangeListener): void;
}

export const KEYS = {
  settings: 'settings',
  settingsLocal: 'settingsLocal',
  userGlossary: 'userGlossary',
  corruptSettings: 'corrupt.settings',
  corruptUserGlossary: 'corrupt.userGlossary',
} as const;

/** chrome.storage.sync limits (Firefox's are the same or looser). */
export const SYNC_QUOTA = { bytesPerItem: 8192, bytes: 102_400, maxItems: 512 } as const;
/** Room left under the per-item quota (Chrome counts bytes of key + JSON; we stay clear of the edge). */
const ITEM_BUDGET = SYNC_QUOTA.bytesPerItem - 192;
/** Never use more than this share of the whole sync area for settings. */
const TOTAL_BUDGET = 90_000;

const CHUNK_KEY = /^settings\.(\d+)$/;

export interface CorruptCopy {
  savedAt: string;
  error: string;
  raw: unknown;
}

export interface SettingsStorageInfo {
  area: 'sync' | 'local';
  /** 0 when stored as one item. */
  chunks: number;
  bytes: number;
  /** Why settings are in local storage (quota or sync unavailable). */
  reason?: string;
}

export const utf8Length = (s: string): number => {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
};

/** Splits a JSON text into pieces whose stored size (key + JSON-encoded string) stays within the item budget. */
export function splitIntoChunks(json: string, budget = ITEM_BUDGET): string[] {
  const out: string[] = [];
  let cur = '';
  let size = 0;
  const overhead = 'settings.000'.length + 2;
  for (const ch of json) {
    const cost = utf8Length(JSON.stringify(ch)) - 2;
    if (size + cost + overhead > budget && cur) {
      out.push(cur);
      cur = '';
      size = 0;
    }
    cur += ch;
    size += cost;
  }
  if (cur || out.length === 0) out.push(cur);
  return out;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface SettingsStore {
  loadSettings(): Promise<Settings>;
  saveSettings(next: Settings): Promise<void>;
  updateSettings(fn: (s: Settings) => Settings): Promise<Settings>;
  onSettingsChanged(cb: (s: Settings) => void): () => void;
  loadUserGlossary(): Promise<UserGlossary>;
  saveUserGlossary(u: UserGlossary): Promise<void>;
  updateUserGlossary(fn: (u: UserGlossary) => UserGlossary): Promise<UserGlossary>;
  onUserGlossaryChanged(cb: (u: UserGlossary) => void): () => void;
  getSettingsStorageInfo(): Promise<SettingsStorageInfo>;
  loadCorruptCopies(): Promise<{ settings: CorruptCopy | null; userGlossary: CorruptCopy | null }>;
  clearCorruptCopy(which: 'settings' | 'userGlossary'): Promise<void>;
}

export function createSettingsStore(backend: StorageBackend, now: () => Date = () => new Date()): SettingsStore {
  /** Writes from this context run one after another, so read-modify-write updates do not lose each other. */
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };

  async function keepCorrupt(key: string, error: string, raw: unknown): Promise<void> {
    const copy: CorruptCopy = { savedAt: now().toISOString(), error, raw };
    try {
      await backend.local.set({ [key]: copy });
    } catch {
      // Local storage refusing too leaves nothing to keep it in; the live value still recovers.
    }
  }

  /** Reads the stored settings value (chunks joined) or `undefined` when nothing is stored. */
  async function readRawSettings(): Promise<{ raw: unknown; area: 'sync' | 'local'; chunks: number; reason?: string; error?: string }> {
    const local = await backend.local.get(KEYS.settingsLocal);
    const fallback = local[KEYS.settingsLocal];
    if (isRecord(fallback) && 'settings' in fallback) {
      return { raw: fallback.settings, area: 'local', chunks: 0, reason: typeof fallback.reason === 'string' ? fallback.reason : '' };
    }
    if (!backend.sync) return { raw: undefined, area: 'local', chunks: 0, reason: 'sync storage is not available' };
    const all = await backend.sync.get(null);
    const value = all[KEYS.settings];
    if (isRecord(value) && typeof value.chunked === 'number' && Object.keys(value).every((k) => k === 'chunked' || k === 'version')) {
      const n = value.chunked;
      if (!Number.isInteger(n) || n < 1 || n > SYNC_QUOTA.maxItems) return { raw: value, area: 'sync', chunks: 0, error: `bad chunk count ${String(n)}` };
      let json = '';
      for (let i = 0; i < n; i++) {
        const piece = all[`settings.${i}`];
        if (typeof piece !== 'string') return { raw: value, area: 'sync', chunks: n, error: `chunk settings.${i} is missing` };
        json += piece;
      }
      try {
        return { raw: JSON.parse(json) as unknown, area: 'sync', chunks: n };
      } catch (e) {
        return { raw: json, area: 'sync', chunks: n, error: `chunks do not join into JSON (${(e as Error).message})` };
      }
    }
    return { raw: value, area: 'sync', chunks: 0 };
  }

  async function writeSettings(next: Settings): Promise<void> {
    const json = JSON.stringify(next);
    const single = utf8Length(KEYS.settings) + utf8Length(json);
    let reason: string | null = null;
    if (backend.sync) {
      const items: Record<string, unknown> = {};
      let chunkCount = 0;
      if (single <= ITEM_BUDGET) items[KEYS.settings] = next;
      else {
        const chunks = splitIntoChunks(json);
        chunkCount = chunks.length;
        items[KEYS.settings] = { chunked: chunks.length, version: next.version };
        chunks.forEach((c, i) => (items[`settings.${i}`] = c));
      }
      if (single > TOTAL_BUDGET) reason = `settings are ${single} bytes, more than sync storage allows`;
      else {
        try {
          const before = await backend.sync.get(null);
          await backend.sync.set(items);
          const stale = Object.keys(before).filter((k) => {
            const m = CHUNK_KEY.exec(k);
            return m !== null && Number(m[1]) >= chunkCount;
          });
          if (stale.length) await backend.sync.remove(stale);
          await backend.local.remove(KEYS.settingsLocal);
          return;
        } catch (e) {
          reason = `sync storage refused the settings (${e instanceof Error ? e.message : String(e)})`;
        }
      }
    } else reason = 'sync storage is not available';
    await backend.local.set({ [KEYS.settingsLocal]: { settings: next, reason } });
  }

  async function loadSettingsUnqueued(): Promise<{ settings: Settings; write: Settings | null }> {
    const read = await readRawSettings();
    if (read.raw === undefined && !read.error) return { settings: structuredCloneJson(DEFAULT_SETTINGS), write: null };
    if (read.error) {
      await keepCorrupt(KEYS.corruptSettings, read.error, read.raw);
      return { settings: structuredCloneJson(DEFAULT_SETTINGS), write: structuredCloneJson(DEFAULT_SETTINGS) };
    }
    const m = migrateSettings(read.raw);
    if (m.ok) return { settings: m.value, write: m.migratedFrom !== null ? m.value : null };
    await keepCorrupt(KEYS.corruptSettings, m.error, read.raw);
    // A newer build's settings (synced from another device) are kept as they are: overwriting them with defaults
    // would wipe that device's settings too. Everything else is recovered to defaults.
    const defaults = structuredCloneJson(DEFAULT_SETTINGS);
    return { settings: defaults, write: m.future ? null : defaults };
  }

  async function loadSettings(): Promise<Settings> {
    const { settings, write } = await loadSettingsUnqueued();
    if (write) await serial(() => writeSettings(write));
    return settings;
  }

  function validateSettings(next: Settings): Settings {
    const parsed = settingsSchema.safeParse(next);
    if (!parsed.success) throw new Error(`invalid settings:\n${errorsToText(zodIssuesToErrors(parsed.error.issues))}`);
    return parsed.data;
  }

  async function loadUserGlossary(): Promise<UserGlossary> {
    const got = await backend.local.get(KEYS.userGlossary);
    const raw = got[KEYS.userGlossary];
    if (raw === undefined) return emptyUserGlossary();
    const parsed = userGlossarySchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    await keepCorrupt(KEYS.corruptUserGlossary, errorsToText(zodIssuesToErrors(parsed.error.issues)), raw);
    const empty = emptyUserGlossary();
    await serial(() => backend.local.set({ [KEYS.userGlossary]: empty }));
    return empty;
  }

  function validateUserGlossary(u: UserGlossary): UserGlossary {
    const parsed = userGlossarySchema.safeParse(u);
    if (!parsed.success) throw new Error(`invalid own entries:\n${errorsToText(zodIssuesToErrors(parsed.error.issues))}`);
    return parsed.data;
  }

  const isSettingsKey = (k: string) => k === KEYS.settings || CHUNK_KEY.test(k);

  return {
    loadSettings,
    // Invalid input is a programming error: reject (not throw synchronously) and write nothing.
    saveSettings: async (next) => {
      const valid = validateSettings(next);
      return serial(() => writeSettings(valid));
    },
    updateSettings: (fn) =>
      serial(async () => {
        const { settings } = await loadSettingsUnqueued();
        const next = validateSettings(fn(settings));
        await writeSettings(next);
        return next;
      }),
    onSettingsChanged(cb) {
      let delivered: Promise<void> = Promise.resolve();
      let alive = true;
      const listener: ChangeListener = (changes, area) => {
        const keys = Object.keys(changes);
        const relevant =
          (area === 'sync' && keys.some(isSettingsKey)) || (area === 'local' && keys.includes(KEYS.settingsLocal));
        if (!relevant) return;
        // Reload (chunks may be involved) and deliver in order of the changes. A corrupt new value is recovered
        // here too (bad copy kept, defaults written), not only on the next explicit load.
        delivered = delivered
          .then(() => loadSettings())
          .then((settings) => {
            if (alive) cb(settings);
          })
          .catch(() => undefined);
      };
      backend.addChangeListener(listener);
      return () => {
        alive = false;
        backend.removeChangeListener(listener);
      };
    },
    loadUserGlossary,
    saveUserGlossary: async (u) => {
      const valid = validateUserGlossary(u);
      return serial(() => backend.local.set({ [KEYS.userGlossary]: valid }));
    },
    updateUserGlossary: (fn) =>
      serial(async () => {
        const got = await backend.local.get(KEYS.userGlossary);
        const parsed = userGlossarySchema.safeParse(got[KEYS.userGlossary] ?? emptyUserGlossary());
        const next = validateUserGlossary(fn(parsed.success ? parsed.data : emptyUserGlossary()));
        await backend.local.set({ [KEYS.userGlossary]: next });
        return next;
      }),
    onUserGlossaryChanged(cb) {
      const listener: ChangeListener = (changes, area) => {
        if (area !== 'local' || !(KEYS.userGlossary in changes)) return;
        const nv = changes[KEYS.userGlossary]?.newValue;
        if (nv === undefined) return cb(emptyUserGlossary());
        const parsed = userGlossarySchema.safeParse(nv);
        // An invalid value is handled (kept and recovered) by the next load; listeners only see valid data.
        if (parsed.success) cb(parsed.data);
      };
      backend.addChangeListener(listener);
      return () => backend.removeChangeListener(listener);
    },
    async getSettingsStorageInfo() {
      const read = await readRawSettings();
      let bytes = 0;
      try {
        bytes = read.raw === undefined ? 0 : utf8Length(JSON.stringify(read.raw));
      } catch {
        // An unreadable stored value (too deep to stringify): its size is not worth failing the page for.
      }
      return read.area === 'local'
        ? { area: 'local', chunks: 0, bytes, reason: read.reason ?? '' }
        : { area: 'sync', chunks: read.chunks, bytes };
    },
    async loadCorruptCopies() {
      const got = await backend.local.get([KEYS.corruptSettings, KEYS.corruptUserGlossary]);
      const asCopy = (v: unknown): CorruptCopy | null =>
        isRecord(v) && typeof v.savedAt === 'string' && typeof v.error === 'string' ? { savedAt: v.savedAt, error: v.error, raw: v.raw } : null;
      return { settings: asCopy(got[KEYS.corruptSettings]), userGlossary: asCopy(got[KEYS.corruptUserGlossary]) };
    },
    clearCorruptCopy: (which) =>
      backend.local.remove(which === 'settings' ? KEYS.corruptSettings : KEYS.corruptUserGlossary),
  };
}

function structuredCloneJson<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}
