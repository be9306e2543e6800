// Issue 12 "must show": with the term at 10 %, 50 % and 90 % of an 800 px viewport, the card's visible area holds a
// verbatim report sentence with the term marked, the card has no scrollable overflow in its default state, its
// footer has at most two controls and no text under 12 px; a background entry's card says plainly that the
// report does not discuss it. Both browsers, the demo article, the built extension.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hover, markBox, waitForCard } from './card-helpers.js';
import { describeEachBrowser, type FixtureServer, ROOT, startServer, waitForMarks } from './harness/index.js';
import { EVERY_MENTION, storeSettings } from './marking-expect.js';

const reportText = readFileSync(join(ROOT, 'glossary', 'report.txt'), 'utf8').replace(/\s+/g, ' ');
let server: FixtureServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

/** Scrolls the first mark reading `text` to `fraction` of the viewport's height; its box after the scroll. */
function placeTerm(page: Page, text: string, fraction: number) {
  return markBox(page, text, 0, 'first', { fraction });
}

/** What a reader sees of the open card, measured in the page. */
function glance(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('[data-context-glossary-host]')!.shadowRoot!;
    const layer = root.querySelector<HTMLElement>('[role="dialog"]')!;
    const card = root.querySelector<HTMLElement>('.cg-card')!;
    const view = { top: 0, bottom: innerHeight };
    const lr = layer.getBoundingClientRect();
    const visTop = Math.max(lr.top, view.top);
    const visBottom = Math.min(lr.bottom, view.bottom);
    // Quotes wholly inside the part of the card that is on screen (and inside every scroll box on the way).
    const seen = [...root.querySelectorAll<HTMLElement>('[data-quote]')].filter((q) => {
      const r = q.getBoundingClientRect();
      if (r.height === 0 || r.top < visTop || r.bottom > visBottom) return false;
      for (let el = q.parentElement; el && el !== layer; el = el.parentElement) {
        const b = el.getBoundingClientRect();
        if (r.top < b.top - 0.5 || r.bottom > b.bottom + 0.5) return false;
      }
      return true;
    });
    const overflowing = [card, layer, ...card.querySelectorAll<HTMLElement>('*')].filter((el) => {
      const cs = getComputedStyle(el);
      return /(auto|scroll)/.test(cs.overflowY) && el.scrollHeight > el.clientHeight + 1;
    });
    const texts = [...card.querySelectorAll<HTMLElement>('*')].filter(
      (el) => el.getClientRects().length > 0 && [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()),
    );
    const footControls = [...root.querySelectorAll<HTMLElement>('.cg-foot button, .cg-foot a')].filter(
      (el) => el.getClientRects().length > 0,
    );
    return {
      quotes: seen.map((q) => ({ text: q.textContent ?? '', marked: [...q.querySelectorAll('mark')].map((m) => m.textContent ?? '') })),
      overflowing: overflowing.map((el) => el.className || el.localName),
      smallest: Math.min(...texts.map((el) => parseFloat(getComputedStyle(el).fontSize))),
      footControls: footControls.length,
      onScreen: lr.top >= 0 && lr.bottom <= innerHeight,
      backgroundNote: root.querySelector('[data-background-note]')?.textContent ?? null,
      mentions: root.querySelector('[data-mentions]')?.textContent ?? null,
    };
  });
}

describeEachBrowser('card at a glance', (ctx) => {
  // These tests hover and count later mentions of a term: every mention marked (the default is the first per page).
  beforeAll(() => storeSettings(ctx(), EVERY_MENTION));
  let page: Page;
  beforeAll(async () => {
    page = await ctx().newPage();
    await page.setViewport({ width: 1280, height: 800 });
    await page.goto(server.url('demo/article.html'), { waitUntil: 'load' });
    await waitForMarks(page, (m) => m.some((x) => x.text === 'TTP'), 10_000);
  });

  for (const fraction of [0.1, 0.5, 0.9]) {
    it(`term at ${fraction * 100}% of 800 px: a verbatim report sentence with the term marked, no inner scroll`, async () => {
      await page.mouse.move(5, 5);
      await waitForCard(page, (c) => c?.visible !== true, 3_000);
      const box = await placeTerm(page, 'TTP', fraction);
      await hover(page, box);
      await waitForCard(page, (c) => c?.visible === true && c.entry === 'ttp');
      const g = await glance(page);
      expect(g.onScreen).toBe(true);
      expect(g.quotes.length).toBeGreaterThanOrEqual(1);
      const q = g.quotes[0]!;
      expect(reportText).toContain(q.text.replace(/\s+/g, ' ').trim());
      expect(q.marked.length).toBeGreaterThan(0);
      expect(g.overflowing).toEqual([]);
      expect(g.footControls).toBeLessThanOrEqual(2);
      expect(g.smallest).toBeGreaterThanOrEqual(12);
      expect(g.mentions).toMatch(/^\d+ mentions?$/);
    });
  }

  it('a background entry says plainly that the report does not discuss it, and gives no count', async () => {
    await page.mouse.move(5, 5);
    await waitForCard(page, (c) => c?.visible !== true, 3_000);
    await hover(page, await placeTerm(page, 'Kabul', 0.5));
    await waitForCard(page, (c) => c?.visible === true && c.entry === 'kabul');
    const g = await glance(page);
    expect(g.backgroundNote).toContain('The report does not discuss Kabul itself');
    expect(g.mentions).toBeNull();
    expect(g.overflowing).toEqual([]);
    expect(g.smallest).toBeGreaterThanOrEqual(12);
  });
});
