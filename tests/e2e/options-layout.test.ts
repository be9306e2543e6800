// The options page's issue-12 fixes (item 9), in both browsers: "Add your own entry" moves focus into the form; a
// saved entry is highlighted, scrolled to and focused; at 400 px nothing is wider than the window, every Edit button
// is fully visible and no select cuts its text; the preview card is the real TermCard with a real entry.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBrowser } from './harness/index.js';
import { poll } from './popup-helpers.js';

describeEachBrowser('options layout and focus', (ctx) => {
  let options: Page;
  beforeAll(async () => {
    options = await ctx().openExtensionPage('options.html');
    await options.waitForSelector('[data-testid="add-entry"]', { timeout: 10_000 });
  });
  afterAll(async () => {
    await ctx().evaluateInBackground(async () => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      await api.storage.local.remove('userGlossary');
    });
    await options.close();
  });

  it('"Add your own entry" puts focus in the form; a saved entry is highlighted, scrolled to and focused', async () => {
    await options.setViewport({ width: 1000, height: 700 });
    await options.focus('[data-testid="add-entry"]');
    await options.keyboard.press('Enter');
    const first = await poll(
      () => options.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? null),
      (n) => n === 'name',
    );
    expect(first).toBe('name');
    await options.keyboard.type('Wakhan Corridor');
    await options.type('textarea[name="definition"]', 'A narrow strip of land.');
    await options.click('[data-testid="save-entry"]');
    const saved = await poll(
      () =>
        options.evaluate(() => {
          const li = document.querySelector<HTMLElement>('[data-entry^="own-wakhan-corridor"]');
          if (!li) return null;
          const r = li.getBoundingClientRect();
          return {
            highlighted: li.classList.contains('just-saved'),
            inView: r.top >= 0 && r.bottom <= innerHeight,
            focusInside: li.contains(document.activeElement),
          };
        }),
      (s) => s !== null && s.inView && s.focusInside,
    );
    expect(saved).toEqual({ highlighted: true, inView: true, focusInside: true });
  });

  it('"only mark when" takes and shows entry names, never ids', async () => {
    await options.setViewport({ width: 1000, height: 700 });
    await options.click('[data-entry^="own-wakhan-corridor"] .entry-actions button');
    await options.waitForSelector('[data-testid="entry-editor"] input[name="requires"]');
    expect(await options.$eval('#entry-names', (d) => [...d.querySelectorAll('option')].map((o) => o.value))).toContain('Tehreek-e-Taliban Pakistan');
    await options.type('input[name="requires"]', 'Tehreek-e-Taliban Pakistan');
    await options.click('[data-testid="save-entry"]');
    const stored = await poll(
      () =>
        ctx().evaluateInBackground(async () => {
          const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
          const u = (await api.storage.local.get('userGlossary')).userGlossary as { own?: { requires?: string[] }[] } | undefined;
          return u?.own?.[0]?.requires ?? null;
        }),
      (r) => r !== null,
    );
    expect(stored).toEqual(['ttp']);
    await options.click('[data-entry^="own-wakhan-corridor"] .entry-actions button');
    expect(await options.$eval('input[name="requires"]', (i) => (i as HTMLInputElement).value)).toBe('Tehreek-e-Taliban Pakistan');
    await options.click('[data-testid="entry-editor"] .buttons button:not([type="submit"])');
  });

  it('at 400 px: no horizontal overflow, Edit buttons fully visible, selects show their whole text', async () => {
    await options.setViewport({ width: 400, height: 800 });
    await options.evaluate(() => scrollTo(0, 0));
    const m = await poll(
      () =>
        options.evaluate(() => {
          const vw = document.documentElement.clientWidth;
          const edits = [...document.querySelectorAll<HTMLButtonElement>('.entry-actions button')].map((b) => b.getBoundingClientRect());
          const probe = document.createElement('span');
          document.body.append(probe);
          const cut: string[] = [];
          for (const s of document.querySelectorAll('select')) {
            const cs = getComputedStyle(s);
            probe.style.font = cs.font;
            probe.style.position = 'absolute';
            probe.style.whiteSpace = 'nowrap';
            probe.textContent = s.selectedOptions[0]?.textContent ?? '';
            // The text plus the control's padding and arrow (~24 px) must fit.
            if (probe.getBoundingClientRect().width + 24 > s.getBoundingClientRect().width) cut.push(`${s.name}: ${probe.textContent}`);
          }
          probe.remove();
          return {
            scrollWidth: document.documentElement.scrollWidth,
            vw,
            edits: edits.length,
            editsCut: edits.filter((r) => r.right > vw || r.left < 0).length,
            cut,
          };
        }),
      (x) => x.edits > 0,
    );
    expect(m.scrollWidth).toBeLessThanOrEqual(m.vw);
    expect(m.editsCut).toBe(0);
    expect(m.cut).toEqual([]);
  });

  it('the preview card is the real card with a real entry and follows the card settings', async () => {
    await options.setViewport({ width: 1000, height: 800 });
    const read = () =>
      options.evaluate(() => {
        const c = document.querySelector<HTMLElement>('[data-testid="preview-card"] .cg-card');
        const width = (document.querySelector('input[name="card-width"]') as HTMLInputElement | null)?.value ?? null;
        return c && {
          entry: c.dataset.entry ?? null,
          name: c.querySelector('.cg-name')?.textContent ?? '',
          quotes: [...c.querySelectorAll('[data-quote]')].map((q) => q.textContent ?? ''),
          width: Math.round(c.getBoundingClientRect().width),
          setting: width === null ? null : Number(width),
        };
      });
    const card = await read();
    expect(card).toMatchObject({ entry: 'ttp' });
    expect(card!.name).toMatch(/^Tehreek-e-Taliban Pakistan/);
    // A report sentence, verbatim (the card's own quote), not placeholder text.
    expect(card!.quotes.length).toBeGreaterThan(0);
    expect(card!.quotes[0]).toMatch(/TTP/);
    // It takes the card width setting, like the card on pages.
    expect(card!.setting).not.toBeNull();
    expect(card!.width).toBe(card!.setting);
  });
});
