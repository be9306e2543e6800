// Upgrading keeps a user's settings (issue 10): settings stored by 0.1.0 — a person colour changed, a site on the
// deny list, and one field missing (`badge`, as every release adding a setting leaves older objects) — are written
// into a browser profile, the browser is closed and started again on that profile, and then the user's colour
// still paints the person mark (screenshot pixels) and the denied site stays unmarked, and the stored object is
// neither wiped nor rewritten.
//
// Firefox: the harness installs the add-on as a temporary one (BiDi webExtension.install); its storage.sync and
// storage.local survive a restart on the same profile (checked with Firefox ESR 153 here, with and without the
// prefs extensions.webextensions.keepStorageOnUninstall / keepUuidOnUninstall, so none are set), and the pinned
// moz-extension UUID keeps the same origin. So the test runs in both browsers unchanged.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import golden from '../../src/core/settings/fixtures/settings-0.1.0.json' with { type: 'json' };
import ownGolden from '../../src/core/settings/fixtures/own-entries-0.1.0.json' with { type: 'json' };
import type { Settings } from '../../src/core/settings/schema.js';
import { markBox } from './card-helpers.js';
import { tabIdOf } from './popup-helpers.js';
import { BROWSERS, decodePng, type ExtensionBrowser, type FixtureServer, launchWithExtension, readMarks, startServer, waitForMarks } from './harness/index.js';

const FIXTURE = 'options-live.html';
const PERSON = '#d000d0';

/** 0.1.0's object with the user's changes and `badge` missing. */
function storedBy010(): Record<string, unknown> {
  const s = JSON.parse(JSON.stringify(golden)) as Settings;
  s.marking.colors.person = PERSON;
  s.marking.style = 'solid';
  s.marking.everyMention = true;
  s.sites.deny = ['localhost'];
  const { badge: _missing, ...older } = s;
  return older;
}

/** Share of pixels in a clip that are near `hex` (the solid underline in the user's colour). */
async function shareOfColour(page: Page, clip: { x: number; y: number; width: number; height: number }, hex: string): Promise<number> {
  const png = decodePng(Buffer.from(await page.screenshot({ clip, type: 'png' })));
  const [R, G, B] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  let hits = 0;
  for (let i = 0; i < png.rgba.length; i += 4) {
    const [r, g, b] = [png.rgba[i]!, png.rgba[i + 1]!, png.rgba[i + 2]!];
    if (Math.abs(r - R) <= 40 && Math.abs(g - G) <= 40 && Math.abs(b - B) <= 40) hits++;
  }
  return hits / (png.width * png.height);
}

/** Right after launch the Chromium worker can be mid-start ("chrome is not defined"): retried (as storeSettings). */
async function inBackground<A extends unknown[], R>(b: ExtensionBrowser, fn: (...args: A) => R | Promise<R>, ...args: A): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await b.evaluateInBackground(fn, ...args);
    } catch (err) {
      if (attempt >= 5) throw err;
      await new Promise((r) => setTimeout(r, 300));
    }
  }
}

/** The background's per-tab report for a tab (storage.session mirror): only a content script that has read its
 *  settings and decided sends one, so `active: false` here means "decided not to mark". */
async function topFrameActive(b: ExtensionBrowser, tabId: number): Promise<boolean | null> {
  for (let i = 0; i < 100; i++) {
    const active = await inBackground(b, async (id: number) => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      const map = ((await api.storage.session.get('bg_pageTerms')).bg_pageTerms ?? {}) as Record<string, { frames: Record<string, { active: boolean | null }> }>;
      return map[String(id)]?.frames['0']?.active ?? null;
    }, tabId);
    if (active !== null) return active;
    await new Promise((r) => setTimeout(r, 100));
  }
  return null;
}

for (const kind of BROWSERS) {
  describe(`settings survive an upgrade [${kind}]`, () => {
    let server: FixtureServer;
    let profile: string;
    let b: ExtensionBrowser | null = null;

    beforeAll(async () => {
      server = await startServer();
      profile = mkdtempSync(join(tmpdir(), `cg-upgrade-${kind}-`));
      // First run: the storage 0.1.0 left behind.
      const first = await launchWithExtension(kind, { userDataDir: profile });
      try {
        await inBackground(
          first,
          async (settings: unknown, own: unknown) => {
            const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
            await api.storage.local.clear();
            await api.storage.sync.clear();
            await api.storage.sync.set({ settings });
            await api.storage.local.set({ userGlossary: own });
          },
          storedBy010(),
          ownGolden,
        );
      } finally {
        await first.close();
      }
      // The restart: same profile, the current build.
      b = await launchWithExtension(kind, { userDataDir: profile });
    }, 180_000);

    afterAll(async () => {
      await b?.close();
      await server?.close();
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    });

    it("the user's person colour still paints the mark", async () => {
      const page = await b!.newPage();
      await page.setViewport({ width: 900, height: 700 });
      await page.goto(`${server.origin}/${FIXTURE}`, { waitUntil: 'load' });
      await waitForMarks(page, (marks) => marks.filter((m) => m.text === 'Noor Wali Mehsud').length >= 2);
      const box = await markBox(page, 'Noor Wali Mehsud', 1);
      const clip = { x: Math.floor(box.x), y: Math.floor(box.y), width: Math.ceil(box.w), height: Math.ceil(box.h + 14) };
      let share = 0;
      for (let i = 0; i < 50 && share === 0; i++) {
        share = await shareOfColour(page, clip, PERSON);
        if (share === 0) await new Promise((r) => setTimeout(r, 100));
      }
      expect(share).toBeGreaterThan(0.01);
      // Not the default person colour: the user's setting, not a reset.
      expect(await shareOfColour(page, clip, '#b45309')).toBe(0);
    }, 60_000);

    it('the denied site stays unmarked', async () => {
      const url = `${server.origin.replace('127.0.0.1', 'localhost')}/${FIXTURE}`;
      const page = await b!.newPage();
      await page.goto(url, { waitUntil: 'load' });
      expect(await topFrameActive(b!, await tabIdOf(b!, page))).toBe(false);
      expect(await readMarks(page)).toEqual([]);
    }, 60_000);

    it('the stored object is neither wiped nor rewritten (no repair: only a field was missing)', async () => {
      const stored = await inBackground(b!, async () => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        return { sync: await api.storage.sync.get(null), corrupt: await api.storage.local.get('corrupt.settings') };
      });
      expect(stored.sync).toEqual({ settings: storedBy010() });
      expect(stored.corrupt).toEqual({});
    });
  });
}
