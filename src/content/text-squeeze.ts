/**
 * The page text as a question to the background carries it (issue 13; the bootstrap's testPrefilter and getGlossary,
 * the engine's getGlossary): every run of two or more ASCII whitespace characters sent as one space. The question's cost to the page is a copy of every character (the message is
 * serialized in the page's renderer): the Guardian row's 76 K characters are ~40 K of indentation between its
 * elements, and the 1.5 MB Wired page's text once its large scripts are cut is ~82 K. Pure.
 *
 * Safe for both readers of the text in the background — the prefilter (src/core/prefilter.ts: a spelling's ASCII
 * letter/digit runs with only non-alphanumeric characters between them, `\b` at its ends) and the page glossary's
 * presence index (src/core/page-subset.ts: the same runs, anything else a separator) — because a run of whitespace
 * and one space are the same separator to both: no letter or digit is added, dropped or joined. Only ASCII
 * whitespace: `\s` would also take U+FEFF and others the fold treats as ignorable or as letters' neighbours.
 * Measured (wave 14, sampled profile, Guardian row, 2 × 4 loads interleaved with the base build, load 3-9): with
 * scripts always cut (page-text.ts) the question's `tell` went 3.3 / 2.4 → 1.0 / 0.9 ms per load, the squeeze
 * itself 0.4-0.5 ms.
 */
const SPACE_RUN = /[\t\n\f\r ]{2,}/g;

/** `text` squeezed; as it is when it holds no newline and no two spaces (a quick look: a minified page's text has
 *  none, and the replace's scan found nothing there at ~9 ns a character, sampled on the Wired row). */
export const squeezeSpace = (text: string): string => (text.includes('\n') || text.includes('  ') ? text.replace(SPACE_RUN, ' ') : text);
