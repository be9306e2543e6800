// Browsers for the corpus check: one with the built extension (the e2e harness's launcher) and one control
// without it, launched the same way; and one page load measured in either.
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { launchBrowser, launchWithExtension } from '../../tests/e2e/harness/launch.js';
import { countMarks, readMarks, serializeDom } from '../../tests/e2e/harness/marks.js';
import type { BrowserKind } from '../../tests/e2e/harness/paths.js';
import { firefoxProxyPrefs } from '../../tests/e2e/harness/network.js';
import { parseTrace, type TraceEvent } from './corpus-trace.js';

export interface BrowserHandle {
  kind: BrowserKind;
  browser: Browser;
  /** Extension origin for the extension browser; null for the control. */
  extensionOrigin: string | null;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class Timeout extends Error {}

/** A page whose main thread is stuck never answers evaluate(): every call here is bounded. */
function bounded<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Timeout(`${what}: no answer within ${ms} ms (page unresponsive?)`)), ms);
    }),
  ]);
}

/** A mark as the corpus check needs it: text and the element names above its start and end (cheap on big pages). */
interface CorpusMark {
  text: string;
  start: { path: string };
  end: { path: string };
}

/** Our marks with element-name paths ('/html/body/p/text()', no indices: cheap on big pages). */
function readCorpusMarks(page: Page): Promise<CorpusMark[]> {
  return readMarks(page, { paths: 'names', blockText: false });
}

export async function launchPair(kind: BrowserKind, proxyPort: number): Promise<{ ext: BrowserHandle; control: BrowserHandle }> {
  const prefs = kind === 'firefox' ? firefoxProxyPrefs(proxyPort) : undefined;
  const [e, control] = await Promise.all([
    launchWithExtension(kind, prefs ? { prefs } : {}),
    launchControl(kind, proxyPort),
  ]);
  return { ext: { kind, browser: e.browser, extensionOrigin: e.extensionOrigin, close: () => e.close() }, control };
}

async function launchControl(kind: BrowserKind, proxyPort: number): Promise<BrowserHandle> {
  const b = kind === 'firefox' ? await launchBrowser(kind, { prefs: firefoxProxyPrefs(proxyPort) }) : await launchBrowser(kind);
  return { kind, browser: b.browser, extensionOrigin: null, close: () => b.close() };
}

export interface LoadOptions {
  /** Take a Chromium performance trace (our script slices). */
  trace: boolean;
  /** Serialize the DOM after marks settle. */
  serialize: boolean;
  /** Marks are expected on this page: wait up to 4 s for a first one (instead of 1.2 s). The control load of a
   *  pair gets the same flag so both observe the page as long: a page's own timers (a font loader rejecting after
   *  3 s) must not look like our errors just because the extension run watched longer. */
  expectMarks: boolean;
  /** Observe long tasks from document start (Chromium). */
  longTasks: boolean;
}

export interface LoadResult {
  ok: boolean;
  failure?: string;
  /** Console errors and uncaught exceptions: text plus where it came from (URL or stack). */
  errors: Array<{ text: string; where: string }>;
  marks: CorpusMark[];
  firstMarkMs: number | null;
  dom: string | null;
  trace: TraceEvent[] | null;
  longTasks: number | null;
  blocked: number;
  /** The page stopped answering (main thread stuck) during the load. */
  hung: boolean;
}

/** Page-side: records when our first highlight shows up (rAF), and long tasks. Main world; touches no DOM. */
function pageProbe(observeLongTasks: boolean): void {
  const w = window as unknown as { __cgProbe?: { first: number | null; longTasks: number } };
  const probe = { first: null as number | null, longTasks: 0 };
  w.__cgProbe = probe;
  const registry = (CSS as unknown as { highlights?: Map<string, unknown> }).highlights;
  const tick = () => {
    if (registry) {
      for (const [name, h] of registry) {
        if (name.startsWith('context-glossary') && (h as Set<unknown>).size > 0) {
          probe.first = performance.now();
          return;
        }
      }
    }
    if (performance.now() < 30_000) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  if (observeLongTasks && PerformanceObserver.supportedEntryTypes?.includes('longtask')) {
    new PerformanceObserver((l) => {
      probe.longTasks += l.getEntries().length;
    }).observe({ type: 'longtask', buffered: true });
  }
}

const isLoopback = (u: string) => {
  try {
    const { protocol, hostname } = new URL(u);
    if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true;
    if (protocol === 'chrome-extension:' || protocol === 'moz-extension:') return true;
    return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
  } catch {
    return false;
  }
};

export async function loadPage(h: BrowserHandle, url: string, opts: LoadOptions): Promise<LoadResult> {
  const page: Page = await h.browser.newPage();
  const errors: LoadResult['errors'] = [];
  let blocked = 0;
  const result: LoadResult = { ok: false, errors, marks: [], firstMarkMs: null, dom: null, trace: null, longTasks: null, blocked: 0, hung: false };
  try {
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      errors.push({ text: m.text(), where: m.location()?.url ?? '' });
    });
    page.on('pageerror', (e: unknown) => {
      const err = e as Error;
      errors.push({ text: String(err?.message ?? e), where: String(err?.stack ?? '') });
    });
    if (h.kind === 'chromium') {
      await page.setRequestInterception(true);
      page.on('request', (r: HTTPRequest) => {
        if (r.isInterceptResolutionHandled()) return;
        if (isLoopback(r.url())) void r.continue().catch(() => undefined);
        else {
          blocked++;
          void r.abort('blockedbyclient').catch(() => undefined);
        }
      });
    }
    await page.evaluateOnNewDocument(pageProbe, opts.longTasks);
    const tracing = opts.trace && h.kind === 'chromium';
    if (tracing) await page.tracing.start({ categories: ['devtools.timeline'] });
    const started = Date.now();
    try {
      // Firefox/BiDi: outside requests fail at the proxy at once; 'load' still may wait on a stuck subresource.
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 20_000 });
    } catch (err) {
      result.failure = `navigation: ${String((err as Error).message ?? err).slice(0, 200)}`;
      if (tracing) await bounded(page.tracing.stop(), 10_000, 'tracing').catch(() => undefined);
      return result;
    }
    // Wait for 'load' a little (content scripts run at document_idle, which can wait for it), then for marks to
    // appear and settle: a count unchanged for 600 ms, at least 1.2 s after DOMContentLoaded (4 s when marks are
    // expected and none came yet), never more than 10 s.
    await page.waitForFunction(() => document.readyState === 'complete', { timeout: 5_000 }).catch(() => undefined);
    const count = () => bounded(countMarks(page), 5_000, 'count marks');
    let last = -1;
    let stableSince = Date.now();
    for (;;) {
      const n = await count().catch((err) => {
        if (err instanceof Timeout) throw err;
        return -1;
      });
      const now = Date.now();
      if (n !== last) {
        last = n;
        stableSince = now;
      }
      const minWait = opts.expectMarks && n <= 0 ? 4_000 : 1_200;
      if (now - started >= minWait && now - stableSince >= 600) break;
      if (now - started >= 10_000) break;
      await sleep(100);
    }
    result.marks = await bounded(readCorpusMarks(page), 20_000, 'read marks');
    const probe = await bounded(
      page.evaluate(() => (window as unknown as { __cgProbe?: { first: number | null; longTasks: number } }).__cgProbe ?? null),
      5_000,
      'probe',
    ).catch((err) => {
      if (err instanceof Timeout) throw err;
      return null;
    });
    result.firstMarkMs = probe?.first ?? null;
    result.longTasks = opts.longTasks && h.kind === 'chromium' ? (probe?.longTasks ?? null) : null;
    if (opts.serialize) result.dom = await bounded(serializeDom(page), 20_000, 'serialize DOM');
    if (tracing) {
      const buf = await bounded(page.tracing.stop(), 20_000, 'tracing');
      result.trace = buf ? parseTrace(Buffer.from(buf).toString('utf8')) : [];
    }
    result.ok = true;
    return result;
  } catch (err) {
    result.hung = err instanceof Timeout;
    result.failure = `load: ${String((err as Error).message ?? err).slice(0, 300)}`;
    return result;
  } finally {
    result.blocked = blocked;
    // A stuck page may not answer close() either: bounded, then left to the browser.
    await bounded(page.close(), 5_000, 'close').catch(() => undefined);
  }
}
