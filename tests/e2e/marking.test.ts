// Marking in real browsers with dist/ loaded: the fixtures carry their expected marks inline (data-expect).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBrowser, type FixtureServer, readMarks, serializeDom, startServer } from './harness/index.js';
import { expectedTerms, listPageTerms, settleMarks, termsAsRecord } from './marking-expect.js';

let server: FixtureServer;
beforeAll(async () => {
  server = await startServer({});
});
afterAll(async () => {
  await server?.close();
});

describeEachBrowser('marking', (ctx) => {
  it('marks spelling variants, case rules, inline runs and shadow roots exactly as the fixture expects', async () => {
    const b = ctx();
    const page = await b.newPage();
    try {
      const url = server.url('/marks-basic.html');
      await page.goto(url);
      expect(await settleMarks(page)).toEqual([]);
      const reply = await listPageTerms(b);
      if (typeof reply === 'string') throw new Error(reply);
      expect(reply.active).toBe(true);
      expect(reply.host).toBe('127.0.0.1');
      expect(termsAsRecord(reply.terms)).toEqual(termsAsRecord(Object.entries(await expectedTerms(page)).map(([id, count]) => ({ id, count }))));
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
      expect(await settleMarks(page, 1000)).toEqual([]);
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
      expect(await settleMarks(page)).toEqual([]);
      expect(await serializeDom(page)).toBe(before);
    } finally {
      await page.close();
    }
  });
});
