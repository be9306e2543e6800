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
 * Asks the background for the snapshot. Right after install or update the background may not listen yet
 * ("Receiving end does not exist"): asked again a few times before giving up.
 */
export async function loadSnapshot(): Promise<Snapshot> {
  let lastError: unknown = null;
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      const s = await sendToBackground('getSnapshot', {});
      if (s) return s;
      lastError = new Error('no snapshot');
    } catch (e) {
      lastError = e;
    }
    await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
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

/** A change request to the background (the one writer); rejects when the background refused or failed. */
export async function requestChange<T extends 'notThisMeaning' | 'dontMark' | 'setSiteOn' | 'changeSettings' | 'saveData' | 'clearCorruptCopy'>(
  type: T,
  payload: Request<T>,
): Promise<NonNullable<Reply<T>>> {
  const reply = await sendToBackground(type, payload);
  if (reply === null) throw new Error(`the change was not saved ("${type}" failed in the background; see its console)`);
  return reply;
}
