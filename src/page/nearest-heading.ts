/**
 * The nearest heading above a block (issue 11: the `heading` context window): the closest h1-h6 that precedes it
 * in document order within a few levels, its own section's heading first. Bounded walk (levels and siblings), so a
 * huge flat page costs little; only blocks holding a term with a `heading` window ask.
 */
const HEADING = /^h[1-6]$/;
const MAX_LEVELS = 8;
const MAX_SIBLINGS = 40;
const HEADINGS = 'h1,h2,h3,h4,h5,h6';

export function nearestHeading(block: Node): Element | null {
  let n: Element | null = block.nodeType === 1 ? (block as Element) : null;
  if (!n || HEADING.test(n.localName)) return null;
  for (let level = 0; n && level < MAX_LEVELS; level++, n = n.parentElement) {
    let prev = n.previousElementSibling;
    for (let k = 0; prev && k < MAX_SIBLINGS; k++, prev = prev.previousElementSibling) {
      if (HEADING.test(prev.localName)) return prev;
      // A miss (most siblings: paragraphs) makes no list: querySelectorAll made one, with its wrapper, per sibling.
      if (!prev.querySelector(HEADINGS)) continue;
      const inner = prev.querySelectorAll(HEADINGS);
      return inner[inner.length - 1]!;
    }
  }
  return null;
}
