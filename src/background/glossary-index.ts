/**
 * The glossary as the background searches it (context-menu lookup): built-in entries plus the user's own,
 * rebuilt when the user glossary changes. Built synchronously from the bundled glossary at start-up so a menu
 * click can be answered inside the click handler (Firefox only lets `action.openPopup` run there).
 */
import glossary from 'virtual:glossary';
import type { CompiledEntry, CompiledGlossary } from '../core/glossary-types.js';
import { buildRuntimeGlossary } from '../core/runtime-glossary.js';
import { buildSearchIndex, type SearchIndex } from '../core/search.js';
import { isUserGlossaryEmpty, type UserGlossary } from '../core/user-glossary.js';

let entries: readonly CompiledEntry[] = glossary.entries;
let index: SearchIndex | null = null;
/** The bundled glossary merged with the enabled made ones (glossary-service.ts), once it has been built. */
let base: CompiledGlossary = glossary;
let user: UserGlossary | null = null;

/** Takes the user's own entries (from the settings snapshot, index.ts). */
let last = '';

function rebuild(): void {
  // Without user data the compiled entries are the runtime entries: skip building a matcher we do not need.
  entries = isUserGlossaryEmpty(user) ? base.entries : buildRuntimeGlossary(base, user).entries;
  index = null;
}

export function setUserGlossary(next: UserGlossary | null): void {
  // Snapshots also arrive for settings changes: rebuild only when the own entries changed.
  const key = JSON.stringify(next);
  if (key === last) return;
  last = key;
  user = next;
  rebuild();
}

/** Takes the merged glossary (issue 14): the context-menu lookup searches every enabled report. */
export function setBaseGlossary(g: CompiledGlossary): void {
  base = g;
  rebuild();
}

/** The compiled glossary as content scripts ask for it (`getGlossary`): the one the background already holds. */
export function compiledGlossary(): CompiledGlossary {
  return glossary;
}

export function searchIndex(): SearchIndex {
  return (index ??= buildSearchIndex(entries));
}

