// Glossaries from the reader's own reports (issue 14), end to end in both browsers: a served report page ->
// "Make a glossary from this page" (make.html?tab=<id>, what the popup button and the context-menu item open) ->
// review -> accept -> another served news page marks the new terms and their cards quote the new report; a PDF made
// here with pdf-lib -> glossary whose card quotes and reader say their PDF page; export -> import into a fresh profile gives the same glossary; a malformed import
// changes nothing.
import type { Page } from 'puppeteer-core';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { serializeGlossaryFile } from '../../src/core/glossary-store-file.js';
import type { StoredGlossary } from '../../src/core/glossary-draft.js';
import { describeEachBrowser, launchWithExtension, markBox, runAxe, startServer, waitForMarks, type ExtensionBrowser, type FixtureServer } from './harness/index.js';
import { hover, waitForCard } from './card-helpers.js';
import { openPopup, poll, searchFor, tabIdOf } from './popup-helpers.js';
import { ask, listGlossaries as list } from './glossary-helpers.js';

const NEWS = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Border news</title></head><body><main><article>
<h1>Border crossings stay shut</h1>
<p>Zabihullah Mujahid said on Friday that trade across the Durand Line would resume once talks restart.</p>
<p>Traders in Peshawar said the closure had cost them millions.</p>
</article></main></body></html>`;
const PDF_NEWS = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Waziristan news</title></head><body><main><article>
<h1>Curfew in North Waziristan</h1>
<p>Officials blamed fighters loyal to Gul Bahadur for the attack on the checkpoint.</p>
</article></main></body></html>`;
const QUOTE = 'A Taliban spokesman, Zabihullah Mujahid, said Kabul would not allow its territory to be used against any country.';

let server: FixtureServer;
beforeAll(async () => {
  server = await startServer({ routes: { '/news.html': () => ({ body: NEWS }), '/pdf-news.html': () => ({ body: PDF_NEWS }) } });
});
afterAll(async () => {
  await server?.close();
});


/** Puts a file into an <input type=file> as a user's pick would (DataTransfer works in both browsers). */
async function pickFile(page: Page, selector: string, name: string, base64: string, type: string): Promise<void> {
  await page.evaluate(
    (selector: string, name: string, base64: string, type: string) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], name, { type }));
      const input = document.querySelector<HTMLInputElement>(selector)!;
      input.files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    selector,
    name,
    base64,
    type,
  );
}

/** Finds terms, accepts the named ones (by keyboard for the first, by button for the rest), saves. */
async function review(make: Page, accept: string[]): Promise<void> {
  await make.click('button.find');
  await make.waitForSelector('.review .row', { timeout: 30_000 });
  // The list renders ten rows per task: wait for each term rather than reading the rows once.
  for (const n of accept) await make.waitForSelector(`.review .row[data-name="${n}"]`, { timeout: 10_000 });
  const [first, ...rest] = accept;
  await make.focus(`.review .row[data-name="${first}"]`);
  await make.keyboard.press('a');
  for (const n of rest) await make.click(`.review .row[data-name="${n}"] button.accept`);
  await poll(() => make.$$eval('.row[data-decision="accepted"]', (r) => r.length), (n) => n === accept.length);
  await make.click('button.save');
  await poll(() => make.$eval('.status', (s) => s.textContent ?? ''), (s) => s.startsWith('Saved:'), 15_000);
}

describeEachBrowser('make a glossary', (ctx) => {
  let made: StoredGlossary;

  it('from a served report page: review, accept, then another page marks the new terms and quotes the new report', async () => {
    const b = ctx();
    const report = await b.newPage();
    await report.goto(server.url('/extract/article.html'));
    const tabId = await tabIdOf(b, report);
    const make = await b.openExtensionPage(`make.html?tab=${tabId}`);
    await poll(() => make.$eval('textarea[name="text"]', (t) => (t as HTMLTextAreaElement).value), (v) => v.includes('Zabihullah Mujahid'), 15_000);
    // Metadata read from the page, editable.
    expect(await make.$eval('input[name="title"]', (i) => (i as HTMLInputElement).value)).toBe('Doha talks collapse as border clashes resume');
    expect(await make.$eval('input[name="publisher"]', (i) => (i as HTMLInputElement).value)).toBe('Example News');
    expect(await make.$eval('input[name="source"]', (i) => (i as HTMLInputElement).value)).toBe(server.url('/extract/article.html'));
    // Navigation and footer are not the report.
    expect(await make.$eval('textarea[name="text"]', (t) => (t as HTMLTextAreaElement).value)).not.toContain('Cookie settings');
    await review(make, ['Zabihullah Mujahid', 'Durand Line']);

    const glossaries = await list(make);
    expect(glossaries.map((g) => [g.title, g.enabled, g.builtIn])).toEqual([
      ["Pakistan's TTP problem rises following Taliban's takeover in Afghanistan: Report", true, true],
      ['Doha talks collapse as border clashes resume', true, false],
    ]);
    made = (await ask<{ glossary: StoredGlossary }>(make, 'getStoredGlossary', { id: glossaries[1]!.id })).glossary;
    expect(made.entries.map((e) => e.name).sort()).toEqual(['Durand Line', 'Zabihullah Mujahid']);

    const news = await b.newPage();
    await news.goto(server.url('/news.html'));
    await waitForMarks(news, (m) => ['Zabihullah Mujahid', 'Durand Line'].every((t) => m.some((x) => x.text === t)), 15_000);
    await hover(news, await markBox(news, 'Zabihullah Mujahid'));
    const card = await waitForCard(news, (c) => c?.visible === true && c.name === 'Zabihullah Mujahid', 10_000);
    expect(card!.quotes.map((q) => q.text).join(' ')).toContain(QUOTE);
    // Each quote of the new report names it and its date.
    const cites = await news.evaluate(() => [...(document.querySelector('[data-context-glossary-host]')?.shadowRoot?.querySelectorAll('.cg-quote-from') ?? [])].map((c) => c.textContent));
    expect(cites[0]).toBe('Doha talks collapse as border clashes resume · undated');
    // The popup's search covers the made glossary too.
    const { popup } = await openPopup(b, news);
    expect((await poll(() => searchFor(popup, 'Zabihullah'), (r) => r.length > 0))[0]).toBe(`${made.id}-zabihullah-mujahid`);
    await popup.close().catch(() => undefined);
    await Promise.all([report.close(), make.close(), news.close()]);
  });

  it('a 3-page PDF made with pdf-lib becomes a glossary whose quotes say their page, on a news page card and in the reader', async () => {
    const b = ctx();
    const pdf = await PDFDocument.create();
    pdf.setTitle('Monitoring Team brief');
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const lines = [
      ['The Analytical Support and Sanctions Monitoring Team met in Vienna.'],
      ['Hafiz Gul Bahadur was named by the Monitoring Team as a leader', 'of a militant group in North Waziristan.'],
      ['Hafiz Gul Bahadur denied the claims in a statement.', 'The Monitoring Team said the group remained active.'],
    ];
    lines.forEach((para, k) => {
      const page = pdf.addPage([595, 842]);
      para.forEach((l, i) => page.drawText(l, { x: 50, y: 780 - i * 14, size: 11, font }));
      page.drawText(String(k + 1), { x: 290, y: 30, size: 9, font });
    });
    const base64 = Buffer.from(await pdf.save()).toString('base64');
    const make = await b.openExtensionPage('make.html');
    await pickFile(make, 'input[name="file"]', 'brief.pdf', base64, 'application/pdf');
    await poll(() => make.$eval('textarea[name="text"]', (t) => (t as HTMLTextAreaElement).value), (v) => v.includes('Hafiz Gul Bahadur'), 20_000);
    const text = await make.$eval('textarea[name="text"]', (t) => (t as HTMLTextAreaElement).value);
    expect(text).toContain('as a leader of a militant group in North Waziristan.');
    expect(text.split('\n')).not.toContain('1');
    expect(await make.$eval('input[name="title"]', (i) => (i as HTMLInputElement).value)).toBe('Monitoring Team brief');
    await review(make, ['Gul Bahadur']); // "Hafiz" is read as a title (src/core/extract/words.ts TITLES)
    const summary = (await list(make)).find((g) => g.title === 'Monitoring Team brief');
    expect(summary?.entries).toBe(1);
    const stored = (await ask<{ glossary: StoredGlossary }>(make, 'getStoredGlossary', { id: summary!.id })).glossary;
    expect(stored.pages).toEqual([1, 2, 3]);

    // A news page's card: each quote of the PDF report names its page.
    const news = await b.newPage();
    await news.goto(server.url('/pdf-news.html'));
    await waitForMarks(news, (m) => m.some((x) => x.text === 'Gul Bahadur'), 15_000);
    await hover(news, await markBox(news, 'Gul Bahadur'));
    await waitForCard(news, (c) => c?.visible === true && c.name === 'Gul Bahadur', 10_000);
    const quotePages = await news.evaluate(() =>
      [...(document.querySelector('[data-context-glossary-host]')?.shadowRoot?.querySelectorAll('.cg-quotes li') ?? [])].map((li) => [
        li.querySelector('[data-quote]')?.textContent ?? '',
        li.querySelector('.cg-quote-page')?.textContent ?? null,
      ]),
    );
    expect(quotePages).toEqual(
      expect.arrayContaining([
        ['Hafiz Gul Bahadur was named by the Monitoring Team as a leader of a militant group in North Waziristan.', 'p. 2'],
        ['Hafiz Gul Bahadur denied the claims in a statement.', 'p. 3'],
      ]),
    );
    expect(quotePages).toHaveLength(2);
    expect(await runAxe(news, ['[data-context-glossary-host]'])).toEqual([]);

    // The glossary's reader page: a page marker where each page starts, before its first paragraph.
    const reader = await b.openExtensionPage(`reader.html?g=${summary!.id}`);
    await reader.waitForSelector('.page-marker');
    const markers = await reader.$$eval('.page-marker', (ms) => ms.map((m) => [m.textContent, m.nextElementSibling?.textContent?.slice(0, 30)]));
    expect(markers).toEqual([
      ['p. 1', 'The Analytical Support and San'],
      ['p. 2', 'Hafiz Gul Bahadur was named by'],
      ['p. 3', 'Hafiz Gul Bahadur denied the c'],
    ]);
    await waitForMarks(reader, (m) => m.some((x) => x.text === 'Gul Bahadur'), 15_000);
    expect(await runAxe(reader)).toEqual([]);
    await Promise.all([make.close(), news.close(), reader.close()]);
  });

  it('export -> import into a fresh profile gives the same glossary; a malformed import changes nothing', async () => {
    const fresh: ExtensionBrowser = await launchWithExtension(ctx().kind);
    try {
      const make = await fresh.openExtensionPage('make.html');
      const before = await list(make);
      expect(before).toHaveLength(1);
      await pickFile(make, 'input[name="import"]', 'bad.glossary.json', Buffer.from('{"format":"context-glossary-report","version":1,"exportedAt":"2025-01-01T00:00:00Z","meta":{}}').toString('base64'), 'application/json');
      await make.waitForSelector('.import-error');
      expect(await make.$eval('.import-error', (e) => e.textContent ?? '')).toContain('meta.title: must be text');
      expect(await list(make)).toEqual(before);

      const file = serializeGlossaryFile(made);
      await pickFile(make, 'input[name="import"]', 'doha.glossary.json', Buffer.from(file).toString('base64'), 'application/json');
      await make.waitForSelector('.import-preview');
      expect(await make.$eval('.import-preview', (e) => e.textContent ?? '')).toContain('Zabihullah Mujahid');
      await make.click('button.import-confirm');
      const after = await poll(() => list(make), (l) => l.length === 2);
      const copy = (await ask<{ glossary: StoredGlossary }>(make, 'getStoredGlossary', { id: after[1]!.id })).glossary;
      expect({ meta: copy.meta, paragraphs: copy.paragraphs, entries: copy.entries }).toEqual({ meta: made.meta, paragraphs: made.paragraphs, entries: made.entries });
      expect(copy.compiled.entries).toEqual(made.compiled.entries);
    } finally {
      await fresh.close();
    }
  });
});
