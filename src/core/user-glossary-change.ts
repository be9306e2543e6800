/**
 * One edit of the user's own entries, as the options page asks the background for it (issue 10: one writer).
 * An edit names what the person did to one entry, so the background applies it to what is stored *now*: two
 * options pages (or an options page and an import) editing different entries at once no longer overwrite each
 * other, as they did when each page sent the whole own-entries object it had last seen.
 * Every change is idempotent (set by id, delete by id), so a request sent again after a lost reply
 * (settings-client.ts `requestChange`) changes nothing more.
 * Pure: no DOM, no browser.
 */
import { ENTRY_ID_RE, isObj, isOverrideShape, isOwnEntryShape, keysIn, OWN_ID_RE, USER_LIMITS, type EntryOverride, type OwnEntry, type UserGlossary } from './user-glossary.js';

export type UserGlossaryChange =
  /** Adds the entry, or replaces the own entry with the same id in place. */
  | { kind: 'putOwn'; entry: OwnEntry }
  | { kind: 'deleteOwn'; id: string }
  /** Sets a built-in entry's override; null removes it ("reset to original"). */
  | { kind: 'setOverride'; id: string; override: EntryOverride | null };

/** The receiving end's check (protocol.ts): the shape of one change, with the same limits as the stored object. */
export function isUserGlossaryChange(v: unknown): v is UserGlossaryChange {
  if (!isObj(v)) return false;
  switch (v.kind) {
    case 'putOwn':
      return keysIn(v, ['kind', 'entry']) && isOwnEntryShape(v.entry);
    case 'deleteOwn':
      return keysIn(v, ['kind', 'id']) && typeof v.id === 'string' && OWN_ID_RE.test(v.id);
    case 'setOverride':
      return (
        keysIn(v, ['kind', 'id', 'override']) &&
        typeof v.id === 'string' &&
        ENTRY_ID_RE.test(v.id) &&
        (v.override === null || isOverrideShape(v.override))
      );
    default:
      return false;
  }
}

/**
 * `u` with the change applied (a new object; `u` is not changed). Throws on what the stored object may not hold
 * (one own entry too many, one override too many): the background then answers "not saved" and stores nothing.
 */
export function applyUserGlossaryChange(u: UserGlossary, change: UserGlossaryChange): UserGlossary {
  switch (change.kind) {
    case 'putOwn': {
      const i = u.own.findIndex((e) => e.id === change.entry.id);
      if (i >= 0) return { ...u, own: u.own.map((e, k) => (k === i ? change.entry : e)) };
      if (u.own.length >= USER_LIMITS.ownEntries) throw new Error(`at most ${USER_LIMITS.ownEntries} own entries`);
      return { ...u, own: [...u.own, change.entry] };
    }
    case 'deleteOwn':
      return u.own.some((e) => e.id === change.id) ? { ...u, own: u.own.filter((e) => e.id !== change.id) } : u;
    case 'setOverride': {
      const overrides = { ...u.overrides };
      if (change.override) {
        if (!(change.id in overrides) && Object.keys(overrides).length >= USER_LIMITS.overrides) {
          throw new Error(`at most ${USER_LIMITS.overrides} changed built-in entries`);
        }
        overrides[change.id] = change.override;
      } else if (change.id in overrides) delete overrides[change.id];
      else return u;
      return { ...u, overrides };
    }
  }
}
