// The card on a real page (the demo article) in both browsers: hover opens it with the glossary's own definition
// and verbatim quotes; the pointer can move into it; Esc closes; related links switch it with Back; the keyboard
// opens it focused and announced; light and dark screenshots are saved to artifacts/. More in card-more.test.ts.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { clickInCard, readCard, waitForCard } from './card-helpers.js';
import { entry, glossary, hoverFor, openDemo, startCardDemo, stopCardDemo } from './card-demo.js';
import { EVERY_MENTION, storeSettings } from './marking-expect.js';
import { artifactPath, describeEachBrowser, launchWithExtension } from './harness/index.js';

beforeAll(startCardDemo);
afterAll(stopCardDemo);

describeEachBrowser('card', (ctx, kind) => {
  // These tests hover and count later mentions of a term: every mention marked (the default is the first per page).
  beforeAll(() => storeSettings(ctx(), EVERY_MENTION));
  let page: Page;
  beforeAll(async () => {
    page = await ctx().newPage();
    await openDemo(page);
  });

  it('opens on hover as a dialog with the entry’s definition and its most telling verbatim quotes', async () => {
    const ttp = entry('ttp');
    const card = await hoverFor(page, 'TTP', 'ttp');
    expect(card.role).toBe('dialog');
    expect(card.label).toContain(ttp.name);
    expect(card.name).toContain(ttp.name);
    expect(card.definition).toBe(ttp.definition);
    expect(card.styles).toBe('adopted');
    // The top quotes, in the glossary's order, verbatim, each linking to its sentence, term emphasized.
    const top = ttp.quotes.slice(0, 3);
    expect(card.quotes.map((q) => q.text)).toEqual(top.map((q) => q.text));
    expect(card.quotes.map((q) => q.anchor)).toEqual(top.map((q) => `p${q.paragraph}s${q.sentence}`));
    for (const [i, q] of top.entries()) {
      expect(card.quotes[i]!.marked).toEqual(q.marks.map(([s, e]) => q.text.slice(s, e)));
      for (const [s, e] of q.marks) expect(glossary.report.text).toContain(q.text.slice(s, e));
    }
    expect(card.mentions).toBe(`${ttp.mentions} mentions`);
    expect(card.source).toBe(`From: ${glossary.report.meta.title} (${glossary.report.meta.displayDate})`);
    expect(card.newer).toBe(`This article (Mar 14, 2022) is newer than the report (${glossary.report.meta.displayDate}).`);
    expect(card.related).toEqual(ttp.related.filter((id) => glossary.entries.some((e) => e.id === id)));
    // Inside the viewport.
    const vp = await page.evaluate(() => ({ w: innerWidth, h: innerHeight }));
    expect(card.rect!.x).toBeGreaterThanOrEqual(0);
    expect(card.rect!.y).toBeGreaterThanOrEqual(0);
    expect(card.rect!.x + card.rect!.w).toBeLessThanOrEqual(vp.w);
    expect(card.rect!.y + card.rect!.h).toBeLessThanOrEqual(vp.h);
  });

  it('"Show all" lists every quote', async () => {
    const ttp = entry('ttp');
    await clickInCard(page, '.cg-expander');
    const card = await waitForCard(page, (c) => (c?.quotes.length ?? 0) > 3);
    expect(card!.quotes.map((q) => q.text)).toEqual(ttp.quotes.map((q) => q.text));
  });

  it('stays open while the pointer is in it, closes after the pointer leaves both', async () => {
    const card = await readCard(page);
    expect(card?.visible).toBe(true);
    const r = card!.rect!;
    await page.mouse.move(r.x + r.w / 2, r.y + 20, { steps: 6 });
    await new Promise((done) => setTimeout(done, 900)); // well past the 300 ms grace period
    expect((await readCard(page))?.visible).toBe(true);
    await page.mouse.move(5, 5, { steps: 4 });
    await waitForCard(page, (c) => c?.visible === false, 3_000);
  });

  it('switches to a related entry and back', async () => {
    const ttp = entry('ttp');
    await hoverFor(page, 'TTP', 'ttp');
    const relatedId = ttp.related[0]!;
    await clickInCard(page, `[data-related="${relatedId}"]`);
    const related = await waitForCard(page, (c) => c?.entry === relatedId);
    expect(related!.name).toContain(entry(relatedId).name);
    expect(related!.definition).toBe(entry(relatedId).definition);
    expect(related!.hasBack).toBe(true);
    await clickInCard(page, '[data-action="back"]');
    const back = await waitForCard(page, (c) => c?.entry === 'ttp');
    expect(back!.hasBack).toBe(false);
  });

  it('closes on Esc from inside the card', async () => {
    const card = await readCard(page);
    expect(card?.visible).toBe(true);
    await page.evaluate(() => {
      document.querySelector('[data-context-glossary-host]')!.shadowRoot!.querySelector<HTMLElement>('[role="dialog"]')!.focus();
    });
    await page.keyboard.press('Escape');
    await waitForCard(page, (c) => c?.visible === false, 2_000);
  });

  it('opens focused and announced from the keyboard (next-term command); Esc returns focus', async () => {
    await page.mouse.move(5, 5);
    await page.evaluate(() => {
      scrollTo({ top: 0, behavior: 'instant' });
      document.querySelector<HTMLElement>('a[href="#explainer"]')!.focus({ preventScroll: true });
    });
    const id = await ctx().evaluateInBackground(async () => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      // Without the "tabs" permission tab URLs are hidden: ask every tab; only the demo page has a content script.
      for (const tab of await api.tabs.query({})) {
        try {
          const reply = (await api.tabs.sendMessage(tab.id!, { type: 'navigateTerm', payload: { direction: 'next' } }, { frameId: 0 })) as {
            id: string | null;
          } | null;
          if (reply?.id) return reply.id;
        } catch {
          // no content script in that tab
        }
      }
      return null;
    });
    expect(id).not.toBeNull();
    const card = await waitForCard(page, (c) => c?.visible === true && c.entry === id && c.focused && (c.live ?? '').length > 0);
    expect(card!.live!.startsWith(`${entry(id!).name}: `)).toBe(true);
    await page.keyboard.press('Escape');
    await waitForCard(page, (c) => c?.visible === false, 2_000);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#explainer');
  });

  /**
   * A page of the demo under a colour scheme / motion preference. Chromium emulates media features on the shared
   * page; Firefox under WebDriver BiDi cannot, so it gets a second browser whose prefs set them (the same media
   * queries a user's OS setting drives): `layout.css.prefers-color-scheme.content-override` 0 = dark,
   * `ui.prefersReducedMotion` 1 = reduce.
   */
  async function pageWith(prefs: { dark: boolean; reduceMotion: boolean }): Promise<{ page: Page; done: () => Promise<void> }> {
    if (kind === 'chromium') {
      await page.emulateMediaFeatures([
        { name: 'prefers-color-scheme', value: prefs.dark ? 'dark' : 'light' },
        { name: 'prefers-reduced-motion', value: prefs.reduceMotion ? 'reduce' : 'no-preference' },
      ]);
      await page.mouse.move(5, 5);
      await waitForCard(page, (c) => c?.visible !== true, 3_000);
      return { page, done: async () => void (await page.emulateMediaFeatures([])) };
    }
    if (!prefs.dark && !prefs.reduceMotion) {
      await page.bringToFront();
      await page.mouse.move(5, 5);
      await waitForCard(page, (c) => c?.visible !== true, 3_000);
      return { page, done: async () => undefined };
    }
    const other = await launchWithExtension('firefox', {
      prefs: {
        ...(prefs.dark ? { 'layout.css.prefers-color-scheme.content-override': 0 } : {}),
        ...(prefs.reduceMotion ? { 'ui.prefersReducedMotion': 1 } : {}),
      },
    });
    // A fresh profile: every mention, as the suite's own browser (the demo's first mention of the TTP is its long form).
    await storeSettings(other, EVERY_MENTION);
    const p = await other.newPage();
    await openDemo(p);
    return { page: p, done: () => other.close() };
  }

  const cardLook = (p: Page) =>
    p.evaluate(() => {
      const el = document.querySelector('[data-context-glossary-host]')!.shadowRoot!.querySelector('.cg-card')!;
      const cs = getComputedStyle(el);
      return { bg: cs.backgroundColor, fg: cs.color, animation: cs.animationName };
    });

  it('looks right in light and dark (screenshots in artifacts/), and skips the fade-in under reduced motion', async () => {
    const looks: Record<string, { bg: string; fg: string; animation: string }> = {};
    for (const scheme of ['light', 'dark'] as const) {
      // Dark runs with reduced motion too (one extra Firefox instead of two).
      const { page: p, done } = await pageWith({ dark: scheme === 'dark', reduceMotion: scheme === 'dark' });
      try {
        const card = await hoverFor(p, 'Noor Wali Mahsud', 'noor-wali-mehsud');
        await new Promise((r) => setTimeout(r, 250)); // fade-in
        looks[scheme] = await cardLook(p);
        const r = card.rect!;
        // clip is in document coordinates; the card's rect is in the viewport's.
        const scroll = await p.evaluate(() => ({ x: scrollX, y: scrollY, h: innerHeight }));
        const top = Math.max(0, r.y - 60);
        await p.screenshot({
          path: artifactPath(`card-${scheme}-${kind}.png`) as `${string}.png`,
          clip: { x: scroll.x + Math.max(0, r.x - 24), y: scroll.y + top, width: r.w + 48, height: Math.min(scroll.h - top, r.h + 84) },
        });
      } finally {
        await done();
      }
    }
    expect(looks.light!.bg).toBe('rgb(255, 255, 255)');
    expect(looks.light!.fg).toBe('rgb(31, 35, 40)');
    expect(looks.dark!.bg).toBe('rgb(31, 35, 41)');
    expect(looks.dark!.fg).toBe('rgb(230, 237, 243)');
    expect(looks.light!.animation).toBe('cg-in');
    expect(looks.dark!.animation).toBe('none');
  });
});
