/**
 * "The glossaries changed" for every context but the background (issue 14: saving, switching on or off or deleting a
 * glossary reaches open tabs without a reload). The background writes a revision ping in storage.local after the
 * merged glossary is rebuilt (src/background/glossary-service.ts); listeners then ask `getGlossary` again. The ping
 * carries no glossary: as with settings (settings-client.ts), the value is asked from the one writer, never taken
 * from the event.
 */
import { browser } from './browser.js';
import { isGlossaryPing } from './glossary-ping.js';

export { GLOSSARY_REVISION_KEY } from './glossary-ping.js';

/** Calls `cb` after the merged glossary changed. Returns an unsubscribe. */
export function onGlossaryChanged(cb: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (isGlossaryPing(changes, area)) cb();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
