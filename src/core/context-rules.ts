/**
 * Context rules: an ambiguous term counts only where one of the entries it `requires` is present on the same page
 * ("ceasefire" needs TTP; the bare acronym needs Taliban or Pakistan). Presence is a fixpoint so chains work: an
 * entry present only through a conditional hit can in turn anchor other conditional hits, but nothing anchors itself
 * out of nothing.
 */
import type { TermInput } from './matcher/types.js';
import { isBorderMention, notOfMatched } from './mention-scope.js';
import { isOtherName } from './name-parts.js';
import { isGroupReference, isSidesReference, isStatesReference, namesBorderFighting, partySpans } from './parties.js';

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

/** What the nearest heading above a paragraph says (window `heading`; in the report, its title). */
export interface HeadingCues {
  /** Entries the heading names (mentions that pass the rules there). */
  entries: ReadonlySet<number>;
  /** Per event entry, whether the heading's own mention of it had the right parties (only where it had a party
   *  phrase): "Pakistan, Afghanistan agree to ceasefire" over "The ceasefire aims to …" (issue 11). */
  parties: ReadonlyMap<number, boolean>;
  /** Entries the heading names only through a shared name read by default (no cue): no evidence for a shared name
   *  below it. Optional for callers that build cues by hand. */
  byDefault?: ReadonlySet<number>;
}

/**
 * The cues of a heading, for the `heading` window of the paragraphs below it: its hits that pass their own
 * mention-level rules and whose page-level rule is met **within the heading**. A spelling that needs context (bare
 * "TTP" wants Pakistan or the Taliban) counts only when the heading itself gives it: "Mapping attacker TTP to
 * defences" over a security page must not make its paragraphs' "ceasefire" the TTP cease-fire (marks-context.html),
 * while the report's title "Pakistan's TTP problem rises following Taliban's takeover…" names the TTP. Shared by the
 * page engine (nearest heading) and the report compiler (the title), like `decideLocal`.
 */
export function headingCues(terms: readonly TermInput[], text: string, hits: readonly LocalHit[]): HeadingCues {
  const d = decideLocal(terms, text, hits);
  const kept = hits.flatMap((h, k) => (d[k]!.allowed ? [{ entry: d[k]!.entry, term: h.term }] : []));
  // A shared name the heading reads by default ("Taleban shoot girl blogger": no cue) is no evidence about that
  // name for the paragraphs below (it still anchors their concepts, as before).
  const byDefault = new Set<number>();
  const onEvidence = new Set<number>();
  hits.forEach((h, k) => {
    if (!d[k]!.allowed) return;
    (terms[h.term]?.resolve && !d[k]!.read ? byDefault : onEvidence).add(d[k]!.entry);
  });
  for (const e of onEvidence) byDefault.delete(e);
  const parties = new Map<number, boolean>();
  d.forEach((x) => {
    if (x.party !== undefined) parties.set(x.entry, x.party);
  });
  return { entries: presentEntries(terms, kept), parties, byDefault };
}

export interface LocalDecision {
  /** The entry the mention opens (its own, or the resolve target). */
  entry: number;
  /** False when the term's sentence/paragraph rule is not met (page-wide rules are left to hitAllowed). */
  allowed: boolean;
  /** The paragraph held cues for both readings of a shared name: the card should say the evidence is weak. */
  weak: boolean;
  /** A shared name read on evidence (cues in its paragraph, the story's earlier reading or its heading), not by
   *  default: only such readings carry to the next paragraphs (carriedSense). */
  read?: true;
  /** For a term with `parties`: whether its own sentence named the right parties (absent: no party phrase). */
  party?: boolean;
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
  /** What the nearest heading above the paragraph names (window `heading`, shared names, parties); none when absent. */
  heading?: HeadingCues,
  /** How the nearest paragraph before this one (under the same heading) that used a shared name read it (see
   *  carriedSense); asked only when a shared name finds no cue in its own paragraph. */
  carried?: () => CarriedSense | undefined,
  /** How the nearest of the next paragraphs (under the same heading; for a heading, the paragraphs below it) read a
   *  shared name on evidence; asked last, only when neither the paragraph, the story before it nor its heading
   *  decide: a headline or lede whose cues come in the next paragraph ("Taleban shoot girl blogger" over "… the
   *  former Taleban stronghold of Swat": eval:news dev scotsman-2012-taleban). */
  ahead?: () => CarriedSense | undefined,
  /** Entries the paragraph just before this one (under the same heading) names: whom "the banned outfit" of an
   *  event's party phrase refers to when this paragraph has not named it yet. */
  before?: () => ReadonlySet<number> | undefined,
): LocalDecision[] {
  const out: LocalDecision[] = hits.map((h) => ({ entry: h.entry, allowed: true, weak: false }));
  if (!hits.some((h) => terms[h.term]?.window || terms[h.term]?.resolve || terms[h.term]?.parties || terms[h.term]?.partOf || terms[h.term]?.notOf))
    return out;
  const spans = sentenceSpans(text);
  const sentenceOf = (pos: number) => {
    for (let i = 0; i < spans.length; i++) if (pos < spans[i]![1]) return i;
    return spans.length - 1;
  };
  const sent = hits.map((h) => sentenceOf(h.start));
  // A part of a name inside someone else's ("Akhundzada Chatta", name-parts.ts) is no mention and no cue.
  const other = hits.map((h, i) => {
    const p = terms[h.term]?.partOf;
    if (notOfMatched(terms[h.term]?.notOf, text, h, hits)) return true;
    return p !== undefined && isOtherName(text, h.start, h.end, p, text.slice(spans[sent[i]!]![0], spans[sent[i]!]![1]));
  });
  other.forEach((o, i) => {
    if (o) out[i]!.allowed = false;
  });
  // Cues come from the other hits (a shared name is never its own cue).
  const plain = hits.map((h, i) => ({ ...h, i })).filter((h) => !terms[h.term]?.resolve && !other[h.i]);
  // Presence in a window is plain: every hit's entry counts (its own page rule is checked on its own mark). A mediator
  // stays a cue: in "talks mediated by the Afghan Taliban … the Taliban said", the Taliban are often the mediator again.
  // A place named only as a border ("the Afghan border", "bordering Afghanistan") is geography, not a side: it is no
  // cue for a shared name (eval:news wave 9, retired v1 tt-2009-swat, himalayan-2009-swat; dev nyt-2012-malala).
  const cues = plain.filter((h) => !isBorderMention(text, h.start, h.end));
  const sharedCues = new Set(cues.map((h) => h.entry));
  hits.forEach((h, i) => {
    const r = terms[h.term]?.resolve;
    if (!r) return;
    // The target named in the same sentence is another actor ("the TTP pledged allegiance to the Taliban").
    if (plain.some((p) => sent[p.i] === sent[i] && p.entry === r.entry)) return;
    let hasWhen = r.when.some((e) => sharedCues.has(e));
    // The shared name's own entry named in full ("Afghan Taliban") is always a cue against resolving.
    let hasUnless = sharedCues.has(h.entry) || r.unless.some((e) => sharedCues.has(e));
    // Written as the mediator ("hosted by the Taliban"), the shared name is the outside party, never the side the
    // cues point to.
    if (MEDIATOR_ONLY.test(text.slice(Math.max(spans[sent[i]!]![0], h.start - 40), h.start))) return;
    // A paragraph with no cue either way reads the name as the story last did: the nearest paragraph before it that
    // used the name on evidence of its own ("… protest in Khyber Pakhtunkhwa against Taliban resurgence" then
    // "militants claiming to be Taliban": eval:news dev pips-2022-kp). Only the name's own earlier reading carries,
    // not mere cues: "Islamabad blames the TTP" then "The Taliban deny it" is still the Afghan Taliban.
    const before = !hasWhen && !hasUnless ? carried?.()?.get(h.entry) : undefined;
    if (before !== undefined) {
      hasWhen = before === r.entry;
      hasUnless = !hasWhen;
    }
    // Else its heading's ("Swat Taliban 'renounce militancy'" over "He said the Taliban had renounced militancy":
    // eval:news dev dawn-2008-swat).
    if (!hasWhen && !hasUnless && heading) {
      hasWhen = r.when.some((e) => heading.entries.has(e));
      hasUnless = (heading.entries.has(h.entry) && !heading.byDefault?.has(h.entry)) || r.unless.some((e) => heading.entries.has(e));
    }
    // Last, the story's next paragraphs: only a reading on their own evidence counts (never their default).
    const after = !hasWhen && !hasUnless ? ahead?.()?.get(h.entry) : undefined;
    if (after !== undefined) {
      hasWhen = after === r.entry;
      hasUnless = !hasWhen;
    }
    if (hasWhen || hasUnless) out[i]!.read = true;
    if (hasWhen && !hasUnless) out[i]!.entry = r.entry;
    else if (hasWhen && hasUnless) {
      out[i]!.weak = true;
      const sc = new Set(cues.filter((p) => sent[p.i] === sent[i]).map((p) => p.entry));
      if (r.when.some((e) => sc.has(e)) && !sc.has(h.entry) && !r.unless.some((e) => sc.has(e))) out[i]!.entry = r.entry;
    }
  });
  const finalHits = hits.map((h, i) => ({ entry: out[i]!.entry, term: h.term }));
  const paraPresent = new Set(finalHits.filter((_, i) => !other[i]).map((h) => h.entry));
  const bySentence = new Map<number, Set<number>>();
  const sentenceEntries = (i: number) => {
    let p = bySentence.get(sent[i]!);
    if (!p) bySentence.set(sent[i]!, (p = new Set(finalHits.filter((_, j) => sent[j] === sent[i]).map((x) => x.entry))));
    return p;
  };
  // Party verdicts of earlier mentions in this paragraph: "The ceasefire aims to …" is the ceasefire just named.
  const verdicts = new Map<number, boolean>();
  hits.forEach((h, i) => {
    const t = terms[h.term];
    if (other[i] || !t?.requires?.length || (!t.window && !t.parties)) return;
    const entry = out[i]!.entry;
    if (t.window) {
      let present: ReadonlySet<number> = paraPresent;
      if (t.window === 'heading' && heading?.entries.size) present = new Set([...paraPresent, ...heading.entries]);
      else if (t.window === 'sentence') present = sentenceEntries(i);
      // The entry itself counts when an unconditional mention of it is in the window ("the Tehreek-i-Taliban Pakistan
      // (TTP) – the main faction of the home-grown Taliban –"); conditional mentions never anchor each other.
      const again = (r: number) =>
        finalHits.some((x, j) => j !== i && !other[j] && x.entry === r && !terms[x.term]?.requires?.length && (t.window !== 'sentence' || sent[j] === sent[i]));
      out[i]!.allowed = t.requires.some((r) => (r === entry ? again(r) : present.has(r)));
    }
    if (!t.parties) return;
    const [s0, s1] = spans[sent[i]!]!;
    const party = partyVerdict(t.requires, text, s0, s1, h, hits, finalHits, i, before);
    if (party === 'sides') {
      // "the parties", "both sides": the sides this paragraph or its heading named for the event, else none known,
      // and a guess is worse than no mark (precision first).
      out[i]!.allowed = verdicts.get(entry) ?? heading?.parties.get(entry) ?? false;
    } else if (party !== undefined) {
      out[i]!.party = party;
      out[i]!.allowed = party;
      verdicts.set(entry, party);
    } else if (verdicts.has(entry)) out[i]!.allowed = verdicts.get(entry)!;
    else if (heading?.parties.has(entry)) out[i]!.allowed = heading.parties.get(entry)!;
    // No party phrase anywhere: the window rule, unless the sentence names the other side of a state-to-state
    // event ("… tensions between Pakistan and Afghanistan with the former accusing the latter of harbouring the TTP").
    else if (againstNamed(t.parties.against, text, s0, hits, finalHits, sent, sent[i]!)) out[i]!.allowed = false;
    // … or speaks of fighting along the border and names none of `requires` itself ("fierce exchanges across the
    // border before a fragile ceasefire took hold", after a paragraph naming the TTP leader the strike targeted).
    else if (namesBorderFighting(text.slice(s0, s1)) && !hits.some((_, j) => sent[j] === sent[i] && j !== i && t.requires!.includes(finalHits[j]!.entry)))
      out[i]!.allowed = false;
  });
  return out;
}

/** A mediator or venue is no side: "agreed on at the request of the Afghan Taliban government" (the report, p10). */
const MEDIATOR_LEAD = /\b(?:request|brokered|mediated|mediation|facilitated|facilitation|hosted|help|intercession|auspices|in|at)\b[^,.;:]{0,28}$/iu;
/** The mediator words of MEDIATOR_LEAD without the venue ones: "hosted by the Taliban" (the Taliban mediate). */
const MEDIATOR_ONLY = /\b(?:request|brokered|mediated|mediation|facilitated|facilitation|hosted|help|intercession|auspices)\b[^,.;:]{0,28}$/iu;

/** Per shared name (the entry its spelling belongs to), the entry a paragraph's last mention of it opened. */
export type CarriedSense = ReadonlyMap<number, number>;

/**
 * How a paragraph read its shared names, for the paragraphs after it (decideLocal's `carried`): the entry its last
 * mention of each opened, counting only mentions decided on the paragraph's own cues or its heading's, not weak
 * ones; undefined when it has none, so the caller looks one paragraph further back. Shared by the page engine
 * (previous blocks under the same heading) and the report compiler (previous paragraphs).
 */
export function carriedSense(
  terms: readonly TermInput[],
  text: string,
  hits: readonly LocalHit[],
  heading?: HeadingCues,
): CarriedSense | undefined {
  if (!hits.some((h) => terms[h.term]?.resolve)) return undefined;
  const d = decideLocal(terms, text, hits, heading);
  let out: Map<number, number> | undefined;
  hits.forEach((h, k) => {
    if (!terms[h.term]?.resolve || d[k]!.weak) return;
    // Read on evidence (cues of its own paragraph or its heading), not by default.
    if (!d[k]!.read) return;
    (out ??= new Map()).set(h.entry, d[k]!.entry);
  });
  return out;
}

/** The sentence names one of `against` as a side (not as mediator or venue). */
function againstNamed(
  against: readonly number[],
  text: string,
  s0: number,
  hits: readonly LocalHit[],
  finalHits: readonly { entry: number }[],
  sent: readonly number[],
  sentence: number,
): boolean {
  for (let j = 0; j < hits.length; j++) {
    if (sent[j] !== sentence || !against.includes(finalHits[j]!.entry)) continue;
    if (!MEDIATOR_LEAD.test(text.slice(Math.max(s0, hits[j]!.start - 40), hits[j]!.start))) return true;
  }
  return false;
}

/**
 * True/false when the mention's sentence names its parties (one of `requires` among them or not); `sides` when it
 * names them only as "the parties" / "both sides" (decideLocal takes the sides named before); else undefined.
 */
function partyVerdict(
  requires: readonly number[],
  text: string,
  s0: number,
  s1: number,
  h: LocalHit,
  hits: readonly LocalHit[],
  finalHits: readonly { entry: number }[],
  self: number,
  before?: () => ReadonlySet<number> | undefined,
): boolean | 'sides' | undefined {
  const spans = partySpans(text, s0, s1, h.start, h.end);
  if (spans.length === 0) return undefined;
  const inSpan = (x: LocalHit) => spans.some(([a, b]) => x.start >= a && x.end <= b);
  // "the two countries": states, never the group (a ceasefire between them is another event), whoever else the
  // phrase names ("After the TTP raid, the two countries agreed to extend the ceasefire").
  if (spans.some(([a, b]) => isStatesReference(text.slice(a, b)))) return false;
  for (let j = 0; j < hits.length; j++) if (j !== self && inSpan(hits[j]!) && requires.includes(finalHits[j]!.entry)) return true;
  if (spans.every(([a, b]) => isSidesReference(text.slice(a, b)))) return 'sides';
  // "a ceasefire with the militants" right after the TTP was named in the paragraph.
  if (spans.some(([a, b]) => isGroupReference(text.slice(a, b)))) {
    for (let j = 0; j < hits.length; j++) if (hits[j]!.end <= h.start && requires.includes(finalHits[j]!.entry)) return true;
    // Or the paragraph before named it and this one names no one before the mention: "… urged the banned outfit to
    // focus on a peace deal." then "… the banned outfit declared an end to a month-long ceasefire" (eval:news dev
    // dpk-2021-branch).
    if (!hits.some((x) => x.end <= h.start)) {
      const named = before?.();
      if (named && requires.some((r) => named.has(r))) return true;
    }
  }
  return false;
}

/** Convenience: keeps the hits that pass the context rules, with presence computed from these hits alone. */
export function filterByContext<H extends { entry: number; term: number }>(terms: readonly TermInput[], hits: H[]): H[] {
  const present = presentEntries(terms, hits);
  return hits.filter((h) => hitAllowed(terms, h, present));
}

/**
 * decideLocal's `carried` and `ahead` over a list of paragraphs (the report compiler, and the compiler test that
 * mirrors it): the nearest of the three paragraphs before `p`, then of the two after it, that read a shared name.
 */
export function paragraphReadings(
  senseOf: (k: number) => CarriedSense | undefined,
  p: number,
  count: number,
): { carried: () => CarriedSense | undefined; ahead: () => CarriedSense | undefined } {
  const first = (ks: number[]) => {
    for (const k of ks) if (senseOf(k)) return senseOf(k);
    return undefined;
  };
  const range = (from: number, to: number, step: number) => {
    const out: number[] = [];
    for (let k = from; step < 0 ? k >= to : k <= to; k += step) out.push(k);
    return out;
  };
  return { carried: () => first(range(p - 1, Math.max(0, p - 3), -1)), ahead: () => first(range(p + 1, Math.min(count - 1, p + 2), 1)) };
}
