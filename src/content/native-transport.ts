/**
 * The content bootstrap's own thin transport to the background, over the browser's native API — on purpose not
 * src/shared/messaging.ts. Why: content.js is evaluated in every frame of every page, most of which have nothing to
 * mark (issue 13, "near-zero cost where nothing is marked"). Through the shared stack one settings snapshot cost a page
 * 10-11 ms of main-thread time, ~8 of it compiling and running webextension-polyfill (~10 KB minified, which in
 * Chromium also wraps the whole `chrome` namespace) and the validators of every message of the protocol. Neither is
 * needed here: both browsers' native `runtime.sendMessage` returns a promise in MV3 (Chrome's `chrome`, Firefox's
 * `browser`), and the bootstrap sends and receives only a handful of message types. So this module does not import
 * the polyfill (src/shared/browser.ts stays the one module that does; engine.js and card.js keep using it), and every
 * reply is still validated at receipt, with the few validators it needs (src/shared/protocol-bootstrap.ts, the same
 * functions protocol.ts uses). Behaves as the polyfill does where they differ: Chrome's "message port closed before a
 * response" is an answer of undefined, and the polyfill's rejection marker from a Chrome background is a rejection.
 */
import type { MessageType, Reply, Request } from '../shared/protocol.js';
import { BadReplyError, parseToContent, senderKindOf, type SenderFields, type ToContentType } from '../shared/protocol-bootstrap.js';

interface NativeEvent<L> {
  addListener(listener: L): void;
  removeListener(listener: L): void;
}
type MessageListener = (raw: unknown, sender: SenderFields, sendResponse: (reply: unknown) => void) => boolean | undefined;

/** The part of `chrome` / `browser` the bootstrap uses. */
export interface NativeApi {
  runtime: {
    id: string;
    getURL(path: string): string;
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: NativeEvent<MessageListener>;
  };
}

/**
 * The native namespace: Firefox's (and newer Chromium's) promise-based `browser` when it is the extension's object —
 * the polyfill's own test: a page element with id="browser" is a named property of the window also in Chrome's
 * isolated world, and not a plain object — else Chrome's `chrome` (promises when no callback is passed, MV3).
 */
export function nativeApi(): NativeApi {
  const g = globalThis as unknown as { browser?: unknown; chrome?: unknown };
  const b = g.browser;
  if (typeof b === 'object' && b !== null && Object.getPrototypeOf(b) === Object.prototype && (b as NativeApi).runtime?.id) return b as NativeApi;
  return g.chrome as NativeApi;
}

const LOG_PREFIX = '[context-glossary]';
const PORT_CLOSED = /message port closed before a response was received/i;
const POLYFILL_REJECT = '__mozWebExtensionPolyfillReject__';

type ToContentHandlers = { [T in ToContentType]?: (payload: Request<T>) => Reply<T> };

export interface Transport {
  /** Sends to the background and resolves with the reply if `valid` says it is well-formed (null: none), else rejects. */
  ask<T extends MessageType>(type: T, payload: Request<T>, valid: (raw: unknown) => boolean): Promise<Reply<T> | null>;
  /**
   * Sends to the background and resolves with the raw reply, for a reply this module does not read: none
   * (`pageTermsChanged`), or one handed whole to a module that validates it before any use (`getGlossary`, read by
   * engine.js with protocol.ts's own validator).
   */
  tell<T extends MessageType>(type: T, payload: Request<T>): Promise<unknown>;
  /** Answers the messages sent to this frame (validated, from our extension's pages only); returns the removal. */
  answer(handlers: ToContentHandlers): () => void;
  /** An extension URL (`runtime.getURL`). */
  url(path: string): string;
}

export function createTransport(api: NativeApi): Transport {
  const tell = async (type: MessageType, payload: unknown): Promise<unknown> => {
    let raw: unknown;
    try {
      raw = await api.runtime.sendMessage({ type, payload });
    } catch (err) {
      if (err instanceof Error && PORT_CLOSED.test(err.message)) return undefined;
      throw err;
    }
    if (typeof raw === 'object' && raw !== null && (raw as Record<string, unknown>)[POLYFILL_REJECT] === true) {
      throw new Error(String((raw as Record<string, unknown>).message));
    }
    return raw;
  };
  return {
    tell,
    async ask(type, payload, valid) {
      const raw = await tell(type, payload);
      if (raw === null || raw === undefined) return null;
      if (!valid(raw)) throw new BadReplyError(type);
      return raw as Reply<typeof type>;
    },
    answer(handlers) {
      const listener: MessageListener = (raw, sender, sendResponse) => {
        const msg = parseToContent(raw);
        if (!msg) {
          console.warn(`${LOG_PREFIX} ignored message (malformed or unknown)`, raw);
          return undefined;
        }
        const handler = handlers[msg.type] as ((p: unknown) => unknown) | undefined;
        if (!handler) return undefined; // left for another listener
        // Every message to a content script comes from our own pages or the background (protocol.ts ALLOWED_SENDERS).
        if (senderKindOf(sender, api.runtime.id, api.runtime.getURL('')) !== 'extension') {
          console.warn(`${LOG_PREFIX} ignored message (sender not allowed for "${msg.type}")`, raw);
          return undefined;
        }
        // sendResponse and `true` (an answer to come): the one way that works with both browsers' native onMessage.
        Promise.resolve()
          .then(() => handler(msg.payload))
          .catch((err: unknown) => {
            console.error(`${LOG_PREFIX} handler for "${msg.type}" failed`, err);
            return null;
          })
          .then(sendResponse);
        return true;
      };
      api.runtime.onMessage.addListener(listener);
      return () => api.runtime.onMessage.removeListener(listener);
    },
    url: (path) => api.runtime.getURL(path),
  };
}
