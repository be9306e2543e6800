/**
 * Settings and own entries for every context but the background (content scripts, popup, options, reader): a
 * validated snapshot from the background, the typed change requests, and "it changed" notices. Nothing here reads
 * raw storage, migrates, repairs or writes: the background is the one writer (src/background/settings-service.ts).
 *
 * Change notices: `storage.onChanged` on the settings keys is used only as a ping — the new values are asked
 * from the background, never taken from the event (see protocol.ts's header for why).
 */
import { browser } from './browser.js';
import { sendToBackground } from './messaging.js';
import type { Reply, Request } from './protocol.js';
import { isSnapshotKey } from '../core/settings/storage-keys.js';
import type { Snapshot } from '../core/settings/settings-service.js';

export type { Snapshot };

/**
 * Waits between tries of a request that reached no listener: right after install or update, or while a Chrome
 * service worker is stopping or starting again ("Receiving end does not exist"). About 3 s in all: under load a
 * worker restart took longer than the 0.75 s the first schedule allowed, and an options save was lost (issue 12,
 * the flaky "overrides a built-in entry's definition").
 */
const RETRY_DELAYS_MS = [50, 100, 200, 400, 800, 1600];

/**
 * True for the errors that say the message reached no listener or lost its reply as the worker stopped, as
 * opposed to a handler that ran and failed (a null reply) or a malformed reply (BadReplyError).
 */
function notDelivered(e: unknown): boolean {
  const text = e instanceof Error ? e.message : String(e);
  return /receiving end does not exist|could not establish connection|message port closed|message channel closed/i.test(text);
}

/** Asks the background for the snapshot, again after a failed try (see RETRY_DELAYS_MS). */
export async function loadSnapshot(): Promise<Snapshot> {
  let lastError: unknown = null;
  for (let attempt = 0; attempt <= RETRY_DELAYS_MS.length; attempt++) {
    try {
      const s = await sendToBackground('getSnapshot', {});
      if (s) return s;
      lastError = new Error('no snapshot');
    } catch (e) {
      lastError = e;
    }
    if (attempt < RETRY_DELAYS_MS.length) await new Promise((r) => setTimeout(r, RETRY_DELAYS_MS[attempt]));
  }
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}

/**
 * Calls `cb` with a fresh snapshot after settings or own entries change (in any context, on any device).
 * Notices that arrive while a snapshot is being asked for cause one more ask, not one each. Returns an unsubscribe.
 */
export function onSnapshotChanged(cb: (s: Snapshot) => void): () => void {
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
          const s = await loadSnapshot();
          if (alive && !again) cb(s);
        } catch (e) {
          console.warn('[context-glossary] settings', e);
        }
      } while (again && alive);
    } finally {
      asking = false;
    }
  };
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (Object.keys(changes).some((k) => isSnapshotKey(area, k))) void ask();
  };
  browser.storage.onChanged.addListener(listener);
  return () => {
    alive = false;
    browser.storage.onChanged.removeListener(listener);
  };
}

/**
 * A change request to the background (the one writer); rejects when the background refused or failed. A request
 * that reached no listener is sent again (see RETRY_DELAYS_MS): every change request is idempotent (it sets a value,
 * adds a rule unless present, or takes back what it added), so a second delivery after a lost reply changes nothing.
 */
export async function requestChange<T extends 'notThisMeaning' | 'dontMark' | 'setSiteOn' | 'changeSettings' | 'saveData' | 'changeUserGlossary' | 'clearCorruptCopy'>(
  type: T,
  payload: Request<T>,
): Promise<NonNullable<Reply<T>>> {
  for (let attempt = 0; ; attempt++) {
    let reply: Reply<T>;
    try {
      reply = await sendToBackground(type, payload);
    } catch (e) {
      if (!notDelivered(e) || attempt >= RETRY_DELAYS_MS.length) throw e;
      await new Promise((r) => setTimeout(r, RETRY_DELAYS_MS[attempt]));
      continue;
    }
    if (reply === null) throw new Error(`the change was not saved ("${type}" failed in the background; see its console)`);
    return reply as NonNullable<Reply<T>>;
  }
}
