// What a page can and cannot do to us (SECURITY.md): a page script must not be able to trigger our actions with
// synthetic events or postMessage, must not reach the extension's messaging, and markup in the user's own terms
// renders as text. Every check here has a way to fail: the action it tries would change stored settings, open a
// card or run page-supplied markup.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBrowser, type FixtureServer, startServer } from './harness/index.js';
import { cardText, markCentre, waitForLightMarks, watchExtensionErrors } from './hostile-pages.js';

const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>security</title>
<style>body{font:18px/1.6 serif;max-width:40em;margin:2em auto}</style></head><body>
<p id="a">Noor Wali Mehsud, the chief of the Tehreek-e-Taliban Pakistan, was reported to have met Siraj Haqqani in Kabul.</p>
<p id="b">Analysts call the Zorblax Accord a turning point.</p>
</body></html>`;

/** An own entry whose every text field carries markup and script; it must show as literal text. */
const HOSTILE_OWN_ENTRY = {
  id: 'own-zorblax',
  name: '<img src=x onerror="window.pwned=1">Zorblax Accord',
  category: 'event',
  aliases: [{ text: 'Zorblax Accord', case: 'proper' }],
  definition: '<script>window.pwned=2</script><b onmouseover="window.pwned=3">bold?</b> An accord.',
  quotes: [{ text: '<iframe src="javascript:window.top.pwned=4"></iframe> quoted' }],
};

let server: FixtureServer;
beforeAll(async () => {
  server = await startServer({ routes: { '/security/article.html': () => ({ body: ARTICLE }) } });
});
afterAll(async () => {
  await server?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeEachBrowser('security: what a page can do to us', (ctx) => {
  let page: Page;
  let errors: string[];

  const open = async () => {
    page = await ctx().newPage();
    errors = watchExtensionErrors(page, ctx().extensionOrigin);
    await page.goto(server.url('/security/article.html'), { waitUntil: 'load' });
    await waitForLightMarks(page, (m) => m.some((x) => x.text === 'Noor Wali Mehsud'), 10_000);
  };

  const openCardByHover = async (text: string) => {
    const at = await markCentre(page, text);
    expect(at).not.toBeNull();
    await page.mouse.move(at!.x - 40, at!.y + 60);
    await page.mouse.move(at!.x, at!.y, { steps: 3 });
    await expect.poll(() => cardText(page), { timeout: 5_000 }).toContain(text);
  };

  const storedSettings = () =>
    ctx().evaluateInBackground(async () => {
      const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
      const all = { ...(await api.storage.sync.get(null)), ...(await api.storage.local.get(null)) };
      return JSON.stringify(all);
    });

  /** Puts storage back as it was (a failing test must not leave "don't mark" rules behind for the next ones). */
  const restoreStorage = (snapshot: string) =>
    ctx().evaluateInBackground(async (snap) => {
      const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
      const data = JSON.parse(snap) as Record<string, unknown>;
      await api.storage.sync.clear();
      await api.storage.local.clear();
      if (Object.keys(data).length > 0) await api.storage.local.set(data);
    }, snapshot);

  it('synthetic pointer events from the page do not open the card', async () => {
    await open();
    const at = await markCentre(page, 'Siraj Haqqani');
    expect(at).not.toBeNull();
    await page.evaluate(async ({ x, y }) => {
      const target = document.elementFromPoint(x, y) ?? document.body;
      for (let i = 0; i < 20; i++) {
        target.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, composed: true, clientX: x + (i % 3), clientY: y, pointerType: 'mouse' }));
        target.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: x + (i % 3), clientY: y }));
        await new Promise((r) => setTimeout(r, 30));
      }
    }, at!);
    await sleep(800); // longer than the default dwell (200 ms)
    expect(await cardText(page)).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a page script clicking the card’s buttons (synthetic click) changes no settings', async () => {
    await open();
    const before = await storedSettings();
    try {
      await clickCardButtons(before);
    } finally {
      await restoreStorage(before);
      await page.close();
    }
  });

  const clickCardButtons = async (before: string) => {
    await openCardByHover('Noor Wali Mehsud');
    const clicked = await page.evaluate(() => {
      const root = document.querySelector('[data-context-glossary-host]')?.shadowRoot;
      const buttons = root ? Array.from(root.querySelectorAll<HTMLElement>('[data-action="dont-mark"], [data-action="not-this-meaning"]')) : [];
      for (const b of buttons) b.click();
      return buttons.length;
    });
    // With a closed shadow root the page finds nothing to click: that is a pass too.
    await sleep(500);
    expect(await storedSettings()).toBe(before);
    const marks = await waitForLightMarks(page, (m) => m.length > 0, 2_000);
    expect(marks.some((m) => m.text === 'Noor Wali Mehsud')).toBe(true);
    process.stdout.write(`[security] page found ${clicked} action button(s) in our card\n`);
    expect(errors).toEqual([]);
  };

  it('postMessage and the extension messaging API are no way in', async () => {
    await open();
    const before = await storedSettings();
    const pagesBefore = (await ctx().browser.pages()).length;
    const api = await page.evaluate(async () => {
      for (const msg of [
        { type: 'openOptions', payload: {} },
        { type: 'openReader', payload: { anchor: 'p1s1' } },
        { type: 'navigateTerm', payload: { direction: 'next' } },
      ]) {
        window.postMessage(msg, '*');
        window.postMessage(JSON.stringify(msg), '*');
      }
      const c = (window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome;
      return typeof c?.runtime?.sendMessage;
    });
    await sleep(800);
    // No externally_connectable: the page world has no chrome.runtime.sendMessage to reach us with.
    expect(api).toBe('undefined');
    expect((await ctx().browser.pages()).length).toBe(pagesBefore);
    expect(await storedSettings()).toBe(before);
    expect(await cardText(page)).toBeNull();
    await page.close();
  });

  it('markup in the user’s own terms renders as text, never as elements or script', async () => {
    await ctx().evaluateInBackground(async (entry) => {
      const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
      await api.storage.local.set({ userGlossary: { version: 1, own: [entry], overrides: {} } });
    }, HOSTILE_OWN_ENTRY);
    try {
      await open();
      await waitForLightMarks(page, (m) => m.some((x) => x.text === 'Zorblax Accord'), 10_000);
      await openCardByHover('Zorblax Accord');
      const card = await page.evaluate(() => {
        const root = document.querySelector('[data-context-glossary-host]')?.shadowRoot;
        return {
          text: root?.textContent ?? '',
          injected: root ? root.querySelectorAll('img[src="x"], script, iframe, b[onmouseover], [onerror]').length : -1,
          pwned: (window as unknown as { pwned?: number }).pwned ?? null,
        };
      });
      expect(card.text).toContain('<img src=x onerror="window.pwned=1">Zorblax Accord');
      expect(card.text).toContain('<script>window.pwned=2</script>');
      expect(card.injected).toBe(0);
      expect(card.pwned).toBeNull();
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await ctx().evaluateInBackground(async () => {
        const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
        await api.storage.local.remove('userGlossary');
      });
    }
  });
});
