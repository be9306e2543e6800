// The receiving end: `handle` answers only well-formed messages of the types it was given, from allowed senders.
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (raw: unknown, sender: Record<string, unknown>) => Promise<unknown> | undefined;
const listeners: Listener[] = [];
const sent: unknown[] = [];
let nextReply: unknown = null;

vi.mock('./browser.js', () => ({
  browser: {
    runtime: {
      id: 'our-id',
      getURL: (p: string) => `chrome-extension://our-id/${p}`,
      onMessage: {
        addListener: (l: Listener) => listeners.push(l),
        removeListener: (l: Listener) => listeners.splice(listeners.indexOf(l), 1),
      },
      sendMessage: async (m: unknown) => {
        sent.push(m);
        return nextReply;
      },
    },
    tabs: {
      sendMessage: async (_tab: number, m: unknown) => {
        sent.push(m);
        return nextReply;
      },
    },
  },
}));

const { handle, sendToBackground, sendToTab, senderKind, BadReplyError } = await import('./messaging.js');

const fromContent = { id: 'our-id', url: 'https://news.example/a', tab: { id: 4 }, frameId: 0 };
const fromPopup = { id: 'our-id', url: 'chrome-extension://our-id/popup.html' };
const fromPopupInTab = { ...fromPopup, tab: { id: 9 } };
const fromOtherExtension = { id: 'someone-else', url: 'chrome-extension://someone-else/x.html' };

describe('handle', () => {
  beforeEach(() => {
    listeners.length = 0;
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('classifies senders (extension pages by URL, also in a tab)', () => {
    expect(senderKind(fromContent as never)).toBe('content');
    expect(senderKind(fromPopup as never)).toBe('extension');
    expect(senderKind(fromPopupInTab as never)).toBe('extension');
    expect(senderKind({ id: 'our-id' } as never)).toBe('extension');
    expect(senderKind(fromOtherExtension as never)).toBeNull();
  });

  it('answers well-formed messages from allowed senders only', async () => {
    const ping = vi.fn(() => ({ version: '1' }));
    const pageTermsChanged = vi.fn(() => null);
    const off = handle({ ping, pageTermsChanged });
    const l = listeners[0]!;
    await expect(l({ type: 'ping', payload: {} }, fromPopup)).resolves.toEqual({ version: '1' });
    // Malformed, unknown, or not ours: no answer (undefined lets other listeners answer), nothing called.
    expect(l({ type: 'ping', payload: { x: 1 } }, fromPopup)).toBeUndefined();
    expect(l({ type: 'nope', payload: {} }, fromPopup)).toBeUndefined();
    expect(l('ping', fromPopup)).toBeUndefined();
    expect(l({ type: 'ping', payload: {} }, fromOtherExtension)).toBeUndefined();
    // Only content scripts may report page terms.
    expect(l({ type: 'pageTermsChanged', payload: { count: 1 } }, fromPopup)).toBeUndefined();
    await expect(l({ type: 'pageTermsChanged', payload: { count: 1 } }, fromContent)).resolves.toBeNull();
    // A type this receiver does not handle is left alone, quietly.
    expect(l({ type: 'openCard', payload: { id: 'ttp' } }, fromPopup)).toBeUndefined();
    expect(ping).toHaveBeenCalledTimes(1);
    expect(pageTermsChanged).toHaveBeenCalledTimes(1);
    expect(console.warn).toHaveBeenCalledTimes(5);
    off();
    expect(listeners).toHaveLength(0);
  });

  it('a failing handler answers null instead of throwing into the browser', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    handle({
      ping: () => {
        throw new Error('boom');
      },
    });
    await expect(listeners[0]!({ type: 'ping', payload: {} }, fromPopup)).resolves.toBeNull();
  });
});

describe('senders', () => {
  it('validate replies', async () => {
    nextReply = { version: '0.1.0' };
    await expect(sendToBackground('ping', {})).resolves.toEqual({ version: '0.1.0' });
    expect(sent.at(-1)).toEqual({ type: 'ping', payload: {} });
    nextReply = { found: 'yes' };
    await expect(sendToTab(3, 'revealTerm', { id: 'ttp' })).rejects.toBeInstanceOf(BadReplyError);
    nextReply = { found: true };
    await expect(sendToTab(3, 'revealTerm', { id: 'ttp' }, 2)).resolves.toEqual({ found: true });
  });
});
