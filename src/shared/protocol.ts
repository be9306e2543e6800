/**
 * Every message between extension contexts, in one map: `{ type: { request, reply } }` (Yomitan style).
 * Receivers validate with `parseMessage` (payload shape) and `senderAllowed` (who may send it) before acting;
 * unknown or malformed messages are ignored and logged. `src/shared/messaging.ts` wraps both (`handle`).
 *
 * Directions:
 *  - "to content": background or popup -> a tab's content script (`tabs.sendMessage`)
 *  - "to background": content, popup or options -> the background (`runtime.sendMessage`)
 *
 * Settings and own entries have one writer, the background (src/background/settings-service.ts). Every other
 * context gets a validated snapshot (`getSnapshot`) and asks for each change by a request named for what the
 * person did (`dontMark`, `setSiteOn`, `changeSettings` from the options page, `changeUserGlossary` for one
 * own-entry edit, `saveData` for import/reset/undo). How contexts learn of a change: `storage.onChanged` on the
 * settings keys, used only as a "changed, ask again" ping (storage-keys.ts `isSnapshotKey`) — it reaches every frame and extension page without the
 * background having to enumerate tabs and frames, and a sync from another device pings the same way.
 *
 * Page terms across frames (why the background keeps a map): `tabs.sendMessage(tabId, msg)` without a frameId
 * reaches every frame but resolves with the FIRST reply only, so a popup asking the tab directly would miss the
 * terms of iframes; enumerating frames needs the `webNavigation` permission, which we do not want. Instead every
 * frame's content script reports its own terms with `pageTermsChanged` (on first scan and whenever they change);
 * the background keys them by `sender.frameId` in a per-tab map (dropped when the tab starts loading a new page
 * or closes, mirrored to `storage.session` so an idle-killed service worker does not forget it). The toolbar
 * badge and the popup's "On this page" (`getPageTerms`) both read that one map. A frame id learnt from a report
 * is then used to target that frame (`revealTerm` with `frameId`), which needs no extra permission.
 */
import { isSettings } from '../core/settings/read-settings.js';
import { DEFAULT_SETTINGS, isSitePattern, type Settings } from '../core/settings/schema.js';
import type { Snapshot, StorageState } from '../core/settings/settings-service.js';
import { isUserGlossaryShape, type UserGlossary } from '../core/user-glossary.js';
import { isUserGlossaryChange, type UserGlossaryChange } from '../core/user-glossary-change.js';
import { isCount, isEntryId, isRecord, isShortString, onlyKeys } from './guards.js';
import { type BootState, isBootStateReply, isBootStateRequest, isPageTerm, isPageTermList, isPrefilterReply, MAX_PAGE_TEXT, TO_CONTENT_VALIDATORS, type SenderKind } from './protocol-bootstrap.js';
import { isSnapshotReply } from './snapshot-reply.js';
import { isDetailIds, isEntryDetails, MAX_DETAIL_IDS } from './glossary-json.js';
import type { EntryDetails } from '../core/page-glossary.js';
import { isGlossaryDraftShape, STORED_ID, BUNDLED_ID, QUOTE_TARGET, type GlossaryDraft, type GlossarySummary, type StoredGlossary } from '../core/glossary-draft.js';

export interface PageTerm {
  id: string;
  /** Marked occurrences on the page (all frames that answered). */
  count: number;
}

/** A term on a tab, summed over its frames, with the frames that have it (first: the top frame if it has it). */
export interface TabTerm extends PageTerm {
  frameIds: number[];
}

/** What the context-menu lookup hands to the popup when it could not show a card in the page. */
export interface PendingLookup {
  /** The selected text (shown in the search box). */
  query: string;
  /** The entry the lookup resolved to, or null when nothing matched ("no entry for …"). */
  entryId: string | null;
}

/**
 * The reply of a change request once it is stored. A handler that fails answers null (messaging.ts `handle`), so
 * the asker can tell "saved" from "not saved" (settings-client.ts `requestChange` rejects on null).
 */
interface Done {
  ok: true;
}

/** A keyboard command (manifest `commands`) and its shortcut as the browser shows it. */
interface Shortcut {
  command: 'next-term' | 'previous-term';
  keys: string;
}

/** A part of the settings to replace: top-level fields only, each complete (see `changeSettings`). */
export type SettingsPatch = Partial<Omit<Settings, 'version'>>;

interface ProtocolMap {
  /** to background: liveness check (tests, popup start-up); replies with the manifest version. */
  ping: { request: Record<string, never>; reply: { version: string } };
  /** to content: which terms are marked on this page, and the site as the content script sees it. */
  listPageTerms: { request: Record<string, never>; reply: { host: string; active: boolean; terms: PageTerm[] } };
  /** to content: scroll to the next occurrence of an entry after the last revealed one, flash it. */
  revealTerm: { request: { id: string }; reply: { found: boolean } };
  /** to content: open the card for an entry (context-menu lookup), near the selection or centred. */
  openCard: { request: { id: string }; reply: { shown: boolean } };
  /** to content: keyboard command — move to the next/previous marked term and open its card. */
  navigateTerm: { request: { direction: 'next' | 'previous' }; reply: { id: string | null } };
  /**
   * to background: a frame's current count of distinct marked terms. `terms` (the distinct entries with their
   * occurrence counts in this frame) and `active` (is marking on for this frame's site) are optional for
   * compatibility; with `terms` the badge counts distinct entries over all frames and the popup can list them.
   */
  pageTermsChanged: { request: { count: number; terms?: PageTerm[]; active?: boolean }; reply: null };
  /** to background: open the extension's report reader at a sentence (`p3s2`) from a card link in a page. */
  openReader: { request: { anchor: string | null }; reply: null };
  /** to background: open the options page. */
  openOptions: { request: { addTerm?: string }; reply: null };
  /**
   * to background (extension pages only): the terms marked on a tab, summed over its frames (see the header).
   * `host` is the top frame's host as the background last saw it (null: unknown), `active` whether marking is on
   * there (null: no frame reported). When no frame has reported yet the background asks the tab (`listPageTerms`).
   */
  getPageTerms: {
    request: { tabId: number };
    reply: { host: string | null; active: boolean | null; terms: TabTerm[] };
  };
  /**
   * to background: the keyboard shortcuts as the browser has them now (`commands.getAll`: the user may have changed
   * them), for the card's Actions menu (issue 12 d3). `keys` is '' when a command has no shortcut.
   */
  getShortcuts: { request: Record<string, never>; reply: { shortcuts: Shortcut[] } };
  /** to background (extension pages only): the popup, on open, takes the context-menu lookup waiting for it. */
  takePendingLookup: { request: Record<string, never>; reply: PendingLookup | null };
  /**
   * to background: the page glossary (src/core/page-glossary.ts: matcher, entry ids, names, categories; no card
   * text), which content scripts do not bundle (issue 10). Asked once per eligible frame, as JSON text made once per
   * change (issue 14: Chrome's conversion of a message object into the page's world cost far more than one
   * JSON.parse of the same data). The receiver reads it with parseGlossaryJson.
   * With `text` (a content frame's page text), only the entries that text may name (src/core/page-subset.ts), the
   * reply `partial`; with `have` too (the entries the frame's glossary holds with their terms), '' when the text
   * names nothing outside them, else the widened glossary (issue 14: the page's matcher scales with its own terms).
   */
  getGlossary: { request: { text?: string; have?: string[] }; reply: { json: string; partial?: boolean } };
  /** to background (extension pages: popup search and cards): the whole merged glossary, as getGlossary's JSON. */
  getFullGlossary: { request: Record<string, never>; reply: { json: string } };
  /** to background: the card text of entries of the page glossary (a card opening: its entry and related ones). */
  getEntryDetails: { request: { ids: string[] }; reply: { entries: EntryDetails[] } };
  /** to background: the settings and own entries, read field by field (and repaired once) by the background. */
  getSnapshot: { request: Record<string, never>; reply: Snapshot };
  /** to background (the content bootstrap): what a frame needs of the settings before it reads its page (issue 13). */
  getBootState: { request: { host: string; top: boolean }; reply: BootState };
  /** to background (extension pages): where settings are stored and the parts that could not be read. */
  getStorageState: { request: Record<string, never>; reply: StorageState };
  /** to background (extension pages): drop a kept corrupt copy ("discard" in the options page). */
  clearCorruptCopy: { request: { which: 'settings' | 'userGlossary' }; reply: Done };
  /** to background: the card's "not this meaning on this site" (a content script may only name its own site). */
  notThisMeaning: { request: { site: string; entry: string; undo?: boolean }; reply: Done };
  /** to background: the card's "don't mark this term". */
  dontMark: { request: { entry: string; undo?: boolean }; reply: Done };
  /** to background (extension pages): the popup's site switch, computed over the stored settings. */
  setSiteOn: { request: { host: string; on: boolean }; reply: Done };
  /**
   * to background (extension pages): options edits and the popup's pause. Replaces the named top-level fields
   * over the stored settings (another context's change to another field is not lost). Replies the result.
   */
  changeSettings: { request: { patch: SettingsPatch }; reply: { settings: Settings } };
  /** to background (extension pages): import, reset and undo: replace either value whole. */
  saveData: { request: { settings?: Settings; userGlossary?: UserGlossary }; reply: Done };
  /**
   * to background (extension pages): one own-entry edit (add/replace, delete, set or reset an override), applied
   * to what is stored now, so two pages editing different entries keep both edits. Replies the result.
   */
  changeUserGlossary: { request: { change: UserGlossaryChange }; reply: { userGlossary: UserGlossary } };

  /* ---- made glossaries (issue 14; src/background/glossary-service.ts is their one writer) ---- */
  /** to background (extension pages): every glossary, the bundled one first, without report text. */
  listGlossaries: { request: Record<string, never>; reply: { glossaries: GlossarySummary[] } };
  /** to background (extension pages): compile a reviewed draft with the bundled glossary's compiler and store it. */
  saveGlossary: {
    request: { draft: GlossaryDraft };
    reply: { ok: true; id: string; dropped: string[] } | { ok: false; errors: string[] };
  };
  /** to background (extension pages): turn one glossary (the bundled one included) on or off. */
  setGlossaryEnabled: { request: { id: string; enabled: boolean }; reply: Done };
  /** to background (extension pages): delete a made glossary (the bundled one cannot be deleted). */
  deleteGlossary: { request: { id: string }; reply: Done };
  /** to background (extension pages): one made glossary whole (reader page, export). */
  getStoredGlossary: { request: { id: string }; reply: { glossary: StoredGlossary | null } };
  /**
   * to content (extension pages, on the user's "Make a glossary from this page" only): the top frame's HTML and
   * address. The content script is already there; asking it needs no new permission (activeTab/scripting would).
   */
  getPageHtml: { request: Record<string, never>; reply: { html: string; url: string; title: string } };
  /**
   * to content (every frame of every tab, from the background): the settings or own entries (`settings`) or the
   * glossaries (`glossary`) changed: ask again. Issue 13: instead of a `storage.onChanged` listener in every frame
   * (the storage API's bindings made and a listener registered in each page load; src/background/frame-notices.ts).
   */
  stateChanged: { request: { settings: boolean; glossary: boolean }; reply: null };
  /**
   * to background (perf, issue 13): could the glossary a page would get now (the merged glossaries plus own entries)
   * mark anything in this page text? The page prefilter (src/core/prefilter.ts) runs in the background, where its
   * RegExp is compiled once, not in every page load (that compile was 8-9 ms of each page's main thread). `maybe` is
   * also true when the glossary cannot be prefiltered. The content script's bootstrap loads the engine only on true.
   */
  /**
   * `active`: a "no" also records the sending frame as eligible and marking nothing, as `pageTermsChanged {count: 0,
   * active: true}` would (issue 13: one message fewer on every frame with nothing to mark).
   */
  /** `glossary`: `text` is the frame's whole text; a "maybe" brings getGlossary({text})'s answer (issue 13: one round
   *  trip and one copy of the text fewer before the first mark). */
  testPrefilter: { request: { text: string; active?: true; glossary?: true }; reply: { maybe: boolean; glossary?: { json: string; partial?: boolean } } };
}

export type MessageType = keyof ProtocolMap;
export type Request<T extends MessageType> = ProtocolMap[T]['request'];
export type Reply<T extends MessageType> = ProtocolMap[T]['reply'];
export type Message = { [T in MessageType]: { type: T; payload: Request<T> } }[MessageType];

export type { SenderKind } from './protocol-bootstrap.js';

/**
 * Which contexts may send each message. A content script runs in hostile pages' processes: it must not be able
 * to ask for things only our own pages do (another tab's terms, the pending lookup).
 */
export const ALLOWED_SENDERS: { [T in MessageType]: readonly SenderKind[] } = {
  ping: ['content', 'extension'],
  listPageTerms: ['extension'],
  revealTerm: ['extension'],
  openCard: ['extension'],
  navigateTerm: ['extension'],
  pageTermsChanged: ['content'],
  openReader: ['content', 'extension'],
  openOptions: ['content', 'extension'],
  getPageTerms: ['extension'],
  takePendingLookup: ['extension'],
  getShortcuts: ['content', 'extension'],
  getGlossary: ['content', 'extension'],
  getFullGlossary: ['extension'],
  getEntryDetails: ['content', 'extension'],
  getSnapshot: ['content', 'extension'],
  getBootState: ['content', 'extension'],
  getStorageState: ['extension'],
  clearCorruptCopy: ['extension'],
  notThisMeaning: ['content', 'extension'],
  dontMark: ['content', 'extension'],
  setSiteOn: ['extension'],
  changeSettings: ['extension'],
  saveData: ['extension'],
  changeUserGlossary: ['extension'],
  listGlossaries: ['extension'],
  saveGlossary: ['extension'],
  setGlossaryEnabled: ['extension'],
  deleteGlossary: ['extension'],
  getStoredGlossary: ['extension'],
  getPageHtml: ['extension'],
  stateChanged: ['extension'],
  testPrefilter: ['content', 'extension'],
};

export function senderAllowed(type: MessageType, kind: SenderKind): boolean {
  return ALLOWED_SENDERS[type].includes(kind);
}

/** Validators per message type: payload shape only; senders are checked by the receiver (`senderAllowed`). */
const VALIDATORS: { [T in MessageType]: (p: Record<string, unknown>) => boolean } = {
  ping: (p) => Object.keys(p).length === 0,
  ...TO_CONTENT_VALIDATORS,
  pageTermsChanged: (p) =>
    onlyKeys(p, ['count', 'terms', 'active']) &&
    isCount(p.count) &&
    (p.terms === undefined || (isPageTermList(p.terms) && (p.terms as unknown[]).length === p.count)) &&
    (p.active === undefined || typeof p.active === 'boolean'),
  openReader: (p) =>
    onlyKeys(p, ['anchor']) && (p.anchor === null || (typeof p.anchor === 'string' && QUOTE_TARGET.test(p.anchor))),
  openOptions: (p) => onlyKeys(p, ['addTerm']) && (p.addTerm === undefined || isShortString(p.addTerm, 200)),
  getPageTerms: (p) => onlyKeys(p, ['tabId']) && Number.isSafeInteger(p.tabId) && (p.tabId as number) >= 0,
  takePendingLookup: (p) => Object.keys(p).length === 0,
  getShortcuts: (p) => Object.keys(p).length === 0,
  getGlossary: (p) =>
    onlyKeys(p, ['text', 'have']) &&
    (p.text === undefined || (typeof p.text === 'string' && p.text.length <= MAX_PAGE_TEXT)) &&
    (p.have === undefined || (p.text !== undefined && Array.isArray(p.have) && p.have.length <= MAX_HAVE_IDS && p.have.every(isEntryId))),
  getFullGlossary: (p) => Object.keys(p).length === 0,
  getEntryDetails: (p) => onlyKeys(p, ['ids']) && isDetailIds(p.ids),
  getSnapshot: (p) => Object.keys(p).length === 0,
  getBootState: isBootStateRequest,
  getStorageState: (p) => Object.keys(p).length === 0,
  clearCorruptCopy: (p) => onlyKeys(p, ['which']) && (p.which === 'settings' || p.which === 'userGlossary'),
  notThisMeaning: (p) =>
    onlyKeys(p, ['site', 'entry', 'undo']) && isSitePattern(p.site) && isEntryId(p.entry) && (p.undo === undefined || typeof p.undo === 'boolean'),
  dontMark: (p) => onlyKeys(p, ['entry', 'undo']) && isEntryId(p.entry) && (p.undo === undefined || typeof p.undo === 'boolean'),
  setSiteOn: (p) => onlyKeys(p, ['host', 'on']) && isSitePattern(p.host) && typeof p.on === 'boolean',
  changeSettings: (p) => onlyKeys(p, ['patch']) && isSettingsPatch(p.patch),
  saveData: (p) =>
    onlyKeys(p, ['settings', 'userGlossary']) &&
    (p.settings === undefined || isSettings(p.settings)) &&
    (p.userGlossary === undefined || isUserGlossaryShape(p.userGlossary)),
  changeUserGlossary: (p) => onlyKeys(p, ['change']) && isUserGlossaryChange(p.change),
  listGlossaries: (p) => Object.keys(p).length === 0,
  saveGlossary: (p) => onlyKeys(p, ['draft']) && isGlossaryDraftShape(p.draft),
  setGlossaryEnabled: (p) => onlyKeys(p, ['id', 'enabled']) && isGlossaryId(p.id) && typeof p.enabled === 'boolean',
  deleteGlossary: (p) => onlyKeys(p, ['id']) && typeof p.id === 'string' && STORED_ID.test(p.id),
  getStoredGlossary: (p) => onlyKeys(p, ['id']) && typeof p.id === 'string' && STORED_ID.test(p.id),
  testPrefilter: (p) =>
    onlyKeys(p, ['text', 'active', 'glossary']) && typeof p.text === 'string' && p.text.length <= MAX_PAGE_TEXT &&
    (p.active === undefined || p.active === true) && (p.glossary === undefined || p.glossary === true),
};

const isGlossaryId = (v: unknown): v is string => typeof v === 'string' && (v === BUNDLED_ID || STORED_ID.test(v));
const isSummary = (v: unknown): boolean =>
  isRecord(v) &&
  isGlossaryId(v.id) &&
  ['title', 'date', 'publisher', 'source'].every((k) => typeof v[k] === 'string') &&
  typeof v.enabled === 'boolean' &&
  typeof v.builtIn === 'boolean' &&
  isCount(v.entries);
const isStringList = (v: unknown): boolean => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** A patch is valid when the stored defaults with it applied are valid Settings (each field checked as stored). */
function isSettingsPatch(v: unknown): boolean {
  if (!isRecord(v) || Object.keys(v).length === 0 || Object.hasOwn(v, 'version')) return false;
  const known = Object.keys(DEFAULT_SETTINGS);
  return Object.keys(v).every((k) => known.includes(k)) && isSettings({ ...DEFAULT_SETTINGS, ...v });
}

const isDone = (r: unknown): boolean => isRecord(r) && r.ok === true;
/** Most entry ids a widening `getGlossary` names (far above five glossaries of 200 terms and the bundled one). */
const MAX_HAVE_IDS = 50_000;

const isJsonReply = (r: unknown): boolean => isRecord(r) && onlyKeys(r, ['json']) && typeof r.json === 'string';
const isGlossaryReply = (r: unknown): boolean =>
  isRecord(r) && onlyKeys(r, ['json', 'partial']) && typeof r.json === 'string' && (r.partial === undefined || typeof r.partial === 'boolean');

/** Returns the message if it is one of ours and well-formed, else null (the caller logs and ignores it). */
export function parseMessage(raw: unknown): Message | null {
  if (!isRecord(raw) || typeof raw.type !== 'string' || !Object.hasOwn(VALIDATORS, raw.type)) return null;
  const payload = raw.payload;
  if (!isRecord(payload)) return null;
  const validate = VALIDATORS[raw.type as MessageType];
  return validate(payload) ? ({ type: raw.type, payload } as Message) : null;
}

/** Builds a message of a type with its request payload (typed at the call site). */
export function message<T extends MessageType>(type: T, payload: Request<T>): { type: T; payload: Request<T> } {
  return { type, payload };
}

/* ------------------------------------------------------------------ replies (validated by the asker) */

const isHost = (v: unknown): v is string => typeof v === 'string' && v.length <= 253;

/** Reply validators for the replies whose data we render or act on; the others are checked where used. */
const REPLY_VALIDATORS: { [T in MessageType]?: (r: unknown) => boolean } = {
  ping: (r) => isRecord(r) && typeof r.version === 'string',
  listPageTerms: (r) =>
    isRecord(r) && isHost(r.host) && typeof r.active === 'boolean' && Array.isArray(r.terms) && r.terms.every(isPageTerm),
  revealTerm: (r) => isRecord(r) && typeof r.found === 'boolean',
  openCard: (r) => isRecord(r) && typeof r.shown === 'boolean',
  navigateTerm: (r) => isRecord(r) && (r.id === null || isEntryId(r.id)),
  getPageTerms: (r) =>
    isRecord(r) &&
    (r.host === null || isHost(r.host)) &&
    (r.active === null || typeof r.active === 'boolean') &&
    Array.isArray(r.terms) &&
    r.terms.every(
      (t: unknown) =>
        isRecord(t) && isEntryId(t.id) && isCount(t.count) && Array.isArray(t.frameIds) && t.frameIds.every(Number.isSafeInteger),
    ),
  takePendingLookup: (r) =>
    r === null || (isRecord(r) && isShortString(r.query, 500) && (r.entryId === null || isEntryId(r.entryId))),
  getGlossary: isGlossaryReply,
  getFullGlossary: isJsonReply,
  getEntryDetails: (r) => isRecord(r) && onlyKeys(r, ['entries']) && Array.isArray(r.entries) && r.entries.length <= MAX_DETAIL_IDS && r.entries.every(isEntryDetails),
  getSnapshot: isSnapshotReply,
  getBootState: isBootStateReply,
  getShortcuts: (r) =>
    isRecord(r) &&
    Array.isArray(r.shortcuts) &&
    r.shortcuts.length <= 10 &&
    r.shortcuts.every(
      (x: unknown) =>
        isRecord(x) && (x.command === 'next-term' || x.command === 'previous-term') && typeof x.keys === 'string' && x.keys.length <= 60,
    ),
  getStorageState: (r) =>
    isRecord(r) &&
    isRecord(r.storage) &&
    (r.storage.area === 'sync' || r.storage.area === 'local') &&
    isCount(r.storage.chunks) &&
    Number.isSafeInteger(r.storage.bytes) &&
    isRecord(r.corrupt) &&
    [r.corrupt.settings, r.corrupt.userGlossary].every(
      (c) => c === null || (isRecord(c) && typeof c.savedAt === 'string' && typeof c.error === 'string'),
    ),
  changeSettings: (r) => isRecord(r) && isSettings(r.settings),
  clearCorruptCopy: isDone,
  notThisMeaning: isDone,
  dontMark: isDone,
  setSiteOn: isDone,
  saveData: isDone,
  changeUserGlossary: (r) => isRecord(r) && onlyKeys(r, ['userGlossary']) && isUserGlossaryShape(r.userGlossary),
  listGlossaries: (r) => isRecord(r) && Array.isArray(r.glossaries) && r.glossaries.every(isSummary),
  saveGlossary: (r) =>
    isRecord(r) && (r.ok === true ? isGlossaryId(r.id) && isStringList(r.dropped) : r.ok === false && isStringList(r.errors)),
  setGlossaryEnabled: isDone,
  deleteGlossary: isDone,
  getStoredGlossary: (r) =>
    isRecord(r) &&
    (r.glossary === null ||
      (isRecord(r.glossary) && isGlossaryId(r.glossary.id) && isGlossaryDraftShape({ meta: r.glossary.meta, paragraphs: r.glossary.paragraphs, entries: r.glossary.entries }) && isRecord(r.glossary.compiled))),
  getPageHtml: (r) => isRecord(r) && typeof r.html === 'string' && typeof r.url === 'string' && typeof r.title === 'string',
  testPrefilter: (r) => isPrefilterReply(r) && isRecord(r) && (r.glossary === undefined || isGlossaryReply(r.glossary)),
};

/** Returns the reply if well-formed for its type (types without a validator: anything), else null. */
export function parseReply<T extends MessageType>(type: T, raw: unknown): Reply<T> | null {
  const validate = REPLY_VALIDATORS[type];
  if (!validate) return (raw ?? null) as Reply<T>;
  return validate(raw) ? (raw as Reply<T>) : null;
}
