/**
 * The first allowed mark per entry and key (the page, or a block in "paragraph" mode: MarkStore's mention modes,
 * issue 12 deliverable 4), kept from commit to commit so a commit compares only the marks that became allowed.
 * Recomputing it over every mark of each touched entry at every commit of a pipelined scan was quadratic: on the
 * 1 MB wiki×80 page (1,000+ marks, ~80 per entry) paintFirstOnly + compareMarks + their DOM calls sampled ~13 ms of
 * our ~125 ms (issue 13, tools/bench/outside-profile.ts).
 *
 * Invariant after `update(entry)`: of the entry's allowed marks, exactly the first per key (in `order`) is painted.
 * It holds incrementally only while no mark of the entry lost its allowance (the first may be the one lost): `lost`
 * makes the next update a full pass. Pure of the DOM (order and painting come in), tested in node.
 */
interface Candidate {
  readonly entry: number;
  readonly allowed: boolean;
  readonly dead: boolean;
}

export class FirstMentions<M extends Candidate> {
  /** Per entry: the first allowed mark per key, as of the last update. */
  private readonly firsts = new Map<number, Map<unknown, M>>();
  /** Marks that became allowed since their entry's last update. */
  private readonly gainedBy = new Map<number, M[]>();
  /** Entries one of whose marks lost its allowance (or was removed while allowed) since their last update. */
  private readonly stale = new Set<number>();

  constructor(
    private readonly order: (a: M, b: M) => number,
    private readonly paint: (m: M, on: boolean) => void,
  ) {}

  /** `m` became allowed: it competes with its entry's first at the next update. */
  gained(m: M): void {
    const list = this.gainedBy.get(m.entry);
    if (list) list.push(m);
    else this.gainedBy.set(m.entry, [m]);
  }

  /** A mark of `entry` lost its allowance or is gone: the next update recomputes the entry from all its marks. */
  lost(entry: number): void {
    this.stale.add(entry);
  }

  /** Forgets everything (the mention mode changed, or marks are no longer painted by first mention). */
  reset(): void {
    this.firsts.clear();
    this.gainedBy.clear();
    this.stale.clear();
  }

  /** Paints the entry's first allowed mark per key and unpaints the rest; `all`: every mark the entry has. */
  update(entry: number, all: Iterable<M> | undefined, keyOf: (m: M) => unknown): void {
    const gained = this.gainedBy.get(entry);
    this.gainedBy.delete(entry);
    let first = this.firsts.get(entry);
    if (!all) {
      this.firsts.delete(entry);
      this.stale.delete(entry);
      return;
    }
    if (!first || this.stale.has(entry)) {
      this.stale.delete(entry);
      first = new Map();
      for (const m of all) {
        if (!m.allowed || m.dead) continue;
        const key = keyOf(m);
        const f = first.get(key);
        if (!f || this.order(m, f) < 0) first.set(key, m);
      }
      for (const m of all) this.paint(m, first.get(keyOf(m)) === m);
      this.firsts.set(entry, first);
      return;
    }
    // Marks still allowed since the last update are already painted right (first) or not (after the first).
    for (const m of gained ?? []) {
      if (!m.allowed || m.dead) continue;
      const key = keyOf(m);
      const f = first.get(key);
      if (f === m) continue;
      if (!f || this.order(m, f) < 0) {
        if (f) this.paint(f, false);
        first.set(key, m);
        this.paint(m, true);
      } else this.paint(m, false);
    }
  }
}
