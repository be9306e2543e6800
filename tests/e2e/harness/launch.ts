// Launches real headless Chromium / Firefox ESR with the built extension loaded (dist/chrome, dist/firefox).
// Chromium: CDP over a pipe (`enableExtensions` needs `pipe: true`); Firefox: WebDriver BiDi + installExtension.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page, type Target } from 'puppeteer-core';
import { type BrowserKind, CHROMIUM_EXECUTABLE, extensionDir, FIREFOX_EXECUTABLE } from './paths.js';

export type { BrowserKind } from './paths.js';

/** Both browsers, or the subset named in `E2E_BROWSERS` (comma-separated, e.g. `E2E_BROWSERS=chromium`). */
export const BROWSERS: BrowserKind[] = (() => {
  const all: BrowserKind[] = ['chromium', 'firefox'];
  const only = process.env.E2E_BROWSERS?.split(',').map((s) => s.trim()).filter(Boolean);
  if (!only || only.length === 0) return all;
  const unknown = only.filter((s) => !all.includes(s as BrowserKind));
  if (unknown.length > 0) throw new Error(`E2E_BROWSERS: unknown browser(s) ${unknown.join(', ')}; use chromium,firefox`);
  return all.filter((b) => only.includes(b));
})();

/** The add-on id, from build.mjs's Firefox manifest patch (browser_specific_settings.gecko.id). */
const FIREFOX_ADDON_ID = 'context-glossary@context-glossary.org';
/** Fixed moz-extension UUID (pref `extensions.webextensions.uuids`) so extension URLs are stable across runs. */
const FIREFOX_EXTENSION_UUID = '6f0c4a52-9d1e-4b7a-8c3f-2e5d7a9b1c40';

/** Flags from the team brief: no sandbox (containers, root), no GPU, and nothing that talks to the network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Firefox prefs on top of puppeteer's test defaults (which already silence most network and first-run noise). */
export const FIREFOX_PREFS: Record<string, unknown> = {
  'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: FIREFOX_EXTENSION_UUID }),
  // Grant an MV3 add-on's host permissions (our content_scripts' http/https patterns) at install. Firefox 153 ESR
  // defaults to true; pinned here because with false the content script never runs on test pages (checked).
  'extensions.originControls.grantByDefault': true,
  'browser.shell.checkDefaultBrowser': false,
  'browser.aboutwelcome.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'app.update.enabled': false,
  'app.update.auto': false,
  'app.normandy.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.downloads.remote.enabled': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.google.updateURL': '',
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'extensions.getAddons.cache.enabled': false,
  'extensions.blocklist.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'media.gmp-manager.url': '',
  'media.gmp-gmpopenh264.enabled': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'browser.topsites.contile.enabled': false,
  'browser.newtabpage.activity-stream.feeds.topsites': false,
  'browser.newtabpage.activity-stream.feeds.section.topstories': false,
  'browser.ping-centre.telemetry': false,
  'messaging-system.rsexperimentloader.enabled': false,
  'identity.fxaccounts.enabled': false,
  'privacy.sanitize.sanitizeOnShutdown': false,
};

export interface ExtensionBrowser {
  kind: BrowserKind;
  browser: Browser;
  /** 'chrome-extension://<id>' or 'moz-extension://<uuid>' (no trailing slash). */
  extensionOrigin: string;
  /** Chromium: the 32-letter extension id; Firefox: the add-on id (FIREFOX_ADDON_ID). */
  extensionId: string;
  /** Absolute path of the unpacked extension that was loaded. */
  extensionDir: string;
  newPage(): Promise<Page>;
  /**
   * Opens an extension page (e.g. 'popup.html?x') in a new tab and resolves once its document is complete.
   * Firefox: `goto` on moz-extension URLs does not settle under BiDi, so it is not awaited; we poll instead.
   */
  openExtensionPage(path: string): Promise<Page>;
  /**
   * Runs `fn` in an extension context with the extension APIs (`chrome`, and `browser` in Firefox).
   *  - Chromium: inside the background service worker itself (its globals are visible).
   *  - Firefox: the event page is not reachable over BiDi, so `fn` runs in an extension page the harness keeps
   *    open for this (popup.html?harness, in its own tab, opened on first use). Runtime, storage, tabs and
   *    permissions calls behave as from the background, but the background's globals are not visible, and
   *    `runtime.sendMessage` from here DOES reach the background (in Chromium a worker's sendMessage does not
   *    reach its own listeners: send from openExtensionPage() for that).
   * Opening that tab makes it the active tab in Firefox: tests that rely on "the active tab" should call
   * `page.bringToFront()` on their page afterwards.
   * `fn` is serialized: it must not close over test variables; pass JSON-able `args` instead.
   */
  evaluateInBackground<A extends unknown[], R>(fn: (...args: A) => R | Promise<R>, ...args: A): Promise<R>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Profile directory to use (kept on close). Default: a fresh temporary one, removed on close. */
  userDataDir?: string;
  /** Firefox: extra about:config prefs. Chromium: written as the profile's Default/Preferences JSON before launch. */
  prefs?: Record<string, unknown>;
  /** Chromium only: a visible window sized by the window manager (`npm start` with a display). Default headless. */
  headful?: boolean;
  /** Another unpacked extension directory instead of the build's (the outside-in bench loads a variant). */
  extensionDir?: string;
  /** Extra browser command-line arguments (e.g. Chromium's --host-resolver-rules to keep a bench off the network). */
  args?: string[];
}

export interface PlainLaunchOptions {
  /** Chromium: flags after CHROMIUM_ARGS. */
  args?: string[];
  /** Firefox: about:config prefs after FIREFOX_PREFS. */
  prefs?: Record<string, unknown>;
}

/**
 * A browser without the extension, launched like the one with it (same flags, prefs, throwaway profile): the
 * corpus check's control browser and the bench (which injects the engine itself). Close it with `close()`.
 */
export async function launchBrowser(kind: BrowserKind, opts: PlainLaunchOptions = {}): Promise<{ browser: Browser; close(): Promise<void> }> {
  if (kind === 'firefox') {
    const browser = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath: FIREFOX_EXECUTABLE,
      headless: true,
      timeout: LAUNCH_TIMEOUT_MS,
      extraPrefsFirefox: { ...FIREFOX_PREFS, ...opts.prefs },
    });
    return { browser, close: () => closeBrowser(browser) };
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'cg-chromium-'));
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath: CHROMIUM_EXECUTABLE,
      headless: true,
      pipe: true,
      userDataDir,
      timeout: LAUNCH_TIMEOUT_MS,
      args: [...CHROMIUM_ARGS, ...(opts.args ?? [])],
    });
  } catch (err) {
    removeProfile(userDataDir);
    throw err;
  }
  return {
    browser,
    async close() {
      await closeBrowser(browser);
      removeProfile(userDataDir);
    },
  };
}

/** Generous: the test machine may have two cores shared by several browsers (launches took 6-20 s under load). */
const LAUNCH_TIMEOUT_MS = 60_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Navigates without awaiting `goto` (it never settles for moz-extension URLs under BiDi) and polls until the page
 * is at `url` and complete; tolerates the context being replaced mid-way. On a loaded machine the first
 * navigation of a fresh tab is sometimes dropped (the tab stays at about:blank), so it is re-issued every 5 s.
 */
async function navigateAndWait(page: Page, url: string, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  let lastNavigation = start;
  page.goto(url).catch(() => undefined);
  let last = 'nothing yet';
  while (Date.now() - start < timeoutMs) {
    try {
      const state = await page.evaluate(() => [location.href, document.readyState] as const);
      last = `${state[0]} (${state[1]})`;
      if (state[0] === url && state[1] === 'complete') return;
      if (state[0] === 'about:blank' && Date.now() - lastNavigation > 5_000) {
        lastNavigation = Date.now();
        page.goto(url).catch(() => undefined);
      }
    } catch (err) {
      last = String(err);
    }
    await sleep(50);
  }
  throw new Error(`Extension page ${url} did not load within ${timeoutMs} ms; last seen: ${last}`);
}

async function closeBrowser(browser: Browser): Promise<void> {
  // A browser that hangs on close must not hang the suite: give it 10 s, then kill the process and wait for it.
  const proc = browser.process();
  const closed = browser.close().then(() => true, () => false);
  const ok = await Promise.race([closed, sleep(10_000).then(() => false)]);
  if (!ok && proc && proc.exitCode === null && proc.signalCode === null) {
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGKILL');
    await Promise.race([exited, sleep(5_000)]);
  }
}

/** Removes a throwaway profile; a failure to clean up /tmp must not fail a test. */
function removeProfile(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  } catch (err) {
    process.stderr.write(`[harness] could not remove ${dir}: ${String(err)}\n`);
  }
}

async function launchChromium(opts: LaunchOptions): Promise<ExtensionBrowser> {
  const dir = opts.extensionDir ?? extensionDir('chromium');
  const ownProfile = opts.userDataDir === undefined;
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'cg-chromium-'));
  if (opts.prefs) {
    mkdirSync(join(userDataDir, 'Default'), { recursive: true });
    writeFileSync(join(userDataDir, 'Default', 'Preferences'), JSON.stringify(opts.prefs));
  }
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath: CHROMIUM_EXECUTABLE,
      headless: !opts.headful,
      ...(opts.headful ? { defaultViewport: null } : {}),
      pipe: true,
      // `true` (not `[dir]`): we install below ourselves, so a broken build fails here with Chromium's message
      // ("Could not load icon …") instead of surfacing as an unhandled rejection inside puppeteer.launch.
      enableExtensions: true,
      userDataDir,
      timeout: LAUNCH_TIMEOUT_MS,
      args: [...CHROMIUM_ARGS, ...(opts.args ?? [])],
    });
  } catch (err) {
    if (ownProfile) removeProfile(userDataDir);
    throw err;
  }
  const isOurWorker = (t: Target) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://');
  let extensionId: string;
  try {
    const installed = await browser.installExtension(dir);
    // The id is the host of the service worker's URL; it must match what loadUnpacked reported.
    const worker = await browser.waitForTarget((t) => isOurWorker(t) && new URL(t.url()).host === installed, {
      timeout: LAUNCH_TIMEOUT_MS,
    });
    extensionId = new URL(worker.url()).host;
  } catch (err) {
    await closeBrowser(browser);
    if (ownProfile) removeProfile(userDataDir);
    throw new Error(`Chromium: loading ${dir} failed or its service worker did not start: ${String(err)}`);
  }
  const extensionOrigin = `chrome-extension://${extensionId}`;

  const openExtensionPage = async (path: string) => {
    const page = await browser.newPage();
    await page.goto(`${extensionOrigin}/${path.replace(/^\//, '')}`, { waitUntil: 'load' });
    return page;
  };

  const findWorker = async (): Promise<Target> => {
    const mine = (t: Target) => isOurWorker(t) && t.url().startsWith(`${extensionOrigin}/`);
    const found = browser.targets().find(mine);
    if (found) return found;
    // The worker was stopped (idle); an extension page's message wakes it.
    const page = await openExtensionPage('popup.html?harness');
    try {
      await page.evaluate(() => chrome.runtime.sendMessage({ type: 'ping', payload: {} }).catch(() => null));
      return await browser.waitForTarget(mine, { timeout: 10_000 });
    } finally {
      await page.close();
    }
  };

  return {
    kind: 'chromium',
    browser,
    extensionOrigin,
    extensionId,
    extensionDir: dir,
    newPage: () => browser.newPage(),
    openExtensionPage,
    async evaluateInBackground<A extends unknown[], R>(fn: (...args: A) => R | Promise<R>, ...args: A): Promise<R> {
      const target = await findWorker();
      const ww = await target.worker();
      if (!ww) throw new Error('Chromium: could not attach to the extension service worker');
      return (await ww.evaluate(fn as (...a: unknown[]) => unknown, ...(args as unknown[]))) as R;
    },
    async close() {
      await closeBrowser(browser);
      if (ownProfile) removeProfile(userDataDir);
    },
  };
}

async function launchFirefox(opts: LaunchOptions): Promise<ExtensionBrowser> {
  const dir = opts.extensionDir ?? extensionDir('firefox');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX_EXECUTABLE,
    headless: true,
    timeout: LAUNCH_TIMEOUT_MS,
    // Needed for installExtension over BiDi (a privileged command).
    args: ['--remote-allow-system-access', ...(opts.args ?? [])],
    extraPrefsFirefox: { ...FIREFOX_PREFS, ...opts.prefs },
    // puppeteer makes (and removes on close) a temporary profile when none is given.
    ...(opts.userDataDir !== undefined ? { userDataDir: opts.userDataDir } : {}),
  });
  let extensionId: string;
  try {
    extensionId = await browser.installExtension(dir);
  } catch (err) {
    await closeBrowser(browser);
    throw new Error(`Firefox: installing ${dir} failed: ${String(err)}`);
  }
  const extensionOrigin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;

  const openExtensionPage = async (path: string) => {
    const page = await browser.newPage();
    const url = `${extensionOrigin}/${path.replace(/^\//, '')}`;
    await navigateAndWait(page, url);
    return page;
  };

  let helperPage: Page | null = null;
  return {
    kind: 'firefox',
    browser,
    extensionOrigin,
    extensionId,
    extensionDir: dir,
    newPage: () => browser.newPage(),
    openExtensionPage,
    async evaluateInBackground<A extends unknown[], R>(fn: (...args: A) => R | Promise<R>, ...args: A): Promise<R> {
      if (!helperPage || helperPage.isClosed()) helperPage = await openExtensionPage('popup.html?harness');
      return (await helperPage.evaluate(fn as (...a: unknown[]) => unknown, ...(args as unknown[]))) as R;
    },
    async close() {
      await closeBrowser(browser);
    },
  };
}

/** Launches a browser with the built extension (run `npm run build` first). Close it with `close()`. */
export function launchWithExtension(kind: BrowserKind, opts: LaunchOptions = {}): Promise<ExtensionBrowser> {
  return kind === 'chromium' ? launchChromium(opts) : launchFirefox(opts);
}
