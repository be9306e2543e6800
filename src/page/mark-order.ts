/**
 * Document order of marks (first mention per page, navigation, the popup's order), across shadow trees: a mark in a
 * shadow tree sorts by its host's position in the document.
 */
interface Placed {
  /** The node the mark starts in and its offset there: not its range, made only when painted (mark-record.ts). */
  readonly startNode: Node;
  readonly startOffset: number;
}

/** Document order of two marks; marks in shadow trees sort by their hosts' position. */
export function compareMarks(a: Placed, b: Placed): number {
  const an = a.startNode;
  const bn = b.startNode;
  if (an === bn) return a.startOffset - b.startOffset;
  const x = composedAnchor(an);
  const y = composedAnchor(bn);
  const pos = (x.root === y.root ? an : x.node).compareDocumentPosition(x.root === y.root ? bn : y.node);
  if (pos & 4 /* FOLLOWING */) return -1;
  if (pos & 2 /* PRECEDING */) return 1;
  return 0;
}

function composedAnchor(node: Node): { node: Node; root: Node } {
  let n = node;
  let root = n.getRootNode();
  const first = root;
  while (root.nodeType === 11 && (root as ShadowRoot).host) {
    n = (root as ShadowRoot).host;
    root = n.getRootNode();
  }
  return { node: n, root: first };
}
