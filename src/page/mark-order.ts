/**
 * Document order of marks (first mention per page, navigation, the popup's order), across shadow trees: a mark in a
 * shadow tree sorts by its host's position in the document.
 */
interface Placed {
  readonly range: StaticRange;
}

/** Document order of two marks; marks in shadow trees sort by their hosts' position. */
export function compareMarks(a: Placed, b: Placed): number {
  if (a.range.startContainer === b.range.startContainer) return a.range.startOffset - b.range.startOffset;
  const x = composedAnchor(a.range.startContainer);
  const y = composedAnchor(b.range.startContainer);
  const pos = (x.root === y.root ? a.range.startContainer : x.node).compareDocumentPosition(
    x.root === y.root ? b.range.startContainer : y.node,
  );
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
