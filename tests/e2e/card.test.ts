// The card on a real page (the demo article) in both browsers: hover opens it with the glossary's own definition
// and verbatim quotes; the pointer can move into it; Esc closes; related links switch it with Back; the keyboard
// opens it focused and announced; a hostile page's styles do not reach it; light and dark screenshots are saved
// to artifacts/; "not this meaning on this site" removes the marks at once (last: it changes the settings).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { compileGlossaryDir } from '../../tools/glossary/compile-glossary.js';
import type { CompiledEntry, CompiledGlossary } from '../../src/core/glossary-types.js';
import type { Settings } from '../../src/core/settings/schema.js';
import { clickInCard, hover, markBox, readCard, waitForCard } from './card-helpers.js';
import { EVERY_MENTION, storeSettings } from './marking-expect.js';
import {
  artifactPath,
  FIXTURES_DIR,
  type FixtureServer,
  ROOT,
  describeEachBrowser,
  launchWithExtension,
  readMarks,
  startServer,
  waitForMarks,
} from './harness/index.js';

let glossary: CompiledGlossary;
let server: FixtureServer;
const entry = (id: string): CompiledEntry => {
  const e = glossary.entries.find((x) => x.id === id);
  if (!e) throw new Error(`no entry ${id}`);
  return e;
};

/** The demo article with a hostile stylesheet: everything red and huge, every div hidden, our host targeted. */
const HOSTILE_CSS = `<style>
  * { color: red !important; font-size: 40px !important; font-family: "Comic Sans MS", cursive !important;
      line-height: 3 !important; letter-spacing: 5px !important; background: yellow !important; }
  div { display: none !important; }
  [data-context-glossary-host], html > div { display: none !important; opacity: 0 !important; width: 1px !important;
      transform: scale(0.1) !important; }
  *::before { content: "X" !important; }
</style>`;

beforeAll(async () => {
  const result = compileGlossaryDir(join(ROOT, 'glossary'));
  if (!result.ok) throw new Error(result.errors.join('\n'));
  glossary = result.glossary;
  const demo = readFileSync(join(FIXTURES_DIR, 'demo', 'article.html'), 'utf8');
  server = await startServer({
    routes: { '/hostile.html': () => ({ body: demo.replace('</head>', `${HOSTILE_CSS}</head>`) }) },
  });
});
afterAll(async () => {
  await server?.close();
});

async function openDemo(page: Page, path = 'demo/article.html'): Promise<void> {
  await page.setViewport({ width: 1200, height: 900 });
  await page.goto(server.url(path), { waitUntil: 'load' });
  await waitForMarks(page, (m) => m.some((x) => x.text === 'TTP'), 10_000);
}

/**
 * Hovers the nth mark with this text and waits for the card of `id`. Retried (pointer away, mark found afresh)
 * when a re-scan replaced the mark under the pointer — e.g. right after a settings change.
 */
async function hoverFor(page: Page, text: string, id: string, nth = 0) {
  for (let attempt = 1; ; attempt++) {
    await hover(page, await markBox(page, text, nth));
    try {
      return (await waitForCard(page, (c) => c?.visible === true && c.entry === id, 2_500))!;
    } catch (err) {
      if (attempt === 3) throw err;
      await page.mouse.move(5, 5);
      await new Promise((r) => setTimeout(r, 400));
    }
  }
}

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
