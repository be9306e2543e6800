// Issue 14: a glossary saved, switched off or on, or deleted reaches pages that are already open, without a reload
// (the background's revision ping -> the content script asks getGlossary again -> the engine rescans).
import { afterAll, beforeAll, it } from 'vitest';
import { describeEachBrowser, startServer, waitForMarks, type FixtureServer, type Mark } from './harness/index.js';
import { ask, saveLiveGlossary } from './glossary-helpers.js';

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
});
