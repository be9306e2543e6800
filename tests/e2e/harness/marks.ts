// Reading what the extension did to a page, from the page's main world: its CSS highlights (our marks) and a
// serialization of the DOM (to prove the page itself was not changed). Every function passed to evaluate() is
// self-contained because puppeteer serializes it into the page.
import type { Frame, Page } from 'puppeteer-core';

interface MarkPoint {
  /**
   * XPath of the boundary's container from its tree's root, every step indexed, e.g. '/html[1]/body[1]/p[2]/text()[1]'.
   * Inside an open shadow tree the host's path comes first, then '/#shadow-root', then the path inside it.
   */
  path: string;
  offset: number;
}

export interface Mark {
  /** The highlight's name in CSS.highlights, e.g. 'context-glossary-organization'. */
  name: string;
  /** range.toString(): the marked text exactly as in the DOM. */
  text: string;
  start: MarkPoint;
  end: MarkPoint;
  /** Whitespace-collapsed textContent of the nearest block-level ancestor of the start (for context checks). */
  blockText?: string;
  /** First and last line boxes in viewport coordinates (readMarks with `rects: true`; absent when not laid out). */
  rect?: MarkBox;
  lastRect?: MarkBox;
}

export type MarkTarget = Page | Frame;

export interface ReadMarksOptions {
  /** 'indexed' (default): XPath with every step indexed; 'names': element names only ('/html/body/p/text()'),
   *  cheap on pages with thousands of marks and wide parents. */
  paths?: 'indexed' | 'names';
  /** Fill `blockText` (a computed-style read per mark; default true). */
  blockText?: boolean;
  /** Fill `rect`: the first line box in viewport coordinates (default false). */
  rects?: boolean;
  /** Include the 'context-glossary-flash' highlight (default true). */
  flash?: boolean;
}

/** Reads our highlights from the page: all ranges of highlights named 'context-glossary*', in document order. */
export function readMarks(target: MarkTarget, opts: ReadMarksOptions = {}): Promise<Mark[]> {
  const read: PageReadOptions = {
    paths: opts.paths ?? 'indexed',
    blockText: opts.blockText ?? true,
    rects: opts.rects ?? false,
    flash: opts.flash ?? true,
    countOnly: false,
  };
  return target.evaluate(pageReadMarks, read) as Promise<Mark[]>;
}

/** How many ranges our highlights hold now (one cheap read, no paths). */
export function countMarks(target: MarkTarget): Promise<number> {
  const read: PageReadOptions = { paths: 'names', blockText: false, rects: false, flash: true, countOnly: true };
  return target.evaluate(pageReadMarks, read) as Promise<number>;
}

export interface MarkBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Where markBox puts the mark's top: a fraction of the viewport's height, or pixels above its bottom edge. */
export type MarkPlace = { fraction: number } | { fromBottom: number };

/**
 * Scrolls the `nth` mark (document order, shadow-root marks at their host; the flash highlight left out) whose
 * text is `text` so that its top sits at `place` (default: the upper third of the view), waits two frames, and
 * returns its first (or last) line box. Throws when there is no such mark.
 */
export async function markBox(
  target: MarkTarget,
  text: string,
  nth = 0,
  line: 'first' | 'last' = 'first',
  place: MarkPlace = { fraction: 1 / 3 },
): Promise<MarkBox> {
  const find = async () =>
    (await readMarks(target, { blockText: false, flash: false, rects: true })).filter((m) => m.text === text)[nth];
  const wanted = await find();
  if (!wanted?.rect) throw new Error(`no mark "${text}" #${nth} on the page`);
  const fraction = 'fraction' in place ? place.fraction : null;
  const fromBottom = 'fromBottom' in place ? place.fromBottom : 0;
  await target.evaluate(
    async (y: number, fraction: number | null, fromBottom: number) => {
      const top = fraction === null ? innerHeight - fromBottom : innerHeight * fraction;
      scrollTo({ top: Math.max(0, scrollY + y - top), behavior: 'instant' });
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    },
    wanted.rect.y,
    fraction,
    fromBottom,
  );
  const again = await find();
  const box = line === 'first' ? again?.rect : again?.lastRect;
  if (!box) throw new Error(`mark "${text}" #${nth} went away while scrolling to it`);
  return box;
}

/** Whether every range of our flash highlight lies wholly inside the viewport (false when there is none). */
export async function flashInView(target: MarkTarget): Promise<boolean> {
  const flash = (await readMarks(target, { blockText: false, rects: true })).filter((m) => m.name.endsWith('-flash'));
  if (flash.length === 0) return false;
  const vh = await target.evaluate(() => innerHeight);
  return flash.every((m) => m.rect !== undefined && m.lastRect !== undefined && m.rect.y >= 0 && m.lastRect.y + m.lastRect.h <= vh);
}

interface PageReadOptions {
  paths: 'indexed' | 'names';
  blockText: boolean;
  rects: boolean;
  flash: boolean;
  countOnly: boolean;
}

/**
 * The one in-page reader of our highlights (runs in the page's main world; self-contained because puppeteer
 * serializes it). Every test, tool and `npm start` reads marks through it.
 */
function pageReadMarks(opts: PageReadOptions): Mark[] | number {
  const registry = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights;
  const ours = (name: string) => name.startsWith('context-glossary') && (opts.flash || !name.endsWith('-flash'));
  if (opts.countOnly) {
    let n = 0;
    if (registry) for (const [name, h] of registry) if (ours(name)) n += h.size;
    return n;
  }
  type Key = number[];
  const stepName = (n: Node): string => {
    if (n.nodeType === Node.TEXT_NODE) return 'text()';
    if (n.nodeType === Node.COMMENT_NODE) return 'comment()';
    if (n.nodeType === Node.ELEMENT_NODE) return (n as Element).localName;
    return `#${n.nodeType}`; // doctype, processing instruction: never a highlight container
  };
  const pathOf = (node: Node): { path: string; key: Key } => {
    const steps: string[] = [];
    const key: Key = [];
    const indexed = opts.paths === 'indexed';
    const step = (n: Node, parent: Node): string => {
      const name = stepName(n);
      if (!indexed) return name;
      let same = 0;
      for (const c of Array.from(parent.childNodes)) {
        if (stepName(c) === name) same++;
        if (c === n) break;
      }
      return `${name}[${same}]`;
    };
    let n: Node | null = node;
    while (n) {
      const parent: Node | null = n.parentNode;
      if (!parent) break;
      if (parent.nodeType === Node.DOCUMENT_FRAGMENT_NODE && (parent as ShadowRoot).host) {
        // Step out of an open shadow tree to its host; -1 sorts shadow content before the host's children.
        steps.unshift('#shadow-root', step(n, parent));
        key.unshift(-1, Array.prototype.indexOf.call(parent.childNodes, n));
        n = (parent as ShadowRoot).host;
        continue;
      }
      steps.unshift(step(n, parent));
      key.unshift(Array.prototype.indexOf.call(parent.childNodes, n));
      n = parent;
    }
    return { path: `/${steps.join('/')}`, key };
  };
  const blockOf = (node: Node): Element | null => {
    let el: Element | null = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
    while (el) {
      const display = getComputedStyle(el).display;
      if (display !== 'inline' && display !== 'contents' && !display.startsWith('ruby')) return el;
      el = el.parentElement ?? ((el.getRootNode() as ShadowRoot).host ?? null);
    }
    return null;
  };
  const out: Array<{ mark: Mark; sort: Key }> = [];
  if (!registry) return [];
  for (const [name, highlight] of registry) {
    if (!ours(name)) continue;
    for (const r of highlight) {
      let live: Range;
      if (r instanceof Range) live = r;
      else {
        live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
      }
      const s = pathOf(r.startContainer);
      const e = pathOf(r.endContainer);
      const mark: Mark = {
        name,
        text: live.toString(),
        start: { path: s.path, offset: r.startOffset },
        end: { path: e.path, offset: r.endOffset },
      };
      if (opts.blockText) {
        const block = blockOf(r.startContainer);
        if (block) mark.blockText = (block.textContent ?? '').replace(/\s+/g, ' ').trim();
      }
      if (opts.rects) {
        const rects = live.getClientRects();
        const box = (r: DOMRect | undefined) => (r ? { x: r.x, y: r.y, w: r.width, h: r.height } : undefined);
        const first = box(rects[0]);
        const last = box(rects[rects.length - 1]);
        if (first && last) {
          mark.rect = first;
          mark.lastRect = last;
        }
      }
      out.push({ mark, sort: [...s.key, r.startOffset, Number.MAX_SAFE_INTEGER, ...e.key, r.endOffset] });
    }
  }
  out.sort((a, b) => {
    for (let i = 0; i < Math.min(a.sort.length, b.sort.length); i++) {
      const d = (a.sort[i] as number) - (b.sort[i] as number);
      if (d !== 0) return d;
    }
    return a.sort.length - b.sort.length || (a.mark.name < b.mark.name ? -1 : a.mark.name > b.mark.name ? 1 : 0);
  });
  return out.map((o) => o.mark);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls readMarks until predicate(marks) holds or the timeout (default 5 s) passes; throws with the last value. */
export async function waitForMarks(
  target: MarkTarget,
  predicate: (marks: Mark[]) => boolean,
  timeoutMs = 5_000,
): Promise<Mark[]> {
  const deadline = Date.now() + timeoutMs;
  let last: Mark[] | string = 'never read';
  for (;;) {
    try {
      const marks = await readMarks(target);
      last = marks;
      if (predicate(marks)) return marks;
    } catch (err) {
      last = `readMarks failed: ${String(err)}`; // e.g. the page navigated mid-read; try again
    }
    if (Date.now() >= deadline) break;
    await sleep(100);
  }
  const shown = typeof last === 'string' ? last : JSON.stringify(last.map((m) => `${m.name}: ${m.text}`));
  throw new Error(`waitForMarks: condition not met within ${timeoutMs} ms; last marks: ${shown}`);
}

/**
 * The page's DOM as HTML (documentElement and everything below, open shadow roots as
 * <template shadowrootmode="open">), leaving out our UI host [data-context-glossary-host] wherever it is.
 * Deterministic, so before/after snapshots compare with ===.
 */
export function serializeDom(target: MarkTarget): Promise<string> {
  return target.evaluate(() => {
    const VOID = new Set([
      'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr',
    ]);
    const escText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const escAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    const parts: string[] = [];
    const children = (parent: Node) => {
      for (const c of Array.from(parent.childNodes)) node(c);
    };
    const node = (n: Node) => {
      switch (n.nodeType) {
        case Node.TEXT_NODE: {
          const p = n.parentElement?.localName;
          parts.push(p === 'script' || p === 'style' ? (n.nodeValue ?? '') : escText(n.nodeValue ?? ''));
          return;
        }
        case Node.COMMENT_NODE:
          parts.push(`<!--${n.nodeValue ?? ''}-->`);
          return;
        case Node.ELEMENT_NODE: {
          const el = n as Element;
          if (el.hasAttribute('data-context-glossary-host')) return;
          const tag = el.localName;
          const attrs = Array.from(el.attributes, (a) => ` ${a.name}="${escAttr(a.value)}"`).join('');
          parts.push(`<${tag}${attrs}>`);
          if (VOID.has(tag)) return;
          if (el.shadowRoot) {
            parts.push(`<template shadowrootmode="${el.shadowRoot.mode}">`);
            children(el.shadowRoot);
            parts.push('</template>');
          }
          children(el instanceof HTMLTemplateElement ? el.content : el);
          parts.push(`</${tag}>`);
          return;
        }
        default:
          return;
      }
    };
    node(document.documentElement);
    return parts.join('');
  });
}
