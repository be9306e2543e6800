// Issue 14: a glossary saved, switched off or on, or deleted reaches pages that are already open, without a reload
// (the background's revision ping -> the content script asks getGlossary again -> the engine rescans).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBrowser, startServer, waitForMarks, type FixtureServer, type Mark } from './harness/index.js';
import { ask, listGlossaries, saveLiveGlossary } from './glossary-helpers.js';
import { poll, waitForExtensionTab } from './popup-helpers.js';
import { clickInCard, hover, markBox, waitForCard } from './card-helpers.js';

const NEWS = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Border news</title></head><body><main><article>
<h1>Border crossings stay shut</h1>
<p>The Tehreek-e-Taliban Pakistan said nothing. Zabihullah Mujahid said on Friday that trade across the Durand Line would resume once talks restart.</p>
</article></main></body></html>`;

let server: FixtureServer;
beforeAll(async () => {
  server = await startServer({ routes: { '/live.html': () => ({ body: NEWS }) } });
});
afterAll(async () => {
  await server?.close();
});

const BUNDLED = 'Tehreek-e-Taliban Pakistan';
const has = (text: string) => (m: Mark[]) => m.some((x) => x.text === text);

describeEachBrowser('open pages follow glossary changes', (ctx) => {
  it('a page open before the save marks the new terms; switching the glossary off and deleting it removes them', async () => {
    const b = ctx();
    const news = await b.newPage();
    await news.goto(server.url('/live.html'));
    await waitForMarks(news, has(BUNDLED), 15_000); // the bundled glossary is on the page; the new terms are not yet
    await waitForMarks(news, (m) => !has('Durand Line')(m) && !has('Zabihullah Mujahid')(m));

    const ext = await b.openExtensionPage('make.html');
    const id = await saveLiveGlossary(ext);
    await waitForMarks(news, (m) => has(BUNDLED)(m) && has('Durand Line')(m) && has('Zabihullah Mujahid')(m), 10_000);

    await ask(ext, 'setGlossaryEnabled', { id, enabled: false });
    await waitForMarks(news, (m) => has(BUNDLED)(m) && !has('Durand Line')(m) && !has('Zabihullah Mujahid')(m), 10_000);

    await ask(ext, 'setGlossaryEnabled', { id, enabled: true });
    await waitForMarks(news, has('Durand Line'), 10_000);
    await ask(ext, 'deleteGlossary', { id });
    await waitForMarks(news, (m) => has(BUNDLED)(m) && !has('Durand Line')(m), 10_000);
    await Promise.all([news.close(), ext.close()]);
  });

  it('options lists every glossary with its switch and reader link; its switches drive an open page', async () => {
    const b = ctx();
    const news = await b.newPage();
    await news.goto(server.url('/live.html'));
    await waitForMarks(news, has(BUNDLED), 15_000);
    const options = await b.openExtensionPage('options.html');
    const id = await saveLiveGlossary(options);
    await waitForMarks(news, has('Durand Line'), 10_000);

    // The new glossary appears without reloading options (the revision ping), after the bundled one.
    const rows = await poll(
      () => options.$$eval('#glossaries li', (lis) => lis.map((li) => [(li as HTMLElement).dataset.id, li.querySelector('.g-title')?.textContent, li.querySelector('input')?.checked, li.querySelector('a.g-read')?.getAttribute('href')])),
      (r) => r.length === 2,
    );
    expect(rows).toEqual([
      ['bundled', "Pakistan's TTP problem rises following Taliban's takeover in Afghanistan: Report", true, 'reader.html'],
      [id, 'Border talks report', true, `reader.html?g=${id}`],
    ]);
    expect(await options.$eval('#glossaries a.g-make', (a) => a.getAttribute('href'))).toBe('make.html');
    expect(await options.$$eval('nav a', (as) => as.map((a) => a.getAttribute('href')))).toContain('#glossaries');

    // Made glossary off: its terms go, the bundled ones stay; by keyboard (Space on the focused switch).
    await options.focus(`#glossaries li[data-id="${id}"] input`);
    await options.keyboard.press(' ');
    await waitForMarks(news, (m) => has(BUNDLED)(m) && !has('Durand Line')(m), 10_000);
    expect((await listGlossaries(options)).find((g) => g.id === id)?.enabled).toBe(false);

    // Bundled off, made on: only the made glossary marks.
    await options.click('#glossaries li[data-id="bundled"] input');
    await poll(async () => (await listGlossaries(options))[0]?.enabled, (on) => on === false);
    await options.click(`#glossaries li[data-id="${id}"] input`);
    await waitForMarks(news, (m) => !has(BUNDLED)(m) && has('Durand Line')(m), 10_000);
    await poll(() => options.$$eval('#glossaries input', (is) => is.map((i) => (i as HTMLInputElement).checked).join()), (v) => v === 'false,true');

    await options.click('#glossaries li[data-id="bundled"] input');
    await waitForMarks(news, has(BUNDLED), 10_000);
    await ask(options, 'deleteGlossary', { id });
    await poll(() => options.$$eval('#glossaries li', (l) => l.length), (n) => n === 1);
    await Promise.all([news.close(), options.close()]);
  });

  it("a made glossary's card quote opens that report's reader page at the sentence, its terms marked", async () => {
    const b = ctx();
    const ext = await b.openExtensionPage('make.html');
    const id = await saveLiveGlossary(ext);
    const news = await b.newPage();
    await news.goto(server.url('/live.html'));
    await waitForMarks(news, has('Zabihullah Mujahid'), 15_000);
    await hover(news, await markBox(news, 'Zabihullah Mujahid'));
    const card = await waitForCard(news, (c) => c?.visible === true && c.name === 'Zabihullah Mujahid', 10_000);
    // The source line names the made report, not the merged glossary's first (bundled) one: src/ui/card-report.ts.
    expect(card?.source).toBe('From: Border talks report (Oct 20, 2025)');
    const target = `${id}/p2s2`; // paragraph 1 is the title line of the report text, 2 the body
    expect(await news.evaluate(() => document.querySelector('[data-context-glossary-host]')?.shadowRoot?.querySelector('a.cg-quote')?.getAttribute('data-anchor'))).toBe(target);
    const before = new Set(await b.browser.pages());
    await clickInCard(news, `a.cg-quote[data-anchor="${target}"]`);
    const reader = await waitForExtensionTab(b, `/reader.html?g=${id}`, before);
    await poll(() => reader.evaluate(() => document.documentElement.dataset.readerReady ?? ''), (v) => v === 'true', 10_000);
    expect(await reader.evaluate(() => location.hash)).toBe('#p2s2');
    expect(await reader.$eval('#p2s2', (e) => e.textContent)).toBe('A Taliban spokesman, Zabihullah Mujahid, said the crossings on the Durand Line would reopen.');
    expect(await reader.$eval('h1.title', (e) => e.textContent)).toBe('Border talks report');
    await waitForMarks(reader, (m) => has('Durand Line')(m) && has('Zabihullah Mujahid')(m) && !has(BUNDLED)(m), 10_000);
    // The bundled reader still shows the bundled report; an unknown glossary says so.
    const missing = await b.openExtensionPage('reader.html?g=gzzzzzzzz');
    await missing.waitForSelector('.missing');
    await ask(ext, 'deleteGlossary', { id });
    await Promise.all([news.close(), ext.close(), reader.close(), missing.close()]);
  });
});
