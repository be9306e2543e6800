// The review page's live preview (issue 14 deliverable 3), in both browsers: the report itself, marked with the
// terms accepted so far by the page engine; accepting a term marks its mentions, rejecting it takes them away,
// and hovering a preview mark opens the real card quoting the report, named with the title as edited.
import type { Page } from 'puppeteer-core';
import { expect, it } from 'vitest';
import { describeEachBrowser, readMarks, waitForMarks } from './harness/index.js';
import { hoverForCard } from './card-helpers.js';
import { poll } from './popup-helpers.js';

const REPORT = [
  'Border talks report',
  'The Durand Line is the border between Pakistan and Afghanistan. A Taliban spokesman, Zabihullah Mujahid, said the crossings on the Durand Line would reopen.',
  'Zabihullah Mujahid said on Friday that traders at the Durand Line had waited for weeks. Zabihullah Mujahid also said talks would resume.',
].join('\n');

/** Marks inside the preview, by text. */
async function previewMarks(page: Page): Promise<string[]> {
  const marks = await readMarks(page, { blockText: false, flash: false });
  return marks.filter((m) => m.start.path.includes('article')).map((m) => m.text);
}

const count = (xs: string[], text: string) => xs.filter((x) => x === text).length;

describeEachBrowser('make page live preview', (ctx) => {
  it('accept marks a term in the preview, reject takes its marks away; a preview mark opens the card', async () => {
    const make = await ctx().openExtensionPage('make.html');
    await make.$eval(
      'textarea[name="text"]',
      (el, text) => {
        (el as HTMLTextAreaElement).value = text as string;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      },
      REPORT,
    );
    await make.click('button.find');
    await make.waitForSelector('.review .row', { timeout: 30_000 });
    for (const n of ['Durand Line', 'Zabihullah Mujahid']) await make.waitForSelector(`.review .row[data-name="${n}"]`, { timeout: 10_000 });
    // The report is shown, compiled with no term yet: nothing marked.
    await poll(() => make.$eval('#preview', (a) => Number((a as HTMLElement).dataset.entries)), (n) => n === 0, 15_000);
    expect(await make.$eval('#preview', (a) => a.textContent ?? '')).toContain('A Taliban spokesman, Zabihullah Mujahid, said the crossings');
    expect(await previewMarks(make)).toEqual([]);

    await make.focus('.review .row[data-name="Durand Line"]');
    await make.keyboard.press('a');
    await make.click('.review .row[data-name="Zabihullah Mujahid"] button.accept');
    const marked = await waitForMarks(make, (m) => count(m.map((x) => x.text), 'Durand Line') === 3 && count(m.map((x) => x.text), 'Zabihullah Mujahid') === 3, 15_000);
    expect(marked.every((m) => m.start.path.includes('article'))).toBe(true); // only the report, never the list

    const card = await hoverForCard(make, 'Zabihullah Mujahid', 1, (c) => c?.visible === true && c.name === 'Zabihullah Mujahid');
    expect(card!.quotes.map((q) => q.text).join(' ')).toContain('Zabihullah Mujahid also said talks would resume.');
    expect(card!.source).toContain('Border talks report');
    await make.keyboard.press('Escape');

    // The title edited after the first compile: the card's source line follows it (it kept the first title).
    await make.$eval('input[name="title"]', (el) => {
      (el as HTMLInputElement).value = 'Border talks, revised';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const source = await poll(
      async () => {
        await make.keyboard.press('Escape');
        return (await hoverForCard(make, 'Zabihullah Mujahid', 1, (c) => c?.visible === true))?.source ?? '';
      },
      (s) => s.includes('Border talks, revised'),
      15_000,
    );
    expect(source).not.toContain('Border talks report');
    await make.keyboard.press('Escape');

    await make.click('.review .row[data-name="Durand Line"] button.reject');
    // The engine rescans with the new glossary: wait for the settled state (Durand Line gone, the other kept).
    const after = await poll(() => previewMarks(make), (m) => count(m, 'Durand Line') === 0 && count(m, 'Zabihullah Mujahid') === 3, 15_000);
    expect([count(after, 'Durand Line'), count(after, 'Zabihullah Mujahid')]).toEqual([0, 3]);
    await make.close();
  });
});
