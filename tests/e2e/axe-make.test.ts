// axe-core on the make page (issue 14 deliverable 3 "axe-clean"), in both browsers: empty, with candidates in review
// (some accepted, one rejected, the live preview marked, a preview card open), with an import error, and with a made
// glossary listed (make page and the options Glossaries section).
// Zero violations of any impact.
import type { Page } from 'puppeteer-core';
import { expect, it } from 'vitest';
import { hoverForCard } from './card-helpers.js';
import { describeEachBrowser, runAxe, waitForMarks, type AxeViolation } from './harness/index.js';
import { ask, saveLiveGlossary } from './glossary-helpers.js';
import { poll } from './popup-helpers.js';

const lines = (v: AxeViolation[]) => v.map((x) => `${x.impact ?? '?'} ${x.id}: ${x.help} @ ${x.nodes.slice(0, 3).join(' ')}`);

const REPORT = [
  'Border talks report',
  'The Durand Line is the border between Pakistan and Afghanistan. A Taliban spokesman, Zabihullah Mujahid, said the crossings on the Durand Line would reopen.',
  'Zabihullah Mujahid said on Friday that traders in Peshawar had waited for weeks. The Tehreek-e-Taliban Pakistan (TTP) denied any role, and the TTP said talks would resume.',
].join('\n');

async function paste(make: Page, text: string): Promise<void> {
  await make.$eval(
    'textarea[name="text"]',
    (el, value) => {
      (el as HTMLTextAreaElement).value = value as string;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    text,
  );
}

describeEachBrowser('axe-core on the make page', (ctx) => {
  it('empty, in review with the preview marked and its card open, and with an import error', async () => {
    const make = await ctx().openExtensionPage('make.html');
    await make.setViewport({ width: 1200, height: 900 });
    await make.waitForSelector('.glossaries li');
    const found: Record<string, string[]> = {};
    found.empty = lines(await runAxe(make));

    await paste(make, REPORT);
    await make.click('button.find');
    await make.waitForSelector('.review .row', { timeout: 30_000 });
    for (const n of ['Durand Line', 'Zabihullah Mujahid']) await make.waitForSelector(`.review .row[data-name="${n}"]`, { timeout: 10_000 });
    await make.focus('.review .row[data-name="Durand Line"]');
    await make.keyboard.press('a');
    await make.click('.review .row[data-name="Zabihullah Mujahid"] button.accept');
    const names = await make.$$eval('.review .row', (rows) => rows.map((r) => (r as HTMLElement).dataset.name ?? ''));
    const other = names.find((n) => n !== 'Durand Line' && n !== 'Zabihullah Mujahid');
    await make.click(`.review .row[data-name="${other}"] button.reject`);
    await waitForMarks(make, (m) => m.some((x) => x.text === 'Durand Line') && m.some((x) => x.text === 'Zabihullah Mujahid'), 15_000);
    found.review = lines(await runAxe(make));

    await hoverForCard(make, 'Zabihullah Mujahid', 1, (c) => c?.visible === true);
    found.card = lines(await runAxe(make));
    await make.keyboard.press('Escape');

    const bad = Buffer.from('{"format":"context-glossary-report","version":1,"meta":{}}').toString('base64');
    await make.evaluate((base64: string) => {
      const dt = new DataTransfer();
      dt.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], 'bad.glossary.json', { type: 'application/json' }));
      const input = document.querySelector<HTMLInputElement>('input[name="import"]')!;
      input.files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, bad);
    await poll(() => make.evaluate(() => document.querySelector('.import-error') !== null), (v) => v);
    found.importError = lines(await runAxe(make));

    expect(found).toEqual({ empty: [], review: [], card: [], importError: [] });
    await make.close();
  });

  it('a made glossary listed: the make page list (export, delete) and the options Glossaries section, one switched off', async () => {
    const make = await ctx().openExtensionPage('make.html');
    const id = await saveLiveGlossary(make);
    await ask(make, 'setGlossaryEnabled', { id, enabled: false });
    await poll(() => make.$$eval('.glossaries li', (l) => l.length), (n) => n >= 2);
    const options = await ctx().openExtensionPage('options.html');
    await poll(() => options.$$eval('#glossaries li', (l) => l.length), (n) => n >= 2);
    expect({ make: lines(await runAxe(make)), options: lines(await runAxe(options)) }).toEqual({ make: [], options: [] });
    await ask(make, 'deleteGlossary', { id });
    await Promise.all([make.close(), options.close()]);
  });
});
