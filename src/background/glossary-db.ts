/**
 * The made glossaries in IndexedDB (issue 14: a report can be megabytes, too big for storage.local's quota habits
 * and far too big for storage.sync). `idb` (~1.2 KB) wraps IndexedDB's request/event API in promises and typed
 * stores; writing that by hand is the same code with more ways to leak a transaction.
 *
 * Only the background opens this database (one writer, as for settings): extension pages ask by message.
 * Stores: `glossaries` (one StoredGlossary per report, key `id`) and `state` (`bundledEnabled`: the bundled
 * report's on/off, kept beside the others rather than in settings so settings stay as they were).
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { StoredGlossary } from '../core/glossary-draft.js';

interface GlossaryDb extends DBSchema {
  glossaries: { key: string; value: StoredGlossary };
  state: { key: string; value: boolean };
}

let db: Promise<IDBPDatabase<GlossaryDb>> | null = null;

function open(): Promise<IDBPDatabase<GlossaryDb>> {
  db ??= openDB<GlossaryDb>('context-glossary', 1, {
    upgrade(d) {
      d.createObjectStore('glossaries', { keyPath: 'id' });
      d.createObjectStore('state');
    },
  });
  return db;
}

export async function allGlossaries(): Promise<StoredGlossary[]> {
  return (await open()).getAll('glossaries');
}

export async function getGlossaryRecord(id: string): Promise<StoredGlossary | undefined> {
  return (await open()).get('glossaries', id);
}

export async function putGlossary(g: StoredGlossary): Promise<void> {
  await (await open()).put('glossaries', g);
}

export async function deleteGlossaryRecord(id: string): Promise<void> {
  await (await open()).delete('glossaries', id);
}

export async function bundledEnabled(): Promise<boolean> {
  return (await (await open()).get('state', 'bundledEnabled')) ?? true;
}

export async function setBundledEnabled(on: boolean): Promise<void> {
  await (await open()).put('state', on, 'bundledEnabled');
}
