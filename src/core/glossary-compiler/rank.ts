/**
 * Which of an entry's quotes is "most telling": pinned quotes first (in the order written), then by a small score,
 * ties in report order (the sort is stable, so the same input always gives the same order).
 *
 * Score of a sentence for entry E (weights in RANK_WEIGHTS):
 *  - leads:      E is the first term marked in the sentence (anchor places aside): the sentence is likely about E;
 *  - introduces: the sentence holds E's first mention in the report (where the report introduces it);
 *  - company:    one point per other distinct entry in the sentence (anchors aside), capped: a sentence that ties E
 *                to other terms says more about E's role;
 *  - length:     a moderate sentence (60–240 characters) reads well in a card; a very long one (> 320) loses a point.
 */

export const RANK_WEIGHTS = {
  leads: 3,
  introduces: 2,
  companyEach: 1,
  companyCap: 3,
  moderateLength: 1,
  tooLong: -1,
} as const;

export interface RankInput {
  paragraph: number;
  sentence: number;
  /** Length of the sentence text. */
  length: number;
  /** E's first mention in the sentence is the first term in it (anchors excluded). */
  leads: boolean;
  /** The sentence holds E's first mention in the report. */
  introduces: boolean;
  /** Distinct other entries mentioned in the sentence (anchors excluded). */
  company: number;
  /** Index among the entry's pinned quotes, or -1. */
  pinned: number;
}

export function quoteScore(q: RankInput): number {
  const w = RANK_WEIGHTS;
  let s = 0;
  if (q.leads) s += w.leads;
  if (q.introduces) s += w.introduces;
  s += Math.min(q.company, w.companyCap) * w.companyEach;
  if (q.length >= 60 && q.length <= 240) s += w.moderateLength;
  else if (q.length > 320) s += w.tooLong;
  return s;
}

/** Returns the inputs in display order (a new array; inputs are not modified). */
export function rankQuotes<T extends RankInput>(quotes: readonly T[]): T[] {
  const inReportOrder = [...quotes].sort((a, b) => a.paragraph - b.paragraph || a.sentence - b.sentence);
  const pinned = inReportOrder.filter((q) => q.pinned >= 0).sort((a, b) => a.pinned - b.pinned);
  const rest = inReportOrder.filter((q) => q.pinned < 0);
  const scored = rest.map((q) => ({ q, s: quoteScore(q) }));
  scored.sort((a, b) => b.s - a.s); // stable: equal scores keep report order
  return [...pinned, ...scored.map((x) => x.q)];
}
