/**
 * Context rules: an ambiguous term counts only where one of the entries it `requires` is present on the same page
 * ("ceasefire" needs TTP; the bare acronym needs Taliban or Pakistan). Presence is a fixpoint so chains work: an
 * entry present only through a conditional hit can in turn anchor other conditional hits, but nothing anchors itself
 * out of nothing.
 */
import type { TermInput } from './matcher/types.js';

function requiresOf(terms: readonly TermInput[], term: number): readonly number[] | undefined {
  const req = terms[term]?.requires;
  return req && req.length > 0 ? req : undefined;
}

/** Entries present on a page given all its hits (fixpoint: conditional hits count once an anchor is present). */
export function presentEntries(
  terms: readonly TermInput[],
  hits: Iterable<{ entry: number; term: number }>,
): Set<number> {
  const present = new Set<number>();
  // Conditional entries still waiting for an anchor: entry -> union of what its hits require.
  const waiting = new Map<number, Set<number>>();
  for (const h of hits) {
    if (h.entry < 0) continue;
    const req = requiresOf(terms, h.term);
    if (!req) {
      present.add(h.entry);
      continue;
    }
    let set = waiting.get(h.entry);
    if (!set) waiting.set(h.entry, (set = new Set()));
    for (const r of req) set.add(r);
  }
  let changed = true;
  while (changed) {
    changed = false;
    for (const [entry, req] of waiting) {
      if (present.has(entry)) {
        waiting.delete(entry);
        continue;
      }
      for (const r of req) {
        if (present.has(r)) {
          present.add(entry);
          waiting.delete(entry);
          changed = true;
          break;
        }
      }
    }
  }
  return present;
}

/** True when the hit's term has no page-wide context rule or one of its required entries is present. Terms with a
 *  sentence/paragraph window are decided by decideLocal instead (always true here). */
export function hitAllowed(
  terms: readonly TermInput[],
  hit: { term: number },
  present: ReadonlySet<number>,
): boolean {
  const req = requiresOf(terms, hit.term);
  if (!req || terms[hit.term]?.window) return true;
  for (const r of req) if (present.has(r)) return true;
  return false;
}

/* ------------------------------------------------------------------ mention-level rules (issue 11) */

/**
 * Sentence spans of a paragraph: a sentence ends at . ! ? (and closing quotes/brackets after it) followed by
 * whitespace and an uppercase letter, digit or opening quote. "U.S. troops" does not end one (lowercase next).
 */
export function sentenceSpans(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /[.!?]['"”’)\]]*\s+(?=[\p{Lu}\p{N}"“‘'])/gu;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + m[0].length;
    out.push([start, end]);
    start = end;
  }
  if (start < text.length || out.length === 0) out.push([start, text.length]);
  return out;
}

export interface LocalHit {
  entry: number;
  term: number;
  start: number;
  end: number;
}

export interface LocalDecision {
  /** The entry the mention opens (its own, or the resolve target). */
  entry: number;
  /** False when the term's sentence/paragraph rule is not met (page-wide rules are left to hitAllowed). */
  allowed: boolean;
  /** The paragraph held cues for both readings of a shared name: the card should say the evidence is weak. */
  weak: boolean;
}

/**
 * The mention-level rules for one paragraph, shared by the page engine (each block) and the report compiler (each
 * paragraph), so the report's own quotes obey the same rules as marks on a page. `hits` are the paragraph's hits,
 * offsets into `text`. Order: shared names are resolved first (cues: entries present in the paragraph, then in the
 * sentence when the paragraph holds both kinds), then sentence/paragraph/heading `requires` are checked against the
 * entries named in that window (for `heading`: the paragraph plus the entries `heading` names) (resolved entries included; each hit's own page rule is checked on its own).
 */
export function decideLocal(
  terms: readonly TermInput[],
  text: string,
  hits: readonly LocalHit[],
  /** Entries named in the nearest heading above the paragraph (window `heading`); none when absent. */
  heading?: ReadonlySet<number>,
): LocalDecision[] {
  const out: LocalDecision[] = hits.map((h) => ({ entry: h.entry, allowed: true, weak: false }));
  if (!hits.some((h) => terms[h.term]?.window || terms[h.term]?.resolve)) return out;
  const spans = sentenceSpans(text);
  const sentenceOf = (pos: number) => {
    for (let i = 0; i < spans.length; i++) if (pos < spans[i]![1]) return i;
    return spans.length - 1;
  };
  const sent = hits.map((h) => sentenceOf(h.start));
  // Cues come from the other hits (a shared name is never its own cue).
  const plain = hits.map((h, i) => ({ ...h, i })).filter((h) => !terms[h.term]?.resolve);
  // Presence in a window is plain: every hit's entry counts (its own page rule is checked on its own mark).
  const paraCues = new Set(plain.map((h) => h.entry));
  hits.forEach((h, i) => {
    const r = terms[h.term]?.resolve;
    if (!r) return;
    // The target named in the same sentence is another actor ("the TTP pledged allegiance to the Taliban").
    if (plain.some((p) => sent[p.i] === sent[i] && p.entry === r.entry)) return;
    const hasWhen = r.when.some((e) => paraCues.has(e));
    // The shared name's own entry named in full ("Afghan Taliban") is always a cue against resolving.
    const hasUnless = paraCues.has(h.entry) || r.unless.some((e) => paraCues.has(e));
    if (hasWhen && !hasUnless) out[i]!.entry = r.entry;
    else if (hasWhen && hasUnless) {
      out[i]!.weak = true;
      const sc = new Set(plain.filter((p) => sent[p.i] === sent[i]).map((p) => p.entry));
      if (r.when.some((e) => sc.has(e)) && !sc.has(h.entry) && !r.unless.some((e) => sc.has(e))) out[i]!.entry = r.entry;
    }
  });
  const finalHits = hits.map((h, i) => ({ entry: out[i]!.entry, term: h.term }));
  const paraPresent = new Set(finalHits.map((h) => h.entry));
  const bySentence = new Map<number, Set<number>>();
  hits.forEach((h, i) => {
    const t = terms[h.term];
    if (!t?.window || !t.requires?.length) return;
    let present: ReadonlySet<number> = paraPresent;
    if (t.window === 'heading' && heading?.size) present = new Set([...paraPresent, ...heading]);
    else if (t.window === 'sentence') {
      let p = bySentence.get(sent[i]!);
      if (!p) bySentence.set(sent[i]!, (p = new Set(finalHits.filter((_, j) => sent[j] === sent[i]).map((x) => x.entry))));
      present = p;
    }
    out[i]!.allowed = t.requires.some((r) => r !== out[i]!.entry && present.has(r));
  });
  return out;
}

/** Convenience: keeps the hits that pass the context rules, with presence computed from these hits alone. */
export function filterByContext<H extends { entry: number; term: number }>(terms: readonly TermInput[], hits: H[]): H[] {
  const present = presentEntries(terms, hits);
  return hits.filter((h) => hitAllowed(terms, h, present));
}

/**
 * The entries a heading names, for the `heading` window of the paragraphs below it: its hits that pass their own
 * mention-level rules and whose page-level rule is met **within the heading**. A spelling that needs context (bare
 * "TTP" wants Pakistan or the Taliban) counts only when the heading itself gives it: "Mapping attacker TTP to
 * defences" over a security page must not make its paragraphs' "ceasefire" the TTP cease-fire (marks-context.html),
 * while the report's title "Pakistan's TTP problem rises following Taliban's takeover…" names the TTP. Shared by the
 * page engine (nearest heading) and the report compiler (the title), like `decideLocal`.
 */
export function headingEntries(
  terms: readonly TermInput[],
  text: string,
  hits: readonly LocalHit[],
): Set<number> {
  const local = decideLocal(terms, text, hits);
  const kept = hits.flatMap((h, k) => (local[k]!.allowed ? [{ entry: local[k]!.entry, term: h.term }] : []));
  return presentEntries(terms, kept);
}
