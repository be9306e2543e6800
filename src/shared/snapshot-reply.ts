/**
 * The `getSnapshot` reply's validator, apart from protocol-bootstrap.ts (issue 13): the settings validators it
 * calls (read-settings.ts, settings-fields.ts, user-glossary.ts: ~8 KB, and ~1.5 ms sampled per page load in the
 * nothing-to-mark Guardian row, tools/bench/outside-profile.ts) are not bundled into content.js, which asks for the
 * small `getBootState` instead. protocol.ts and engine.js (src/content/engine-entry.ts) use it. Pure.
 */
import { isSettings } from '../core/settings/read-settings.js';
import { isUserGlossaryShape } from '../core/user-glossary.js';
import { isRecord, onlyKeys } from './guards.js';

/** The `getSnapshot` reply: settings and own entries, each as the background stores them. */
export const isSnapshotReply = (r: unknown): boolean =>
  isRecord(r) && onlyKeys(r, ['settings', 'userGlossary']) && isSettings(r.settings) && isUserGlossaryShape(r.userGlossary);
