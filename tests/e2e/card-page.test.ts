// Issue 12, the card on the page: the mention modes (default: first mention per page, docs/noise.md), next/previous skipping
// repeats of the term just visited (and the setting that turns it off), the "current" highlight on the term whose
// card is open, the card closing when the page scrolls its term away (a pinned card stays), and the "system" theme
// following the page's own background. Both browsers, built extension, default settings unless a test says.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/settings/schema.js';
import { hover, markBox, toTab, waitForCard } from './card-helpers.js';
import { describeEachBrowser, type ExtensionBrowser, type FixtureServer, readMarks, startServer, waitForMarks } from './harness/index.js';
import { EVERY_MENTION, settleMarks, storeSettings } from './marking-expect.js';

const article = (bg: string, fg: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>theme</title>
<style>body { background: ${bg}; color: ${fg}; font: 18px/1.5 serif; margin: 40px; }</style></head><body><article>
<p>The Tehreek-e-Taliban Pakistan (TTP) chief Noor Wali Mehsud said the TTP would not disarm.</p>
<p>Pakistan says the TTP operates from Afghanistan, where the Taliban deny it.</p></article></body></html>`;

let server: FixtureServer;
beforeAll(async () => {
  server = await startServer({
    routes: {
      '/dark-page.html': () => ({ body: article('#121212', '#e8e8e8') }),
      '/light-page.html': () => ({ body: article('#ffffff', '#111111') }),
      // "Taliban" in a paragraph with cues for both readings (the TTP's chief, Kabul) but none in its own sentence.
      '/weak.html': () => ({
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>weak</title></head><body><article>
<p>The Tehreek-e-Taliban Pakistan (TTP) chief Noor Wali Mehsud spoke on Monday.</p>
<p>Noor Wali Mehsud spoke again on Tuesday. The Taliban said nothing. Officials in Kabul were silent.</p>
<p>Al Qaeda was not mentioned by either side.</p></article></body></html>`,
      }),
    },
  });
});
afterAll(async () => {
  await server?.close();
});

const next = async (b: ExtensionBrowser) => ((await toTab(b, { type: 'navigateTerm', payload: { direction: 'next' } })) as { id: string | null }).id;

async function open(b: ExtensionBrowser, path: string, width = 1000, height = 700): Promise<Page> {
  const page = await b.newPage();
  await page.bringToFront();
  await page.setViewport({ width, height });
  await page.goto(server.url(path), { waitUntil: 'load' });
  await waitForMarks(page, (m) => m.length > 0, 10_000);
  return page;
}

/** Marks per block (the element path above the text node), as "category:text". */
async function byBlock(page: Page): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const m of await readMarks(page)) {
    if (!/context-glossary-(person|organization|place|event|concept)$/.test(m.name)) continue;
    const block = m.start.path.replace(/\/(text\(\)|a|b|em|strong)\[\d+\](\/.*)?$/, '');
    (out[block] ??= []).push(`${m.name.replace('context-glossary-', '')}:${m.text}`);
  }
  return out;
}

describeEachBrowser('card and page', (ctx) => {
  it('marks the first mention of a term on the page by default; per paragraph and every mention are settings', async () => {
    const b = ctx();
    await storeSettings(b, DEFAULT_SETTINGS);
    const page = await open(b, '/marks-basic.html');
    try {
      await settleMarks(page, { check: 'category' }).catch(() => undefined);
      const first = await byBlock(page);
      // Three spellings of the ceasefire and a TTP (met earlier on the page) in one paragraph: the first ceasefire.
      const p5 = Object.entries(first).find(([, v]) => v.some((x) => x.endsWith(':ceasefire')));
      expect(p5?.[1]).toEqual(['event:ceasefire']);
      const ttp = Object.values(first).flat().filter((x) => /Taliban Pakistan|TTP|Pakistani Taliban/.test(x));
      expect(ttp).toEqual(['organization:Pakistani Taliban']);
      await storeSettings(b, { ...DEFAULT_SETTINGS, marking: { ...DEFAULT_SETTINGS.marking, everyMention: true, mentions: 'paragraph' } });
      await waitForMarks(page, (m) => m.filter((x) => x.text === 'TTP').length > 1, 5000);
      expect((await byBlock(page))[p5![0]]).toEqual(['event:ceasefire', 'organization:TTP']);
      await storeSettings(b, EVERY_MENTION);
      await waitForMarks(page, (m) => m.some((x) => x.text === 'cease-fire'), 5000);
      const every = await byBlock(page);
      expect(every[p5![0]]).toEqual(['event:ceasefire', 'organization:TTP', 'event:cease fire', 'event:cease-fire']);
      const count = (r: Record<string, string[]>) => Object.values(r).reduce((n, v) => n + v.length, 0);
      expect(count(first)).toBeLessThan(count(every));
    } finally {
      await storeSettings(b, DEFAULT_SETTINGS);
      await page.close();
    }
  });

  it('next term skips repeats of the term just visited (a setting), and the open card’s term is marked current', async () => {
    const b = ctx();
    await storeSettings(b, EVERY_MENTION);
    const page = await open(b, '/marks-basic.html');
    try {
      const ids: (string | null)[] = [];
      for (let i = 0; i < 6; i++) ids.push(await next(b));
      expect(ids[0]).toBe('ttp');
      for (let i = 1; i < ids.length; i++) expect(ids[i], `stop ${i}: ${ids.join(' ')}`).not.toBe(ids[i - 1]);
      // The term whose card is open carries the current highlight (one range: the mark navigated to).
      await waitForCard(page, (c) => c?.visible === true && c.entry === ids[5], 3000);
      const current = (await readMarks(page)).filter((m) => m.name === 'context-glossary-current');
      expect(current).toHaveLength(1);
      const flash = (await readMarks(page)).filter((m) => m.name === 'context-glossary-flash');
      expect(current[0]!.text).toBe(flash[0]!.text);
      // The Actions menu names the shortcuts, as the browser has them.
      await clickInCard(page, '[data-action="menu"]');
      const shortcuts = await page.evaluate(
        () => document.querySelector('[data-context-glossary-host]')!.shadowRoot!.querySelector('[data-shortcuts]')?.textContent ?? null,
      );
      expect(shortcuts).toContain('Alt+Shift+. next term');
      expect(shortcuts).toContain('Alt+Shift+, previous term');
      await page.keyboard.press('Escape');
      await waitForCard(page, (c) => c?.visible !== true, 2000);
      expect((await readMarks(page)).filter((m) => m.name === 'context-glossary-current')).toEqual([]);

      // Turned off: every mention is a stop again (the heading's "Pakistani Taliban", then the next TTP mention).
      await storeSettings(b, { ...EVERY_MENTION, keyboard: { skipRepeats: false } });
      await page.reload({ waitUntil: 'load' });
      await waitForMarks(page, (m) => m.length > 0, 10_000);
      expect([await next(b), await next(b)]).toEqual(['ttp', 'ttp']);
    } finally {
      await storeSettings(b, DEFAULT_SETTINGS);
      await page.close();
    }
  });

  it('the card closes when the page scrolls its term away; a pinned card stays', async () => {
    const b = ctx();
    await storeSettings(b, EVERY_MENTION);
    const page = await b.newPage();
    try {
      await page.bringToFront();
      await page.setViewport({ width: 1280, height: 800 });
      await page.goto(server.url('demo/article.html'), { waitUntil: 'load' });
      await waitForMarks(page, (m) => m.some((x) => x.text === 'TTP'), 10_000);
      await hover(page, await markBox(page, 'TTP', 0));
      await waitForCard(page, (c) => c?.visible === true);
      await page.evaluate(() => scrollBy({ top: 20, behavior: 'instant' }));
      await new Promise((r) => setTimeout(r, 300));
      expect((await waitForCard(page, () => true))?.visible).toBe(true); // a nudge keeps it
      await page.evaluate(() => scrollBy({ top: 200, behavior: 'instant' }));
      await waitForCard(page, (c) => c?.visible !== true, 3000);

      // Pinned (Actions → Pin, by keyboard inside the card): scrolling leaves it open.
      await hover(page, await markBox(page, 'TTP', 0));
      await waitForCard(page, (c) => c?.visible === true);
      await clickInCard(page, '[data-action="menu"]');
      await clickInCard(page, '[data-action="pin"]');
      await page.mouse.move(5, 5);
      await page.evaluate(() => scrollBy({ top: 300, behavior: 'instant' }));
      await new Promise((r) => setTimeout(r, 600));
      expect((await waitForCard(page, () => true))?.visible).toBe(true);
    } finally {
      await storeSettings(b, DEFAULT_SETTINGS);
      await page.close();
    }
  });

  it('the card says when a mention was told apart on weak evidence, and gives the report’s and the facts’ provenance', async () => {
    const b = ctx();
    const page = await open(b, '/weak.html');
    try {
      expect(await toTab(b, { type: 'openCard', payload: { id: 'afghan-taliban' } })).toEqual({ shown: true });
      await waitForCard(page, (c) => c?.visible === true && c.entry === 'afghan-taliban', 3000);
      const weak = () =>
        page.evaluate(() => document.querySelector('[data-context-glossary-host]')!.shadowRoot!.querySelector('[data-weak-note]')?.textContent ?? null);
      expect(await weak()).toMatch(/^Less certain: /);
      // A card opened for a mention on firm ground has no such line.
      expect(await toTab(b, { type: 'openCard', payload: { id: 'noor-wali-mehsud' } })).toEqual({ shown: true });
      await waitForCard(page, (c) => c?.visible === true && c.entry === 'noor-wali-mehsud', 3000);
      expect(await weak()).toBeNull();

      // Provenance: "More about …" shows each outside fact's source (named, dated, linked) and the report's metadata.
      expect(await toTab(b, { type: 'openCard', payload: { id: 'al-qaeda' } })).toEqual({ shown: true });
      await waitForCard(page, (c) => c?.visible === true && c.entry === 'al-qaeda', 3000);
      await clickInCard(page, '[data-action="more"]');
      const prov = await page.evaluate(() => {
        const root = document.querySelector('[data-context-glossary-host]')!.shadowRoot!;
        return {
          facts: root.querySelector('[data-fact-sources]')?.textContent ?? null,
          links: [...root.querySelectorAll<HTMLAnchorElement>('[data-fact-source]')].map((a) => a.href),
          report: root.querySelector('[data-provenance]')?.textContent ?? null,
          source: root.querySelector('.cg-source')?.textContent ?? null,
        };
      });
      expect(prov.facts).toMatch(/^Source: Moneycontrol .*, \w{3} \d{1,2}, 2021$/);
      expect(prov.links.length).toBeGreaterThan(0);
      for (const href of prov.links) expect(href).toMatch(/^https:\/\//);
      expect(prov.source).toContain("Pakistan's TTP problem rises");
      expect(prov.report).toContain('Based on: United States Institute of Peace');
      expect(prov.report).toContain('Published by: ');
    } finally {
      await page.close();
    }
  });

  it('theme "system" follows the page: a dark card on a dark page, a light card on a light page', async () => {
    const b = ctx();
    for (const [path, want] of [
      ['/dark-page.html', 'theme-dark'],
      ['/light-page.html', 'theme-light'],
    ] as const) {
      const page = await open(b, path);
      try {
        expect(await next(b)).toBe('ttp');
        await waitForCard(page, (c) => c?.visible === true, 3000);
        const cls = await page.evaluate(
          () => document.querySelector('[data-context-glossary-host]')!.shadowRoot!.querySelector('.cg-card')!.className,
        );
        expect(cls).toContain(want);
      } finally {
        await page.close();
      }
    }
  });
});

/** A real (trusted) click on an element inside the card's shadow root. */
async function clickInCard(page: Page, selector: string): Promise<void> {
  const box = await page.evaluate((sel: string) => {
    const el = document.querySelector('[data-context-glossary-host]')?.shadowRoot?.querySelector<HTMLElement>(sel);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  }, selector);
  if (!box) throw new Error(`no ${selector} in the card`);
  await page.mouse.move(box.x, box.y, { steps: 3 });
  await page.mouse.click(box.x, box.y);
}
