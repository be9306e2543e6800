/**
 * The paragraphs just before or after a block (issue 11: a shared name with no cue in its own paragraph takes the
 * nearest earlier paragraph's reading, context-rules.ts carriedCues; with none before it and none in its heading, the
 * next paragraphs', decideLocal `ahead`). Bounded walk like nearest-heading.ts: siblings, then the parent's, up to a
 * few levels; it stops at a heading (a new section is a new story) and skips containers too large to be one
 * paragraph. Looking back, a heading has no paragraphs of its story; looking ahead, a heading looks at those below it.
 * Only blocks whose shared name found no cue elsewhere ask.
 */
const HEADING = /^h[1-6]$/;
const SKIP = /^(?:script|style|noscript|template|svg|nav|aside|footer|header|form|button|select|textarea)$/;
const MAX_LEVELS = 4;
const MAX_SIBLINGS = 12;
/** Longer text than this is a container (a whole column), not one paragraph. */
const MAX_CHARS = 4000;

function neighbourBlocks(block: Node, max: number, ahead: boolean): Element[] {
  const out: Element[] = [];
  let n: Element | null = block.nodeType === 1 ? (block as Element) : null;
  if (!n || (!ahead && HEADING.test(n.localName))) return out;
  const step = (e: Element) => (ahead ? e.nextElementSibling : e.previousElementSibling);
  for (let level = 0; n && level < MAX_LEVELS; level++, n = n.parentElement) {
    let sib = step(n);
    for (let k = 0; sib && k < MAX_SIBLINGS; k++, sib = step(sib)) {
      if (HEADING.test(sib.localName) || sib.querySelector('h1,h2,h3,h4,h5,h6')) return out;
      if (SKIP.test(sib.localName)) continue;
      const text = sib.textContent ?? '';
      if (text.length > MAX_CHARS || !text.trim()) continue;
      out.push(sib);
      if (out.length >= max) return out;
    }
  }
  return out;
}

/** Up to `max` non-empty blocks before `block`, nearest first, none across a heading. */
export const previousBlocks = (block: Node, max: number): Element[] => neighbourBlocks(block, max, false);

/** Up to `max` non-empty blocks after `block`, nearest first, none across the next heading. */
export const nextBlocks = (block: Node, max: number): Element[] => neighbourBlocks(block, max, true);
