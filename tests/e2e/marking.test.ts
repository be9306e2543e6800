// Marking in real browsers: the fixtures carry their expected marks inline (data-expect: the entry whose card each
// mark opens, issue 11 deliverable 6). Run on the probe build (tests/e2e/harness/probe.ts), the shipped code plus an
// unstyled highlight per entry, so a mark that opens the wrong card fails even when its category is right.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBrowser, type FixtureServer, readMarks, serializeDom, startServer, waitForMarks } from './harness/index.js';
import { probeExtensionDir } from './harness/probe.js';
import { EVERY_MENTION, expectedTerms, listPageTerms, type MarkCheck, settleMarks, storeSettings, termsAsRecord } from './marking-expect.js';

const ENTRY: { check: MarkCheck } = { check: 'entry' };
const probe = (kind: Parameters<typeof probeExtensionDir>[0]) => ({ extensionDir: probeExtensionDir(kind) });

let server: FixtureServer;
beforeAll(async () => {
  server = await startServer({});
});
afterAll(async () => {
  await server?.close();
});

describeEachBrowser('marking', (ctx) => {
  beforeAll(() => storeSettings(ctx(), EVERY_MENTION));
  it('marks spelling variants, case rules, inline runs and shadow roots exactly as the fixture expects', async () => {
    const b = ctx();
    const page = await b.newPage();
    try {
      const url = server.url('/marks-basic.html');
      await page.goto(url);
      expect(await settleMarks(page, ENTRY)).toEqual([]);
      const reply = await listPageTerms(b);
      if (typeof reply === 'string') throw new Error(reply);
      expect(reply.active).toBe(true);
      expect(reply.host).toBe('127.0.0.1');
      expect(termsAsRecord(reply.terms)).toEqual(termsAsRecord(Object.entries(await expectedTerms(page)).map(([id, count]) => ({ id, count }))));
    } finally {
      await page.close();
    }
  });

  it('variants, page-defined acronyms (per frame), shared names, parties, titles and the heading window', async () => {
    const page = await ctx().newPage();
    try {
      await page.goto(server.url('/marks-entries.html'));
      expect(await settleMarks(page, ENTRY)).toEqual([]);
      // Each srcdoc frame is a page of its own: "IEA" undefined there, or spelled out as another body.
      const frames = page.frames().filter((f) => f.url() === 'about:srcdoc');
      expect(frames.length).toBe(2);
      for (const frame of frames) expect(await settleMarks(frame, { check: 'entry', timeoutMs: 1500 })).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('marks nothing where the words appear without the report’s context', async () => {
    const b = ctx();
    const page = await b.newPage();
    try {
      const url = server.url('/marks-context.html');
      await page.goto(url);
      // Wait until the content script has scanned (it answers listPageTerms), then a little longer.
      const reply = await listPageTerms(b);
      if (typeof reply === 'string') throw new Error(reply);
      await new Promise((r) => setTimeout(r, 500));
      expect(await settleMarks(page, { check: 'entry', timeoutMs: 1000 })).toEqual([]);
      expect((await readMarks(page)).length).toBe(0);
      const again = await listPageTerms(b);
      expect(typeof again === 'string' ? again : again.terms).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('leaves the page DOM untouched (serialization identical before and after marking)', async () => {
    const b = ctx();
    const page = await b.newPage();
    try {
      await page.goto(server.url('/marks-basic.html'));
      const before = await serializeDom(page);
      expect(await settleMarks(page, ENTRY)).toEqual([]);
      expect(await serializeDom(page)).toBe(before);
    } finally {
      await page.close();
    }
  });
}, probe);

describeEachBrowser('marking: frames, styles, site switch', (ctx) => {
  beforeAll(() => storeSettings(ctx(), EVERY_MENTION));
  it('marks inside a same-origin iframe and a srcdoc iframe, each frame by itself', async () => {
    const page = await ctx().newPage();
    try {
      await page.goto(server.url('/marks-frames.html'));
      expect(await settleMarks(page, ENTRY)).toEqual([]);
      const same = page.frames().find((f) => f.url().endsWith('/marks-frame.html'));
      if (!same) throw new Error('no same-origin frame');
      expect(await settleMarks(same, ENTRY)).toEqual([]);
      const srcdoc = page.frames().find((f) => f.url() === 'about:srcdoc');
      if (!srcdoc) throw new Error('no srcdoc frame');
      expect(await settleMarks(srcdoc, ENTRY)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('with the iframes setting off, only the top frame is marked', async () => {
    const b = ctx();
    await storeSettings(b, { ...structuredClone(EVERY_MENTION), sites: { ...EVERY_MENTION.sites, iframes: false } });
    const page = await b.newPage();
    try {
      await page.goto(server.url('/marks-frames.html'));
      expect(await settleMarks(page, ENTRY)).toEqual([]);
      const same = page.frames().find((f) => f.url().endsWith('/marks-frame.html'));
      if (!same) throw new Error('no same-origin frame');
      await new Promise((r) => setTimeout(r, 500));
      expect(await readMarks(same)).toEqual([]);
    } finally {
      await storeSettings(b, EVERY_MENTION);
      await page.close();
    }
  });

  it('a custom style overrides the manifest’s marks.css in full: with style "none" marks are invisible', async () => {
    const b = ctx();
    await storeSettings(b, { ...structuredClone(EVERY_MENTION), marking: { ...EVERY_MENTION.marking, style: 'none' } });
    const page = await b.newPage();
    try {
      await page.goto(server.url('/marks-basic.html'));
      await waitForMarks(page, (m) => m.some((x) => x.name === 'context-glossary-organization'));
      const rules = await page.evaluate(() =>
        [...document.adoptedStyleSheets].flatMap((s) => Array.from(s.cssRules, (r) => r.cssText)).filter((t) => t.includes('context-glossary-')),
      );
      expect(rules.some((t) => t.includes('::highlight(context-glossary-organization)'))).toBe(true);
      const h1 = await page.$('h1');
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const marked = await h1!.screenshot({ encoding: 'base64' });
      const cleared = await page.evaluate(async () => {
        const names = [...CSS.highlights.keys()].filter((n) => n.startsWith('context-glossary'));
        for (const n of names) CSS.highlights.delete(n);
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        return names.length;
      });
      expect(cleared).toBeGreaterThan(0);
      expect(await h1!.screenshot({ encoding: 'base64' })).toBe(marked);
    } finally {
      await storeSettings(b, EVERY_MENTION);
      await page.close();
    }
  });

  it('paints the marks (default style from the manifest’s marks.css in the document, our sheet in shadow roots)', async () => {
    const page = await ctx().newPage();
    try {
      await page.goto(server.url('/marks-basic.html'));
      expect(await settleMarks(page, ENTRY)).toEqual([]);
      const rules = await page.evaluate(() => {
        const texts = (sheets: readonly CSSStyleSheet[]) =>
          sheets.flatMap((s) => Array.from(s.cssRules, (r) => r.cssText)).filter((t) => t.includes('context-glossary-'));
        const host = document.getElementById('shadow-host');
        return { doc: texts(document.adoptedStyleSheets), shadow: texts(host?.shadowRoot?.adoptedStyleSheets ?? []) };
      });
      // The default style comes from extension/marks.css, present from the start: no sheet of ours is attached to the
      // document (attaching one restyles every element). Document rules do not reach into shadow roots: those get it.
      expect(rules.doc).toEqual([]);
      expect(rules.shadow.length).toBeGreaterThan(0);
      // Pixels: the first heading with and without our highlights registered. The engine re-registers cleared
      // highlights (checked every second), which can land between the delete and the screenshot: try a few times.
      const h1 = await page.$('h1');
      let differs = false;
      for (let attempt = 0; attempt < 5 && !differs; attempt++) {
        await page.waitForFunction(() => CSS.highlights.has('context-glossary-organization'), { timeout: 3000 });
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const marked = await h1!.screenshot({ encoding: 'base64' });
        const unmarked = await page.evaluate(async () => {
          const saved = [...CSS.highlights].filter(([n]) => n.startsWith('context-glossary'));
          for (const [n] of saved) CSS.highlights.delete(n);
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          return saved.length;
        });
        expect(unmarked).toBeGreaterThan(0);
        const plain = await h1!.screenshot({ encoding: 'base64' });
        differs = plain !== marked;
      }
      expect(differs).toBe(true);
      // The page cleared the registry: our highlights come back (the engine's watch runs every second).
      await page.waitForFunction(() => CSS.highlights.has('context-glossary-organization'), { timeout: 3000 });
      // The engine restores its own highlights, not the probe's entry highlights the page cleared with them.
      expect(await settleMarks(page, { check: 'category' })).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('site switch: a denied site is not marked; allowing it marks the open page live, without touching the DOM', async () => {
    const b = ctx();
    await storeSettings(b, { ...structuredClone(EVERY_MENTION), sites: { ...EVERY_MENTION.sites, deny: ['127.0.0.1'] } });
    const page = await b.newPage();
    try {
      await page.goto(server.url('/marks-basic.html'));
      const off = await listPageTerms(b);
      if (typeof off === 'string') throw new Error(off);
      expect(off.active).toBe(false);
      // listPageTerms answers before the content script has read the settings: give it time to boot (off).
      await new Promise((r) => setTimeout(r, 1000));
      expect(await readMarks(page)).toEqual([]);
      const before = await serializeDom(page);
      await storeSettings(b, EVERY_MENTION);
      expect(await settleMarks(page, ENTRY)).toEqual([]);
      expect(await serializeDom(page)).toBe(before);
      // And off again: every mark goes at once.
      await storeSettings(b, { ...structuredClone(EVERY_MENTION), enabled: false });
      await waitForMarks(page, (m) => m.length === 0, 3000);
    } finally {
      await storeSettings(b, EVERY_MENTION);
      await page.close();
    }
  });

  it('skips pages in other languages', async () => {
    const b = ctx();
    const page = await b.newPage();
    try {
      await page.goto(server.url('/marks-basic.html'));
      await page.goto(server.url('/marks-lang-tr.html'));
      const r = await listPageTerms(b);
      if (typeof r === 'string') throw new Error(r);
      expect(r.active).toBe(false);
      await new Promise((res) => setTimeout(res, 500));
      expect(await readMarks(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('marks a page whose terms are only in shadow roots (a custom element, a nested root in a section)', async () => {
    // The bootstrap's prefilter reads every open shadow root's text (page-text.ts shadowRoots, which skips elements
    // that cannot host one): a root it missed would leave this page unmarked.
    const page = await ctx().newPage();
    try {
      await page.goto(server.url('/marks-shadow-only.html'));
      const want = ['Noor Wali Mehsud', 'Siraj Haqqani'];
      const marks = await waitForMarks(page, (m) => want.every((t) => m.some((x) => x.text === t)));
      expect([...new Set(marks.map((m) => m.text))].sort()).toEqual(want);
    } finally {
      await page.close();
    }
  });
}, probe);
