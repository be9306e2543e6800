/**
 * The page's share of the glossary (issue 14: five made glossaries of 200 terms made every marking frame load and
 * derive a matcher of ~1,100 entries, 290 KB of page glossary, for the few dozen a page names). The background has
 * the page's text anyway (`testPrefilter`); from it, it finds the entries the page may name and sends a glossary of
 * just those (`getGlossary` with `text`), widened when new text brings others (`have`: content-engine.ts).
 *
 * Never less than the full glossary would mark. An entry is kept when the folded text holds, anywhere and in any case,
 * every ASCII letter/digit run of one of its spellings: every hit of the matcher is its folded spelling (a hyphen
 * variant only changes separators), so it holds each of the spelling's runs; no word boundary is asked for,
 * so text of two blocks run together in `textContent` ("…the endTTP said") still counts, and every candidate counts,
 * not only those leftmost-longest selection keeps. A spelling with no such run keeps its entry always. Kept entries
 * keep all their terms; every blocker phrase is kept (a blocker missing would let a shorter alias mark where the full
 * glossary does not). Entries the kept terms point at (requires, shared-name targets and cues, parties, notOf) and the kept
 * entries' related ones come too, without their terms: on this text none of them can be a hit (their spellings are
 * not in it), and the cards and context rules read them as the full glossary has them. Pure.
 */
import { foldChar, foldString } from './fold.js';
import type { CompiledEntry, CompiledGlossary } from './glossary-types.js';
import { Matcher } from './matcher/index.js';
import type { TermInput } from './matcher/types.js';

/** a-z then 0-9: 36 symbols. */
const SYMBOLS = 36;
const RUN = /[a-z0-9]+/g;

/** The symbol of a folded code unit: 0-35 for a-z0-9, -2 for an ignorable unit (skipped), -1 for anything else. */
function symbolOf(folded: number): number {
  if (folded >= 0x61 && folded <= 0x7a) return folded - 0x61;
  if (folded >= 0x30 && folded <= 0x39) return folded - 0x30 + 26;
  return folded < 0 ? -2 : -1;
}

/** The keys of a spelling: its folded text's ASCII letter/digit runs. */
const runsOf = (text: string): string[] => [...new Set(foldString(text).match(RUN) ?? [])];

/** Which terms of a glossary a text may hold: an Aho-Corasick automaton over the runs of the terms' spellings (all
 *  of a term's runs seen: it may be there; one run alone, "senator" of "Senator Abdul Afridi", kept a made glossary's
 *  every titled name on any page that says "senator"), built once per glossary. */
export interface PresenceIndex {
  /** Per term: where its keys start in `keyList` (term t's are keyList[termStart[t]..termStart[t+1]]; none: ALWAYS). */
  readonly termStart: Int32Array;
  readonly keyList: Int32Array;
  /** The automaton: next state per (state, symbol), failure transitions folded in. */
  readonly next: Int32Array;
  /** Per key: the state where it ends. */
  readonly keyState: Int32Array;
  /** Per state: its failure state (states in breadth-first order: a failure state always comes earlier). */
  readonly fail: Int32Array;
  /** States in breadth-first order. */
  readonly order: Int32Array;
}

export function presenceIndex(terms: readonly TermInput[]): PresenceIndex {
  const keys = new Map<string, number>();
  const termStart = new Int32Array(terms.length + 1);
  const list: number[] = [];
  terms.forEach((t, i) => {
    termStart[i] = list.length;
    for (const k of runsOf(t.text)) {
      let id = keys.get(k);
      if (id === undefined) keys.set(k, (id = keys.size));
      list.push(id);
    }
  });
  termStart[terms.length] = list.length;
  let size = 1;
  for (const k of keys.keys()) size += k.length;
  const next = new Int32Array(size * SYMBOLS).fill(-1);
  const keyState = new Int32Array(keys.size);
  let states = 1;
  for (const [k, id] of keys) {
    let s = 0;
    for (let i = 0; i < k.length; i++) {
      const at = s * SYMBOLS + symbolOf(k.charCodeAt(i));
      if (next[at]! < 0) next[at] = states++;
      s = next[at]!;
    }
    keyState[id] = s;
  }
  const fail = new Int32Array(states);
  const order = new Int32Array(states);
  let head = 0;
  let tail = 1; // order[0] = 0, the root
  for (let c = 0; c < SYMBOLS; c++) {
    const t = next[c]!;
    if (t < 0) next[c] = 0;
    else order[tail++] = t; // fail[t] = 0
  }
  for (head = 1; head < tail; head++) {
    const s = order[head]!;
    for (let c = 0; c < SYMBOLS; c++) {
      const t = next[s * SYMBOLS + c]!;
      const viaFail = next[fail[s]! * SYMBOLS + c]!;
      if (t < 0) next[s * SYMBOLS + c] = viaFail;
      else {
        fail[t] = viaFail;
        order[tail++] = t;
      }
    }
  }
  return { termStart, keyList: Int32Array.from(list), next: next.subarray(0, states * SYMBOLS), keyState, fail, order: order.subarray(0, tail) };
}

/** Folded symbol per code unit, filled lazily (a page pays for the characters it has). */
const SYMBOL_OF = new Int8Array(65536).fill(-3);

/** Per term of the index: may `text` hold it (1) or not (0)? */
function termsIn(index: PresenceIndex, text: string): Uint8Array {
  const { next, fail, order, keyState, termStart, keyList } = index;
  const seen = new Uint8Array(fail.length);
  let s = 0;
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    let sym = SYMBOL_OF[u]!;
    if (sym === -3) sym = SYMBOL_OF[u] = symbolOf(foldChar(u));
    if (sym === -2) continue;
    s = sym < 0 ? 0 : next[s * SYMBOLS + sym]!;
    seen[s] = 1;
  }
  // A state seen means every key ending at one of its suffix states was seen: pass it down the failure links.
  for (let k = order.length - 1; k > 0; k--) if (seen[order[k]!]) seen[fail[order[k]!]!] = 1;
  const out = new Uint8Array(termStart.length - 1);
  for (let t = 0; t < out.length; t++) {
    let all = 1;
    for (let k = termStart[t]!; k < termStart[t + 1]! && all; k++) all = seen[keyState[keyList[k]!]!]!;
    out[t] = all; // a term without keys: 1 (kept on any text)
  }
  return out;
}

/** The entries `text` may name: those with a term `termsIn` says it may hold. */
export function entriesIn(index: PresenceIndex, terms: readonly TermInput[], text: string): Set<number> {
  const hit = termsIn(index, text);
  const out = new Set<number>();
  terms.forEach((t, i) => {
    if (hit[i] && t.entry >= 0) out.add(t.entry);
  });
  return out;
}

/**
 * The glossary of `keep` (entry indices of `g`, with all their terms) and of what they point at (without terms),
 * entries in `g`'s order, every blocker term kept, indices renumbered, the matcher compiled over these terms.
 * `pointedIds`: more entries to include without terms (those the user's own entries and overrides name).
 */
export function subsetGlossary(g: CompiledGlossary, keep: ReadonlySet<number>, pointedIds: Iterable<string> = []): CompiledGlossary {
  const terms = g.matcher.terms;
  const indexById = new Map(g.entries.map((e, i) => [e.id, i]));
  const included = new Set(keep);
  for (const id of pointedIds) {
    const i = indexById.get(id);
    if (i !== undefined) included.add(i);
  }
  const pointed = (t: TermInput) => [...(t.requires ?? []), ...(t.resolve ? [t.resolve.entry, ...t.resolve.when, ...t.resolve.unless] : []), ...(t.parties?.against ?? []), ...(t.notOf ?? [])];
  for (const t of terms) if (t.entry < 0 || keep.has(t.entry)) for (const e of pointed(t)) included.add(e);
  for (const i of keep) for (const id of g.entries[i]?.related ?? []) {
    const r = indexById.get(id);
    if (r !== undefined) included.add(r);
  }
  const order = [...included].filter((i) => i >= 0 && i < g.entries.length).sort((a, b) => a - b);
  const remap = new Map(order.map((old, i) => [old, i]));
  const to = (i: number) => remap.get(i) ?? -1;
  const out: TermInput[] = [];
  for (const t of terms) {
    if (t.entry >= 0 && !keep.has(t.entry)) continue;
    const n: TermInput = { ...t, entry: t.entry < 0 ? -1 : to(t.entry) };
    if (t.requires) n.requires = t.requires.map(to);
    if (t.resolve) n.resolve = { entry: to(t.resolve.entry), when: t.resolve.when.map(to), unless: t.resolve.unless.map(to) };
    if (t.parties) n.parties = { against: t.parties.against.map(to) };
    if (t.notOf) n.notOf = t.notOf.map(to);
    out.push(n);
  }
  const entries: CompiledEntry[] = order.map((i) => g.entries[i]!);
  return { version: 1, report: g.report, entries, matcher: Matcher.compile(out).serialize() };
}

/** The ids of the entries whose terms a (sub)glossary holds: what a widening request says the page has. */
export function entriesWithTerms(g: CompiledGlossary): string[] {
  const ids = new Set<string>();
  for (const t of g.matcher.terms) if (t.entry >= 0) ids.add(g.entries[t.entry]!.id);
  return [...ids];
}
