// watchPage hands the text it read to its "maybe" (issue 13: the bootstrap then sends that text with the engine's
// glossary question instead of reading the whole page a second time). linkedom stands in for the page: the watch
// reads `textContent` and lists shadow roots, nothing a browser does differently here.
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PageWatch, watchPage } from './page-prefilter.js';

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

// The hand-off (issue 13): the engine's watch starts from the bootstrap's read instead of reading the page again, and
// still asks about what changed since. An observer the test drives stands in for the browser's.
describe('watchPage hand-off', () => {
  const had = (globalThis as { MutationObserver?: unknown }).MutationObserver;
  const observers: FakeObserver[] = [];
  class FakeObserver {
    pending: unknown[] = [];
    connected = false;
    constructor(readonly cb: (records: unknown[]) => void) {
      observers.push(this);
    }
    observe(): void {
      this.connected = true;
    }
    disconnect(): void {
      this.connected = false;
    }
    takeRecords(): unknown[] {
      const r = this.pending;
      this.pending = [];
      return r;
    }
  }
  beforeAll(() => {
    (globalThis as { MutationObserver?: unknown }).MutationObserver = FakeObserver;
  });
  afterAll(() => {
    (globalThis as { MutationObserver?: unknown }).MutationObserver = had;
  });
  const added = (target: Node, node: Node) => ({ type: 'childList', target, addedNodes: [node] });

  it('a watch taking over the read asks nothing and reads nothing when the page did not change', async () => {
    const doc = page('<p>The TTP said</p>');
    let read: ReturnType<PageWatch['handOff']> = null;
    const w: PageWatch = watchPage(doc, async () => true, () => (read = w.handOff()), () => undefined);
    await tick();
    expect(read!.text).toBe('The TTP said');
    // Were the second watch to read the page, it would see this text (no observer reports it: the fake's is not called).
    doc.body.querySelector('p')!.textContent = 'something else';
    const asked: string[] = [];
    const w2 = watchPage(doc, async (t) => (asked.push(t), false), () => undefined, () => undefined, 'The TTP said', 0, read);
    await tick();
    expect(w2.unchanged).toBe(true);
    expect(asked).toEqual([]);
    w2.stop();
  });

  it('asks about the blocks changed after the read: recorded after the answer and not yet delivered', async () => {
    const doc = page('<p>The TTP said</p>');
    let read: ReturnType<PageWatch['handOff']> = null;
    const w: PageWatch = watchPage(doc, async () => true, () => (read = w.handOff()), () => undefined);
    const mo = observers[observers.length - 1]!;
    await tick();
    const a = doc.createElement('div');
    a.textContent = 'Noor Wali Mehsud';
    doc.body.appendChild(a);
    mo.cb([added(doc.body, a)]); // delivered while handed over: recorded
    const b = doc.createElement('section');
    b.textContent = 'Siraj Haqqani';
    doc.body.appendChild(b);
    mo.pending.push(added(doc.body, b)); // not yet delivered: taken with takeRecords()
    const asked: string[] = [];
    const got: string[] = [];
    const w2 = watchPage(doc, async (t) => (asked.push(t), false), () => undefined, () => got.push('nothing'), 'The TTP said', 0, read);
    expect(mo.connected).toBe(false);
    await tick();
    expect(w2.unchanged).toBe(false);
    expect(asked).toEqual(['Noor Wali Mehsud\nSiraj Haqqani']);
    expect(got).toEqual(['nothing']);
    w2.stop();
  });

  it('a watch not handed over ends after its "maybe"; release() ends a read not taken', async () => {
    const doc = page('<p>The TTP said</p>');
    watchPage(doc, async () => true, () => undefined, () => undefined);
    const mo1 = observers[observers.length - 1]!;
    await tick();
    expect(mo1.connected).toBe(false);
    let read: ReturnType<PageWatch['handOff']> = null;
    const w: PageWatch = watchPage(doc, async () => true, () => (read = w.handOff()), () => undefined);
    const mo2 = observers[observers.length - 1]!;
    await tick();
    expect(mo2.connected).toBe(true);
    read!.release();
    expect(mo2.connected).toBe(false);
    expect(read!.take()).toBeNull();
  });
});
