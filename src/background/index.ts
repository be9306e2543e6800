// Background entry (Chrome service worker / Firefox event page). Owned by the popup+background work;
// this first version only answers `ping` so the smoke test can see the background running.
import { browser } from '../shared/browser.js';
import { parseMessage } from '../shared/protocol.js';

browser.runtime.onMessage.addListener((raw: unknown, sender) => {
  // Only our own extension's pages and content scripts may talk to us.
  if (sender.id !== browser.runtime.id) return undefined;
  const msg = parseMessage(raw);
  if (!msg) {
    console.warn('[context-glossary] ignored malformed message', raw);
    return undefined;
  }
  if (msg.type === 'ping') return Promise.resolve({ version: browser.runtime.getManifest().version });
  return undefined;
});
