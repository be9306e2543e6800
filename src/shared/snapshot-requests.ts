/**
 * Asking the background for the settings snapshot, and asking again after a change notice — the logic of
 * settings-client.ts without a transport, so the content bootstrap (src/content/native-transport.ts, no polyfill)
 * and every extension page (settings-client.ts, through messaging.ts) share it. Pure: the caller passes how to ask
 * and how to hear of storage changes.
 */
import { isSnapshotKey } from '../core/settings/storage-keys.js';
import type { Snapshot } from '../core/settings/settings-service.js';

/**
 * Waits between tries of a request that reached no listener: right after install or update, or while a Chrome
 * service worker is stopping or starting again ("Receiving end does not exist"). About 3 s in all: under load a
 * worker restart took longer than the 0.75 s the first schedule allowed, and an options save was lost (issue 12,
 * the flaky "overrides a built-in entry's definition").
 */
export const RETRY_DELAYS_MS = [50, 100, 200, 400, 800, 1600];

/**
 * True for the errors that say the message reached no listener or lost its reply as the worker stopped, as
 * opposed to a handler that ran and failed (a null reply) or a malformed reply (BadReplyError).
 */
export function notDelivered(e: unknown): boolean {
  const text = e instanceof Error ? e.message : String(e);
  return /receiving end does not exist|could not establish connection|message port closed|message channel closed/i.test(text);
}

/**
 * Asks the background with `ask` (one `getSnapshot`; the content bootstrap: one `getBootState`), again after a
 * failed try or no answer (see RETRY_DELAYS_MS).
 */
export async function askWithRetries<S>(ask: () => Promise<S | null>): Promise<S> {
  let lastError: unknown = null;
  for (let attempt = 0; attempt <= RETRY_DELAYS_MS.length; attempt++) {
    try {
      const s = await ask();
      if (s) return s;
      lastError = new Error('no answer');
    } catch (e) {
      lastError = e;
    }
    if (attempt < RETRY_DELAYS_MS.length) await new Promise((r) => setTimeout(r, RETRY_DELAYS_MS[attempt]));
  }
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}

/** `storage.onChanged` as a subscription: returns the unsubscribe. */
export type StorageSubscribe = (listener: (changes: Record<string, unknown>, area: string) => void) => () => void;

/**
 * Calls `cb` with a fresh snapshot (`load`) after settings or own entries change (in any context, on any device).
 * Notices that arrive while a snapshot is being asked for cause one more ask, not one each. Returns an unsubscribe.
 */
export function snapshotChanges(load: () => Promise<Snapshot>, subscribe: StorageSubscribe, cb: (s: Snapshot) => void): () => void {
  const r = refresher(load, cb);
  const off = subscribe((changes, area) => {
    if (Object.keys(changes).some((k) => isSnapshotKey(area, k))) r.ask();
  });
  return () => {
    r.stop();
    off();
  };
}

/**
 * `ask()` calls `cb` with a fresh answer of `load`; asks made while one is on its way cause one more, not one each
 * (the content bootstrap calls it on the background's `stateChanged` notice). `stop()`: `cb` is not called again.
 */
export function refresher<S>(load: () => Promise<S>, cb: (s: S) => void): { ask(): void; stop(): void } {
  let alive = true;
  let asking = false;
  let again = false;
  const ask = async () => {
    if (asking) {
      again = true;
      return;
    }
    asking = true;
    try {
      do {
        again = false;
        try {
          const s = await load();
          if (alive && !again) cb(s);
        } catch (e) {
          console.warn('[context-glossary] settings', e);
        }
      } while (again && alive);
    } finally {
      asking = false;
    }
  };
  return {
    ask: () => void ask(),
    stop: () => {
      alive = false;
    },
  };
}
