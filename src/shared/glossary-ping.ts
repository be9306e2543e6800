/**
 * The "glossaries changed" ping in storage.local (issue 14; glossary-client.ts says how it is used), as a pure key
 * and test, so the content bootstrap can listen for it over its own transport (src/content/native-transport.ts)
 * without importing the polyfill-bound glossary-client.ts.
 */

/** The storage.local key of the ping (a timestamp). */
export const GLOSSARY_REVISION_KEY = 'glossaryRevision';

/** Does this `storage.onChanged` event carry the ping? */
export const isGlossaryPing = (changes: Record<string, unknown>, area: string): boolean => area === 'local' && GLOSSARY_REVISION_KEY in changes;
