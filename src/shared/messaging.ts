/**
 * Typed messaging over the one protocol map (protocol.ts): senders get typed, validated replies; receivers
 * register a typed handler map with `handle`, which validates every message (`parseMessage`), checks who sent it
 * (`senderAllowed`), and logs and ignores anything else. No context calls `runtime.onMessage` directly.
 */
import { browser, type Runtime } from './browser.js';
import {
  message,
  parseMessage,
  parseReply,
  senderAllowed,
  type MessageType,
  type Reply,
  type Request,
  type SenderKind,
} from './protocol.js';
import { BadReplyError, senderKindOf } from './protocol-bootstrap.js';

export { BadReplyError };

const LOG_PREFIX = '[context-glossary]';

/** Sends a message to the background and resolves with its validated reply. */
export async function sendToBackground<T extends MessageType>(type: T, payload: Request<T>): Promise<Reply<T>> {
  const raw: unknown = await browser.runtime.sendMessage(message(type, payload));
  return validReply(type, raw);
}

/**
 * A reply received some other way checked as sendToBackground checks it (the content bootstrap's early `getGlossary`,
 * src/content/index.ts, handed to engine.js unread): the reply, or null for none; throws BadReplyError if malformed.
 */
export function validReply<T extends MessageType>(type: T, raw: unknown): Reply<T> {
  const reply = parseReply(type, raw);
  if (reply === null && raw !== null && raw !== undefined) throw new BadReplyError(type);
  return reply as Reply<T>;
}

/**
 * Sends a message to a tab's content script: to one frame when `frameId` is given, else to every frame, where
 * the first frame to answer wins (the browser's rule). Rejects when no content script listens (restricted page,
 * site not injected) — callers treat that as "nothing there".
 */
export async function sendToTab<T extends MessageType>(
  tabId: number,
  type: T,
  payload: Request<T>,
  frameId?: number,
): Promise<Reply<T>> {
  const options = frameId === undefined ? undefined : { frameId };
  const raw: unknown = await browser.tabs.sendMessage(tabId, message(type, payload), options);
  const reply = parseReply(type, raw);
  if (reply === null && raw !== null && raw !== undefined) throw new BadReplyError(type);
  return reply as Reply<T>;
}

/** Classifies a sender (protocol-bootstrap.ts `senderKindOf` says how); another extension is null. */
export function senderKind(sender: Runtime.MessageSender): SenderKind | null {
  return senderKindOf(sender, browser.runtime.id, browser.runtime.getURL(''));
}

type Handler<T extends MessageType> = (
  payload: Request<T>,
  sender: Runtime.MessageSender,
) => Reply<T> | Promise<Reply<T>>;
export type HandlerMap = { [T in MessageType]?: Handler<T> };

/** Hook for tests and diagnostics: every ignored message passes through here. */
function logIgnored(reason: string, raw: unknown): void {
  console.warn(`${LOG_PREFIX} ignored message (${reason})`, raw);
}

/**
 * Registers the receiver for this context. Message types absent from `map` are left for other listeners (return
 * undefined, so the browser does not treat them as answered); malformed messages and unexpected senders are
 * logged and ignored. Returns a function that removes the listener.
 */
export function handle(map: HandlerMap): () => void {
  const listener = (raw: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => {
    const msg = parseMessage(raw);
    if (!msg) {
      logIgnored('malformed or unknown', raw);
      return undefined;
    }
    const handler = map[msg.type] as Handler<typeof msg.type> | undefined;
    if (!handler) return undefined;
    const kind = senderKind(sender);
    if (kind === null || !senderAllowed(msg.type, kind)) {
      logIgnored(`sender not allowed for "${msg.type}"`, raw);
      return undefined;
    }
    try {
      // Replies are always promises: the polyfill then answers asynchronously in both browsers.
      return Promise.resolve(handler(msg.payload as never, sender)).catch((err: unknown) => {
        console.error(`${LOG_PREFIX} handler for "${msg.type}" failed`, err);
        return null;
      });
    } catch (err) {
      console.error(`${LOG_PREFIX} handler for "${msg.type}" failed`, err);
      return Promise.resolve(null);
    }
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
