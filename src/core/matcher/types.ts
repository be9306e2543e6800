/** How an alias's letter case must appear in text for a match to count. */
export type CaseRule =
  /** Every letter's case as written: acronyms (TTP, USIP). */
  | 'exact'
  /** Every letter written uppercase in the alias must be uppercase in the text (names: "Kabul", "al-Qaeda";
   *  ALL CAPS passes too). "kabul" in a lowercase sentence is not Kabul. */
  | 'proper'
  /** Any case: common phrases ("cease-fire", "mothership"). */
  | 'any';

/** One spelling to find, as the matcher sees it (the glossary compiler expands entries into these). */
export interface TermInput {
  /** Index of the entry this spelling belongs to; -1 for a blocker phrase that is never a term
   *  ("Amnesty International" shadows the amnesty entry's "amnesty"). */
  entry: number;
  /** The spelling as written; the matcher derives hyphen variants (spaced, closed) itself. */
  text: string;
  caseRule: CaseRule;
  /** Entry indices; a hit counts only where one of them is present on the same page. Empty/absent: always. */
  requires?: readonly number[];
  /** Where `requires` is looked for (issue 11): the mention's sentence, paragraph, or paragraph plus nearest heading;
   *  absent = the whole page. */
  window?: ContextWindow;
  /** Shared name (bare "Taliban"): the hit opens `entry` instead of its own where the mention's paragraph has one
   *  of `when` and none of `unless` (see context-rules.ts, decideLocal). */
  resolve?: { entry: number; when: readonly number[]; unless: readonly number[] };
  /** An event that names its parties ("ceasefire"): one of `requires` must be a party where the mention's sentence
   *  names its parties; with no party phrase, a sentence naming one of `against` rejects it (context-rules.ts). */
  parties?: { against: readonly number[] };
  /** A part of a longer name (AliasSource.partOf): a mention inside another name is not this entry; `own` holds the
   *  consonant skeletons of the entry's spellings' words, for `person` (src/core/name-parts.ts). */
  partOf?: { kind: 'person' | 'name'; own?: readonly string[] };
  /** AliasSource.notOf as entry indices: directly followed by "of"/"in" and a mention of one of them, the hit is
   *  not this entry ("the Taliban takeover of Swat"; context-rules.ts, decideLocal). */
  notOf?: readonly number[];
}

type ContextWindow = 'sentence' | 'paragraph' | 'heading';

/** A match in one text (offsets in UTF-16 code units of the original, unfolded text). */
export interface Hit {
  start: number;
  end: number;
  /** Entry index (never -1: blocker hits are consumed by leftmost-longest selection and not reported). */
  entry: number;
  /** Index into the matcher's terms (which spelling matched). */
  term: number;
}

/** A hit inside a block made of several inline chunks (text nodes). End is exclusive and may sit at the very end
 *  of `endChunk` (endOffset === chunk length). */
export interface ChunkHit {
  startChunk: number;
  startOffset: number;
  endChunk: number;
  endOffset: number;
  entry: number;
  term: number;
}

/** The matcher's tables in a JSON-safe form: precompiled at build time, loaded in the page without rebuilding. */
export interface SerializedMatcher {
  format: 1;
  terms: TermInput[];
  /** Base64 of the packed typed arrays (layout private to the matcher). */
  tables: string;
}
