// Issue 14: a glossary saved, switched off or on, or deleted reaches pages that are already open, without a reload
// (the background's revision ping -> the content script asks getGlossary again -> the engine rescans).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBrowser, startServer, waitForMarks, type FixtureServer, type Mark } from './harness/index.js';
import { ask, listGlossaries, saveLiveGlossary } from './glossary-helpers.js';
import { poll, waitForExtensionTab } from './popup-helpers.js';
import { clickInCard, hover, markBox, readCard, toTab, waitForCard } from './card-helpers.js';
import { framesMissing, startSampling } from './frame-sampling.js';

const NEWS = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Border news</title></head><body><main><article>
<h1>Border crossings stay shut</h1>
<p>The Tehreek-e-Taliban Pakistan said nothing. Zabihullah Mujahid said on Friday that trade across the Durand Line would resume once talks restart.</p>
</article></main></body></html>`;

// Wave 9 (no blink): a page whose rescan takes many slices (thousands of short blocks, under the large-page limit so
// every mark is drawn) with terms at its top and at its very end, the last ones reached by the scan's last slices.
const FILLER = Array.from({ length: 8000 }, (_, i) => `<p>${i}</p>`).join('');
const LONG = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Border news, long</title></head><body><main><article>
<h1>Border crossings stay shut</h1>
<p id="top">The Tehreek-e-Taliban Pakistan said nothing. Zabihullah Mujahid said on Friday that trade across the Durand Line would resume once talks restart.</p>
${FILLER}
<p id="end">Siraj Haqqani was not seen.</p>
<p id="join">They met the Haqqani</p>
</article></main></body></html>`;

// Terms a screen apart: after a swap, "next" goes on from the term it was at (a restart from the viewport would not).
const APART = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Apart</title></head><body><main><article>
${['The Tehreek-e-Taliban Pakistan said nothing.', 'Noor Wali Mehsud spoke.', 'Siraj Haqqani was not seen.', 'Trade across the Durand Line stopped.']
  .map((t) => `<p style="margin-bottom: 1200px">${t}</p>`)
  .join('\n')}
</article></main></body></html>`;

let server: FixtureServer;
beforeAll(async () => {
  server = await startServer({ routes: { '/live.html': () => ({ body: NEWS }), '/long.html': () => ({ body: LONG }), '/apart.html': () => ({ body: APART }) } });
});
afterAll(async () => {
  await server?.close();
});

const BUNDLED = 'Tehreek-e-Taliban Pakistan';
const has = (text: string) => (m: Mark[]) => m.some((x) => x.text === text);

describeEachBrowser('open pages follow glossary changes', (ctx) => {
  it('marks that stay right never blink: a glossary switched on and off, and a glossary widened by added text', async () => {
    const b = ctx();
    const news = await b.newPage();
    await news.goto(server.url('/long.html'));
    await waitForMarks(news, (m) => has(BUNDLED)(m) && has('Siraj Haqqani')(m), 15_000);
    const ext = await b.openExtensionPage('make.html');
    await news.bringToFront(); // animation frames run in the tab in front

    // A glossary switched on: the page's glossary is replaced and rescanned; the bundled marks stay in every frame.
    await startSampling(news);
    const id = await saveLiveGlossary(ext);
    await waitForMarks(news, (m) => has('Durand Line')(m) && has('Zabihullah Mujahid')(m), 10_000);
    let seen = await framesMissing(news, [BUNDLED, 'Siraj Haqqani']);
    expect(seen.frames).toBeGreaterThan(0);
    expect.soft(seen.missing).toEqual([]);

    // The page adds text naming an entry its page glossary lacks (issue 14's subset): the glossary widens.
    await startSampling(news);
    await news.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Noor Wali Mehsud spoke later.';
      document.getElementById('end')!.after(p);
    });
    await waitForMarks(news, has('Noor Wali Mehsud'), 10_000);
    // Text joining a block's old text: "Haqqani" + an added " network" names another entry the glossary lacks.
    await news.evaluate(() => document.getElementById('join')!.append(' network met too.'));
    await waitForMarks(news, has('Haqqani network'), 10_000);
    seen = await framesMissing(news, [BUNDLED, 'Siraj Haqqani', 'Durand Line', 'Zabihullah Mujahid']);
    expect(seen.frames).toBeGreaterThan(0);
    expect.soft(seen.missing).toEqual([]);

    // Switched off: its marks go, every other mark stays in every frame.
    await startSampling(news);
    await ask(ext, 'setGlossaryEnabled', { id, enabled: false });
    await waitForMarks(news, (m) => !has('Durand Line')(m) && !has('Zabihullah Mujahid')(m), 10_000);
    seen = await framesMissing(news, [BUNDLED, 'Siraj Haqqani', 'Noor Wali Mehsud']);
    expect(seen.frames).toBeGreaterThan(0);
    expect.soft(seen.missing).toEqual([]);
    await ask(ext, 'deleteGlossary', { id });
    await Promise.all([news.close(), ext.close()]);
  });

  it("an open card stays through a glossary's swap when its entry stays, and is hidden when its entry leaves", async () => {
    const b = ctx();
    const news = await b.newPage();
    await news.goto(server.url('/live.html'));
    await waitForMarks(news, has(BUNDLED), 15_000);
    const ext = await b.openExtensionPage('make.html');
    await news.bringToFront();
    await hover(news, await markBox(news, BUNDLED));
    await waitForCard(news, (c) => c?.visible === true && c.entry === 'ttp', 10_000);
    const id = await saveLiveGlossary(ext);
    await waitForMarks(news, has('Durand Line'), 10_000);
    await new Promise((r) => setTimeout(r, 300)); // the terms report and any late hide after the swap
    const kept = await readCard(news);
    expect(kept?.visible).toBe(true);
    expect(kept?.entry).toBe('ttp');
    expect(kept?.definition).not.toBe(''); // its text stays while it is asked again
    await waitForCard(news, (c) => c?.visible === true && c.definition !== '' && c.quotes.length > 0, 10_000);

    await news.keyboard.press('Escape');
    await waitForCard(news, (c) => c?.visible !== true);
    await hover(news, await markBox(news, 'Durand Line'));
    await waitForCard(news, (c) => c?.visible === true && c.name?.startsWith('Durand Line') === true, 10_000);
    await ask(ext, 'setGlossaryEnabled', { id, enabled: false });
    await waitForCard(news, (c) => c?.visible !== true, 10_000);
    await waitForMarks(news, (m) => has(BUNDLED)(m) && !has('Durand Line')(m), 10_000);
    await ask(ext, 'deleteGlossary', { id });
    await Promise.all([news.close(), ext.close()]);
  });

  it('keyboard next goes on from the term it was at through a swap', async () => {
    const b = ctx();
    const news = await b.newPage();
    await news.goto(server.url('/apart.html'));
    await waitForMarks(news, (m) => has(BUNDLED)(m) && has('Siraj Haqqani')(m), 15_000);
    const ext = await b.openExtensionPage('make.html');
    await news.bringToFront();
    const next = async () => ((await toTab(b, { type: 'navigateTerm', payload: { direction: 'next' } })) as { id: string | null }).id;
    expect(await next()).toBe('ttp');
    expect(await next()).toBe('noor-wali-mehsud');
    const id = await saveLiveGlossary(ext);
    await waitForMarks(news, has('Durand Line'), 10_000);
    expect(await next()).toBe('siraj-haqqani');
    await ask(ext, 'deleteGlossary', { id });
    await Promise.all([news.close(), ext.close()]);
  });

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
