/**
 * Where a mention stands in its sentence, for the mention-level rules of context-rules.ts (eval:news wave 9), shared
 * by the page engine and the report compiler through decideLocal:
 * - `notOfMatched`: a mention directly followed by "of"/"in" and a mention of one of its alias's `notOf` entries is
 *   another event ("the Taliban takeover of Swat" is no 2021 takeover);
 * - `isBorderMention`: a place named as a border ("the Afghan border", "bordering Afghanistan") is geography, not a
 *   side, so it is no cue for a shared name.
 * Pure: no DOM.
 */

/** A hit as decideLocal sees it (offsets into the paragraph's text). */
interface SpanHit {
  entry: number;
  start: number;
  end: number;
}

/** "… of" / "… in the" between a mention and the next hit (AliasSource.notOf). */
const OF_GAP = /^[ \u00a0]+(?:of|in)[ \u00a0]+(?:the[ \u00a0]+)?$/iu;

/** The mention is directly followed by "of"/"in" and a hit of one of `notOf` ("the Taliban takeover of Swat"). */
export function notOfMatched(notOf: readonly number[] | undefined, text: string, h: SpanHit, hits: readonly SpanHit[]): boolean {
  if (!notOf?.length) return false;
  return hits.some((x) => x.start > h.end && x.start - h.end <= 12 && notOf.includes(x.entry) && OF_GAP.test(text.slice(h.end, x.start)));
}

/** Border words right after a place ("Afghan border", "Pakistan-Afghanistan frontier", "Afghanistan’s border"). */
const BORDER_AFTER = /^(?:['’]s)?[ \u00a0]+(?:border|borders|frontier|borderlands?)\b/iu;
/** Border words right before a place ("bordering Afghanistan", "the border with Afghanistan"). */
const BORDER_BEFORE = /\b(?:bordering|borders|border[ \u00a0]+with|bordered[ \u00a0]+by)[ \u00a0]+(?:the[ \u00a0]+)?$/iu;

/** The place mention at [start, end) names a border, not a side (decideLocal's cues for shared names). */
export function isBorderMention(text: string, start: number, end: number): boolean {
  return BORDER_AFTER.test(text.slice(end, end + 24)) || BORDER_BEFORE.test(text.slice(Math.max(0, start - 32), start));
}
