/**
 * Per text node, the painted marks that cover part of it, as [start, end) offsets sorted by start: the hover
 * hit-test turns (node, offset) from caretPositionFromPoint into candidate marks with a binary search instead of
 * asking the highlight registry (highlightsFromPoint costs grow with the number of ranges).
 *
 * Pure: keyed by any object (Text in the page), values are opaque. Tested in node.
 */

export interface Span<M> {
  start: number;
  end: number;
  mark: M;
}

export class MarkIndex<K extends object, M> {
  private readonly byKey = new WeakMap<K, Span<M>[]>();

  add(key: K, start: number, end: number, mark: M): void {
    let list = this.byKey.get(key);
    if (!list) this.byKey.set(key, (list = []));
    const span = { start, end, mark };
    // Few marks per node: find the slot from the end (marks usually arrive in order).
    let i = list.length;
    while (i > 0 && list[i - 1]!.start > start) i--;
    list.splice(i, 0, span);
  }

  remove(key: K, mark: M): void {
    const list = this.byKey.get(key);
    if (!list) return;
    const i = list.findIndex((s) => s.mark === mark);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) this.byKey.delete(key);
  }

  /**
   * Marks whose span contains `offset`, the end included: a caret snaps to the nearest glyph boundary, so a pointer
   * over the right half of a mark's last glyph reports the offset just past it. Callers confirm with client rects.
   */
  at(key: K, offset: number): M[] {
    const list = this.byKey.get(key);
    if (!list || list.length === 0) return [];
    // Last span starting at or before offset.
    let lo = 0;
    let hi = list.length - 1;
    if (list[0]!.start > offset) return [];
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (list[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    const out: M[] = [];
    // Spans never overlap within one node (the matcher's selection is leftmost-longest), but check a neighbour
    // anyway: a span ending exactly where the next starts both touch `offset`.
    for (let i = lo; i >= 0 && i >= lo - 1; i--) {
      const s = list[i]!;
      if (s.start <= offset && offset <= s.end) out.push(s.mark);
    }
    return out;
  }

  has(key: K): boolean {
    return this.byKey.has(key);
  }
}
