// watchPage hands the text it read to its "maybe" (issue 13: the bootstrap then sends that text with the engine's
// glossary question instead of reading the whole page a second time). linkedom stands in for the page: the watch
// reads `textContent` and lists shadow roots, nothing a browser does differently here.
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchPage } from './page-prefilter.js';

const page = (body: string) => parseHTML(`<!doctype html><html><body>${body}</body></html>`).document as unknown as Document;
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('watchPage', () => {
  // These cases change nothing after the start: an observer that never reports stands in for the browser's.
  const had = (globalThis as { MutationObserver?: unknown }).MutationObserver;
  beforeAll(() => {
    (globalThis as { MutationObserver?: unknown }).MutationObserver = class {
      observe(): void {}
      disconnect(): void {}
    };
  });
  afterAll(() => {
    (globalThis as { MutationObserver?: unknown }).MutationObserver = had;
  });

  it('hands the text it asked about to onMaybe when that answer is "maybe"', async () => {
    const doc = page('<p>The TTP said</p>');
    const asked: string[] = [];
    const got: Array<string | null> = [];
    const w = watchPage(doc, async (t) => (asked.push(t), true), (text) => got.push(text), () => got.push('nothing'));
    await tick();
    w.stop();
    expect(asked).toEqual(['The TTP said']);
    expect(got).toEqual(['The TTP said']);
  });

  it('hands nothing on a "no", and nothing when it asked nothing (the page read as already asked)', async () => {
    const got: Array<string | null> = [];
    const w1 = watchPage(page('<p>quiet</p>'), async () => false, (text) => got.push(text), () => got.push('nothing'));
    await tick();
    w1.stop();
    const w2 = watchPage(page('<p>quiet</p>'), async () => true, (text) => got.push(text), () => got.push('nothing'), 'quiet');
    await tick();
    w2.stop();
    expect(w2.unchanged).toBe(true);
    expect(got).toEqual(['nothing']);
  });
});
