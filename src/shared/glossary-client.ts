/**
 * "The glossaries changed" for every context but the background (issue 14: saving, switching on or off or deleting a
 * glossary reaches open tabs without a reload). The background writes a revision ping in storage.local after the
 * merged glossary is rebuilt (src/background/glossary-service.ts); listeners then ask `getGlossary` again. The ping
 * carries no glossary: as with settings (settings-client.ts), the value is asked from the one writer, never taken
 * from the event.
 */
import { browser } from './browser.js';

/** The storage.local key of the ping (a timestamp). */
export const GLOSSARY_REVISION_KEY = 'glossaryRevision';

/** Calls `cb` after the merged glossary changed. Returns an unsubscribe. */
export function onGlossaryChanged(cb: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && GLOSSARY_REVISION_KEY in changes) cb();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
