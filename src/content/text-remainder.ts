/**
 * What of the page text is still to be asked about (issue 13: on a 1.1 MB page with nothing to mark the bootstrap
 * sent the text twice — the early look's question while the page was parsed, then the whole text again at
 * DOMContentLoaded — each a copy of up to a megabyte into the background; on the 1.5 MB Wired page the two copies were
 * ~40 ms of sampled main-thread time). The parser mostly appends, so the text at DOMContentLoaded usually starts
 * with the text the early look asked about: only the rest is asked, from OVERLAP characters before the end of what
 * was asked (a spelling across that end, with the character before it for the prefilter's word boundary). When a
 * script changed the text already parsed, the whole text is asked again. Pure.
 */

/**
 * Characters of overlap: far above the longest hit the matcher finds — one spelling, at most 120 characters for an
 * own alias, with the separators and ignorable characters it allows between its words (src/core/prefilter.ts reads
 * 512 around a special character for the same reason) — plus the character before it.
 */
export const OVERLAP = 4096;

/**
 * The part of `text` not covered by a question about `asked`: all of it unless it starts with `asked` (a hit in the
 * part left out lies wholly inside `asked`, whose answer covers it), else from OVERLAP before the end of `asked`.
 */
export function remainderAfter(text: string, asked: string): string {
  if (asked.length <= OVERLAP || !text.startsWith(asked)) return text;
  return text.slice(asked.length - OVERLAP);
}
