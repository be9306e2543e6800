// Data in the options page, both browsers: a state made through the UI is exported to a real downloaded file and
// imported into a FRESH profile, which then holds the same settings and own entries and marks the fixture the
// same way; a bad file shows a precise error and changes nothing; reset asks first and can be undone;
// `options.html?add=<text>` opens the add form prefilled (the context menu's entry point).
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, type BrowserKind, type ExtensionBrowser, type FixtureServer, launchWithExtension, readMarks, startServer, waitForMarks } from './harness/index.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Firefox saves downloads silently into `dir` with these prefs (Chromium gets CDP Browser.setDownloadBehavior). */
const firefoxDownloadPrefs = (dir: string) => ({
  'browser.download.dir': dir,
  'browser.download.folderList': 2,
  'browser.download.useDownloadDir': true,
  'browser.download.always_ask_before_handling_new_types': false,
  'browser.download.start_downloads_in_tmp_dir': false,
  'browser.download.panel.shown': true,
  'browser.helperApps.neverAsk.saveToDisk': 'application/json',
});

async function launch(kind: BrowserKind, downloads?: string): Promise<ExtensionBrowser> {
  return launchWithExtension(kind, kind === 'firefox' && downloads ? { prefs: firefoxDownloadPrefs(downloads) } : {});
}

/** Whether `actual` holds every field of `want` (arrays compared whole), as toMatchObject checks. */
function matches(actual: unknown, want: unknown): boolean {
  if (Array.isArray(want)) return JSON.stringify(actual) === JSON.stringify(want);
  if (want === null || typeof want !== 'object') return actual === want;
  if (actual === null || typeof actual !== 'object') return false;
  return Object.entries(want).every(([k, v]) => matches((actual as Record<string, unknown>)[k], v));
}

/** The stored state as the store wrote it (settings in sync, own entries in local). */
async function storedState(b: ExtensionBrowser): Promise<{ settings: unknown; user: unknown; syncKeys: string[] }> {
  // Right after launch the worker target can briefly be one without extension APIs ("chrome is not defined"):
  // retry a few times rather than fail on start-up timing.
  for (let attempt = 1; ; attempt++) {
    try {
      return await readStoredState(b);
    } catch (err) {
      if (attempt >= 5) throw err;
      await sleep(500);
    }
  }
}

function readStoredState(b: ExtensionBrowser): Promise<{ settings: unknown; user: unknown; syncKeys: string[] }> {
  return b.evaluateInBackground(async () => {
    const api = ((globalThis as { browser?: typeof chrome }).browser ?? chrome) as typeof chrome;
    const sync = await api.storage.sync.get(null);
    const local = await api.storage.local.get(['userGlossary', 'settingsLocal']);
    return { settings: (local.settingsLocal as { settings?: unknown } | undefined)?.settings ?? sync.settings ?? null, user: local.userGlossary ?? null, syncKeys: Object.keys(sync).sort() };
  });
}

async function waitForFile(dir: string, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const done = readdirSync(dir).filter((f) => f.endsWith('.json'));
    if (done.length) {
      const file = join(dir, done[0]!);
      // Wait until the browser has finished writing (size stable and parseable).
      try {
        JSON.parse(readFileSync(file, 'utf8'));
        return file;
      } catch {
        /* still being written */
      }
    }
    await sleep(100);
  }
  throw new Error(`no download in ${dir}: ${readdirSync(dir).join(', ')}`);
}

async function openOptions(b: ExtensionBrowser, query = ''): Promise<Page> {
  const page = await b.openExtensionPage(`options.html${query}`);
  await page.waitForSelector('[data-testid="add-entry"]', { timeout: 10_000 });
  return page;
}

async function upload(page: Page, file: string): Promise<void> {
  const input = await page.waitForSelector('input[data-testid="import-file"]');
  await input!.uploadFile(file);
}

let server: FixtureServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

for (const kind of BROWSERS) {
  describe(`options data [${kind}]`, () => {
    const downloads = mkdtempSync(join(tmpdir(), `cg-downloads-${kind}-`));
    let a: ExtensionBrowser;
    let fresh: ExtensionBrowser | null = null;
    let exported = '';
    beforeAll(async () => {
      a = await launch(kind, downloads);
    });
    afterAll(async () => {
      await a?.close();
      await fresh?.close();
      rmSync(downloads, { recursive: true, force: true });
    });

    it('opens the add form prefilled from ?add=', async () => {
      const page = await openOptions(a, '?add=Haqqani%20network');
      await page.waitForSelector('[data-testid="entry-editor"]');
      expect(await page.$eval('input[name="name"]', (el) => (el as HTMLInputElement).value)).toBe('Haqqani network');
      expect(await page.$eval('input[name="alias-0"]', (el) => (el as HTMLInputElement).value)).toBe('Haqqani network');
      expect(await page.$eval('select[name="alias-case-0"]', (el) => (el as HTMLSelectElement).value)).toBe('proper');
      await page.close();
    });

    it('exports what was set through the UI to a downloaded file, and imports it into a fresh profile: same state', async () => {
      const page = await openOptions(a);
      // Own entry, a style, a colour-independent site rule, a disabled entry.
      await page.click('[data-testid="add-entry"]');
      await page.type('input[name="name"]', 'Wakhan Corridor');
      await page.select('select[name="category"]', 'place');
      await page.type('textarea[name="definition"]', 'A narrow strip of Afghan territory.');
      await page.click('[data-testid="save-entry"]');
      await page.waitForSelector('[data-entry="own-wakhan-corridor"]');
      await page.click('input[name="mark-style"][value="wavy"]');
      await page.type('#deny-input', 'https://www.example.org/news');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelector('[data-testid="deny-list"]')?.textContent?.includes('www.example.org'));
      await page.click('[data-entry="kabul"] input[type="checkbox"]');
      // The debounced settings write: "Saved" may still show from the entry's save, so wait for storage itself
      // (a fixed sleep lost the race on a loaded machine).
      const want = { marking: { style: 'wavy' }, sites: { deny: ['www.example.org'] }, entries: { disabled: ['kabul'] } };
      let before = await storedState(a);
      for (let i = 0; i < 50 && !matches(before.settings, want); i++) {
        await sleep(100);
        before = await storedState(a);
      }
      expect(before.settings).toMatchObject(want);

      if (kind === 'chromium') {
        const cdp = await page.createCDPSession();
        await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
      }
      await page.click('[data-testid="export"]');
      const file = await waitForFile(downloads);
      exported = readFileSync(file, 'utf8');
      const parsed = JSON.parse(exported) as { format: string; settings: unknown; userGlossary: unknown };
      expect(parsed.format).toBe('context-glossary-export');
      expect(parsed.settings).toEqual(before.settings);
      expect(parsed.userGlossary).toEqual(before.user);

      fresh = await launch(kind);
      const empty = await storedState(fresh);
      expect(empty.user).toBeNull();
      const target = await openOptions(fresh);

      // A bad file first: precise error, nothing written.
      const bad = join(downloads, 'bad.txt');
      writeFileSync(bad, exported.replace('"version": 1', '"version": 2'));
      await upload(target, bad);
      await target.waitForSelector('[data-testid="import-errors"]');
      expect(await target.$eval('[data-testid="import-errors"]', (el) => el.textContent)).toMatch(/version: the file was made by a newer version of Context Glossary/);
      expect(await storedState(fresh)).toEqual(empty);

      await upload(target, file);
      await target.waitForSelector('[data-testid="import-preview"]');
      const preview = await target.$eval('[data-testid="import-preview"]', (el) => el.textContent ?? '');
      expect(preview).toMatch(/Add your entries: Wakhan Corridor/);
      // Plain words (issue 12): the options page's own label, never the settings path.
      expect(preview).toMatch(/Mark style/);
      expect(preview).not.toMatch(/marking\.style/);
      await target.click('[data-testid="import-apply"]');
      await target.waitForSelector('[data-testid="import-done"]');
      const after = await storedState(fresh);
      expect(after.settings).toEqual(before.settings);
      expect(after.user).toEqual(before.user);

      // And the fresh profile marks the page the same way (own entry on, Kabul off, same style).
      const pa = await a.newPage();
      const pb = await fresh.newPage();
      await pa.goto(server.url('options-live.html'), { waitUntil: 'load' });
      await pb.goto(server.url('options-live.html'), { waitUntil: 'load' });
      const ma = await waitForMarks(pa, (m) => m.some((x) => x.text === 'Wakhan Corridor'), 10_000);
      const mb = await waitForMarks(pb, (m) => m.some((x) => x.text === 'Wakhan Corridor'), 10_000);
      expect(mb.map((m) => `${m.name}:${m.text}`)).toEqual(ma.map((m) => `${m.name}:${m.text}`));
      expect(ma.some((m) => m.text === 'Kabul')).toBe(false);
      const style = (p: Page) => p.evaluate(() => [...document.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n'));
      expect(await style(pb)).toContain('wavy');
      expect(await style(pb)).toBe(await style(pa));
      await Promise.all([pa.close(), pb.close(), target.close(), page.close()]);
    });

    it('settings too big for sync storage are kept in local storage, with a note on the page', async () => {
      const b = fresh!;
      const file = JSON.parse(exported) as { settings: { sites: { allow: string[]; deny: string[] } } };
      // 2 x 400 long patterns: ~200 KB of settings, twice what storage.sync holds in total (QUOTA_BYTES 102,400).
      const long = (i: number, side: string) => `${side}-${i}-${'x'.repeat(200)}.example.org`;
      file.settings.sites.allow = Array.from({ length: 400 }, (_, i) => long(i, 'allow'));
      file.settings.sites.deny = Array.from({ length: 400 }, (_, i) => long(i, 'deny'));
      const big = join(downloads, 'big.json');
      writeFileSync(big, JSON.stringify(file));
      const page = await openOptions(b);
      await upload(page, big);
      await page.waitForSelector('[data-testid="import-preview"]');
      await page.click('[data-testid="import-apply"]');
      await page.waitForSelector('[data-testid="storage-local"]', { timeout: 10_000 });
      expect(await page.$eval('[data-testid="storage-local"]', (el) => el.textContent)).toMatch(/stored on this device only/);
      const state = await storedState(b);
      expect((state.settings as { sites: { deny: string[] } }).sites.deny).toHaveLength(400);
      await page.close();
    });

    it('corrupt parts of stored settings are recovered to their defaults, the bad parts kept and offered for download', async () => {
      const b = fresh!;
      const page = await openOptions(b);
      await b.evaluateInBackground(async () => {
        const api = ((globalThis as { browser?: typeof chrome }).browser ?? chrome) as typeof chrome;
        await api.storage.local.remove('settingsLocal');
        await api.storage.sync.set({ settings: { version: 1, enabled: 'yes', marking: 42 } });
      });
      await page.waitForSelector('[data-testid="corrupt-settings"]', { timeout: 10_000 });
      const note = await page.$eval('[data-testid="corrupt-settings"]', (el) => el.textContent ?? '');
      expect(note).toMatch(/Some of your stored settings could not be read [\s\S]*Only those parts took their defaults; everything else was kept[\s\S]*enabled/);
      // Not "reset": only the bad fields took defaults (read-settings.ts).
      expect(note).not.toMatch(/reset/i);
      const kept = await b.evaluateInBackground(async () => {
        const api = ((globalThis as { browser?: typeof chrome }).browser ?? chrome) as typeof chrome;
        return (await api.storage.local.get('corrupt.settings'))['corrupt.settings'] as { raw: unknown };
      });
      // Only the parts that could not be read (path -> stored value); every other field was kept.
      expect(kept.raw).toEqual({ enabled: 'yes', marking: 42 });
      const state = await storedState(b);
      expect(state.settings).toMatchObject({ version: 1, enabled: true, marking: { style: 'dotted' } });
      // The page itself shows the defaults (radio of the default style checked).
      await page.waitForFunction(() => (document.querySelector('input[name="mark-style"][value="dotted"]') as HTMLInputElement | null)?.checked === true);
      await page.close();
    });

    it('reset asks first, restores defaults, and Undo brings the previous state back', async () => {
      const page = await openOptions(a);
      const before = await storedState(a);
      await page.click('[data-testid="reset"]');
      await page.waitForSelector('[data-testid="reset-yes"]');
      expect((await storedState(a)).settings).toEqual(before.settings); // nothing yet: only asked
      await page.click('[data-testid="reset-yes"]');
      await page.waitForSelector('[data-testid="undo"]');
      const reset = await storedState(a);
      expect(reset.settings).toMatchObject({ marking: { style: 'dotted' }, sites: { deny: [] }, entries: { disabled: [] } });
      expect(reset.user).toEqual(before.user); // own entries kept unless asked
      await page.click('[data-testid="undo"]');
      await page.waitForFunction(() => /Restored/.test(document.querySelector('[data-testid="status"]')?.textContent ?? ''));
      expect(await storedState(a)).toEqual(before);
      // The open tab follows: Kabul is unmarked again after the undo (no reload).
      const tab = await a.newPage();
      await tab.goto(server.url('options-live.html'), { waitUntil: 'load' });
      const marks = await waitForMarks(tab, (m) => m.some((x) => x.text === 'Wakhan Corridor'), 10_000);
      expect(marks.some((m) => m.text === 'Kabul')).toBe(false);
      expect((await readMarks(tab)).length).toBeGreaterThan(0);
    });
  });
}
