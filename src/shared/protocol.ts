/**
 * Every message between extension contexts, in one map: `{ type: { request, reply } }` (Yomitan style).
 * Receivers validate with `parseMessage` before acting; unknown or malformed messages are ignored and logged.
 *
 * Directions:
 *  - "to content": background or popup -> a tab's content script (`tabs.sendMessage`)
 *  - "to background": content, popup or options -> the background (`runtime.sendMessage`)
 * Settings changes need no message: every context listens to `storage.onChanged`.
 */

export interface PageTerm {
  id: string;
  /** Marked occurrences on the page (all frames that answered). */
  count: number;
}

export interface ProtocolMap {
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
  /** to background: the content script's current count of distinct marked terms (for the toolbar badge). */
  pageTermsChanged: { request: { count: number }; reply: null };
  /** to background: open the extension's report reader at a sentence (`p3s2`) from a card link in a page. */
  openReader: { request: { anchor: string | null }; reply: null };
  /** to background: open the options page. */
  openOptions: { request: { addTerm?: string }; reply: null };
}

export type MessageType = keyof ProtocolMap;
export type Request<T extends MessageType> = ProtocolMap[T]['request'];
export type Reply<T extends MessageType> = ProtocolMap[T]['reply'];
export type Message = { [T in MessageType]: { type: T; payload: Request<T> } }[MessageType];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isShortString = (v: unknown, max = 200): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;
const ENTRY_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
const isEntryId = (v: unknown): v is string => typeof v === 'string' && ENTRY_ID.test(v);

/** Validators per message type: payload shape only; senders are checked by the receiver (see receivers). */
const VALIDATORS: { [T in MessageType]: (p: Record<string, unknown>) => boolean } = {
  ping: (p) => Object.keys(p).length === 0,
  listPageTerms: (p) => Object.keys(p).length === 0,
  revealTerm: (p) => isEntryId(p.id),
  openCard: (p) => isEntryId(p.id),
  navigateTerm: (p) => p.direction === 'next' || p.direction === 'previous',
  pageTermsChanged: (p) => Number.isInteger(p.count) && (p.count as number) >= 0 && (p.count as number) < 1e6,
  openReader: (p) => p.anchor === null || (typeof p.anchor === 'string' && /^p\d{1,3}s\d{1,3}$/.test(p.anchor)),
  openOptions: (p) => p.addTerm === undefined || isShortString(p.addTerm, 200),
};

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
