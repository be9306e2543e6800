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
import { askWithRetries, notDelivered, RETRY_DELAYS_MS, snapshotChanges } from './snapshot-requests.js';
import type { Snapshot } from '../core/settings/settings-service.js';

export type { Snapshot };

/** Asks the background for the snapshot, again after a failed try (snapshot-requests.ts RETRY_DELAYS_MS). */
export function loadSnapshot(): Promise<Snapshot> {
  return askWithRetries(() => sendToBackground('getSnapshot', {}));
}

/**
 * Calls `cb` with a fresh snapshot after settings or own entries change (in any context, on any device).
 * Notices that arrive while a snapshot is being asked for cause one more ask, not one each. Returns an unsubscribe.
 */
export function onSnapshotChanged(cb: (s: Snapshot) => void): () => void {
  return snapshotChanges(
    loadSnapshot,
    (listener) => {
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
    cb,
  );
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
