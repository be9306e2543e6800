/**
 * Candidate phrases in each sentence, RAKE-style (Rose et al. 2010): maximal runs of words not broken by a stop
 * word or punctuation, then the forms a reader would name a term by: each run's proper-name stretches ("Siraj
 * Haqqani" in "long-standing ally Siraj Haqqani"), its tails ("Chinese interests", "interests" in "critical Chinese
 * interests"), the owner of a possessive ("Taliban" in "Taliban's takeover"), and "X of Y" ("pledge of
 * allegiance", "United States Institute of Peace").
 */
import { ED_ADJECTIVES, GENERIC, NOUN_VERBS, STOP, TITLES, VERBS } from './words';

const NOUN_VERB_SET = new Set(NOUN_VERBS);
/** Name words a number belongs to: "Flight 103", "Resolution 1373". */
const NUMBERED = new Set('flight route highway interstate proposition resolution article amendment apollo'.split(' '));
/** Lowercase direction and distance words: "325 miles northeast of Lima" is no term ("miles north" was, DUC-2001 dev). */
const DIRECTIONS = new Set('north south east west northeast northwest southeast southwest northward southward eastward westward aboard miles mph percent'.split(' '));
/** Words in -ly that are not adverbs (an adverb breaks a run). */
const NOT_ADVERBS = new Set('ally family rally supply assembly reply anomaly monopoly daily weekly monthly yearly deadly costly friendly elderly early'.split(' '));
/** Abbreviations whose period does not end a name: "St. John's Hospital", "Mt. Everest". */
const NAME_ABBREVIATIONS = new Set(['St', 'Mt', 'Ft', 'Ste']);
/** Nouns in -ing that may end a longer lowercase run ("drug money laundering"): no participle. */
const ING_NOUNS = new Set(
  'bombing bombings shooting shootings killing killings fighting training funding spending building buildings housing meeting meetings hearing hearings ruling rulings warning warnings landing bleeding laundering trafficking smuggling dumping mining farming drilling lending borrowing financing pricing trading banking shipping manufacturing engineering processing marketing planning testing screening counseling recycling sentencing bargaining peacekeeping policing uprising wrongdoing clothing wedding morning evening ceiling offering setting opening beginning understanding thinking writing reading learning teaching nursing parking rating ratings polling voting hiring kidnapping kidnappings looting rioting flooding warming'.split(' '),
);
/** Words after which a lowercase word is a verb: infinitive "to", modals, "not". */
const AUXILIARIES = new Set('to would could should will shall must may might can cannot not'.split(' '));
import { tokenize, type Sentence, type Token } from './text';

export type Shape = 'acronym' | 'proper' | 'lower';

export interface Phrase {
  /** The phrase as written (possessive "'s" of the last word dropped). */
  text: string;
  /** Its words' shapes: all acronym/proper ⇒ a name. */
  shape: Shape;
  words: number;
  sentence: number;
  /** Made by joining two runs with "of". */
  joined: boolean;
}

const POSSESSIVE = /['\u2019]s$/u;
const stripPossessive = (w: string): string => w.replace(POSSESSIVE, '');

export function wordShape(word: string): Shape {
  const w = stripPossessive(word);
  const letters = w.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase() && /\p{Lu}/u.test(letters)) return 'acronym';
  // "al-Qaeda", "de-facto"? Only a lowercase prefix before a capitalized part makes a name.
  if (/^\p{Lu}/u.test(w) || /^\p{Ll}{1,3}-\p{Lu}/u.test(w)) return 'proper';
  return 'lower';
}

/** What the text's own casing says about its words. */
export interface CaseEvidence {
  /** Lowercased words seen capitalized somewhere other than at a sentence start or in a headline: likely names. */
  names: Set<string>;
  /** Words seen written lowercase: ordinary words, wherever else they are capitalized. */
  lower: Set<string>;
  /** Indexes of title-case headline sentences, whose capitals say nothing about names. */
  headlines: Set<number>;
  /** Each sentence's tokens, read once here for the runs (phrasesOf) and PositionRank's words (candidates.ts). */
  tokens: Token[][];
}

export function caseEvidence(sentences: readonly Sentence[]): CaseEvidence {
  const lower = new Set<string>();
  const tokenized = sentences.map((s) => tokenize(s.text));
  for (const tokens of tokenized) for (const t of tokens) if (/^\p{Ll}/u.test(t.text)) lower.add(stripPossessive(t.text));
  // Per paragraph: a headline may hold two sentences ("What May Soon Exceed Cost of U.S. Military? Interest on U.S. Debt").
  const byParagraph = new Map<number, number[]>();
  sentences.forEach((s, si) => {
    const list = byParagraph.get(s.paragraph);
    if (list) list.push(si);
    else byParagraph.set(s.paragraph, [si]);
  });
  const headlines = new Set<number>();
  for (const indexes of byParagraph.values()) if (isHeadline(indexes.flatMap((si) => tokenized[si]!), lower)) for (const si of indexes) headlines.add(si);
  const names = new Set<string>();
  tokenized.forEach((tokens, si) => {
    if (headlines.has(si)) return;
    const text = sentences[si]!.text;
    tokens.forEach((t, i) => {
      const initial = i === 0 || /:\s*$/.test(text.slice(tokens[i - 1]!.end, t.start));
      if (!initial && wordShape(t.text) !== 'lower') names.add(stripPossessive(t.text).toLowerCase());
    });
  });
  return { names, lower, headlines, tokens: tokenized };
}

/**
 * A title-case headline: a line whose words of four letters or more are all capitalized, at least two of them words
 * the text writes lowercase elsewhere, or all in capitals ("As Debt Rises, the Government Will Soon Spend More on Interest", a corpus
 * page's first line). Its capitals made "proper" runs that swallowed verbs: "Debt Rises", "Soon Spend" entered a
 * corpus page's top 20 with PositionRank (wave 12). A byline of names ("Tom Phillips, Jonathan Pearlman") is no
 * headline: its words are never written lowercase.
 */
function isHeadline(tokens: readonly Token[], lower: ReadonlySet<string>): boolean {
  const long = tokens.filter((t) => /^\p{L}{4,}/u.test(t.text) && !STOP.has(t.text.toLowerCase()));
  if (long.length < 3 || !long.every((t) => /^\p{Lu}/u.test(t.text))) return false;
  return long.filter((t, i) => i > 0 && lower.has(stripPossessive(t.text).toLowerCase())).length >= 2;
}

interface Word {
  text: string;
  /** As written, possessive included. */
  raw: string;
  shape: Shape;
  possessive: boolean;
}

/**
 * Runs of words in one sentence. The case evidence decides whether a capitalized first word (or any word of a
 * headline) is a name or just capitalized.
 */
function runsOf(sentence: string, tokens: readonly Token[], evidence: CaseEvidence, headline: boolean): Word[][] {
  const { names } = evidence;
  const runs: Word[][] = [];
  let run: Word[] = [];
  const flush = (): void => {
    // A participle ending a run is a verb: "fighters imprisoned (by …)"; "designated terrorist" keeps its -ed.
    const last = run[run.length - 1];
    if (run.length > 1 && last && last.shape === 'lower' && /\p{Ll}ed$/u.test(last.text)) run.pop();
    // So is an -ing word after two or more words, the last lowercase: "constitutional amendment deleting (that
    // language)" hid every mention of the gold "constitutional amendment" (DUC-2001 dev). After one word it stays
    // a noun: "terrorist bombing", "criminal threatening" are gold.
    const ing = run[run.length - 1];
    if (run.length > 2 && ing && ing.shape === 'lower' && run[run.length - 2]!.shape === 'lower' && /\p{Ll}{3}ing$/u.test(ing.text) && !ING_NOUNS.has(ing.text.toLowerCase())) run.pop();
    if (run.length) runs.push(run);
    run = [];
  };
  let prev: Token | undefined;
  tokens.forEach((t, i) => {
    const gap = prev ? sentence.slice(prev.end, t.start) : '';
    // A middle initial's period does not end a name: "Maj. Wyman E. Vanedoe" was "Wyman E" (DUC-2001 dev), a wrong
    // name on a card. The initial keeps its period, so the alias is the text as written.
    const last = run[run.length - 1];
    // So does the period of "St." before a name: "St. John's Hospital" was "St" and "John" (DUC-2001 dev, 3 articles).
    const abbreviated = (w: string): boolean => (/^\p{Lu}$/u.test(w) && run.length > 1) || NAME_ABBREVIATIONS.has(w);
    const middleInitial = prev !== undefined && last !== undefined && last.raw === prev.text && abbreviated(prev.text) && /^\.[ \t]+$/.test(gap) && /^\p{Lu}\p{Ll}/u.test(t.text) ? last : undefined;
    if (middleInitial) middleInitial.raw = middleInitial.text = `${middleInitial.text}.`;
    else if (prev && !/^\s+$/.test(gap)) flush();
    const prevLower = prev?.text.toLowerCase();
    prev = t;
    const bare = stripPossessive(t.text);
    let shape = wordShape(t.text);
    const lower = bare.toLowerCase();
    const initial = i === 0 || /:\s*$/.test(gap);
    const nextToken = tokens[i + 1];
    // An all-capitals opener that the text writes lowercase elsewhere is the Financial Times' house style ("THE World
    // Bank will ...", "GOVERNMENT veterinary ...": DUC-2001 dev, 3 of 5 FT articles), not an acronym: treat it as
    // any capitalized opener. An acronym opener ("NATO said") is never written lowercase, so it stays.
    if (initial && shape === 'acronym' && bare.length >= 3 && evidence.lower.has(lower) && nextToken && wordShape(nextToken.text) !== 'acronym') shape = 'proper';
    // So is an all-capitals headline's word ("BODY RECOVERED FROM AIRASIA JET WAS WEARING LIFE JACKET").
    if (headline && shape === 'acronym' && evidence.lower.has(lower)) shape = 'proper';
    let demoted = false;
    if ((initial || headline) && shape === 'proper' && !names.has(lower) && !(initial && isDateline(sentence, t))) {
      shape = 'lower';
      demoted = true;
    }
    // "end Pakistan's war", "increase Pakistan's interest": a verb-or-noun before a name is the verb.
    const verbBeforeName = NOUN_VERB_SET.has(lower) && nextToken !== undefined && /^\s+$/.test(sentence.slice(t.end, nextToken.start)) && wordShape(nextToken.text) !== 'lower';
    // A lowercase word right after infinitive "to", a modal or "not" is the verb of a clause ("pressure to exclude
    // illegal aliens", "would require", "did not notify"): it starts no term (DUC-2001 dev: "exclude illegal aliens",
    // "delete illegal aliens" were candidates that took the mentions of "illegal aliens").
    const afterAuxiliary = prevLower !== undefined && AUXILIARIES.has(prevLower) && /^\s+$/.test(gap);
    // A lowercase run opened by an -ing word before another lowercase word: the -ing word is a verb ("protecting
    // worker rights"), unless it is a noun ("training camp").
    // The next token is a lowercase content word after a space (the -ing and past-tense rules below read it).
    const lowerWordNext = shape === 'lower' && nextToken !== undefined && /^[ \t]+$/.test(sentence.slice(t.end, nextToken.start)) && wordShape(nextToken.text) === 'lower' && !STOP.has(nextToken.text.toLowerCase());
    const gerund = shape === 'lower' && run.length === 0 && /\p{Ll}{3}ing$/u.test(lower) && !ING_NOUNS.has(lower) && lowerWordNext;
    // A past tense between two lowercase words is the verb of a clause: "the 1988 drought captured attention",
    // "soldiers massacred dozens" (DUC-2001 dev candidates "1988 drought captured attention everywhere", "soldiers
    // massacred dozens"). An -ed adjective opens its noun phrase ("armed forces") or follows a name ("U.S.-backed")
    // instead, so inside a lowercase run, followed by a lowercase word, it is the verb (noun-phrase chunking's
    // determiner/adjective/noun pattern, Justeson & Katz 1995, admits no -ed word after a noun).
    const pastBetween =
      shape === 'lower' && /^\p{Ll}+$/u.test(lower) && /\p{Ll}{2}[^e]ed$/u.test(lower) && !ED_ADJECTIVES.has(lower) && run.length > 0 && run[run.length - 1]!.shape === 'lower' && /^[ \t]+$/.test(gap) && lowerWordNext;
    const verbish = pastBetween || gerund || (shape === 'lower' && (VERBS.has(lower) || verbBeforeName || afterAuxiliary || (/\p{Ll}(?:ed|ing)$/u.test(lower) && run.length > 0 && run[run.length - 1]!.shape !== 'lower')));
    // Months, weekdays, "The": capitalized or not, they break a run.
    // "TTP-Afghan Taliban relationship": an acronym hyphened to a name is a relation between two names, not a name.
    const linked = /^\p{Lu}{2,}-\p{Lu}\p{Ll}/u.test(bare);
    // A number after "Flight", "Route", "Resolution" ... is part of the name: "Pan American World Airways Flight 103".
    const numbered = /^\d+$/.test(bare) && /^[ \t]+$/.test(gap) && run.length > 0 && NUMBERED.has(run[run.length - 1]!.text.toLowerCase()) && run[run.length - 1]!.shape === 'proper';
    if (numbered) {
      run.push({ text: bare, raw: t.text, shape: 'proper', possessive: false });
      return;
    }
    // A year right before a lowercase noun names a thing ("the 1990 census", DUC-2001 gold in 2 of 2 dev census
    // articles): it starts a run instead of breaking one. Other numbers (counts, amounts) still break runs.
    const yearBeforeNoun = /^(?:1[89]|20)\d\d$/.test(bare) && isLowerNoun(sentence, t, nextToken);
    if (yearBeforeNoun) flush();
    // A number hyphened to a word is an adjective that stays in the run: "10-point agreement", "58-year-old actress"
    // (DUC-2001 dev gold; the number broke the run, so neither was a candidate).
    if (linked || (shape === 'lower' && !demoted && DIRECTIONS.has(lower)) || (shape !== 'acronym' && (STOP.has(lower) || verbish || (/^\d/.test(bare) && !yearBeforeNoun && !/^\d+-\p{Ll}/u.test(bare)) || (shape === 'lower' && /\p{Ll}ly$/u.test(lower) && !NOT_ADVERBS.has(lower))))) {
      flush();
      // Keep a bare "of" as a marker between runs for "X of Y"; any other stop word after it cancels it.
      if (lower === 'of') runs.push([OF]);
      else if (isOf(runs[runs.length - 1])) runs.pop();
      return;
    }
    if (shape === 'acronym' && STOP.has(lower) && bare.length <= 2 && bare !== 'US') shape = 'lower';
    // A title before a name starts a new run: "Pakistani | President Arif Alvi", "TTP | chief Noor Wali Mehsud".
    const next = tokens[i + 1];
    const prevTitle = run.length > 0 && TITLES.has(run[run.length - 1]!.text.toLowerCase());
    if (run.length && !prevTitle && TITLES.has(lower) && lower !== 'former' && lower !== 'late' && next && wordShape(next.text) === 'proper') flush();
    // A capitalized sentence opener that is no name is written lowercase, so its case rule is "any".
    run.push({ text: demoted ? bare.toLowerCase() : bare, raw: demoted ? t.text.toLowerCase() : t.text, shape, possessive: POSSESSIVE.test(t.text) });
    // A lowercase owner ends its run: "the bank's poverty reduction objectives" gives "bank" and "poverty reduction
    // objectives"; as one run, "bank's central mission", "amendment's backers" hid their owned terms (DUC-2001 dev).
    if (shape === 'lower' && POSSESSIVE.test(t.text)) flush();
    // A possessive ends the owner's name; what follows is what it owns: "Pakistan's constitution" stays one run.
  });
  flush();
  return runs;
}

const OF: Word = { text: 'of', raw: 'of', shape: 'lower', possessive: false };
const isOf = (r: Word[] | undefined): boolean => r !== undefined && r.length === 1 && r[0] === OF;
const shapeOf = (ws: readonly Word[]): Shape =>
  ws.every((w) => w.shape === 'acronym') ? 'acronym' : ws.every((w) => w.shape !== 'lower') ? 'proper' : 'lower';
const join = (ws: readonly Word[]): string => ws.map((w, i) => (i < ws.length - 1 ? w.raw : w.text)).join(' ');

/** Every candidate phrase of every sentence (duplicates within a sentence removed). */
export function phrasesOf(sentences: readonly Sentence[], evidence: CaseEvidence, maxWords = 6): Phrase[] {
  const out: Phrase[] = [];
  sentences.forEach((s, si) => {
    const seen = new Set<string>();
    const add = (ws: readonly Word[], joined = false, shape = shapeOf(ws)): void => {
      if (!ws.length || ws.length > maxWords) return;
      const text = join(ws);
      if (seen.has(text)) return;
      seen.add(text);
      out.push({ text, shape, words: ws.length, sentence: si, joined });
    };
    const runs = runsOf(s.text, evidence.tokens[si]!, evidence, evidence.headlines.has(si));
    runs.forEach((run, ri) => {
      if (isOf(run)) return;
      // The whole run, its tails, and (for lowercase runs) its heads: "over-the-horizon counterterrorism" in
      // "over-the-horizon counterterrorism strategy". An owner before a name ("Pakistan's Tehreek-e-Taliban") is
      // not part of the name.
      for (let i = 0; i < run.length; i++) {
        const w = run[i]!;
        if (w.possessive && run[i + 1] && run[i + 1]!.shape !== 'lower') continue;
        // No name starts at a middle initial ("L. Perkins" of "Stephen L. Perkins").
        if (/^\p{Lu}\.$/u.test(w.text)) continue;
        if (i > 0 && run[i - 1]!.possessive && w.shape !== 'lower') {
          add(run.slice(i));
          continue;
        }
        add(run.slice(i));
      }
      // (Not from a year: "1987 state" is no term.)
      if (run.every((w) => w.shape === 'lower') && !/^\d/.test(run[0]!.text)) for (let j = 2; j < run.length; j++) add(run.slice(0, j));
      // Proper stretches inside it, and each owner before a possessive.
      let from = -1;
      run.forEach((w, i) => {
        if (w.shape !== 'lower' && from < 0) from = i;
        if (w.shape === 'lower' && from >= 0) {
          add(run.slice(from, i));
          from = -1;
        }
        if (w.possessive && i < run.length - 1) {
          if (from >= 0) add(run.slice(from, i + 1));
          add(run.slice(0, i + 1));
          from = -1;
        }
      });
      if (from > 0) add(run.slice(from));
      // "X of Y": the last word of this run with the whole next run (both names, or both lowercase).
      const next = runs[ri + 2];
      if (isOf(runs[ri + 1]) && next && !isOf(next)) {
        const left = run.slice(shapeOf(run) === 'lower' ? -1 : 0);
        if (left.length === 1 && GENERIC.has(left[0]!.text.toLowerCase())) return;
        const leftShape = shapeOf(left);
        const rightShape = shapeOf(next);
        // The right side is one word or a name: "pledge of allegiance", "takeover of Kabul", not "intercession of
        // long-standing ally Siraj Haqqani".
        if (next.length > 1 && rightShape === 'lower') return;
        if (leftShape !== 'lower' && rightShape !== 'lower') add([...left, OF, ...next], true, 'proper');
        else if (leftShape === 'lower') add([...left, OF, ...next], true, 'lower');
      }
    });
  });
  return out;
}

/** The token after `t` is a lowercase word, right after it, that is no stop word or verb: "1990 census". */
function isLowerNoun(sentence: string, t: Token, next: Token | undefined): boolean {
  if (!next || !/^[ \t]+$/.test(sentence.slice(t.end, next.start))) return false;
  const w = next.text.toLowerCase();
  return wordShape(next.text) === 'lower' && !STOP.has(w) && !VERBS.has(w) && /^\p{Ll}/u.test(next.text);
}

/** A news dateline opens with a place: "Islamabad [Pakistan], January 31 :", "KABUL (Reuters) -", "LONDON, May 2 —". */
function isDateline(sentence: string, t: Token): boolean {
  // A sentence-initial adverb before its comma ("Traditionally, it counts"; DUC-2001 dev) is no dateline.
  if (/\p{Ll}ly$/u.test(t.text) && !NOT_ADVERBS.has(t.text.toLowerCase())) return false;
  return t.start === 0 && /^\s*(?:\[[^\]]*\]|\([^)]*\))?\s*[,:\-\u2013\u2014]?\s*(?:\p{Lu}\p{Ll}+\.? \d|[,(\[])/u.test(sentence.slice(t.end));
}
