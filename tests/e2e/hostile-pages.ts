// Generated hostile pages (too big to commit as files) and the checks every hostile test makes.
import type { Page } from 'puppeteer-core';
import type { Route } from './harness/server.js';

const TERMS_SENTENCE = 'Noor Wali Mehsud, the chief of the Tehreek-e-Taliban Pakistan, was reported to have met Siraj Haqqani in Kabul. ';
const FILLER =
  'The council met again on Tuesday to discuss the budget for road repairs, school buses and the new library wing. ';

/** A page whose body is one <p> holding a single text node of about `bytes` characters, terms every ~50 KB. */
function singleTextNodePage(bytes: number): string {
  const parts: string[] = [];
  let n = 0;
  while (n < bytes) {
    const chunk = n % 50_000 < FILLER.length ? TERMS_SENTENCE : FILLER;
    parts.push(chunk);
    n += chunk.length;
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>one text node</title></head><body><p id="big">${parts.join('')}</p></body></html>`;
}

/** 100k tiny elements: one word per <span>, a term split across spans every 1,000 spans. */
function tinyNodesPage(count: number): string {
  const words = FILLER.trim().split(' ');
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 1000 === 0) out.push('<span>Noor </span><span>Wali </span><span>Mehsud </span>');
    out.push(`<span>${words[i % words.length]} </span>`);
    if (i % 50 === 49) out.push('<br>');
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>tiny nodes</title></head><body><div id="wall">${out.join('')}</div></body></html>`;
}

/**
 * Nesting `depth` elements deep, built by script (the HTML parser caps nesting at 512), text at the bottom. The
 * elements are display: contents: the DOM is 10,000 deep (what our tree walks see) while the layout tree stays
 * flat, because Chromium's own layout overflows its stack and crashes the tab past ~1,000 nested boxes (measured
 * here, with no extension loaded).
 */
function deepNestingPage(depth: number): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>deep nesting</title></head><body>
<p id="top">${TERMS_SENTENCE}</p><div id="deep"></div>
<script>
  let el = document.getElementById('deep');
  for (let i = 0; i < ${depth}; i++) { const d = document.createElement('div'); d.style.display = 'contents'; el.appendChild(d); el = d; }
  const p = document.createElement('p'); p.id = 'bottom'; p.textContent = ${JSON.stringify(TERMS_SENTENCE)};
  el.appendChild(p);
  window.deepBuilt = true;
</script></body></html>`;
}

/** Frame `level` of a chain `max` deep; each level also holds `siblings` empty sibling frames. */
function nestedFramePage(level: number, max: number, siblings: number): string {
  const child = level < max ? `<iframe id="child" src="/hostile/frame?level=${level + 1}&max=${max}&siblings=${siblings}" width="600" height="400"></iframe>` : '';
  const sibs = Array.from({ length: siblings }, (_, i) => `<iframe src="/hostile/empty?i=${i}" width="20" height="20"></iframe>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>frame ${level}</title></head><body>
<p>Level ${level}. ${TERMS_SENTENCE}</p>${child}${sibs}</body></html>`;
}

export const HOSTILE_ROUTES: Record<string, Route> = {
  '/hostile/text-5mb.html': () => ({ body: singleTextNodePage(5 * 1024 * 1024) }),
  '/hostile/nodes-100k.html': () => ({ body: tinyNodesPage(100_000) }),
  '/hostile/deep-10k.html': () => ({ body: deepNestingPage(10_000) }),
  '/hostile/frame': (req) => {
    const q = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams;
    const clamp = (v: string | null, d: number, hi: number) => Math.max(0, Math.min(hi, Number(v ?? d) || d));
    return { body: nestedFramePage(clamp(q.get('level'), 0, 20), clamp(q.get('max'), 6, 20), clamp(q.get('siblings'), 0, 40)) };
  },
  '/hostile/empty': () => ({ body: '<!doctype html><title>empty</title><p>.</p>' }),
};

/** Collects console errors and uncaught exceptions coming from the extension (its origin in the URL or stack). */
export function watchExtensionErrors(page: Page, origin: string): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && (m.location()?.url ?? '').startsWith(origin)) errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e: unknown) => {
    const err = e as Error;
    if (`${err?.stack ?? ''}${err?.message ?? ''}`.includes(origin)) errors.push(`pageerror: ${err.message}`);
  });
  return errors;
}

/**
 * How long the page takes to run a trivial script, ms. A hung main thread (a content script stuck in a loop)
 * shows as a timeout here; this is a hang detector with a wide bound, not a performance measurement (npm run bench).
 */
export async function roundTripMs(page: Page, timeoutMs = 10_000): Promise<number> {
  const t = Date.now();
  await Promise.race([
    page.evaluate(() => 1),
    new Promise((_, reject) => setTimeout(() => reject(new Error(`page did not answer within ${timeoutMs} ms (hung?)`)), timeoutMs)),
  ]);
  return Date.now() - t;
}

/**
 * Installs a page-side heartbeat (a 20 ms interval) recording the longest gap between beats: the longest stretch
 * the page's own event loop was blocked. Read with `maxGap(page)`.
 */
export async function startHeartbeat(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __beat: { last: number; max: number } };
    w.__beat = { last: performance.now(), max: 0 };
    setInterval(() => {
      const now = performance.now();
      w.__beat.max = Math.max(w.__beat.max, now - w.__beat.last);
      w.__beat.last = now;
    }, 20);
  });
}

export function maxGap(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __beat?: { max: number } }).__beat?.max ?? -1);
}

/** The texts the fixture expects marked (`<body data-expect="A|B">`, Yomitan style: expectations live in the page). */
export function expectedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => (document.body.getAttribute('data-expect') ?? '').split('|').filter(Boolean));
}

/** Centre of the first client rect of the first of our marks whose text is `text` (page coordinates), or null. */
export function markCentre(page: Page, text: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((want) => {
    const reg = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
    // A page that patched Range geometry (patched-prototypes.html) lies to us here in its world: borrow the
    // pristine method from a fresh same-origin frame (Element.append: the page patched appendChild).
    let rectsOf = (r: Range): ArrayLike<DOMRect> => r.getClientRects();
    if (!/\[native code\]/.test(String(Range.prototype.getClientRects))) {
      const f = document.createElement('iframe');
      document.documentElement.append(f);
      const pristine = (f.contentWindow as unknown as { Range: typeof Range }).Range.prototype.getClientRects;
      rectsOf = (r) => pristine.call(r);
    }
    for (const [name, h] of reg) {
      if (!name.startsWith('context-glossary')) continue;
      for (const r of h) {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        if (live.toString() !== want) continue;
        const rects = rectsOf(live);
        const box = rects.length > 0 ? rects[0]! : null;
        if (!box || box.width === 0) continue;
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
    }
    return null;
  }, text);
}

/** Text of our card if it is shown (the host element's open shadow root), else null. */
export function cardText(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const host = document.querySelector('[data-context-glossary-host]');
    const root = host?.shadowRoot;
    if (!root) return null;
    const text = (root.textContent ?? '').replace(/\s+/g, ' ').trim();
    const visible = host.getBoundingClientRect().width > 0 || Array.from(root.children).some((c) => c.getBoundingClientRect().width > 0);
    return visible && text.length > 0 ? text : null;
  });
}

export interface LightMark {
  text: string;
  /** Start and end are in different text nodes. */
  split: boolean;
  /** Element depth of the start container. */
  depth: number;
  /** Local name of the start container's parent element. */
  parent: string;
}

/**
 * Our marks without the harness's per-mark path and block text (readMarks costs O(page) per mark: too slow on the
 * multi-megabyte pages here). Reads the registry from the page world, as readMarks does.
 */
function lightMarks(target: Page | import('puppeteer-core').Frame): Promise<LightMark[]> {
  return target.evaluate(() => {
    const out: Array<{ text: string; split: boolean; depth: number; parent: string }> = [];
    const reg = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights;
    if (!reg) return out;
    for (const [name, h] of reg) {
      if (!name.startsWith('context-glossary')) continue;
      for (const r of h) {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        let depth = 0;
        for (let n: Node | null = r.startContainer; n; n = n.parentNode) depth++;
        out.push({
          text: live.toString(),
          split: r.startContainer !== r.endContainer,
          depth,
          parent: r.startContainer.parentElement?.localName ?? '',
        });
      }
    }
    return out;
  });
}

/** Polls lightMarks until `predicate` holds; throws with a summary of the last marks seen. */
export async function waitForLightMarks(
  target: Page | import('puppeteer-core').Frame,
  predicate: (marks: LightMark[]) => boolean,
  timeoutMs: number,
): Promise<LightMark[]> {
  const deadline = Date.now() + timeoutMs;
  let last: LightMark[] = [];
  for (;;) {
    last = await lightMarks(target).catch(() => last);
    if (predicate(last)) return last;
    if (Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const counts = new Map<string, number>();
  for (const m of last) counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
  throw new Error(`marks not as expected within ${timeoutMs} ms; last: ${JSON.stringify([...counts])}`);
}
