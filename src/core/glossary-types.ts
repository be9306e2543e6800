/**
 * Shapes of the glossary: the human-edited source (`glossary/entries.json`, `glossary/report.json`)
 * and the compiled form the build ships to every extension context.
 *
 * Pure types: no DOM, no browser APIs (see tsconfig.core.json, which type-checks src/core without them).
 */

import type { CaseRule, SerializedMatcher } from './matcher/types.js';

// The case rule is the matcher's notion (it applies it); the glossary's aliases carry one. Re-exported for callers
// that only deal with glossary sources.
export type { CaseRule } from './matcher/types.js';

export const CATEGORIES = ['person', 'organization', 'place', 'event', 'concept'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface AliasSource {
  /** The spelling, as one writes it. Hyphens also match spaced and closed forms (cease-fire, cease fire, ceasefire). */
  text: string;
  case: CaseRule;
  /**
   * Context rule for this alias only (overrides the entry's `requires`): entry ids of which at least one must be
   * present on the same page for a hit of this alias to count. An empty list means "no context needed".
   */
  requires?: string[];
  /**
   * Where `requires` (the alias's own, else the entry's) must be met (issue 11, mention-level context): `sentence`
   * (the sentence holding the mention), `paragraph` (its block), `heading` (its block and the nearest heading above
   * it: on a page the closest preceding h1-h6, in the report its title), or `page` (default, the whole page). Use it for
   * events and concepts that name their parties: "ceasefire" is the TTP cease-fire only where the TTP is named in
   * the same sentence, not merely somewhere on a page about a Pakistan–Afghanistan ceasefire.
   */
  window?: ContextWindowSource;
  /**
   * A name shared by two entries (bare "Taliban"): the mention opens entry `to` instead where its paragraph holds
   * one of the entries `when` (cues: the TTP, its leaders, Pakistani places) and none of `unless` (Afghan cues).
   * When the paragraph holds both, the sentence decides and the mark is flagged as weak evidence (the card says so).
   * A place named only as a border ("the Afghan border", "bordering Afghanistan") is geography, not a cue (wave 9).
   */
  resolve?: { to: string; when: string[]; unless: string[] };
  /**
   * Spellings generated from this one at compile time (issue 11, deliverable 3; see
   * glossary-compiler/variants.ts), each a term with this alias's rules:
   * - `romanized`: a name romanized from Urdu/Pashto/Arabic (case `proper`): vowel, doubled-consonant, h and
   *   separator variants (Tehreek-e-Taliban -> Tehrik-i-Taliban, Mehsud -> Mahsud, Akhundzada -> Akhunzada);
   * - `inflected`: a phrase led by a verb (case `any`): its verb forms (pledge -> pledges, pledged, pledging).
   * The compiler refuses a hand-listed alias of the same entry that the generator already makes.
   */
  variants?: 'romanized' | 'inflected';
  /** Parties rule for this alias only (overrides the entry's `parties`); see EntrySource.parties. */
  parties?: PartiesSource;
  /**
   * This spelling is a part of a longer name, and a mention written inside another name is not marked (issue 11;
   * src/core/name-parts.ts): `person` for a bare given name or surname, or a full name others share ("Akhundzada": in
   * "PPP leader Akhundzada Chatta" the next word is a capitalized name that is no word of this entry's spellings, so
   * it is someone else; a weekday or month is no name word; title-case headlines are exempt; "Imran Khan": also a
   * namesake where a police or civil-service role stands in apposition before it, "the district police chief, Imran
   * Khan,"); `name` for the head of a longer name ("Islamic Emirate": followed by "of" and a
   * capitalized word it is another one, "the Islamic Emirate of the Caucasus"). Case `proper` only.
   */
  partOf?: 'person' | 'name';
  /**
   * Entry ids of places (or other entries) that make a mention another event when it is directly followed by "of" or
   * "in" and a mention of one of them (eval:news wave 9): "Taliban takeover" is the August 2021 takeover, but "the
   * Taliban takeover of Swat" (2007-2009) is not: `notOf: ["pakistani-tribal-areas"]`. Such a mention is no mark and
   * no cue, a missed mark rather than a wrong card.
   */
  notOf?: string[];
}

/**
 * An event that names its parties (issue 11, deliverable 1; src/core/parties.ts): one of the alias's `requires` must
 * be a *party* to the mention, not merely named nearby. Where the mention's sentence names its parties ("ceasefire
 * between A and B", "truce with A", "A and B agreed to … a ceasefire", "the A-B ceasefire", "a ceasefire with the
 * militants" right after the TTP was named), the rule holds exactly when one of `requires` is among them: "Pakistan
 * and Afghanistan agreed to a ceasefire" is no TTP cease-fire however often the paragraph names the TTP. A sentence
 * without a party phrase takes the verdict of the last mention of the same entry in its paragraph that had one, else
 * of the nearest heading's mention, else the `window` rule holds unless the sentence names one of `against` (the other
 * side of a state-to-state event: Afghanistan, Kabul, the Taliban government) or speaks of fighting along the border
 * without naming one of `requires` ("fierce exchanges across the border before a fragile ceasefire took hold").
 * Referring phrases count as parties (wave 9): "the two countries" / "both nations" are states (never a `requires`
 * group); "the parties" / "both sides" are the sides named before for the same event in the paragraph or its heading,
 * and where none were named the mention is no mark (a guess is worse than none).
 */
interface PartiesSource {
  /** Entry ids that, named in a mention's sentence with no party phrase, mean another event. */
  against: string[];
}

type ContextWindowSource = 'sentence' | 'paragraph' | 'heading' | 'page';

export interface EntrySource {
  /** kebab-case, unique, stable: used in links, settings and storage. */
  id: string;
  /** Canonical name as the report (or, for background entries, standard usage) writes it. */
  name: string;
  /** Short form shown beside the name (e.g. "TTP"); optional. */
  short?: string;
  category: Category;
  /** Every spelling that marks this entry, the canonical name included. */
  aliases: AliasSource[];
  /** Phrases that are never this entry and block a shorter alias inside them ("Amnesty International"). */
  never?: string[];
  /** Context rule for all aliases without their own: entry ids, at least one of which must be on the page. */
  requires?: string[];
  /** Window of `requires` for aliases without their own `window` (see AliasSource.window); default `page`. */
  window?: ContextWindowSource;
  /** Parties rule for aliases without their own (see PartiesSource); needs a `requires` rule. */
  parties?: PartiesSource;
  /** Short neutral definition, written as of the report's date (Jan 31, 2022). */
  definition: string;
  /** Facts in the definition that come from outside the report, said plainly; shown under "Beyond the report". */
  beyondReport?: string;
  /**
   * Where the `beyondReport` facts come from (issue 12, deliverable 5): at least one source, required whenever
   * `beyondReport` is present (the compiler refuses an unsourced fact). The card lists them under the facts.
   */
  beyondSources?: FactSource[];
  /** Ids of related entries (each must exist). */
  related: string[];
  /** True for an entry that does not occur in the report (the build fails for any other entry with no mention). */
  background?: boolean;
  /** True for an entry that only serves as context for others (Pakistan, Afghanistan): searchable, never marked. */
  anchorOnly?: boolean;
  /** Sentences (verbatim from the report) to show first on the card; the build fails if one is not verbatim. */
  pinnedQuotes?: string[];
}

export interface GlossarySource {
  /** Bumped when the shape of this file changes. */
  version: 1;
  /** Sorted by id. */
  entries: EntrySource[];
}

/** A published source for a fact from outside the report ("Beyond the report"). */
export interface FactSource {
  /** Who published it, as a reader would name them: "US Department of State", "Dawn". */
  name: string;
  /** https URL of the page that states the fact. */
  url: string;
  /** ISO date of the page (published, or last updated where the page says so): "2021-08-30". */
  date: string;
}

/** `glossary/report.json`: metadata of the report whose text is `glossary/report.txt`. */
export interface ReportMeta {
  title: string;
  /** ISO date, "2022-01-31". */
  date: string;
  /** The date as the report prints it ("Jan 31, 2022"). */
  displayDate: string;
  dateline: string;
  language: string;
  /** Where the text came from (the project's seed file). */
  sourceFile: string;
  /**
   * Who published the report, as far as the text and its seed file say (issue 12, deliverable 5). A plain phrase,
   * shown on the card's source line; when the publisher is not known it says so rather than guess.
   */
  publisher: string;
  /** What the report says it is based on (its own attribution), when it names one: "United States Institute of Peace". */
  origin?: string;
  /** Where this copy of the text came from, in plain words (the seed file it was taken from, a URL). */
  textSource: string;
  /** Public https URL of the report, when known. */
  url?: string;
}

/* ------------------------------------------------------------------ compiled form (generated by the build) */

/** One sentence of the report, located for deep links (`#p{paragraph}s{sentence}`, both 1-based). */
export interface ReportSentence {
  paragraph: number;
  sentence: number;
  /** Offsets into the report's full text (`CompiledReport.text`). */
  start: number;
  end: number;
}

export interface CompiledReport {
  meta: ReportMeta;
  /** The report verbatim. */
  text: string;
  /** Body paragraphs (title and date lines excluded), each a list of sentences. */
  paragraphs: ReportSentence[][];
  /**
   * A made glossary from a PDF (issue 14): the page each body paragraph starts on, one per paragraph. Absent for the
   * bundled report, articles, pasted text and glossaries stored before pages were kept.
   */
  pages?: number[];
}

/** A verbatim sentence of the report that mentions an entry. */
export interface Quote {
  paragraph: number;
  sentence: number;
  /** Verbatim `report.text.slice(start, end)` of the sentence. */
  text: string;
  /** Offsets of this entry's mentions within `text`, [start, end) pairs. */
  marks: [number, number][];
  /** Own entries' quotes: where the user found the sentence (http(s) only). Report quotes omit it. */
  sourceUrl?: string;
  /** The PDF page the quote's paragraph starts on (a made glossary from a PDF: `CompiledReport.pages`). */
  page?: number;
}

export interface CompiledEntry {
  id: string;
  name: string;
  short?: string;
  category: Category;
  /** Display spellings (alias texts, canonical name first). */
  aliases: string[];
  definition: string;
  beyondReport?: string;
  /** Sources of `beyondReport` (always present with it for built-in entries; see EntrySource.beyondSources). */
  beyondSources?: FactSource[];
  related: string[];
  background: boolean;
  anchorOnly: boolean;
  /** Number of mentions in the report. */
  mentions: number;
  /** Every sentence that mentions the entry, most telling first (pinned quotes lead). */
  quotes: Quote[];
  /** Present for entries the user wrote (issue: options page); built-in entries omit it. */
  own?: boolean;
  /** The user's own notes on an own entry. */
  notes?: string;
}

export interface CompiledGlossary {
  version: 1;
  report: CompiledReport;
  /** Sorted by id; a matcher term's `entry` indexes this array. */
  entries: CompiledEntry[];
  /** The precompiled matcher (see src/core/matcher). */
  matcher: SerializedMatcher;
}
