// Issue 14: a glossary saved, switched off or on, or deleted reaches pages that are already open, without a reload
// (the background's revision ping -> the content script asks getGlossary again -> the engine rescans).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBrowser, startServer, waitForMarks, type FixtureServer, type Mark } from './harness/index.js';
import { ask, listGlossaries, saveLiveGlossary } from './glossary-helpers.js';
import { poll } from './popup-helpers.js';

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
    await options.click(`#glossaries li[data-id="${id}"] input`);
    await waitForMarks(news, (m) => !has(BUNDLED)(m) && has('Durand Line')(m), 10_000);
    await poll(() => options.$$eval('#glossaries input', (is) => is.map((i) => (i as HTMLInputElement).checked).join()), (v) => v === 'false,true');

    await options.click('#glossaries li[data-id="bundled"] input');
    await waitForMarks(news, has(BUNDLED), 10_000);
    await ask(options, 'deleteGlossary', { id });
    await poll(() => options.$$eval('#glossaries li', (l) => l.length), (n) => n === 1);
    await Promise.all([news.close(), options.close()]);
  });
});
