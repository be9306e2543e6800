// Page-side helpers for the card tests: hover a mark (its box from the harness's markBox), read the card
// out of its (open) shadow root. Every function passed to evaluate() is self-contained (puppeteer serializes it).
import type { Page } from 'puppeteer-core';
import type { ExtensionBrowser } from './harness/launch.js';
import { type MarkBox, markBox } from './harness/marks.js';

export { type MarkBox, markBox } from './harness/marks.js';

export async function hover(page: Page, box: MarkBox): Promise<void> {
  const x = box.x + box.w / 2;
  const y = box.y + box.h / 2;
  await page.mouse.move(x - 30, y + 25);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.mouse.move(x, y, { steps: 5 });
}

export interface CardState {
  visible: boolean;
  role: string | null;
  label: string | null;
  entry: string | null;
  name: string | null;
  definition: string | null;
  quotes: { text: string; anchor: string | null; marked: string[] }[];
  mentions: string | null;
  source: string | null;
  newer: string | null;
  related: string[];
  hasBack: boolean;
  rect: { x: number; y: number; w: number; h: number } | null;
  focused: boolean;
  live: string | null;
  styles: string | null;
}

/** Everything the tests check about the card, read from the page's DOM. */
export function readCard(page: Page): Promise<CardState | null> {
  return page.evaluate(() => {
    const host = document.querySelector('[data-context-glossary-host]');
    const root = host?.shadowRoot;
    const layer = root?.querySelector<HTMLElement>('[role="dialog"]');
    if (!host || !root || !layer) return null;
    const text = (sel: string) => root.querySelector(sel)?.textContent ?? null;
    const labelId = layer.getAttribute('aria-labelledby');
    const r = layer.getBoundingClientRect();
    return {
      visible: !layer.hidden && r.height > 0,
      role: layer.getAttribute('role'),
      label: labelId ? (root.getElementById(labelId)?.textContent ?? null) : null,
      entry: root.querySelector<HTMLElement>('.cg-card')?.dataset.entry ?? null,
      name: text('.cg-name'),
      definition: text('.cg-definition'),
      quotes: [...root.querySelectorAll<HTMLElement>('[data-quote]')].map((q) => ({
        text: q.textContent ?? '',
        anchor: q.dataset.anchor ?? null,
        marked: [...q.querySelectorAll('mark')].map((m) => m.textContent ?? ''),
      })),
      mentions: text('[data-mentions]'),
      source: text('.cg-source'),
      newer: text('[data-newer-note]'),
      related: [...root.querySelectorAll<HTMLElement>('[data-related]')].map((b) => b.dataset.related!),
      hasBack: root.querySelector('[data-action="back"]') !== null,
      rect: layer.hidden ? null : { x: r.x, y: r.y, w: r.width, h: r.height },
      focused: document.activeElement === host && root.activeElement === layer,
      live: root.querySelector('[aria-live]')?.textContent ?? null,
      styles: layer.dataset.styles ?? null,
    };
  });
}

/** Polls the card until `pred` holds; throws with the last state. */
export async function waitForCard(page: Page, pred: (c: CardState | null) => boolean, timeoutMs = 5_000): Promise<CardState | null> {
  const deadline = Date.now() + timeoutMs;
  let last: CardState | null = null;
  for (;;) {
    last = await readCard(page);
    if (pred(last)) return last;
    if (Date.now() > deadline) throw new Error(`waitForCard: not met in ${timeoutMs} ms; last: ${JSON.stringify(last)?.slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Hovers the `nth` mark reading `text` until the card meets `pred`, hovering again (off the mark for a frame, then
 * back, the box read anew) every `everyMs` as a reader whose card did not come would move the pointer. For pages whose
 * glossary is recompiled under the pointer (the make page's preview): CI once saw the first hover there open nothing
 * in Firefox under load while the same mark, hovered again, opened its card (the marks were in place both times).
 */
export async function hoverForCard(
  page: Page,
  text: string,
  nth: number,
  pred: (c: CardState | null) => boolean,
  timeoutMs = 10_000,
  everyMs = 2_500,
): Promise<CardState | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await hover(page, await markBox(page, text, nth));
    try {
      return await waitForCard(page, pred, Math.max(0, Math.min(everyMs, deadline - Date.now())));
    } catch (err) {
      if (Date.now() >= deadline) throw err;
    }
  }
}

/** Clicks an element of the card by selector (real pointer events at its centre). */
export async function clickInCard(page: Page, selector: string): Promise<void> {
  // What sits in a closed part of the card (the "More" part, the actions menu) is reached as a user would: by
  // clicking the toggle that controls that part first.
  const toggle = await page.evaluate((sel: string) => {
    const root = document.querySelector('[data-context-glossary-host]')?.shadowRoot;
    const closed = root?.querySelector(sel)?.closest<HTMLElement>('[hidden]');
    if (!root || !closed?.id) return null;
    const t = [...root.querySelectorAll<HTMLElement>('[aria-controls]')].find((b) =>
      (b.getAttribute('aria-controls') ?? '').split(' ').includes(closed.id),
    );
    return t?.dataset.action ? `[data-action="${t.dataset.action}"]` : null;
  }, selector);
  if (toggle) await clickInCard(page, toggle);
  const c = await page.evaluate((sel: string) => {
    const el = document.querySelector('[data-context-glossary-host]')?.shadowRoot?.querySelector(sel);
    if (!el) return null;
    el.scrollIntoView({ block: 'nearest' });
    const r = el.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  }, selector);
  if (!c) throw new Error(`no ${selector} in the card`);
  await page.mouse.move(c.x, c.y, { steps: 3 });
  await page.mouse.click(c.x, c.y);
}

/** Sends a message to the fixture tab's top frame as the background or popup does (a keyboard command, the page list); returns the reply. */
export function toTab(b: ExtensionBrowser, msg: { type: string; payload: Record<string, unknown> }): Promise<unknown> {
  return b.evaluateInBackground(async (m: { type: string; payload: Record<string, unknown> }) => {
    for (const tab of await chrome.tabs.query({})) {
      if (tab.id === undefined) continue;
      try {
        const ping = (await chrome.tabs.sendMessage(tab.id, { type: 'listPageTerms', payload: {} }, { frameId: 0 })) as { host?: string } | undefined;
        if (ping?.host !== '127.0.0.1') continue;
        return await chrome.tabs.sendMessage(tab.id, m, { frameId: 0 });
      } catch {
        /* not a fixture tab */
      }
    }
    return 'no fixture tab';
  }, msg);
}
