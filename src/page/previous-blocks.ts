/**
 * The paragraphs just before a block (issue 11: a shared name with no cue in its own paragraph takes the nearest
 * earlier paragraph's, see context-rules.ts carriedCues). Bounded walk like nearest-heading.ts: previous siblings,
 * then the parent's, up to a few levels; it stops at a heading (a new section is a new story) and skips containers
 * too large to be one paragraph. Only blocks whose shared name found no cue of its own ask.
 */
const HEADING = /^h[1-6]$/;
const SKIP = /^(?:script|style|noscript|template|svg|nav|aside|footer|header|form|button|select|textarea)$/;
const MAX_LEVELS = 4;
const MAX_SIBLINGS = 12;
/** Longer text than this is a container (a whole column), not the paragraph before. */
const MAX_CHARS = 4000;

/** Up to `max` non-empty blocks before `block`, nearest first, none across a heading. */
export function previousBlocks(block: Node, max: number): Element[] {
  const out: Element[] = [];
  let n: Element | null = block.nodeType === 1 ? (block as Element) : null;
  if (!n || HEADING.test(n.localName)) return out;
  for (let level = 0; n && level < MAX_LEVELS; level++, n = n.parentElement) {
    let prev = n.previousElementSibling;
    for (let k = 0; prev && k < MAX_SIBLINGS; k++, prev = prev.previousElementSibling) {
      if (HEADING.test(prev.localName) || prev.querySelector('h1,h2,h3,h4,h5,h6')) return out;
      if (SKIP.test(prev.localName)) continue;
      const text = prev.textContent ?? '';
      if (text.length > MAX_CHARS || !text.trim()) continue;
      out.push(prev);
      if (out.length >= max) return out;
    }
  }
  return out;
}
