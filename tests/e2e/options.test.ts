// The options page drives already open tabs without a reload, in both browsers: an own term added in options is
// marked on the open fixture tab and its card says it is yours; markup typed into a definition shows as text and
// runs nothing (neither in the card nor in options); disabling a category removes its marks; changing the mark
// style repaints the page (checked on screenshot pixels). Tests run in order and build on each other's state.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickInCard, hover, markBox, waitForCard } from './card-helpers.js';
import { EVERY_MENTION, storeSettings } from './marking-expect.js';
import { BROWSERS, decodePng, type ExtensionBrowser, type FixtureServer, type Mark, launchWithExtension, readMarks, startServer, waitForMarks } from './harness/index.js';

const FIXTURE = 'options-live.html';
const XSS_DEFINITION = 'A narrow strip of land. <img src=x onerror="window.__cgPwned=1;document.title=\'pwned\'"> End.';

/** Expected marks of the fixture, from its data-expect (and data-expect-own once the own entry exists). */
async function expectedMarks(page: Page, withOwn: boolean): Promise<string[]> {
  return page.evaluate((own: boolean) => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('[data-expect]')) {
      const spec = (own && el.dataset.expectOwn) || el.dataset.expect || '';
      for (const part of spec.split(' | ').filter(Boolean)) {
        const [cat, ...text] = part.split(':');
        out.push(`context-glossary-${cat}:${text.join(':')}`);
      }
    }
    return out;
  }, withOwn);
}
const asList = (marks: Mark[]) => marks.map((m) => `${m.name}:${m.text}`);

/** Share of pixels around the big "Noor Wali Mehsud" mark that are the person colour (#b45309, the underline) or
 *  its 22% tint over white (the background style). */
async function markPixels(page: Page): Promise<{ line: number; tint: number }> {
  const box = await markBox(page, 'Noor Wali Mehsud', 1);
  const clip = { x: Math.floor(box.x), y: Math.floor(box.y), width: Math.ceil(box.w), height: Math.ceil(box.h + 14) };
  const png = decodePng(Buffer.from(await page.screenshot({ clip, type: 'png' })));
  let line = 0;
  let tint = 0;
  const near = (r: number, g: number, b: number, R: number, G: number, B: number, d: number) => Math.abs(r - R) <= d && Math.abs(g - G) <= d && Math.abs(b - B) <= d;
  for (let i = 0; i < png.rgba.length; i += 4) {
    const [r, g, b] = [png.rgba[i]!, png.rgba[i + 1]!, png.rgba[i + 2]!];
    if (near(r, g, b, 0xb4, 0x53, 0x09, 40)) line++;
    // color-mix(in srgb, #b45309 22%, transparent) over white ≈ rgb(238, 217, 201)
    if (near(r, g, b, 238, 217, 201, 14)) tint++;
  }
  const n = png.rgba.length / 4;
  return { line: line / n, tint: tint / n };
}

async function waitForPixels(page: Page, pred: (p: { line: number; tint: number }) => boolean): Promise<{ line: number; tint: number }> {
  let last = { line: -1, tint: -1 };
  for (let i = 0; i < 50; i++) {
    last = await markPixels(page);
    if (pred(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`pixels never matched; last ${JSON.stringify(last)}`);
}

async function waitForText(page: Page, selector: string, re: RegExp): Promise<void> {
  await page.waitForFunction((sel: string, src: string) => new RegExp(src).test(document.querySelector(sel)?.textContent ?? ''), { timeout: 10_000 }, selector, re.source);
}

async function clearAndType(page: Page, selector: string, text: string): Promise<void> {
  await page.focus(selector);
  await page.keyboard.down('Control');
  await page.keyboard.press('KeyA');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  await page.type(selector, text);
}

/** Hovers the first mark with this text and returns the card once it shows `id`. */
async function cardFor(page: Page, text: string, id: string) {
  await page.mouse.move(5, 5);
  await hover(page, await markBox(page, text, 0));
  return (await waitForCard(page, (c) => c?.visible === true && c.entry === id))!;
}

let server: FixtureServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

for (const kind of BROWSERS) {
  describe(`options live updates [${kind}]`, () => {
    let b: ExtensionBrowser;
    let article: Page;
    let options: Page;
    beforeAll(async () => {
      b = await launchWithExtension(kind);
      // The fixture lists every mention it expects (the default marks the first per page).
      await storeSettings(b, EVERY_MENTION);
      article = await b.newPage();
      await article.setViewport({ width: 1000, height: 800 });
      await article.goto(server.url(FIXTURE), { waitUntil: 'load' });
      const want = await expectedMarks(article, false);
      await waitForMarks(article, (m) => asList(m).join('\n') === want.join('\n'), 10_000);
      options = await b.openExtensionPage('options.html');
      await options.waitForSelector('[data-testid="add-entry"]', { timeout: 10_000 });
    });
    afterAll(async () => {
      await b?.close();
    });

    it('adds an own term in options and the open tab marks it without a reload', async () => {
      await article.evaluate(() => ((window as unknown as { __cgLoadMarker: number }).__cgLoadMarker = 42));
      await options.bringToFront();
      await options.click('[data-testid="add-entry"]');
      await options.waitForSelector('[data-testid="entry-editor"]');
      await options.type('input[name="name"]', 'Wakhan Corridor');
      await options.select('select[name="category"]', 'place');
      await options.type('textarea[name="definition"]', XSS_DEFINITION);
      // Markup is allowed as text but flagged (an import would refuse it).
      await options.waitForSelector('#warn-definition');
      await options.click('[data-testid="save-entry"]');
      await options.waitForSelector('[data-entry^="own-wakhan-corridor"]', { timeout: 5_000 });

      await article.bringToFront();
      const want = await expectedMarks(article, true);
      const marks = await waitForMarks(article, (m) => asList(m).join('\n') === want.join('\n'));
      expect(asList(marks)).toEqual(want);
      // Same document: no reload happened.
      expect(await article.evaluate(() => (window as unknown as { __cgLoadMarker?: number }).__cgLoadMarker)).toBe(42);
    });

    it("shows the own entry's card as yours, with the typed markup as plain text that runs nothing", async () => {
      // The own entry also asks the page glossary again (its entries may name glossary entries: page-subset.ts), and
      // the engine rescans when it comes: wait for the mark to stand before hovering it.
      await waitForMarks(article, (m) => m.some((x) => x.text === 'Wakhan Corridor'), 10_000);
      await hover(article, await markBox(article, 'Wakhan Corridor', 0));
      const card = await waitForCard(article, (c) => c?.visible === true && (c.entry ?? '').startsWith('own-'));
      expect(card!.name).toBe('Wakhan Corridor');
      expect(card!.definition).toBe(XSS_DEFINITION);
      const inCard = await article.evaluate(() => {
        const root = document.querySelector('[data-context-glossary-host]')!.shadowRoot!;
        return { imgs: root.querySelectorAll('img').length, own: root.querySelector('.cg-own')?.textContent ?? null };
      });
      expect(inCard.imgs).toBe(0);
      expect(inCard.own).toMatch(/Your entry/);
      await new Promise((r) => setTimeout(r, 300)); // an <img src=x> error would have fired by now
      expect(await article.evaluate(() => [(window as unknown as { __cgPwned?: number }).__cgPwned ?? null, document.title])).toEqual([null, 'Options live-update fixture']);
      // The options page lists the definition as text too.
      const inOptions = await options.evaluate(() => ({
        imgs: document.querySelectorAll('img').length,
        pwned: (window as unknown as { __cgPwned?: number }).__cgPwned ?? null,
        text: document.querySelector('[data-entry^="own-wakhan"] .entry-def')?.textContent ?? null,
      }));
      expect(inOptions).toEqual({ imgs: 0, pwned: null, text: XSS_DEFINITION });
      await article.mouse.move(5, 5);
    });

    it('disabling a category removes its marks from the open tab, enabling brings them back', async () => {
      await options.bringToFront();
      await options.click('input[name="category-organization"]');
      await article.bringToFront();
      const without = (await expectedMarks(article, true)).filter((m) => !m.startsWith('context-glossary-organization:'));
      const marks = await waitForMarks(article, (m) => asList(m).join('\n') === without.join('\n'));
      expect(asList(marks).some((m) => m.includes('organization'))).toBe(false);
      await options.bringToFront();
      await options.click('input[name="category-organization"]');
      await article.bringToFront();
      const all = await expectedMarks(article, true);
      await waitForMarks(article, (m) => asList(m).join('\n') === all.join('\n'));
    });

    it('changing the mark style repaints the open tab (screenshot pixels)', async () => {
      await article.bringToFront();
      const dotted = await waitForPixels(article, (p) => p.line > 0.005);
      expect(dotted.tint).toBeLessThan(0.02);

      await options.bringToFront();
      await options.click('input[name="mark-style"][value="background"]');
      await article.bringToFront();
      const bg = await waitForPixels(article, (p) => p.tint > 0.25);
      expect(bg.line).toBeLessThan(0.01);

      await options.bringToFront();
      await options.click('input[name="mark-style"][value="none"]');
      await article.bringToFront();
      const none = await waitForPixels(article, (p) => p.tint < 0.01 && p.line < 0.001);
      expect(none).toEqual({ line: expect.any(Number), tint: expect.any(Number) });
      // Marks still exist (cards still open on hover); only their paint changed.
      expect((await readMarks(article)).some((m) => m.text === 'Noor Wali Mehsud')).toBe(true);
    });

    it("overrides a built-in entry's definition (the open tab's card shows it) and resets it to the original", async () => {
      await article.bringToFront();
      const original = (await cardFor(article, 'Kabul', 'kabul')).definition!;
      await options.bringToFront();
      await options.click('[data-entry="kabul"] button[aria-label^="Edit"]');
      await options.waitForSelector('[data-testid="entry-editor"]');
      expect(await options.$eval('textarea[name="definition"]', (el) => (el as HTMLTextAreaElement).value)).toBe(original);
      await clearAndType(options, 'textarea[name="definition"]', 'My own words about Kabul.');
      await options.click('[data-testid="save-entry"]');
      await options.waitForFunction(() => /Changed/.test(document.querySelector('[data-entry="kabul"]')?.textContent ?? ''));
      await article.bringToFront();
      await article.mouse.move(5, 5);
      await waitForCard(article, (c) => !c?.visible);
      expect((await cardFor(article, 'Kabul', 'kabul')).definition).toBe('My own words about Kabul.');

      await options.bringToFront();
      await options.click('[data-entry="kabul"] button[aria-label^="Edit"]');
      await options.click('[data-testid="reset-original"]');
      await options.waitForFunction(() => !/Changed/.test(document.querySelector('[data-entry="kabul"]')?.textContent ?? ''));
      await article.bringToFront();
      await article.mouse.move(5, 5);
      await waitForCard(article, (c) => !c?.visible);
      expect((await cardFor(article, 'Kabul', 'kabul')).definition).toBe(original);
      await article.mouse.move(5, 5);
    });

    it('lists a "not this meaning" rule made on a card in plain words; "Mark again" brings the marks back without a reload', async () => {
      await article.bringToFront();
      await cardFor(article, 'Kabul', 'kabul');
      await clickInCard(article, '[data-action="not-this-meaning"]');
      await waitForMarks(article, (m) => !m.some((x) => x.text === 'Kabul'));
      await options.bringToFront();
      const rule = '[data-testid="card-rules"] [data-rule="not-this-meaning"][data-entry="kabul"]';
      await options.waitForSelector(rule, { timeout: 5_000 });
      expect(await options.$eval(rule, (li) => li.querySelector('span')?.textContent)).toBe('Kabul is not marked on 127.0.0.1 (it means something else there)');
      await options.click(`${rule} button[aria-label="Mark Kabul again on 127.0.0.1"]`);
      await article.bringToFront();
      await waitForMarks(article, (m) => m.some((x) => x.text === 'Kabul'));
    });

    it('lists a "Don\'t mark this term" made on a card; "Mark again" brings the marks back without a reload', async () => {
      await article.evaluate(() => ((window as unknown as { __cgDontMark: number }).__cgDontMark = 7));
      await article.bringToFront();
      await cardFor(article, 'Kabul', 'kabul');
      await clickInCard(article, '[data-action="dont-mark"]');
      await waitForMarks(article, (m) => !m.some((x) => x.text === 'Kabul'));
      await options.bringToFront();
      const rule = '[data-testid="card-rules"] [data-rule="dont-mark"][data-entry="kabul"]';
      await options.waitForSelector(rule, { timeout: 8_000 });
      expect(await options.$eval(rule, (li) => li.querySelector('span')?.textContent)).toBe('Kabul is not marked on any site');
      await options.click(`${rule} button[aria-label="Mark Kabul again"]`);
      await options.waitForFunction((sel: string) => document.querySelector(sel) === null, { timeout: 5_000 }, rule);
      await article.bringToFront();
      await waitForMarks(article, (m) => m.some((x) => x.text === 'Kabul'));
      expect(await article.evaluate(() => (window as unknown as { __cgDontMark?: number }).__cgDontMark)).toBe(7);
    });

    it('card width set with the keyboard on a slider applies to the next card on the open tab', async () => {
      await options.bringToFront();
      await options.focus('#card-width');
      await options.keyboard.press('End'); // range max: 560 px
      await options.waitForFunction(() => document.querySelector('output[for="card-width"]')?.textContent === '560 px');
      await article.bringToFront();
      await article.mouse.move(5, 5);
      await waitForCard(article, (c) => !c?.visible);
      // The write is debounced in options; the card picks the new width up once storage says so.
      let width = 0;
      for (let i = 0; i < 30 && Math.abs(width - 560) > 2; i++) {
        await article.mouse.move(5, 5);
        await new Promise((r) => setTimeout(r, 150));
        width = (await cardFor(article, 'Kabul', 'kabul')).rect?.w ?? 0;
      }
      expect(Math.round(width)).toBe(560);
      await article.mouse.move(5, 5);
    });

    it('a denylisted site loses its marks at once, and gets them back when the pattern is removed', async () => {
      await options.bringToFront();
      await options.type('#deny-input', '127.0.0.1');
      await options.keyboard.press('Enter');
      await article.bringToFront();
      await waitForMarks(article, (m) => m.length === 0);
      await options.bringToFront();
      await options.click('[data-testid="deny-list"] button[aria-label="Remove 127.0.0.1"]');
      await article.bringToFront();
      await waitForMarks(article, (m) => m.some((x) => x.text === 'Wakhan Corridor'));
    });

    it('every form control on the options page has an accessible name', async () => {
      await options.bringToFront();
      const unnamed = await options.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('input, select, textarea, button')]
          .filter((el) => {
            if (el.getAttribute('aria-label') || el.getAttribute('aria-labelledby')) return false;
            if ((el as HTMLInputElement).labels?.length) return false;
            if (el.tagName === 'BUTTON' && (el.textContent ?? '').trim()) return false;
            return true;
          })
          .map((el) => el.outerHTML.slice(0, 120)),
      );
      expect(unnamed).toEqual([]);
      await waitForText(options, '[data-testid="status"]', /Saved|^$/);
    });

    it('two options pages that each save an own term at the same moment keep both (one edit per request)', async () => {
      // Before, each page sent the whole own-entries object it had last seen: the later write dropped the other
      // page's term. Now each page sends its one edit and the background applies it to what is stored.
      const second = await b.openExtensionPage('options.html');
      await second.waitForSelector('[data-testid="add-entry"]', { timeout: 10_000 });
      const fill = async (page: Page, name: string) => {
        await page.bringToFront();
        await page.click('[data-testid="add-entry"]');
        await page.waitForSelector('[data-testid="entry-editor"]');
        await page.type('input[name="name"]', name);
        await page.select('select[name="category"]', 'place');
        await page.type('textarea[name="definition"]', `About ${name}.`);
      };
      await fill(options, 'Torkham Crossing');
      await fill(second, 'Chaman Crossing');
      // Both saves leave before either page hears of the other's write.
      await Promise.all([
        options.$eval('[data-testid="save-entry"]', (el) => (el as HTMLElement).click()),
        second.$eval('[data-testid="save-entry"]', (el) => (el as HTMLElement).click()),
      ]);
      for (const page of [options, second]) {
        await page.waitForSelector('[data-entry^="own-torkham-crossing"]', { timeout: 10_000 });
        await page.waitForSelector('[data-entry^="own-chaman-crossing"]', { timeout: 10_000 });
      }
      const stored = await b.evaluateInBackground(async () => {
        const got = await chrome.storage.local.get('userGlossary');
        return ((got.userGlossary as { own?: { id: string }[] } | undefined)?.own ?? []).map((e) => e.id);
      });
      expect(stored).toEqual(expect.arrayContaining(['own-torkham-crossing', 'own-chaman-crossing']));
      // The term added by the first test is still there too.
      expect(stored.some((id) => id.startsWith('own-wakhan-corridor'))).toBe(true);
      await second.close();
    });
  });
}
