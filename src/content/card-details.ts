/**
 * The card text of a page's entries, asked from the background when a card opens (issue 14: the page glossary holds
 * no definitions or quotes, src/core/page-glossary.ts) and kept for the page's life: the entry shown and its related
 * entries (the card links to them) in one request, each asked once. The card sees the page glossary with the details
 * it has put back (`cardGlossary`), so it shows what the whole glossary would.
 */
import type { CompiledEntry } from '../core/glossary-types.js';
import { type EntryDetails, withDetails } from '../core/page-glossary.js';

/** What the card reads (src/page/card-host.ts CardGlossary; the runtime glossary has it). */
interface EntryTable {
  entries: readonly CompiledEntry[];
  indexById: ReadonlyMap<string, number>;
}

export class CardDetails {
  private got = new Map<string, EntryDetails>();
  /** What `got` held before the glossaries last changed: shown until the new text arrives (wave 9: an open card
   *  kept through a glossary swap showed no definition and no quotes until its text came back). */
  private before = new Map<string, EntryDetails>();
  private readonly asking = new Map<string, Promise<void>>();
  private view: EntryTable | null = null;
  /** Bumped when the glossaries change: answers to older questions are dropped. */
  private generation = 0;

  constructor(
    private table: EntryTable,
    /** Asks the background (`getEntryDetails`). */
    private readonly ask: (ids: string[]) => Promise<EntryDetails[]>,
    /** New details arrived: the card re-renders with `cardGlossary()`. */
    private readonly arrived: () => void,
  ) {}

  /** The page glossary with the user's entries (rebuilt when they change); details already asked stay. */
  setTable(table: EntryTable): void {
    this.table = table;
    this.view = null;
  }

  /** The glossaries changed (saved, switched, deleted): details may differ, ask again. */
  clear(): void {
    this.generation++;
    if (this.got.size > 0) this.before = this.got;
    this.got = new Map();
    this.asking.clear();
    this.view = null;
  }

  /** The entries as the card shows them: each with its details where they have arrived. */
  cardGlossary(): EntryTable {
    this.view ??= { entries: this.table.entries.map((e) => withDetails(e, this.got.get(e.id) ?? this.before.get(e.id))), indexById: this.table.indexById };
    return this.view;
  }

  private entry(id: string): CompiledEntry | undefined {
    const i = this.table.indexById.get(id);
    return i === undefined ? undefined : this.table.entries[i];
  }

  /** Does the card need to ask for this entry's text (a known entry, not the user's own, not asked yet)? */
  private missing(id: string): boolean {
    const e = this.entry(id);
    return !!e && !e.own && !this.got.has(id) && !this.asking.has(id);
  }

  /**
   * Makes sure the entry's details are here, and asks for its related entries' too (a click on one shows it at
   * once). Resolves when the entry's own details are in `cardGlossary()` (or could not be had: the card then shows
   * the name without them rather than nothing); null when they are here already.
   */
  prepare(id: string): Promise<void> | null {
    const e = this.entry(id);
    const ids = [id, ...(e?.related ?? [])].filter((x, i, all) => all.indexOf(x) === i && this.missing(x));
    if (ids.length > 0) {
      const generation = this.generation;
      const done = this.ask(ids).then(
        (list) => {
          if (generation !== this.generation) return;
          for (const d of list) if (ids.includes(d.id)) this.got.set(d.id, d);
          for (const x of ids) this.asking.delete(x);
          this.view = null;
          this.arrived();
        },
        (err: unknown) => {
          if (generation === this.generation) for (const x of ids) this.asking.delete(x);
          console.warn('[context-glossary] card text', err);
        },
      );
      for (const x of ids) this.asking.set(x, done);
    }
    return this.asking.get(id) ?? null;
  }
}
