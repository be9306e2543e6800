/**
 * A new page glossary without a blink (issue 13/14, wave 9): switching a glossary on or off, editing an own entry, or
 * widening the page glossary because the page added text (src/content/content-engine.ts) used to clear every mark and
 * rescan in slices, so each mark vanished for at least a task and came back slice by slice (an open card lost its
 * mark; CI hovered a term mid-rescan). Now the engine scans the page for the new glossary *beside* the old one: the
 * new marks go into a store of their own whose painting is held shut (`PaintGate`), the old marks stay on screen and
 * keep answering hover, navigation and the popup, and when the new scan is complete the engine swaps both in one task
 * (engine.ts `swapIn`: old ranges out, new ranges in, no frame between them).
 *
 * Why one swap at the end rather than swapping block by block as the scan covers them: the page's marks always come
 * from one complete store, so first mention / mention mode, navigation order and the terms the popup and badge list
 * are never a mix of two glossaries (a first mention found later in the scan would otherwise move under the reader's
 * eyes). What the old marks must not do while they wait — name an entry that left — is cut at once
 * (`keptPaintable`), and the card of such an entry is hidden at once (`cardKept`).
 *
 * DOM changes while the new scan runs are applied to the old marks (on screen) and kept in a `MutationBacklog`,
 * replayed on the new store right after the swap. Pure: node-tested (glossary-swap.test.ts).
 */

/** What a mark store paints through (the paint window, or a gate in front of it). */
export interface MarkSink<M> {
  show(m: M): void;
  hide(m: M): void;
  watch(key: Node): void;
}

/**
 * The new store's painting, held shut until the swap: `painted` flags and the hover index are kept as usual, only the
 * highlight layer is not touched. `watch` passes through (blocks with painted marks are watched by the paint window, which
 * reads whichever store is current when they come into view).
 */
export class PaintGate<M> implements MarkSink<M> {
  private isOpen = false;

  constructor(private readonly target: MarkSink<M>) {}

  get open(): boolean {
    return this.isOpen;
  }

  /** From now on show/hide reach the target (the engine drew the painted marks itself in the swap's task). */
  openGate(): void {
    this.isOpen = true;
  }

  show(m: M): void {
    if (this.isOpen) this.target.show(m);
  }

  hide(m: M): void {
    if (this.isOpen) this.target.hide(m);
  }

  watch(key: Node): void {
    this.target.watch(key);
  }
}

/** What a glossary tells the swap: its entries' ids, in the order its marks index them. */
interface EntryIds {
  readonly entries: readonly { readonly id: string }[];
  readonly indexById: ReadonlyMap<string, number>;
}

/**
 * The old glossary's paint policy while the new one is scanned: an old entry stays paintable only when the new
 * glossary has it and may paint it. Null when nothing changes (no re-evaluation needed).
 */
export function keptPaintable(
  old: EntryIds,
  oldPaintable: readonly boolean[],
  next: EntryIds,
  nextPaintable: readonly boolean[],
): boolean[] | null {
  let changed = false;
  const out = old.entries.map((e, i) => {
    if (oldPaintable[i] !== true) return false;
    const j = next.indexById.get(e.id);
    const keep = j !== undefined && nextPaintable[j] === true;
    if (!keep) changed = true;
    return keep;
  });
  return changed ? out : null;
}

/** Whether the card showing `shown` (null: none) may stay open under the new glossary. */
export function cardKept(shown: string | null, next: EntryIds, nextPaintable: readonly boolean[]): boolean {
  if (shown === null) return true;
  const j = next.indexById.get(shown);
  return j !== undefined && nextPaintable[j] === true;
}

/** What carrying a mark over needs of it: its entry (index), first text node and start offset there. */
interface Placed<K> {
  readonly entry: number;
  readonly startOffset: number;
  readonly nodes: readonly K[];
}

/**
 * The new store's painted mark where an old one was (same first text node and start offset, same entry id), so the
 * keyboard's next/previous and reveal go on from where they were after a swap instead of restarting from the viewport.
 * `index`: the new store's hover index (painted marks per text node).
 */
export function carryOver<K extends object, M extends Placed<K>>(
  index: { at(key: K, offset: number): M[] },
  old: EntryIds,
  next: EntryIds,
): (m: M) => M | undefined {
  return (m) => {
    const id = old.entries[m.entry]?.id;
    const node = m.nodes[0];
    if (id === undefined || node === undefined) return undefined;
    return index.at(node, m.startOffset).find((x) => x.nodes[0] === node && x.startOffset === m.startOffset && next.entries[x.entry]?.id === id);
  };
}

/** One batch of the page observer's changes, as engine.ts `rescan` takes them. */
export interface ChangeBatch<N> {
  keys: Set<N>;
  removed: N[];
  added: Set<N>;
}

/** The DOM changes seen while the new glossary's scan runs, merged into one batch for after the swap. */
export class MutationBacklog<N> {
  private batch: ChangeBatch<N> | null = null;

  /** Copies the batch (the live rescan adds nested blocks to its sets). */
  record(keys: Iterable<N>, removed: Iterable<N>, added: Iterable<N>): void {
    const b = (this.batch ??= { keys: new Set(), removed: [], added: new Set() });
    for (const k of keys) b.keys.add(k);
    b.removed.push(...removed);
    for (const a of added) b.added.add(a);
  }

  /** The merged batch (null: no change), emptied. */
  take(): ChangeBatch<N> | null {
    const b = this.batch;
    this.batch = null;
    return b;
  }
}
