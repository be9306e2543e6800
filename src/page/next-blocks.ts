/**
 * The paragraphs just after a block (issue 11: a shared name with no cue in its own paragraph, none before it and
 * none in its heading takes the reading of the next paragraphs, see context-rules.ts decideLocal `ahead`). Mirror of
 * previous-blocks.ts: next siblings, then the parent's, up to a few levels; it stops at the next heading (a new
 * section is a new story) and skips containers too large to be one paragraph. A heading looks at the paragraphs
 * below it. Only blocks whose shared name found no cue anywhere else ask.
 */
const HEADING = /^h[1-6]$/;
const SKIP = /^(?:script|style|noscript|template|svg|nav|aside|footer|header|form|button|select|textarea)$/;
const MAX_LEVELS = 4;
const MAX_SIBLINGS = 12;
/** Longer text than this is a container (a whole column), not the next paragraph. */
const MAX_CHARS = 4000;

/** Up to `max` non-empty blocks after `block`, nearest first, none across the next heading. */
export function nextBlocks(block: Node, max: number): Element[] {
  const out: Element[] = [];
  let n: Element | null = block.nodeType === 1 ? (block as Element) : null;
  for (let level = 0; n && level < MAX_LEVELS; level++, n = n.parentElement) {
    let next = n.nextElementSibling;
    for (let k = 0; next && k < MAX_SIBLINGS; k++, next = next.nextElementSibling) {
      if (HEADING.test(next.localName) || next.querySelector('h1,h2,h3,h4,h5,h6')) return out;
      if (SKIP.test(next.localName)) continue;
      const text = next.textContent ?? '';
      if (text.length > MAX_CHARS || !text.trim()) continue;
      out.push(next);
      if (out.length >= max) return out;
    }
  }
  return out;
}
