// Reading what the extension did to a page, from the page's main world: its CSS highlights (our marks) and a
// serialization of the DOM (to prove the page itself was not changed). Every function passed to evaluate() is
// self-contained because puppeteer serializes it into the page.
import type { Frame, Page } from 'puppeteer-core';

export interface MarkPoint {
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
}

export type MarkTarget = Page | Frame;

/** All ranges of highlights whose name starts with 'context-glossary', in document order. */
export function readMarks(target: MarkTarget): Promise<Mark[]> {
  return target.evaluate(() => {
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
      let n: Node | null = node;
      while (n) {
        const parent: Node | null = n.parentNode;
        if (!parent) break;
        if (parent.nodeType === Node.DOCUMENT_FRAGMENT_NODE && (parent as ShadowRoot).host) {
          // Step out of an open shadow tree to its host; -1 sorts shadow content before the host's children.
          const name = stepName(n);
          let same = 0;
          for (const c of Array.from(parent.childNodes)) {
            if (stepName(c) === name) same++;
            if (c === n) break;
          }
          steps.unshift('#shadow-root', `${name}[${same}]`);
          key.unshift(-1, Array.prototype.indexOf.call(parent.childNodes, n));
          n = (parent as ShadowRoot).host;
          continue;
        }
        const name = stepName(n);
        let same = 0;
        for (const c of Array.from(parent.childNodes)) {
          if (stepName(c) === name) same++;
          if (c === n) break;
        }
        steps.unshift(`${name}[${same}]`);
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
    const registry = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights;
    if (!registry) return [];
    for (const [name, highlight] of registry) {
      if (!name.startsWith('context-glossary')) continue;
      for (const r of highlight) {
        let text: string;
        if (r instanceof Range) text = r.toString();
        else {
          const live = document.createRange();
          live.setStart(r.startContainer, r.startOffset);
          live.setEnd(r.endContainer, r.endOffset);
          text = live.toString();
        }
        const s = pathOf(r.startContainer);
        const e = pathOf(r.endContainer);
        const block = blockOf(r.startContainer);
        const mark: Mark = {
          name,
          text,
          start: { path: s.path, offset: r.startOffset },
          end: { path: e.path, offset: r.endOffset },
        };
        if (block) mark.blockText = (block.textContent ?? '').replace(/\s+/g, ' ').trim();
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
  });
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
