// The card on the demo article, continued (card.test.ts first): it flips above a term near the bottom, pins, moves
// into fullscreen, opens the reader at a quote, keeps a hostile page's styles out, follows the card settings live,
// and "not this meaning on this site" removes the marks at once (last: it changes the settings).
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Settings } from '../../src/core/settings/schema.js';
import { clickInCard, hover, markBox, readCard, waitForCard } from './card-helpers.js';
import { hoverFor, openDemo, startCardDemo, stopCardDemo } from './card-demo.js';
import { EVERY_MENTION, storeSettings } from './marking-expect.js';
import { artifactPath, describeEachBrowser, readMarks, waitForMarks } from './harness/index.js';

beforeAll(startCardDemo);
afterAll(stopCardDemo);

describeEachBrowser('card, continued', (ctx, kind) => {
  // These tests hover and count later mentions of a term: every mention marked (the default is the first per page).
  beforeAll(() => storeSettings(ctx(), EVERY_MENTION));
  let page: Page;
  beforeAll(async () => {
    page = await ctx().newPage();
    await openDemo(page);
  });


  it('flips above a term near the bottom of the viewport and stays inside it', async () => {
    await page.mouse.move(5, 5);
    await waitForCard(page, (c) => c?.visible !== true, 3_000);
    // The second Kabul, scrolled to 60 px above the viewport's bottom edge. The demo page ends about 160 px below it
    // (room for a short card) and, in a view taller than the page's start (an earlier test may leave 900 px), the
    // term sits above that line unscrolled; so the test's page gets room both ways (its own page, not the extension).
    await page.evaluate(() => {
      document.body.style.paddingTop = `${innerHeight}px`;
      document.body.style.paddingBottom = `${innerHeight}px`;
    });
    const termBox = await markBox(page, 'Kabul', 1, 'first', { fromBottom: 60 });
    await hover(page, termBox);
    // Placement is asynchronous (Floating UI): the layer may show where the last card was for a frame or two.
    const card = await waitForCard(page, (c) => c?.visible === true && c.entry === 'kabul' && c.rect!.y + c.rect!.h <= termBox.y + 1);
    const r = card!.rect!;
    const vh = await page.evaluate(() => innerHeight);
    expect(r.y + r.h).toBeLessThanOrEqual(termBox.y + 1);
    expect(r.y).toBeGreaterThanOrEqual(0);
    expect(r.y + r.h).toBeLessThanOrEqual(vh);
    await page.evaluate(() => {
      document.body.style.paddingTop = '';
      document.body.style.paddingBottom = '';
    });
  });

  it('stays open when pinned after the pointer leaves; Close closes it', async () => {
    await page.mouse.move(5, 5);
    await waitForCard(page, (c) => c?.visible !== true, 3_000);
    await hoverFor(page, 'TTP', 'ttp');
    await clickInCard(page, '[data-action="pin"]');
    await page.mouse.move(5, 5, { steps: 3 });
    await new Promise((r) => setTimeout(r, 800));
    expect((await readCard(page))?.visible).toBe(true);
    await clickInCard(page, '[data-action="close"]');
    await waitForCard(page, (c) => c?.visible === false, 2_000);
  });

  it('moves into a fullscreen element so the card shows in fullscreen', async () => {
    await page.mouse.move(5, 5);
    await waitForCard(page, (c) => c?.visible !== true, 3_000);
    await page.evaluate(() => document.querySelector('article')!.requestFullscreen());
    await page.waitForFunction(() => document.fullscreenElement?.localName === 'article', { timeout: 5_000 });
    const card = await hoverFor(page, 'TTP', 'ttp');
    expect(card.visible).toBe(true);
    const parent = await page.evaluate(() => document.querySelector('[data-context-glossary-host]')!.parentElement!.localName);
    expect(parent).toBe('article');
    // The card is the topmost thing at its centre (not hidden behind the fullscreen layer).
    const onTop = await page.evaluate((r: { x: number; y: number; w: number; h: number }) => {
      const host = document.querySelector('[data-context-glossary-host]')!;
      return document.elementFromPoint(r.x + r.w / 2, r.y + 30) === host;
    }, card.rect!);
    expect(onTop).toBe(true);
    await page.evaluate(() => document.exitFullscreen());
    // Back under <html> once the fullscreenchange event has run (it follows fullscreenElement becoming null).
    await page.waitForFunction(
      () => !document.fullscreenElement && document.querySelector('[data-context-glossary-host]')!.parentElement === document.documentElement,
      { timeout: 5_000 },
    );
  });

  it('opens the report reader at a quote’s sentence, flashing it', async () => {
    await page.bringToFront();
    await page.mouse.move(5, 5);
    await waitForCard(page, (c) => c?.visible !== true, 3_000);
    const card = await hoverFor(page, 'TTP', 'ttp');
    const quote = card.quotes[1]!;
    await clickInCard(page, `[data-quote][data-anchor="${quote.anchor}"]`);
    // The background opens a tab. Firefox under BiDi may report a moz-extension tab's URL as about:blank, so ask
    // each page where it is.
    const wanted = `/reader.html#${quote.anchor}`;
    const findReader = async (): Promise<Page | null> => {
      for (let i = 0; i < 100; i++) {
        for (const p of await ctx().browser.pages()) {
          const href = await p.evaluate(() => location.href).catch(() => '');
          if (href.endsWith(wanted)) return p;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      return null;
    };
    const reader = await findReader();
    if (!reader) throw new Error(`no tab at ${wanted}`);
    const state = await reader.waitForFunction(
      (id: string) => {
        const el = document.getElementById(id);
        if (document.documentElement.dataset.readerReady !== 'true' || !el || !el.classList.contains('flash')) return null;
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight ? el.textContent : null;
      },
      { timeout: 10_000, polling: 50 },
      quote.anchor!,
    );
    expect(await state.jsonValue()).toBe(quote.text);
    await new Promise((r) => setTimeout(r, 400));
    await reader.screenshot({ path: artifactPath(`reader-${kind}.png`) as `${string}.png` });
    await reader.close();
  });

  it('keeps a hostile page’s styles out of the card', async () => {
    const hostile = await ctx().newPage();
    await openDemo(hostile, 'hostile.html');
    const card = await hoverFor(hostile, 'TTP', 'ttp');
    expect(card.rect!.w).toBeGreaterThan(300);
    const styles = await hostile.evaluate(() => {
      const host = document.querySelector('[data-context-glossary-host]')!;
      const root = host.shadowRoot!;
      const pick = (el: Element) => {
        const cs = getComputedStyle(el);
        return { color: cs.color, size: cs.fontSize, family: cs.fontFamily, bg: cs.backgroundColor, spacing: cs.letterSpacing, display: cs.display };
      };
      return { host: pick(host), name: pick(root.querySelector('.cg-name')!), def: pick(root.querySelector('.cg-definition')!), mark: pick(root.querySelector('mark')!), card: pick(root.querySelector('.cg-card')!) };
    });
    expect(styles.host.display).toBe('block');
    for (const s of [styles.name, styles.def, styles.mark, styles.card]) {
      expect(s.color).not.toBe('rgb(255, 0, 0)');
      expect(s.size).not.toBe('40px');
      expect(s.family).not.toContain('Comic');
      expect(s.display).not.toBe('none');
    }
    expect(styles.def.size).toBe('14px');
    expect(styles.card.bg).toBe('rgb(255, 255, 255)');
    expect(await hostile.evaluate(() => getComputedStyle(document.querySelector('[data-context-glossary-host]')!).opacity)).toBe('1');
    await new Promise((r) => setTimeout(r, 250)); // let the fade-in finish before the screenshot
    await hostile.screenshot({ path: artifactPath(`card-hostile-${kind}.png`) as `${string}.png` });
    await hostile.close();
  });

  it('follows the card settings live: forced dark theme, font size and width', async () => {
    await page.bringToFront();
    await page.mouse.move(5, 5);
    await waitForCard(page, (c) => c?.visible !== true, 3_000);
    const write = (settings: Settings) =>
      ctx().evaluateInBackground(async (value: Settings) => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        // The store's local fallback slot wins over sync on load and fires storage.onChanged in every context.
        await api.storage.local.set({ settingsLocal: { settings: value, reason: 'e2e card settings test' } });
      }, settings);
    await write({ ...EVERY_MENTION, card: { width: 440, fontSize: 18, theme: 'dark' } });
    await page.bringToFront();
    // The content script re-applies the settings (and re-scans): let it settle.
    await new Promise((r) => setTimeout(r, 600));
    const card = await hoverFor(page, 'TTP', 'ttp');
    const look = await page.evaluate(() => {
      const root = document.querySelector('[data-context-glossary-host]')!.shadowRoot!;
      const cs = getComputedStyle(root.querySelector('.cg-card')!);
      return { bg: cs.backgroundColor, size: getComputedStyle(root.querySelector('.cg-definition')!).fontSize };
    });
    expect(look.bg).toBe('rgb(31, 35, 41)');
    expect(look.size).toBe('18px');
    expect(Math.round(card.rect!.w)).toBe(440);
    await new Promise((r) => setTimeout(r, 250));
    const scroll = await page.evaluate(() => ({ x: scrollX, y: scrollY, h: innerHeight }));
    const r = card.rect!;
    await page.screenshot({
      path: artifactPath(`card-forced-dark-18px-${kind}.png`) as `${string}.png`,
      clip: { x: scroll.x + Math.max(0, r.x - 16), y: scroll.y + Math.max(0, r.y - 16), width: r.w + 32, height: Math.min(scroll.h - Math.max(0, r.y - 16), r.h + 32) },
    });
    await write(EVERY_MENTION);
    // Firefox runs evaluateInBackground in a helper tab: come back before using the mouse.
    await page.bringToFront();
    await page.mouse.move(5, 5, { steps: 4 });
    await waitForCard(page, (c) => c?.visible !== true, 3_000);
  });

  it('"Not this meaning on this site" removes that term’s marks at once, and only them', async () => {
    await page.bringToFront();
    await page.mouse.move(5, 5);
    await waitForCard(page, (c) => c?.visible !== true, 3_000);
    const before = await readMarks(page);
    const kabul = before.filter((m) => m.text === 'Kabul').length;
    expect(kabul).toBeGreaterThan(0);
    await hoverFor(page, 'Kabul', 'kabul');
    const t0 = Date.now();
    await clickInCard(page, '[data-action="not-this-meaning"]');
    const after = await waitForMarks(page, (m) => !m.some((x) => x.text === 'Kabul'), 2_000);
    const elapsed = Date.now() - t0;
    expect(after.length).toBe(before.length - kabul);
    expect((await readCard(page))?.visible).toBe(false);
    console.log(`[card ${kind}] not-this-meaning: ${kabul} Kabul marks gone within ${elapsed} ms (incl. the click)`);
  });
});
