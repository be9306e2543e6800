// A change request must not be lost when it meets a service worker that is stopping or starting (issue 12, the
// flaky options save): one that reached no listener is sent again; one the background ran and refused is not.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../core/settings/schema.js';
import { emptyUserGlossary } from '../core/user-glossary.js';

const sent: unknown[] = [];
/** What each next sendMessage does, in order: an Error to reject with, or a reply. */
let script: unknown[] = [];

vi.mock('./browser.js', () => ({
  browser: {
    runtime: {
      id: 'our-id',
      sendMessage: async (m: unknown) => {
        sent.push(m);
        const next = script.shift();
        if (next instanceof Error) throw next;
        return next;
      },
    },
    storage: { onChanged: { addListener: () => undefined, removeListener: () => undefined } },
  },
}));

const { requestChange, loadSnapshot } = await import('./settings-client.js');

const noListener = () => new Error('Could not establish connection. Receiving end does not exist.');
const DONE = { ok: true };

describe('requestChange', () => {
  beforeEach(() => {
    sent.length = 0;
    script = [];
  });

  it('sends again when the message reached no listener, and resolves with the reply', async () => {
    script = [noListener(), new Error('The message port closed before a response was received.'), DONE];
    await expect(requestChange('dontMark', { entry: 'kabul' })).resolves.toEqual(DONE);
    expect(sent).toHaveLength(3);
    expect(new Set(sent.map((m) => JSON.stringify(m))).size).toBe(1);
  });

  it('does not send again when the background ran the request and failed (null reply)', async () => {
    script = [null, DONE];
    await expect(requestChange('dontMark', { entry: 'kabul' })).rejects.toThrow(/was not saved/);
    expect(sent).toHaveLength(1);
  });

  it('does not send again on other errors', async () => {
    script = [new Error('Extension context invalidated.'), DONE];
    await expect(requestChange('dontMark', { entry: 'kabul' })).rejects.toThrow(/invalidated/);
    expect(sent).toHaveLength(1);
  });

  it('gives up after a bounded number of tries', async () => {
    script = Array.from({ length: 20 }, noListener);
    await expect(requestChange('dontMark', { entry: 'kabul' })).rejects.toThrow(/Receiving end/);
    expect(sent.length).toBeGreaterThan(3);
    expect(sent.length).toBeLessThan(20);
  }, 10_000);
});

describe('loadSnapshot', () => {
  it('waits out a worker that takes over a second to start (the first schedule gave up after 0.75 s)', async () => {
    sent.length = 0;
    const snapshot = { settings: defaultSettings(), userGlossary: emptyUserGlossary() };
    // Five misses: 50 + 100 + 200 + 400 + 800 ms of waiting before the sixth try.
    script = [noListener(), noListener(), noListener(), noListener(), noListener(), snapshot];
    await expect(loadSnapshot()).resolves.toEqual(snapshot);
    expect(sent).toHaveLength(6);
  }, 10_000);
});
