/**
 * The part of the protocol the content bootstrap (src/content/index.ts) speaks, split from protocol.ts so that
 * content.js — evaluated in every frame of every page — bundles only these checks and not the validators of every
 * other message (made glossaries, settings patches, own-entry edits; issue 13: compiling and running them was part
 * of the 8 ms one settings snapshot cost a page). protocol.ts uses the same functions in its maps: one definition.
 * Pure: no browser API.
 */
import { isCount, isEntryId, isRecord, onlyKeys } from './guards.js';

/**
 * The longest page text `testPrefilter` carries (characters): far above any real page, under Chrome's 64 MiB message
 * limit once JSON-encoded. A frame with more text loads the engine without asking.
 */
export const MAX_PAGE_TEXT = 16_000_000;

const MAX_TERMS = 5000;

/** Thrown when the other side answered with something that is not a well-formed reply of that type. */
export class BadReplyError extends Error {
  constructor(type: string) {
    super(`malformed reply to "${type}"`);
    this.name = 'BadReplyError';
  }
}

/** Who sent a message, as the receiver classifies `runtime.MessageSender` (see `senderKindOf`). */
export type SenderKind = 'content' | 'extension';

/** The fields of `runtime.MessageSender` the classification reads (both the polyfill's and the native type fit). */
export interface SenderFields {
  id?: string;
  url?: string;
  tab?: unknown;
}

/**
 * Classifies a sender. Our own pages (popup, options, reader, the background) have URLs under the extension's
 * origin (`origin`: `runtime.getURL('')`) — also when opened in a tab, where `sender.tab` is set too (Firefox), so
 * the URL is checked first; anything else with a tab is a content script in a web page. A sender from another
 * extension (`sender.id` is not `ownId`) is null.
 */
export function senderKindOf(sender: SenderFields, ownId: string, origin: string): SenderKind | null {
  if (sender.id !== ownId) return null;
  if (typeof sender.url === 'string' && sender.url.startsWith(origin)) return 'extension';
  if (sender.tab) return 'content';
  // Messages from the background to a content script carry no tab; in Chrome they carry the worker's URL.
  return 'extension';
}

export const isPageTerm = (v: unknown): boolean =>
  isRecord(v) && onlyKeys(v, ['id', 'count']) && isEntryId(v.id) && isCount(v.count) && (v.count as number) > 0;

/** A list of distinct terms (no id twice). */
export const isPageTermList = (v: unknown): boolean => {
  if (!Array.isArray(v) || v.length > MAX_TERMS || !v.every(isPageTerm)) return false;
  return new Set(v.map((t: { id: string }) => t.id)).size === v.length;
};

const empty = (p: Record<string, unknown>) => Object.keys(p).length === 0;

/**
 * Payload validators of the messages sent to a content script (`tabs.sendMessage`), all from extension contexts only
 * (protocol.ts `ALLOWED_SENDERS` says the same for the other receivers).
 */
export const TO_CONTENT_VALIDATORS = {
  listPageTerms: empty,
  revealTerm: (p: Record<string, unknown>) => onlyKeys(p, ['id']) && isEntryId(p.id),
  openCard: (p: Record<string, unknown>) => onlyKeys(p, ['id']) && isEntryId(p.id),
  navigateTerm: (p: Record<string, unknown>) => onlyKeys(p, ['direction']) && (p.direction === 'next' || p.direction === 'previous'),
  getPageHtml: empty,
  // From the background, after settings, own entries (`settings`) or the glossaries (`glossary`) changed.
  stateChanged: (p: Record<string, unknown>) => onlyKeys(p, ['settings', 'glossary']) && typeof p.settings === 'boolean' && typeof p.glossary === 'boolean',
};
export type ToContentType = keyof typeof TO_CONTENT_VALIDATORS;

/** A message to a content script if it is one of those and well-formed, else null. */
export function parseToContent(raw: unknown): { type: ToContentType; payload: Record<string, unknown> } | null {
  if (!isRecord(raw) || typeof raw.type !== 'string' || !Object.hasOwn(TO_CONTENT_VALIDATORS, raw.type)) return null;
  const payload = raw.payload;
  if (!isRecord(payload)) return null;
  const type = raw.type as ToContentType;
  return TO_CONTENT_VALIDATORS[type](payload) ? { type, payload } : null;
}

/**
 * What the bootstrap needs of the settings before it reads a page (issue 13): the background decides from the
 * snapshot whether this frame's site is on (global pause, allow/deny lists, iframes), and says which page languages
 * to mark and a key of the own entries (they change what may hit); the frame adds what only its document knows
 * (src/content/eligibility.ts). The whole snapshot, and the code that validates it, is asked for only by a frame
 * that loads the engine (getSnapshot, src/shared/snapshot-reply.ts).
 */
export interface BootState {
  /** The site is on for this frame: not paused, not denied, listed when only listed sites are, iframes allowed. */
  on: boolean;
  /** `settings.sites.languages`. */
  languages: 'glossary' | 'all';
  /** A key of the own entries (changes when they do); not their content. */
  user: string;
}

/** The longest host `getBootState` carries (a DNS name is at most 253 characters). */
const MAX_HOST = 253;

/** The `getBootState` request: the frame's site (frameHost: an about:blank frame's is its creator's) and whether it is the top frame. */
export const isBootStateRequest = (p: Record<string, unknown>): boolean =>
  onlyKeys(p, ['host', 'top']) && typeof p.host === 'string' && p.host.length <= MAX_HOST && typeof p.top === 'boolean';

/** The `getBootState` reply. */
export const isBootStateReply = (r: unknown): boolean =>
  isRecord(r) &&
  onlyKeys(r, ['on', 'languages', 'user']) &&
  typeof r.on === 'boolean' &&
  (r.languages === 'glossary' || r.languages === 'all') &&
  typeof r.user === 'string' &&
  r.user.length <= 64;

/**
 * The `testPrefilter` reply. Its `glossary` (asked with `glossary: true`, only with "maybe") is a `getGlossary` reply
 * the bootstrap hands to engine.js unread: engine.js validates it with protocol.ts's getGlossary validator (its
 * code is not in content.js), as it does the bootstrap's own `getGlossary` reply.
 */
export const isPrefilterReply = (r: unknown): boolean =>
  isRecord(r) && onlyKeys(r, ['maybe', 'glossary']) && typeof r.maybe === 'boolean' && (r.glossary === undefined || (r.maybe && isRecord(r.glossary)));
