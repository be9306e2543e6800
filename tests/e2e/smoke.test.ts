// Smoke test: the built extension loads in both browsers, its background answers, the per-browser manifests are
// right, and the harness itself reads marks and the DOM correctly (so other e2e tests can trust it).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DIST_DIR, describeEachBrowser, type FixtureServer, readMarks, serializeDom, startServer, waitForMarks } from './harness/index.js';

const manifestOf = (browser: 'chrome' | 'firefox') =>
  JSON.parse(readFileSync(join(DIST_DIR, browser, 'manifest.json'), 'utf8')) as Record<string, unknown> & {
    version: string;
    background: Record<string, unknown>;
    minimum_chrome_version?: string;
    browser_specific_settings?: { gecko?: { id?: string; strict_min_version?: string } };
  };
const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const hasContentScript = existsSync(join(DIST_DIR, 'chrome', 'content.js'));

/** A page that registers highlights itself (main world), with a shadow root and a fake UI host to exclude. */
const HARNESS_PAGE = `<!doctype html><html><head><title>harness</title></head><body>
<p id="a">The <b>alpha</b> and beta gamma delta.</p>
<div id="host"></div>
<div data-context-glossary-host="">ui that must not be serialized</div>
<script>
  const p = document.getElementById('a');
  const later = new Range(); later.setStart(p.lastChild, 5); later.setEnd(p.lastChild, 21);
  const first = new Range(); first.selectNodeContents(p.querySelector('b'));
  const root = document.getElementById('host').attachShadow({ mode: 'open' });
  root.innerHTML = '<span>epsilon zeta</span>';
  const inShadow = new StaticRange({ startContainer: root.firstChild.firstChild, startOffset: 0, endContainer: root.firstChild.firstChild, endOffset: 7 });
  // Names no real category uses, so the extension's own marks on this page cannot interfere.
  CSS.highlights.set('context-glossary-test-b', new Highlight(later, inShadow));
  CSS.highlights.set('context-glossary-test-a', new Highlight(first));
  CSS.highlights.set('someone-else', new Highlight(first));
</script></body></html>`;

const TERMS_PAGE = `<!doctype html><html><head><title>terms</title></head><body><article>
<p>Noor Wali Mehsud leads the Tehreek-e-Taliban Pakistan, which has grown since the Afghan Taliban took Kabul.</p>
</article></body></html>`;

let server: FixtureServer;
beforeAll(async () => {
  server = await startServer({
    routes: {
      '/harness.html': () => ({ body: HARNESS_PAGE }),
      '/terms.html': () => ({ body: TERMS_PAGE }),
      '/frame.html': () => ({ body: '<!doctype html><p>outer</p><iframe src="/harness.html"></iframe>' }),
    },
  });
});
afterAll(async () => {
  await server?.close();
});

it('dist/chrome manifest: service worker and minimum Chrome 128', () => {
  const m = manifestOf('chrome');
  expect(m.background).toEqual({ service_worker: 'background.js' });
  expect(m.minimum_chrome_version).toBe('128');
  expect(m.browser_specific_settings).toBeUndefined();
  expect(m.version).toBe(version);
});

it('dist/firefox manifest: background scripts and gecko settings', () => {
  const m = manifestOf('firefox');
  expect(m.background).toEqual({ scripts: ['background.js'] });
  expect(m.browser_specific_settings?.gecko?.id).toBe('context-glossary@context-glossary.org');
  expect(m.browser_specific_settings?.gecko?.strict_min_version).toMatch(/^\d+\.\d+$/);
  expect(m.minimum_chrome_version).toBeUndefined();
});

it('the fixture server serves files and routes on 127.0.0.1 only, and refuses paths outside its root', async () => {
  expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  const route = await fetch(server.url('/harness.html'));
  expect(route.status).toBe(200);
  expect(route.headers.get('content-type')).toContain('text/html');
  expect(await route.text()).toContain('beta gamma delta');
  expect((await fetch(server.url('/no-such-file.html'))).status).toBe(404);
  expect((await fetch(`${server.origin}/%2e%2e/%2e%2e/package.json`)).status).not.toBe(200);
});

describeEachBrowser('smoke', (ctx, kind) => {
  it('loads the extension at its origin', () => {
    const { extensionOrigin } = ctx();
    expect(extensionOrigin).toMatch(kind === 'chromium' ? /^chrome-extension:\/\/[a-p]{32}$/ : /^moz-extension:\/\/[0-9a-f-]{36}$/);
  });

  it('the background answers ping from an extension page with the manifest version', async () => {
    const page = await ctx().openExtensionPage('popup.html?smoke');
    try {
      const reply = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'ping', payload: {} }));
      expect(reply).toEqual({ version });
      // Malformed messages get no answer (the receiver validates).
      const bad = await page.evaluate(() =>
        chrome.runtime.sendMessage({ type: 'ping', payload: { extra: 1 } }).then(
          (r: unknown) => r ?? 'no reply',
          (e: unknown) => `rejected: ${String(e)}`,
        ),
      );
      expect(bad).not.toEqual({ version });
    } finally {
      await page.close();
    }
  });

  it('evaluateInBackground runs with the extension APIs', async () => {
    const got = await ctx().evaluateInBackground((n: number) => ({ v: chrome.runtime.getManifest().version, n: n + 1 }), 41);
    expect(got).toEqual({ v: version, n: 42 });
  });

  it('host permission for http://127.0.0.1 pages is granted (content scripts can run)', async () => {
    const granted = await ctx().evaluateInBackground(() =>
      chrome.permissions.contains({ origins: ['http://127.0.0.1/*'] }),
    );
    expect(granted).toBe(true);
  });

  it.skipIf(!hasContentScript)('the content script runs in a 127.0.0.1 page and answers listPageTerms', async () => {
    const b = ctx();
    const page = await b.newPage();
    try {
      await page.goto(server.url('/harness.html'));
      // Ask from the background context, as the popup does. Chromium here hides tab.url from tabs.query even with
      // host permissions, so ask every tab and keep the 127.0.0.1 answer; retry while the content script starts.
      const reply = await b.evaluateInBackground(async () => {
        for (let i = 0; i < 50; i++) {
          for (const tab of await chrome.tabs.query({})) {
            if (tab.id === undefined) continue;
            const answer = await chrome.tabs
              .sendMessage(tab.id, { type: 'listPageTerms', payload: {} })
              .catch(() => null);
            if (answer && (answer as { host?: string }).host === '127.0.0.1') return answer;
          }
          await new Promise((r) => setTimeout(r, 100));
        }
        return 'no answer';
      });
      expect(reply).toMatchObject({ host: '127.0.0.1', terms: expect.any(Array) });
    } finally {
      await page.close();
    }
  });

  it.skipIf(!hasContentScript)('the content script marks glossary terms and leaves the page DOM as served', async () => {
    const b = ctx();
    const page = await b.newPage();
    const control = await b.newPage();
    try {
      await page.goto(server.url('/terms.html'));
      const marks = await waitForMarks(page, (m) => m.some((x) => x.text === 'Tehreek-e-Taliban Pakistan'), 10_000);
      expect(marks.map((m) => [m.name, m.text])).toEqual(
        expect.arrayContaining([
          ['context-glossary-person', 'Noor Wali Mehsud'],
          ['context-glossary-organization', 'Tehreek-e-Taliban Pakistan'],
        ]),
      );
      // The same HTML in about:blank, where no content script runs, serializes identically: nothing was added,
      // removed or changed in the page (our UI host, if any, is left out by serializeDom).
      await control.setContent(TERMS_PAGE);
      expect(await serializeDom(page)).toBe(await serializeDom(control));
    } finally {
      await page.close();
      await control.close();
    }
  });

  it('harness: readMarks lists only context-glossary highlights, in document order, across shadow roots', async () => {
    const page = await ctx().newPage();
    try {
      await page.goto(server.url('/harness.html'));
      const marks = await waitForMarks(page, (m) => m.some((x) => x.name === 'context-glossary-test-a'));
      // The page may also carry the real extension's marks: look only at the ones the page made itself.
      const own = marks.filter((m) => m.name.startsWith('context-glossary-test-'));
      expect(own.map((m) => [m.name, m.text])).toEqual([
        ['context-glossary-test-a', 'alpha'],
        ['context-glossary-test-b', 'beta gamma delta'],
        ['context-glossary-test-b', 'epsilon'],
      ]);
      expect(own[0]?.start).toEqual({ path: '/html[1]/body[1]/p[1]/b[1]', offset: 0 });
      expect(own[1]?.blockText).toBe('The alpha and beta gamma delta.');
      expect(own[1]?.end).toEqual({ path: '/html[1]/body[1]/p[1]/text()[2]', offset: 21 });
      expect(own[2]?.start.path).toBe('/html[1]/body[1]/div[1]/#shadow-root/span[1]/text()[1]');
      expect(marks.some((m) => m.name === 'someone-else')).toBe(false);
      await expect(waitForMarks(page, () => false, 300)).rejects.toThrow(/within 300 ms; last marks: .*alpha/);
    } finally {
      await page.close();
    }
  });

  it('harness: serializeDom includes open shadow roots and leaves out our UI host', async () => {
    const page = await ctx().newPage();
    try {
      await page.goto(server.url('/harness.html'));
      const html = await serializeDom(page);
      expect(html).toMatch(/^<html[ >]/);
      expect(html).toContain('<p id="a">The <b>alpha</b> and beta gamma delta.</p>');
      expect(html).toContain('<div id="host"><template shadowrootmode="open"><span>epsilon zeta</span></template></div>');
      expect(html).not.toContain('ui that must not be serialized');
      expect(await serializeDom(page)).toBe(html);
      await page.evaluate(() => document.getElementById('a')?.setAttribute('title', 'x'));
      expect(await serializeDom(page)).not.toBe(html);
    } finally {
      await page.close();
    }
  });

  it('harness: readMarks works on a Frame (same-origin iframe)', async () => {
    const page = await ctx().newPage();
    try {
      await page.goto(server.url('/frame.html'));
      const frame = await (await page.waitForSelector('iframe'))?.contentFrame();
      if (!frame) throw new Error('no frame');
      const marks = await waitForMarks(frame, (m) => m.some((x) => x.name === 'context-glossary-test-a'));
      expect(marks.filter((m) => m.name.startsWith('context-glossary-test-')).map((m) => m.text)).toEqual([
        'alpha',
        'beta gamma delta',
        'epsilon',
      ]);
      expect((await readMarks(page)).filter((m) => m.name.startsWith('context-glossary-test-'))).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
