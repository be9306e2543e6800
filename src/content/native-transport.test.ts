// The content bootstrap's thin transport over the native API: replies validated at receipt, Chrome's and the
// polyfill's answers read as the polyfill reads them, and only well-formed messages from our own pages answered.
import { describe, expect, it, vi } from 'vitest';
import { BadReplyError, isPrefilterReply } from '../shared/protocol-bootstrap.js';
import { createTransport, nativeApi, type NativeApi } from './native-transport.js';

type Listener = Parameters<NativeApi['runtime']['onMessage']['addListener']>[0];

function fakeApi(reply: () => Promise<unknown>) {
  const listeners: Listener[] = [];
  const sent: unknown[] = [];
  const api: NativeApi = {
    runtime: {
      id: 'our-id',
      getURL: (p) => `chrome-extension://our-id/${p}`,
      sendMessage: (m) => {
        sent.push(m);
        return reply();
      },
      onMessage: { addListener: (l) => listeners.push(l), removeListener: (l) => listeners.splice(listeners.indexOf(l), 1) },
    },
  };
  return { api, listeners, sent };
}

const fromBackground = { id: 'our-id', url: 'chrome-extension://our-id/background.js' };
const fromPage = { id: 'our-id', url: 'https://news.example/', tab: { id: 1 } };
const fromOther = { id: 'someone-else' };

describe('native transport: asking the background', () => {
  it('sends { type, payload } and resolves with a well-formed reply', async () => {
    const { api, sent } = fakeApi(async () => ({ maybe: false }));
    const t = createTransport(api);
    await expect(t.ask('testPrefilter', { text: 'x' }, isPrefilterReply)).resolves.toEqual({ maybe: false });
    expect(sent).toEqual([{ type: 'testPrefilter', payload: { text: 'x' } }]);
  });

  it('rejects a malformed reply, resolves null for none', async () => {
    await expect(createTransport(fakeApi(async () => ({ maybe: 'yes' })).api).ask('testPrefilter', { text: 'x' }, isPrefilterReply)).rejects.toBeInstanceOf(
      BadReplyError,
    );
    await expect(createTransport(fakeApi(async () => undefined).api).ask('testPrefilter', { text: 'x' }, isPrefilterReply)).resolves.toBeNull();
  });

  it('reads Chrome\'s "port closed" as no answer and the polyfill\'s rejection marker as a rejection, as the polyfill does', async () => {
    const closed = fakeApi(async () => {
      throw new Error('The message port closed before a response was received.');
    });
    await expect(createTransport(closed.api).tell('pageTermsChanged', { count: 0 })).resolves.toBeUndefined();
    const marker = fakeApi(async () => ({ __mozWebExtensionPolyfillReject__: true, message: 'handler threw' }));
    await expect(createTransport(marker.api).tell('pageTermsChanged', { count: 0 })).rejects.toThrow('handler threw');
    const none = fakeApi(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    await expect(createTransport(none.api).tell('getSnapshot', {})).rejects.toThrow(/receiving end/i);
  });
});

describe('native transport: answering messages to this frame', () => {
  it('answers well-formed messages from our extension through sendResponse', async () => {
    const { api, listeners } = fakeApi(async () => null);
    const revealTerm = vi.fn(() => ({ found: true }));
    createTransport(api).answer({ revealTerm });
    const sendResponse = vi.fn();
    expect(listeners[0]!({ type: 'revealTerm', payload: { id: 'ttp' } }, fromBackground, sendResponse)).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ found: true }));
    expect(revealTerm).toHaveBeenCalledWith({ id: 'ttp' });
  });

  it('ignores malformed messages, types it has no handler for, and senders that are not our pages', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { api, listeners } = fakeApi(async () => null);
    const revealTerm = vi.fn(() => ({ found: true }));
    const off = createTransport(api).answer({ revealTerm });
    const l = listeners[0]!;
    const sendResponse = vi.fn();
    expect(l({ type: 'revealTerm', payload: { id: 'ttp', x: 1 } }, fromBackground, sendResponse)).toBeUndefined();
    expect(l({ type: 'getSnapshot', payload: {} }, fromBackground, sendResponse)).toBeUndefined();
    expect(l({ type: 'openCard', payload: { id: 'ttp' } }, fromBackground, sendResponse)).toBeUndefined();
    expect(l({ type: 'revealTerm', payload: { id: 'ttp' } }, fromPage, sendResponse)).toBeUndefined();
    expect(l({ type: 'revealTerm', payload: { id: 'ttp' } }, fromOther, sendResponse)).toBeUndefined();
    expect(revealTerm).not.toHaveBeenCalled();
    expect(sendResponse).not.toHaveBeenCalled();
    off();
    expect(listeners).toHaveLength(0);
  });

  it('answers null when a handler throws', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { api, listeners } = fakeApi(async () => null);
    createTransport(api).answer({
      listPageTerms: () => {
        throw new Error('boom');
      },
    });
    const sendResponse = vi.fn();
    expect(listeners[0]!({ type: 'listPageTerms', payload: {} }, fromBackground, sendResponse)).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith(null));
  });
});

describe('nativeApi', () => {
  it("takes `browser` only when it is the extension's plain object, else `chrome`", () => {
    const g = globalThis as unknown as { browser?: unknown; chrome?: unknown };
    const chrome = { runtime: { id: 'c' } };
    const browser = { runtime: { id: 'b' } };
    try {
      g.chrome = chrome;
      g.browser = browser;
      expect(nativeApi()).toBe(browser);
      // A page element with id="browser" (a named property of the window) is not an API object.
      g.browser = Object.assign(Object.create({ tagName: 'DIV' }), { runtime: { id: 'x' } });
      expect(nativeApi()).toBe(chrome);
      delete g.browser;
      expect(nativeApi()).toBe(chrome);
    } finally {
      delete g.browser;
      delete g.chrome;
    }
  });
});
