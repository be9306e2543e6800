/**
 * Tells every frame of every tab that the settings, own entries or glossaries changed, so that their content
 * scripts ask again (`stateChanged`, src/shared/protocol.ts). Issue 13: the content bootstrap used to listen to
 * `storage.onChanged` itself, which made the storage API's bindings and registered a listener in every frame of every
 * page load (~0.3 ms sampled per Guardian load, tools/bench/outside-profile.ts) for changes that come seldom; the
 * background hears each change once and tells the tabs. A tab with no content script of ours (a browser page, a site
 * not injected) rejects the message: nothing to tell there.
 */
import { isSnapshotKey } from '../core/settings/storage-keys.js';
import { isGlossaryPing } from '../shared/glossary-ping.js';
import type { Request } from '../shared/protocol.js';

/** What a storage change means to content scripts; null when nothing they read changed. */
export function noticeOf(changes: Record<string, unknown>, area: string): Request<'stateChanged'> | null {
  const settings = Object.keys(changes).some((k) => isSnapshotKey(area, k));
  const glossary = isGlossaryPing(changes, area);
  return settings || glossary ? { settings, glossary } : null;
}

/** Sends `notice` to every frame of every tab (`send`: tabs.sendMessage without a frame id). */
export async function tellFrames(
  notice: Request<'stateChanged'>,
  tabIds: () => Promise<number[]>,
  send: (tabId: number, notice: Request<'stateChanged'>) => Promise<unknown>,
): Promise<void> {
  const ids = await tabIds();
  await Promise.all(ids.map((id) => send(id, notice).catch(() => undefined)));
}
