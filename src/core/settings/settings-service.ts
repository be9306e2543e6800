/**
 * The one writer of settings and own entries, as pure logic over an injected storage backend (the browser's
 * `storage.sync` / `storage.local` in src/background/settings-service.ts; an in-memory fake in tests). Only the
 * background creates it; every other context asks the background for a snapshot and for changes (protocol.ts).
 *
 * Every operation runs in one queue, so concurrent requests (30 frames loading at once, a card's "don't mark" while
 * the options page saves) neither lose each other's writes nor repair the same corruption twice. Concurrent
 * snapshot requests share one read.
 *
 * Reading: field by field over the defaults (read-settings.ts, read-user-glossary.ts). A missing field takes its
 * default and needs no write; an invalid part is set aside in the corrupt copy and ONE repair write stores the
 * rest; a newer build's object is read the same way and never written back unless the user changes something.
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
 *  - local `corrupt.settings` / `corrupt.userGlossary`   { savedAt, error, raw }: the parts that could not be
 *                                read (`raw`: path -> stored value), kept so the person can export them.
 * Pure: no DOM, no browser — the backend is an interface.
 */
import { errorsToText, zodIssuesToErrors } from './issues.js';
import { checkSettings, mergeForWrite, readSettings } from './read-settings.js';
import { readUserGlossary } from './read-user-glossary.js';
import type { Settings } from './schema.js';
import { KEYS } from './storage-keys.js';
import { userGlossarySchema } from '../user-glossary-schema.js';
import type { UserGlossary } from '../user-glossary.js';

export { KEYS };

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
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What every context gets from the background: validated, complete, current. */
export interface Snapshot {
  settings: Settings;
  userGlossary: UserGlossary;
}

interface CorruptCopies {
  settings: CorruptCopy | null;
  userGlossary: CorruptCopy | null;
}

/** What only the options page needs: where settings are stored and the parts that could not be read. */
export interface StorageState {
  storage: SettingsStorageInfo;
  corrupt: CorruptCopies;
}

export interface SettingsService {
  /** Reads (and, once, repairs) settings and own entries. Concurrent calls share one read. */
  snapshot(): Promise<Snapshot>;
  /** Read-modify-write in the queue; `fn`'s result must be complete, valid Settings (else it rejects, writes nothing). */
  updateSettings(fn: (s: Settings) => Settings): Promise<Settings>;
  updateUserGlossary(fn: (u: UserGlossary) => UserGlossary): Promise<UserGlossary>;
  storageState(): Promise<StorageState>;
  clearCorruptCopy(which: 'settings' | 'userGlossary'): Promise<void>;
}

interface RawSettings {
  raw: unknown;
  area: 'sync' | 'local';
  chunks: number;
  reason?: string;
  /** The stored value could not even be assembled (chunks missing, bad JSON). */
  error?: string;
}

interface ReadState {
  raw: RawSettings;
  settings: Settings;
  userRaw: unknown;
  user: UserGlossary;
}

export function createSettingsService(backend: StorageBackend, now: () => Date = () => new Date()): SettingsService {
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
  async function readRawSettings(): Promise<RawSettings> {
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

  async function writeSettings(next: Record<string, unknown>): Promise<void> {
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

  /** Reads both values field by field; sets the unreadable parts aside and writes each repaired value once. Queued. */
  async function readAndRepair(): Promise<ReadState> {
    const raw = await readRawSettings();
    let settings: Settings;
    if (raw.error) {
      await keepCorrupt(KEYS.corruptSettings, raw.error, raw.raw);
      settings = readSettings(undefined).settings;
      await writeSettings(settings as unknown as Record<string, unknown>);
    } else {
      const r = readSettings(raw.raw);
      settings = r.settings;
      // A newer build's settings are never rewritten unasked: what this build cannot read may be valid there.
      if (r.bad && !r.newer) {
        await keepCorrupt(KEYS.corruptSettings, errorsToText(r.problems), r.bad);
        await writeSettings(settings as unknown as Record<string, unknown>);
      }
    }
    const userRaw = (await backend.local.get(KEYS.userGlossary))[KEYS.userGlossary];
    const u = readUserGlossary(userRaw);
    if (u.bad && !u.newer) {
      await keepCorrupt(KEYS.corruptUserGlossary, errorsToText(u.problems), u.bad);
      await backend.local.set({ [KEYS.userGlossary]: u.value });
    }
    return { raw, settings, userRaw, user: u.value };
  }

  let pendingSnapshot: Promise<Snapshot> | null = null;

  function validUserGlossary(u: UserGlossary): UserGlossary {
    const parsed = userGlossarySchema.safeParse(u);
    if (!parsed.success) throw new Error(`invalid own entries:\n${errorsToText(zodIssuesToErrors(parsed.error.issues))}`);
    return parsed.data;
  }

  return {
    snapshot() {
      // A snapshot queued but not started yet answers every request that arrives meanwhile: one read, one repair.
      if (pendingSnapshot) return pendingSnapshot;
      const p = serial(async () => {
        pendingSnapshot = null;
        const s = await readAndRepair();
        return { settings: s.settings, userGlossary: s.user };
      });
      pendingSnapshot = p;
      return p;
    },
    updateSettings: (fn) =>
      serial(async () => {
        const state = await readAndRepair();
        const checked = checkSettings(fn(clone(state.settings)));
        if (!checked.ok) throw new Error(`invalid settings:\n${errorsToText(checked.errors)}`);
        const next = checked.value;
        const stored = state.raw.error ? undefined : state.raw.raw;
        const toStore = mergeForWrite(stored, state.settings, next);
        // Nothing changed (a second "don't mark" for the same term): no write, no sync quota spent.
        if (!sameJson(toStore, stored)) await writeSettings(toStore);
        return next;
      }),
    updateUserGlossary: (fn) =>
      serial(async () => {
        const state = await readAndRepair();
        const next = validUserGlossary(fn(clone(state.user)));
        if (!sameJson(next, state.userRaw)) await backend.local.set({ [KEYS.userGlossary]: next });
        return next;
      }),
    storageState: () =>
      serial(async () => {
        const read = await readRawSettings();
        let bytes = 0;
        try {
          bytes = read.raw === undefined ? 0 : utf8Length(JSON.stringify(read.raw));
        } catch {
          // An unreadable stored value (too deep to stringify): its size is not worth failing the page for.
        }
        const storage: SettingsStorageInfo =
          read.area === 'local' ? { area: 'local', chunks: 0, bytes, reason: read.reason ?? '' } : { area: 'sync', chunks: read.chunks, bytes };
        const got = await backend.local.get([KEYS.corruptSettings, KEYS.corruptUserGlossary]);
        const asCopy = (v: unknown): CorruptCopy | null =>
          isRecord(v) && typeof v.savedAt === 'string' && typeof v.error === 'string' ? { savedAt: v.savedAt, error: v.error, raw: v.raw } : null;
        return { storage, corrupt: { settings: asCopy(got[KEYS.corruptSettings]), userGlossary: asCopy(got[KEYS.corruptUserGlossary]) } };
      }),
    clearCorruptCopy: (which) =>
      serial(() => backend.local.remove(which === 'settings' ? KEYS.corruptSettings : KEYS.corruptUserGlossary)),
  };
}
