/**
 * `getBootState` (issue 13): the part of the settings snapshot a frame's bootstrap decides with before it reads its
 * page — whether the frame's site is on, which page languages are marked, and a key of the own entries
 * (src/shared/protocol-bootstrap.ts BootState says why the bootstrap no longer gets the whole snapshot). Pure.
 */
import { siteEnabled } from '../core/settings/schema.js';
import type { Snapshot } from '../core/settings/settings-service.js';
import type { UserGlossary } from '../core/user-glossary.js';
import type { BootState } from '../shared/protocol-bootstrap.js';

/** The key per stored object: the service hands out the same object until a change. */
const userKeys = new WeakMap<UserGlossary, string>();

/**
 * A key of the own entries that changes when they do (their JSON's length and FNV-1a hash): the bootstrap asks the
 * prefilter anew when it changes (own entries change what may hit), without carrying the entries themselves.
 */
export function userKey(u: UserGlossary): string {
  let key = userKeys.get(u);
  if (key === undefined) {
    const json = JSON.stringify(u);
    let h = 0x811c9dc5;
    for (let i = 0; i < json.length; i++) h = Math.imul(h ^ json.charCodeAt(i), 0x01000193);
    key = `${json.length}:${(h >>> 0).toString(36)}`;
    userKeys.set(u, key);
  }
  return key;
}

/** The boot state of a frame of site `host` (the top frame when `top`) under `snap`. */
export function bootStateOf(snap: Snapshot, host: string, top: boolean): BootState {
  const { settings } = snap;
  return {
    on: (top || settings.sites.iframes) && host !== '' && siteEnabled(settings, host),
    languages: settings.sites.languages,
    user: userKey(snap.userGlossary),
  };
}
