// The report reader (reader.html): opens at a sentence (#p4s2) with it in view and flashing, the report's terms
// are marked there by the same page engine, a hash change moves to another sentence, and the side list shows
// the report's terms with their counts — all checked against the glossary compiled in node.
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { beforeAll, expect, it } from 'vitest';
import { compileGlossaryDir } from '../../tools/glossary/compile-glossary.js';
import type { CompiledGlossary } from '../../src/core/glossary-types.js';
import { ROOT, describeEachBrowser, flashInView, waitForMarks } from './harness/index.js';

let glossary: CompiledGlossary;
beforeAll(async () => {
  const result = compileGlossaryDir(join(ROOT, 'glossary'));
  if (!result.ok) throw new Error(result.errors.join('\n'));
  glossary = result.glossary;
});

const sentenceText = (p: number, s: number): string => {
  const sentence = glossary.report.paragraphs[p - 1]![s - 1]!;
  return glossary.report.text.slice(sentence.start, sentence.end);
};

async function waitFor<T>(page: Page, fn: () => T | null | false, timeout = 10_000): Promise<T> {
  const handle = await page.waitForFunction(fn as () => unknown, { timeout, polling: 50 });
  return (await handle.jsonValue()) as T;
}

/** Where a sentence is and whether it flashes, read in the page. */
const sentenceState = (id: string) => `(() => {
  const el = document.getElementById(${JSON.stringify(id)});
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return { text: el.textContent, top: r.top, bottom: r.bottom, vh: innerHeight, flashing: el.classList.contains('flash'),
    animation: getComputedStyle(el).animationName, focused: document.activeElement === el };
})()`;

describeEachBrowser('report reader', (ctx) => {
  it('opens at reader.html#p4s2 with that sentence verbatim, in view and flashing', async () => {
    const page = await ctx().openExtensionPage('reader.html#p4s2');
    await waitFor(page, () => document.documentElement.dataset.readerReady === 'true');
    const state = (await page.evaluate(sentenceState('p4s2'))) as {
      text: string; flashing: boolean; animation: string; focused: boolean;
    } | null;
    expect(state).not.toBeNull();
    expect(state!.text).toBe(sentenceText(4, 2));
    expect(state!.flashing).toBe(true);
    expect(state!.animation).toBe('flash');
    expect(state!.focused).toBe(true);
    // Smooth scrolling: wait until the sentence sits inside the viewport.
    await waitFor(page, () => {
      const r = document.getElementById('p4s2')!.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight && scrollY > 0;
    });
    // The flash ends (the class goes away after the animation).
    await waitFor(page, () => !document.getElementById('p4s2')!.classList.contains('flash'), 6_000);
    await page.close();
  });

  it('marks the report’s terms with the same engine, and the side list counts them', async () => {
    const page = await ctx().openExtensionPage('reader.html');
    await waitFor(page, () => document.documentElement.dataset.readerReady === 'true');
    const marks = await waitForMarks(page, (m) => m.length > 20, 10_000);
    const texts = new Set(marks.map((m) => m.text));
    expect(texts.has('TTP')).toBe(true);
    expect(texts.has('Noor Wali Mehsud')).toBe(true);
    // Every mark lies inside the report article, none in the side list of terms.
    expect(marks.every((m) => m.start.path.includes('/article[1]/'))).toBe(true);

    const expected = glossary.entries
      .filter((e) => e.mentions > 0 && !e.anchorOnly && !e.background)
      .map((e) => ({ id: e.id, mentions: e.mentions }));
    const listed = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('#terms [data-term]')].map((b) => ({
        id: b.dataset.term!,
        count: b.querySelector('.term-count')!.textContent,
      })),
    );
    expect(listed.map((l) => l.id).sort()).toEqual(expected.map((e) => e.id).sort());
    for (const e of expected) {
      const row = listed.find((l) => l.id === e.id)!;
      expect(row.count).toBe(e.mentions === 1 ? '1 mention' : `${e.mentions} mentions`);
    }
    await page.close();
  });

  it('moves to and flashes another sentence on a hash change', async () => {
    const page = await ctx().openExtensionPage('reader.html#p1s1');
    await waitFor(page, () => document.documentElement.dataset.readerReady === 'true');
    const last = glossary.report.paragraphs.length;
    const id = `p${last}s1`;
    await page.evaluate((h) => {
      location.hash = h;
    }, id);
    await waitFor(page, new Function(`return (${sentenceState(id)})?.flashing === true`) as () => boolean);
    await waitFor(
      page,
      new Function(`const s = ${sentenceState(id)}; return s && s.top >= 0 && s.bottom <= s.vh;`) as () => boolean,
    );
    expect(((await page.evaluate(sentenceState(id))) as { text: string }).text).toBe(sentenceText(last, 1));
    await page.close();
  });

  it('reveals a term’s occurrences one after another from the side list', async () => {
    const page = await ctx().openExtensionPage('reader.html');
    await waitFor(page, () => document.documentElement.dataset.readerReady === 'true');
    await waitForMarks(page, (m) => m.length > 20, 10_000);
    const usip = glossary.entries.find((e) => e.id === 'usip')!;
    const flashed: string[] = [];
    for (let i = 0; i < 2; i++) {
      await page.evaluate(() => document.querySelector<HTMLElement>('#terms [data-term="usip"]')!.click());
      const marks = await waitForMarks(page, (m) => m.some((x) => x.name.endsWith('flash')), 3_000);
      const flash = marks.find((x) => x.name.endsWith('flash'))!;
      expect(usip.aliases).toContain(flash.text);
      flashed.push(`${flash.start.path}:${flash.start.offset}`);
      // In view once the smooth scroll ends.
      await expect.poll(() => flashInView(page), { timeout: 5_000 }).toBe(true);
    }
    // The second click moved on to the next occurrence.
    expect(flashed[0]).not.toBe(flashed[1]);
    await page.close();
  });
});
