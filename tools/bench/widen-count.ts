// How many widening questions (`getGlossary` with `have`, src/content/content-engine.ts) a page's frame asks, and
// how many of them widened the page glossary (each one a rescan): the outside bench's live-blog row, Chromium, a
// build given by --dist (default dist/), 3 loads. Counted in the content script's world over CDP (a wrapper around
// chrome.runtime.sendMessage installed when the world is created; the page and the extension do not know). Wave 9.
//
//   node tools/run.mjs tools/bench/widen-count.ts [--dist DIR] [--runs N]
import { join, resolve } from 'node:path';
import { launchWithExtension } from '../../tests/e2e/harness/launch.js';
import { ROOT } from '../../tests/e2e/harness/paths.js';
import { startServer } from '../../tests/e2e/harness/server.js';
import { outsideSite } from './outside-pages.js';

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const dist = resolve(opt('--dist') ?? join(ROOT, 'dist'));
const runs = Number(opt('--runs') ?? 3);

const WRAP = `(() => {
  const rt = chrome.runtime;
  const send = rt.sendMessage.bind(rt);
  const c = (globalThis.__cgWiden = { asked: 0, widened: 0, chars: 0 });
  rt.sendMessage = (msg, ...rest) => {
    const p = msg && msg.payload;
    if (!msg || msg.type !== 'getGlossary' || !p || !p.have) return send(msg, ...rest);
    c.asked++;
    c.chars += (p.text || '').length;
    return send(msg, ...rest).then((r) => {
      if (JSON.stringify(r).length > 200) c.widened++;
      return r;
    });
  };
})()`;

async function main(): Promise<void> {
  const { built, routes } = outsideSite(join(ROOT, '..', 'shared', 'corpus'), 10);
  const row = built.rows.find((r) => r.id === 'live-blog');
  if (!row) throw new Error('no live-blog row');
  const server = await startServer({ root: null, routes });
  const b = await launchWithExtension('chromium', { extensionDir: join(dist, 'chrome') });
  try {
    for (let i = 0; i < runs; i++) {
      const page = await b.newPage();
      const cdp = await page.createCDPSession();
      const contexts: number[] = [];
      cdp.on('Runtime.executionContextCreated', (e: { context: { id: number; auxData?: { type?: string } } }) => {
        if (e.context.auxData?.type !== 'isolated') return;
        contexts.push(e.context.id);
        void cdp.send('Runtime.evaluate', { expression: WRAP, contextId: e.context.id }).catch(() => {});
      });
      await cdp.send('Runtime.enable');
      await page.goto(server.url(row.path), { waitUntil: 'load' });
      await page.waitForFunction(() => (window as unknown as { __liveBlogDone?: boolean }).__liveBlogDone === true, { timeout: 20_000 });
      await new Promise((r) => setTimeout(r, 3000));
      for (const id of contexts) {
        const r = (await cdp.send('Runtime.evaluate', { expression: 'JSON.stringify(globalThis.__cgWiden ?? null)', contextId: id, returnByValue: true }).catch(() => ({ result: {} }))) as { result: { value?: string } };
        if (r.result.value && r.result.value !== 'null') process.stdout.write(`run ${i + 1}: ${r.result.value}\n`);
      }
      await page.close();
    }
  } finally {
    await b.close();
    await server.close();
  }
}

await main();
