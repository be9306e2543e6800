// axe-core on everything a reader meets, in both browsers (issue 12 deliverable 9): the popup (empty, results, no
// results, a card open), the options page (every section, the entry form with errors), the report reader, and the
// card in its shadow root on a served page. Zero violations of any impact.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hover, markBox, waitForCard } from './card-helpers.js';
import { describeEachBrowser, runAxe, startServer, waitForMarks, type AxeViolation, type FixtureServer } from './harness/index.js';
import { openPopup, poll, searchFor } from './popup-helpers.js';

let server: FixtureServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

/** Violations as readable lines, so a failure names the rule and the nodes. */
const lines = (v: AxeViolation[]) => v.map((x) => `${x.impact ?? '?'} ${x.id}: ${x.help} @ ${x.nodes.slice(0, 3).join(' ')}`);

describeEachBrowser('axe-core', (ctx) => {
  let page: Page;
  beforeAll(async () => {
    page = await ctx().newPage();
    await page.setViewport({ width: 1000, height: 800 });
    await page.goto(server.url('/popup-page.html'));
    await waitForMarks(page, (m) => m.some((x) => x.text === 'Siraj Haqqani'), 15_000);
  });

  it('popup: page terms and browse, results, no results, a card open', async () => {
    const { popup } = await openPopup(ctx(), page);
    await poll(() => popup.evaluate(() => document.querySelectorAll('.page-term').length), (n) => n > 0);
    const found: Record<string, string[]> = {};
    found.browse = lines(await runAxe(popup));
    await searchFor(popup, 'haqqani');
    found.results = lines(await runAxe(popup));
    await searchFor(popup, 'zzqxv');
    found.none = lines(await runAxe(popup));
    await searchFor(popup, 'mehsud');
    await popup.keyboard.press('Enter');
    await poll(() => popup.evaluate(() => document.querySelector('.cg-card') !== null), (v) => v);
    found.card = lines(await runAxe(popup));
    expect(found).toEqual({ browse: [], results: [], none: [], card: [] });
    await popup.close().catch(() => undefined);
  });

  it('popup on a page with no terms', async () => {
    const empty = await ctx().newPage();
    await empty.goto(server.url('/popup-empty.html'));
    const { popup } = await openPopup(ctx(), empty);
    await poll(() => popup.evaluate(() => document.querySelector('.page-section .note') !== null), (v) => v);
    expect(lines(await runAxe(popup))).toEqual([]);
    await popup.close().catch(() => undefined);
    await empty.close();
  });

  it('options: every section, and the entry form with errors', async () => {
    const options = await ctx().openExtensionPage('options.html');
    await options.waitForSelector('#data [data-testid]', { timeout: 10_000 }).catch(() => undefined);
    await poll(() => options.evaluate(() => document.querySelector('#keyboard .shortcut') !== null), (v) => v);
    const found: Record<string, string[]> = {};
    found.page = lines(await runAxe(options));
    await options.click('[data-testid="add-entry"]');
    await options.waitForSelector('[data-testid="entry-editor"]');
    found.form = lines(await runAxe(options));
    await options.click('[data-testid="save-entry"]');
    await options.waitForSelector('[data-testid="entry-editor"] [role="alert"]');
    found.errors = lines(await runAxe(options));
    expect(found).toEqual({ page: [], form: [], errors: [] });
    await options.close();
  });

  it('the report reader', async () => {
    const reader = await ctx().openExtensionPage('reader.html');
    await waitForMarks(reader, (m) => m.length > 0, 15_000);
    expect(lines(await runAxe(reader))).toEqual([]);
    await reader.close();
  });

  it('the card in its shadow root on a served page', async () => {
    await page.bringToFront();
    await page.evaluate(() => scrollTo(0, 0));
    await hover(page, await markBox(page, 'Noor Wali Mehsud'));
    await waitForCard(page, (c) => c?.visible === true, 10_000);
    expect(lines(await runAxe(page, ['[data-context-glossary-host]']))).toEqual([]);
    // The check reaches into the shadow root: an image without a text alternative put there is found.
    await page.evaluate(() => {
      const root = document.querySelector('[data-context-glossary-host]')!.shadowRoot!;
      const img = document.createElement('img');
      img.id = 'axe-probe';
      img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
      root.querySelector('[role="dialog"]')!.append(img);
    });
    const probe = await runAxe(page, ['[data-context-glossary-host]']);
    await page.evaluate(() => document.querySelector('[data-context-glossary-host]')!.shadowRoot!.getElementById('axe-probe')?.remove());
    expect(probe.map((v) => v.id)).toContain('image-alt');
  });
});
