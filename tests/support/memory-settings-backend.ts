/**
 * An in-memory StorageBackend with the browser's semantics that matter to the store: values are deep-copied
 * (structured clone of JSON data), `set` with several keys fires ONE change event, storage.sync's per-item and
 * total quotas are enforced (a `set` over quota throws and writes nothing), and change events arrive
 * asynchronously. Used by unit tests (and anything that wants a store without a browser).
 * Pure.
 */
import { SYNC_QUOTA, utf8Length, type ChangeListener, type StorageAreaLike, type StorageBackend, type StorageChangeLike } from '../../src/core/settings/settings-service.js';

const copy = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));
const bytes = (key: string, v: unknown) => utf8Length(key + JSON.stringify(v));

interface MemoryArea extends StorageAreaLike {
  readonly data: Map<string, unknown>;
  /** Number of set/remove calls that changed data (tests assert "never written"). */
  writes: number;
  /** When set, every set() throws this message (simulates a disabled or failing area). */
  failWith: string | null;
}

function createArea(name: 'sync' | 'local', emit: (changes: Record<string, StorageChangeLike>, area: string) => void, quota: boolean): MemoryArea {
  const data = new Map<string, unknown>();
  const area: MemoryArea = {
    data,
    writes: 0,
    failWith: null,
    async get(keys) {
      const list = keys === null ? [...data.keys()] : typeof keys === 'string' ? [keys] : keys;
      const out: Record<string, unknown> = {};
      for (const k of list) if (data.has(k)) out[k] = copy(data.get(k));
      return out;
    },
    async set(items) {
      if (area.failWith) throw new Error(area.failWith);
      if (quota) {
        const next = new Map(data);
        for (const [k, v] of Object.entries(items)) {
          if (bytes(k, v) > SYNC_QUOTA.bytesPerItem) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
          next.set(k, v);
        }
        let total = 0;
        for (const [k, v] of next) total += bytes(k, v);
        if (total > SYNC_QUOTA.bytes) throw new Error('QUOTA_BYTES quota exceeded');
        if (next.size > SYNC_QUOTA.maxItems) throw new Error('MAX_ITEMS quota exceeded');
      }
      const changes: Record<string, StorageChangeLike> = {};
      for (const [k, v] of Object.entries(items)) {
        changes[k] = { oldValue: copy(data.get(k)), newValue: copy(v) };
        data.set(k, copy(v));
      }
      area.writes++;
      emit(changes, name);
    },
    async remove(keys) {
      const list = typeof keys === 'string' ? [keys] : keys;
      const changes: Record<string, StorageChangeLike> = {};
      for (const k of list) {
        if (!data.has(k)) continue;
        changes[k] = { oldValue: copy(data.get(k)) };
        data.delete(k);
      }
      if (Object.keys(changes).length) {
        area.writes++;
        emit(changes, name);
      }
    },
  };
  return area;
}

export interface MemoryBackend extends StorageBackend {
  sync: MemoryArea;
  local: MemoryArea;
  /** Resolves once every change event fired so far has been delivered. */
  flush(): Promise<void>;
  /** Total writes to both areas. */
  writes(): number;
}

export function createMemoryBackend(): MemoryBackend {
  const listeners = new Set<ChangeListener>();
  let pending: Promise<void> = Promise.resolve();
  const emit = (changes: Record<string, StorageChangeLike>, area: string) => {
    pending = pending.then(() => new Promise<void>((r) => setTimeout(r, 0))).then(() => {
      for (const l of [...listeners]) l(copy(changes), area);
    });
  };
  const sync = createArea('sync', emit, true);
  const local = createArea('local', emit, false);
  return {
    sync,
    local,
    addChangeListener: (cb) => void listeners.add(cb),
    removeChangeListener: (cb) => void listeners.delete(cb),
    flush: async () => {
      await pending;
      await new Promise((r) => setTimeout(r, 0));
    },
    writes: () => sync.writes + local.writes,
  };
}
