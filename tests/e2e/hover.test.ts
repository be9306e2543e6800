// Hover and keyboard in real browsers with dist/ loaded: the engine's hit-test, dwell and grace timing, the card
// wiring (src/page/card-host.ts), keyboard navigation commands (navigateTerm as the background forwards them),
// reveal/openCard messages, and the first-mention setting.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hover, readCard, toTab, waitForCard } from './card-helpers.js';
import { describeEachBrowser, type ExtensionBrowser, type FixtureServer, markBox as harnessMarkBox, readMarks, startServer, waitForMarks } from './harness/index.js';
import { EVERY_MENTION, settleMarks, storeSettings } from './marking-expect.js';

let server: FixtureServer;
beforeAll(async () => {
  server = await startServer({});
});
afterAll(async () => {
  await server?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The nth mark with this text scrolled to the upper third of the view: its last line box. */
const markBox = (page: Page, text: string, nth = 0) => harnessMarkBox(page, text, nth, 'last');

async function openFixture(b: ExtensionBrowser): Promise<Page> {
  const page = await b.newPage();
  await page.bringToFront(); // background tabs throttle timers to 1 s: the dwell would measure that
  await page.setViewport({ width: 1000, height: 700 });
  await page.goto(server.url('/marks-basic.html'));
  expect(await settleMarks(page, { check: 'category' })).toEqual([]);
  return page;
}

describeEachBrowser('hover', (ctx) => {
  // The fixture's layouts (a mark at a line's end, the second of a name) need every mention marked.
  beforeAll(() => storeSettings(ctx(), EVERY_MENTION));
  it('opens the card after the dwell, with the term’s name, its quotes and the article-date note', async () => {
    const page = await openFixture(ctx());
    try {
      await hover(page, await markBox(page, 'Noor Wali Mehsud'));
      // Not before the dwell (200 ms default)…
      await sleep(60);
      expect((await readCard(page))?.visible ?? false).toBe(false);
      // …then open, as a dialog named by the term.
      const card = await waitForCard(page, (c) => c?.visible === true, 3000);
      expect(card?.role).toBe('dialog');
      expect(card?.entry).toBe('noor-wali-mehsud');
      expect(card?.label).toContain('Noor Wali Mehsud');
      expect(card?.quotes.length).toBeGreaterThan(0);
      // The quotes are the report's sentences about this term: each highlights a mention of it.
      for (const q of card!.quotes) expect(q.marked.join(' ')).toMatch(/Noor Wali|Mehsud/);
      // The article's date (meta article:published_time 2023-05-04) is newer than the report (2022-01-31).
      expect(card?.newer ?? '').toMatch(/2023/);
      expect(card?.focused).toBe(false); // hover never steals focus
    } finally {
      await page.close();
    }
  });

  it('ignores pointer noise: crossing a mark quickly, or resting in the margin beside one', async () => {
    const page = await openFixture(ctx());
    try {
      const box = await markBox(page, 'Tehreek-e-Taliban Pakistan');
      // Sweep across the mark in one quick motion and away.
      await page.mouse.move(box.x - 40, box.y + box.h / 2);
      await page.mouse.move(box.x + box.w + 40, box.y + box.h / 2, { steps: 4 });
      await page.mouse.move(box.x + box.w + 40, box.y + 200);
      await sleep(500);
      expect((await readCard(page))?.visible ?? false).toBe(false);
      // Beside the end of a line that ends with a mark: the caret snaps to the mark's end, the rects say no.
      const end = await markBox(page, 'TTP', 4); // #margin-line: the line ends with this mark
      await page.mouse.move(end.x + end.w + 60, end.y + end.h / 2, { steps: 3 });
      await sleep(600);
      expect((await readCard(page))?.visible ?? false).toBe(false);
      // On the mark itself it opens.
      await hover(page, end);
      await waitForCard(page, (c) => c?.visible === true && c.entry === 'ttp', 3000);
    } finally {
      await page.close();
    }
  });

  it('keeps the card open while the pointer moves into it; closes after the pointer leaves; Esc closes', async () => {
    const page = await openFixture(ctx());
    try {
      const box = await markBox(page, 'Sirajuddin Haqqani');
      await hover(page, box);
      const card = await waitForCard(page, (c) => c?.visible === true, 3000);
      const r = card!.rect!;
      // Into the card (through the gap between term and card) and rest there.
      await page.mouse.move(r.x + r.w / 2, r.y + Math.min(40, r.h / 2), { steps: 8 });
      await sleep(800);
      expect((await readCard(page))?.visible).toBe(true);
      // Out to empty page space: hidden after the grace period.
      await page.mouse.move(5, 690, { steps: 4 });
      await waitForCard(page, (c) => c?.visible !== true, 2000);
      // Open again and close with Esc pressed on the page.
      await hover(page, await markBox(page, 'Sirajuddin Haqqani'));
      await waitForCard(page, (c) => c?.visible === true, 3000);
      await page.keyboard.press('Escape');
      await waitForCard(page, (c) => c?.visible !== true, 1000);
      // Still over the mark: it stays closed until the pointer leaves the mark.
      await page.mouse.move(box.x + box.w / 2 + 3, box.y + box.h / 2);
      await sleep(500);
      expect((await readCard(page))?.visible ?? false).toBe(false);
    } finally {
      await page.close();
    }
  });

  it('hit-tests marks inside an open shadow root and across inline elements', async () => {
    const page = await openFixture(ctx());
    try {
      await hover(page, await markBox(page, 'Siraj Haqqani', 1)); // the one in the shadow root
      await waitForCard(page, (c) => c?.visible === true && c.entry === 'siraj-haqqani', 3000);
      await page.mouse.move(5, 690);
      await waitForCard(page, (c) => c?.visible !== true, 2000);
      // "Noor Wali" is a link, " Mehsud" the text after it: hovering either part opens the one term.
      const split = await markBox(page, 'Noor Wali Mehsud', 1);
      await page.mouse.move(split.x + split.w - 8, split.y + split.h / 2, { steps: 4 });
      await waitForCard(page, (c) => c?.visible === true && c.entry === 'noor-wali-mehsud', 3000);
    } finally {
      await page.close();
    }
  });
});

/** Every mention marked and every one a stop: the document-order walk below (the defaults are covered in card-page.test.ts). */
const EVERY_STOP = { ...EVERY_MENTION, keyboard: { skipRepeats: false } };

describeEachBrowser('keyboard and messages', (ctx) => {
  beforeAll(() => storeSettings(ctx(), EVERY_STOP));
  it('navigateTerm moves through painted marks in document order, opens a focused card, Esc returns focus', async () => {
    const b = ctx();
    const page = await openFixture(b);
    try {
      // Focus something on the page first: Esc must bring focus back to it.
      await page.focus('a[href="#nwm"]');
      const first = await toTab(b, { type: 'navigateTerm', payload: { direction: 'next' } });
      expect(first).toEqual({ id: 'ttp' }); // "Pakistani Taliban" in the heading
      let card = await waitForCard(page, (c) => c?.visible === true && c.focused, 3000);
      expect(card?.entry).toBe('ttp');
      expect(card?.label).toContain('Tehreek-e-Taliban Pakistan');
      await waitForCard(page, (c) => (c?.live ?? '').includes('Tehreek-e-Taliban Pakistan'), 2000);
      expect(await toTab(b, { type: 'navigateTerm', payload: { direction: 'next' } })).toEqual({ id: 'ttp' });
      expect(await toTab(b, { type: 'navigateTerm', payload: { direction: 'next' } })).toEqual({ id: 'ttp' });
      expect(await toTab(b, { type: 'navigateTerm', payload: { direction: 'next' } })).toEqual({ id: 'afghan-taliban' });
      card = await waitForCard(page, (c) => c?.visible === true && c.entry === 'afghan-taliban', 3000);
      expect(await toTab(b, { type: 'navigateTerm', payload: { direction: 'previous' } })).toEqual({ id: 'ttp' });
      // Flash marks where we are.
      expect((await readMarks(page)).filter((m) => m.name === 'context-glossary-flash').length).toBe(1);
      await page.keyboard.press('Escape');
      await waitForCard(page, (c) => c?.visible !== true, 1000);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#nwm');
      // Previous from the start wraps to the last mark on the page (in the shadow root, last in order).
      await page.close();
      const fresh = await openFixture(b);
      try {
        expect(await toTab(b, { type: 'navigateTerm', payload: { direction: 'previous' } })).toEqual({ id: 'ttp' });
        const last = await waitForCard(fresh, (c) => c?.visible === true && c.entry === 'ttp', 3000);
        expect(last?.rect).not.toBeNull();
      } finally {
        await fresh.close();
      }
    } finally {
      if (!page.isClosed()) await page.close();
    }
  });

  it('revealTerm scrolls to and flashes the next occurrence; openCard opens a lookup card; bad ids are refused', async () => {
    const b = ctx();
    const page = await openFixture(b);
    try {
      expect(await toTab(b, { type: 'revealTerm', payload: { id: 'al-qaeda' } })).toEqual({ found: true });
      await waitForMarks(page, (m) => m.some((x) => x.name === 'context-glossary-flash' && x.text === 'al Qaeda'), 2000);
      expect(await toTab(b, { type: 'revealTerm', payload: { id: 'al-qaeda' } })).toEqual({ found: true });
      await waitForMarks(page, (m) => m.some((x) => x.name === 'context-glossary-flash' && x.text === 'al-Qaida'), 2000);
      expect(await toTab(b, { type: 'revealTerm', payload: { id: 'kabul' } })).toEqual({ found: false });
      expect(await toTab(b, { type: 'openCard', payload: { id: 'usip' } })).toEqual({ shown: true });
      await waitForCard(page, (c) => c?.visible === true && c.entry === 'usip', 3000);
      // Malformed: no answer, nothing happens.
      const bad = await toTab(b, { type: 'openCard', payload: { id: 'Not An Id!' } });
      expect(bad === undefined || bad === null).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('first mention only (a setting) paints one mark per term, live', async () => {
    const b = ctx();
    const page = await openFixture(b);
    try {
      const all = await readMarks(page);
      expect(all.filter((m) => m.text === 'TTP').length).toBeGreaterThan(1);
      await storeSettings(b, { ...structuredClone(EVERY_STOP), marking: { ...EVERY_STOP.marking, everyMention: false } });
      const firsts = await waitForMarks(page, (m) => m.length > 0 && m.length < all.length, 3000);
      const names = firsts.map((m) => m.text);
      expect(names[0]).toBe('Pakistani Taliban'); // ttp's first mention, in the heading
      expect(names.filter((t) => t === 'TTP')).toEqual([]);
      await storeSettings(b, EVERY_STOP);
      await waitForMarks(page, (m) => m.length === all.length, 3000);
    } finally {
      await storeSettings(b, EVERY_STOP);
      await page.close();
    }
  });
});
