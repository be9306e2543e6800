/**
 * Candidate glossary terms of one text, ranked by salience: phrases (phrases.ts) grouped into candidates
 * (group.ts), counted as the page would mark them (mentions.ts), classified (classify.ts), given a case rule and,
 * where a word is ordinary English, a context rule, and scored.
 *
 * Salience = (1 + ln mentions) × kind × position: names and defined acronyms weigh most, multi-word lowercase
 * concepts next, single lowercase words least (they are usually ordinary English); an early first mention weighs
 * more, as in news the lead names the story's actors (YAKE, Campos et al. 2020, uses the same position cue).
 * The rank by salience is then fused with the rank by PositionRank (position-rank.ts), a word-graph ranking that
 * generalizes on news.
 */
import { collectAcronyms, type AcronymPair } from './acronyms';
import { classify, placesFromDemonyms, type Category } from './classify';
import { codePairs, Groups, phraseKey, skeleton, stripTitles } from './group';
import { countMentions, type AliasRef, type CaseRule } from './mentions';
import { caseEvidence, phrasesOf, wordShape, type Phrase, type Shape } from './phrases';
import { fuseRanks, phraseScore, positionRank, wordKey } from './position-rank';
import { isFieldLine, layoutText, type Sentence } from './text';
import { DEMONYMS, ED_ADJECTIVES, GENERIC, ORG_WORDS, STOP, TITLES } from './words';

interface CandidateAlias {
  text: string;
  case: CaseRule;
  /** An alias that is ordinary English or a bare surname: marks only with the candidate's context nearby. */
  requires?: boolean;
}

export interface Candidate {
  name: string;
  aliases: CandidateAlias[];
  category: Category;
  /** The name's case rule. */
  case: CaseRule;
  /** Context rule: names of other candidates of which one must be near, when this one is ordinary English. */
  requires: string[];
  count: number;
  /** Verbatim sentences that mention it, in text order (at most `maxSentences`). */
  sentences: string[];
  score: number;
}

export interface Extraction {
  candidates: Candidate[];
  acronyms: AcronymPair[];
}

export interface ExtractOptions {
  maxSentences?: number;
  maxCandidates?: number;
}

interface Stat {
  key: string;
  forms: Map<string, number>;
  shape: Shape;
  words: number;
  joined: boolean;
  first: number;
}

/**
 * Adjectives that open descriptions, not terms ("critical Chinese interests"). Not "general", "public", "key": they
 * open terms ("general amnesty", "public anxiety", "key Hispanic groups": DUC-2001 dev gold; F1@10 38.7 -> 39.3, and
 * -> 39.8 with the number words of words.ts; bundled report top 40 still 29/33). Superlatives ("largest", "hardest")
 * rank one thing among its kind, so they open descriptions too: "the largest disaster relief measure" hid the gold
 * "disaster relief measure" (DUC-2001 dev F1@10 40.8 -> 41.3; a closed list, not an -est rule: "forest", "interest").
 */
const MODIFIERS = new Set(
  'critical growing senior top major current large small big narrow substantial increasing meaningful new old recent local certain various entire main real strong stronger serious significant important special specific possible potential actual total full high low great greater good best better bad worst long short late early open clear uncomfortable conditional restrictive energized evasive non-committal willing tougher largest biggest greatest highest lowest hardest latest oldest newest strongest longest deadliest fastest smallest earliest heaviest richest poorest toughest closest'.split(
    ' ',
  ),
);

/** PositionRank's weight in the fused ranking (candidatesOf, where the measurement is). */
const GRAPH_WEIGHT = 0.7;

const caseOf = (text: string): CaseRule => {
  const shapes = text.split(/\s+/).map(wordShape);
  if (shapes.every((s) => s === 'acronym')) return 'exact';
  return shapes.some((s) => s !== 'lower') ? 'proper' : 'any';
};

function keep(p: Phrase): boolean {
  const ws = p.text.split(/\s+/);
  const first = ws[0]!.toLowerCase();
  if (p.shape === 'lower' && MODIFIERS.has(first)) return false;
  if (ws.every((w) => TITLES.has(w.toLowerCase()) || STOP.has(w.toLowerCase()))) return false;
  if (p.words === 1 && p.shape === 'lower' && (GENERIC.has(first) || first.length < 4)) return false;
  // A lone past participle is a verb, not a term: "convicted", "crashed" (DUC-2001 dev). Adjectives in -ed stay.
  if (p.words === 1 && p.shape === 'lower' && /\p{Ll}{2}[^e]ed$/u.test(first) && !ED_ADJECTIVES.has(first)) return false;
  // A phrase headed by a generic noun is a description, not a term ("Pakistani officials", "counterterrorism
  // strategy"); its own head-less part stays ("over-the-horizon counterterrorism"). Organizations' heads are not
  // generic here ("Pakistani government").
  const head = ws[ws.length - 1]!.toLowerCase().replace(/['\u2019]s$/u, '');
  if (p.words > 1 && GENERIC.has(head) && !ORG_WORDS.has(head)) return false;
  // A description before a name ("long-standing ally Siraj Haqqani"): the name stands alone; a title stays ("chief
  // Noor Wali Mehsud" becomes an alias of the name).
  const shapes = ws.map(wordShape);
  if (shapes[0] === 'lower' && !TITLES.has(first) && shapes.length >= 3 && shapes.at(-1) !== 'lower' && shapes.at(-2) !== 'lower') return false;
  if (p.text.replace(/[^\p{L}]/gu, '').length < 2) return false;
  // A demonym alone is an adjective ("Chinese interests"), unless it joins its country (grouping, below).
  if (p.words === 1 && DEMONYMS.has(first) && !/^(?:afghan|pakistani)$/.test(first)) return false;
  return true;
}

/** A phrase key without its leading titles ("justice perkins" → "perkins"), down to one word. */
function stripLeadingTitles(key: string): string {
  const ws = key.split(' ');
  let i = 0;
  while (i < ws.length - 1 && TITLES.has(ws[i]!.replace(/\.$/u, ''))) i++;
  return ws.slice(i).join(' ');
}

/**
 * How much a kind of phrase weighs. A name (every word capitalized) or a defined acronym most; a phrase headed by a
 * generic noun ("TTP's threat", "Pakistani officials") least; a single lowercase word little, unless it is long or
 * a compound ("counterterrorism", "cease-fire"): longer words are rarer (Zipf's law of abbreviation), so more
 * likely a term than "problem".
 */
function kindWeight(name: string, shape: Shape, words: number, acronym: boolean): number {
  if (acronym) return 3;
  const ws = name.split(/\s+/);
  const head = ws[ws.length - 1]!.toLowerCase().replace(/['\u2019]s$/u, '');
  if (GENERIC.has(head) && !ORG_WORDS.has(head)) return 0.4;
  if (shape !== 'lower') return words > 1 ? 2.5 : 2;
  if (words > 1) return 1.5;
  return name.length >= 9 || name.includes('-') ? 1.2 : 0.7;
}

export function extractCandidates(text: string, options: ExtractOptions = {}): Extraction {
  const { paragraphs, sentences } = layoutText(text);
  // Field lines (headers, labels: text.ts isFieldLine) hold no terms; their sentences are left out before anything
  // is counted or ranked, so the text's first prose line is its start for PositionRank and the position weight.
  const fields = new Set(paragraphs.flatMap((p, i) => (isFieldLine(text.slice(p.start, p.end)) ? [i] : [])));
  return candidatesOf(fields.size ? sentences.filter((s) => !fields.has(s.paragraph)) : sentences, options);
}

function candidatesOf(sentences: readonly Sentence[], options: ExtractOptions = {}): Extraction {
  const maxSentences = options.maxSentences ?? 5;
  const acronyms = collectAcronyms(sentences.map((s) => s.text));
  const evidence = caseEvidence(sentences);
  const stats = new Map<string, Stat>();
  // The words of each sentence's kept phrases: PositionRank's graph nodes (its tagger's nouns and adjectives).
  const nodeWords = sentences.map(() => new Set<string>());
  for (const p of phrasesOf(sentences, evidence)) {
    if (!keep(p)) continue;
    for (const w of p.text.split(/\s+/)) if (!STOP.has(w.toLowerCase())) nodeWords[p.sentence]!.add(wordKey(w));
    const key = phraseKey(p.text);
    let st = stats.get(key);
    if (!st) stats.set(key, (st = { key, forms: new Map(), shape: p.shape, words: p.words, joined: p.joined, first: p.sentence }));
    st.forms.set(p.text, (st.forms.get(p.text) ?? 0) + 1);
    if (p.shape !== 'lower') st.shape = p.shape;
  }
  for (const a of acronyms) {
    for (const form of [a.short, a.long]) {
      const key = phraseKey(form);
      if (!stats.has(key)) stats.set(key, { key, forms: new Map([[form, 1]]), shape: caseOf(form) === 'any' ? 'lower' : 'proper', words: form.split(/\s+/).length, joined: false, first: 0 });
    }
  }

  // Group.
  const groups = new Groups();
  const acronymKeys = new Set<string>();
  for (const a of acronyms) {
    groups.union(phraseKey(a.long), phraseKey(a.short));
    acronymKeys.add(phraseKey(a.short));
  }
  // A name written right before "(SF)" of a defined acronym is another long form of it, even where the finder
  // did not take it as the definition: "Pakistan's Tehreek-e-Taliban (TTP)" beside "Tehreek-e-Taliban Pakistan (TTP)".
  for (const a of acronyms) {
    const marker = `(${a.short})`;
    for (const s of sentences) {
      const at = s.text.indexOf(marker);
      if (at < 0) continue;
      const before = s.text.slice(0, at).trimEnd();
      // The longest known name that the text before "(SF)" ends with, whole words only (at most six).
      let longest: string | undefined;
      const words = before.split(/\s+/).slice(-6);
      for (let k = 0; k < words.length && !longest; k++) {
        const key = phraseKey(words.slice(k).join(' ').replace(/^["'\u201c\u2018(\[]+/u, ''));
        const st = stats.get(key);
        if (st && st.shape !== 'lower' && !acronymKeys.has(key)) longest = key;
      }
      if (longest) groups.union(phraseKey(a.short), longest);
    }
  }
  const titled = new Set<string>();
  // Surnames said with an honorific ("Mr Preston", the FT's style without a period): a person's, so the surname joins
  // the one full name it ends even where no title stands before that name ("Lewis Preston" and "Preston" were two
  // candidates in one DUC-2001 dev article's top 10; "Tony Fernandes" / "Mr Fernandes" on a corpus page).
  const honorific = new Set<string>();
  for (const s of sentences) for (const m of s.text.matchAll(/\b(?:Mr|Mrs|Ms|Dr)\.? (\p{Lu}[\p{L}'\u2019-]+)/gu)) honorific.add(phraseKey(m[1]!));
  const byLastWord = new Map<string, string[]>();
  for (const st of stats.values()) {
    const form = [...st.forms.keys()][0]!;
    const bare = stripTitles(form);
    if (bare && stats.has(phraseKey(bare))) {
      groups.union(phraseKey(bare), st.key);
      titled.add(phraseKey(bare));
    }
    if (st.shape === 'lower') continue;
    if (st.words >= 2 && st.words <= 4) {
      const last = skeleton(st.key.split(' ').pop()!);
      const list = byLastWord.get(last);
      if (list) list.push(st.key);
      else byLastWord.set(last, [st.key]);
    }
  }
  const bySkeleton = new Map<string, string>();
  for (const st of stats.values()) {
    if (st.shape === 'lower' || st.shape === 'acronym') continue;
    const sk = skeleton([...st.forms.keys()][0]!);
    if (sk.replace(/\s/g, '').length < 4) continue;
    const other = bySkeleton.get(sk);
    if (other) groups.union(other, st.key);
    else bySkeleton.set(sk, st.key);
  }
  for (const [code, key] of codePairs(new Set(stats.keys()))) groups.union(code, key);
  // A demonym joins its country when the text names both ("Afghan" / "Afghanistan"); "Pakistani" / "Pakistan"
  // already share a skeleton.
  const singles = [...stats.values()].filter((st) => st.words === 1 && st.shape === 'proper');
  const countries = singles.filter((p) => /istan$/.test(p.key));
  for (const d of singles) for (const p of countries) if (p !== d && p.key.startsWith(d.key)) groups.union(p.key, d.key);
  // A surname alone joins the one full name it ends (two "... Khan"s: ambiguous, left alone).
  const surnames = new Set<string>();
  for (const st of stats.values()) {
    if (st.words !== 1 || st.shape !== 'proper') continue;
    // The surname with only a title before it ("Justice Perkins") is no other full name: it goes with the surname
    // when that joins its full name. Before, "Perkins", "Justice Perkins" and "Stephen L. Perkins" were three
    // candidates (DUC-2001 dev), and a full name counted as titled only if it came first in the list. Alone
    // ("Imam Muslim" beside "Muslim") a titled word stays apart: joining it would mark every "Muslim".
    // A transliterated surname may be spelled two ways on one page ("President Zelenskyy" beside "Volodymyr
    // Zelensky", a corpus page, where the full name fell to rank 38 alone): same consonant skeleton, six letters or
    // more and the same first four ("Spain" / "Jens Spahn" share a skeleton: a wrong card).
    const variant = (k: string): boolean => {
      const w = k.split(' ').pop()!;
      return w === st.key || (w.length >= 6 && st.key.length >= 6 && w.slice(0, 4) === st.key.slice(0, 4));
    };
    const sk = skeleton(st.key);
    const spelled = (byLastWord.get(sk) ?? []).filter(variant);
    const same = spelled.filter((k) => skeleton(stripLeadingTitles(k)) === sk);
    const full = spelled.filter((k) => (titled.has(k) || stats.get(k)!.words >= 2) && !same.includes(k));
    const roots = new Set(full.map((k) => groups.find(k)));
    if (roots.size === 1 && (full.some((k) => titled.has(k)) || honorific.has(st.key))) {
      groups.union([...full][0]!, st.key);
      for (const k of same) groups.union(st.key, k);
      surnames.add(st.key);
    }
  }

  // Candidates: one per group, every member's forms as aliases.
  const members = new Map<string, Stat[]>();
  for (const st of stats.values()) {
    const r = groups.find(st.key);
    const list = members.get(r);
    if (list) list.push(st);
    else members.set(r, [st]);
  }
  interface Draft {
    name: string;
    aliases: CandidateAlias[];
    stats: Stat[];
    acronym: boolean;
  }
  const drafts: Draft[] = [];
  for (const list of members.values()) {
    const seen = new Set<string>();
    const aliases: CandidateAlias[] = [];
    for (const st of list) {
      const form = [...st.forms.entries()].sort((a, b) => b[1] - a[1])[0]![0];
      if (seen.has(form)) continue;
      seen.add(form);
      const alias: CandidateAlias = { text: form, case: caseOf(form) };
      if (surnames.has(st.key)) alias.requires = true;
      aliases.push(alias);
    }
    const pair = acronyms.find((a) => list.some((st) => st.key === phraseKey(a.short)));
    const count = (st: Stat): number => [...st.forms.values()].reduce((x, y) => x + y, 0);
    const named =
      pair?.long ??
      list
        .filter((st) => !surnames.has(st.key) && !stripTitles([...st.forms.keys()][0]!))
        .sort((a, b) => count(b) - count(a) || b.words - a.words)[0]
        ?.forms.keys()
        .next().value ??
      aliases[0]!.text;
    drafts.push({ name: named, aliases, stats: list, acronym: !!pair });
  }

  // Count mentions as the page would mark them.
  const refs: AliasRef[] = drafts.flatMap((d, i) => d.aliases.map((a) => ({ text: a.text, case: a.case, candidate: i })));
  const isName = drafts.map((d) => d.stats.some((st) => st.shape !== 'lower'));
  // A name-led phrase ("U.S. military jet", "Miss Taylor's health problems"): its lowercase multi-word part is a term of
  // its own, said inside the name's phrase, so those mentions stay free (C-value discounts nesting in one longer
  // term; a name plus a common phrase is two). A demonym is no name but an adjective ("Pakistani security forces"
  // is one description), as `keep` treats a demonym alone. DUC-2001 dev F1@10 40.3 -> 40.8 (README).
  const nameLed = drafts.map((d) =>
    d.stats.some((st) => {
      const ws = st.forms.keys().next().value!.split(/\s+/);
      const shapes = ws.map(wordShape);
      return ws.length >= 3 && shapes[0] !== 'lower' && !DEMONYMS.has(ws[0]!.toLowerCase()) && shapes.at(-1) === 'lower' && shapes.at(-2) === 'lower';
    }),
  );
  const isPhrase = drafts.map((d) => d.stats.some((st) => st.words >= 2));
  const isLowerJoin = drafts.map((d) => d.stats.every((st) => st.joined && st.shape === 'lower'));
  const mentions = countMentions(
    sentences,
    refs,
    drafts.length,
    (outer, inner) => (isLowerJoin[outer]! && isName[inner]!) || (nameLed[outer]! && !isName[inner]! && isPhrase[inner]!),
  );
  const places = placesFromDemonyms(drafts.filter((d) => caseOf(d.name) === 'proper').map((d) => d.name));

  const wordScores = positionRank(evidence.tokens.flatMap((tokens, si) => tokens.map((t) => ({ text: t.text, node: nodeWords[si]!.has(wordKey(t.text)) }))));
  const scored = drafts.map((d, i): Candidate & { where: number[]; graph: number } => {
    const where = mentions.sentences[i]!;
    const count = mentions.counts[i]!;
    const quotes = where.map((si) => sentences[si]!.text);
    // A name only when every word of its name is capitalized: "Pakistani officials" is a description.
    const shape: Shape = d.name.split(/\s+/).every((w) => wordShape(w) !== 'lower' || /^(?:of|the|and|for)$/.test(w)) ? 'proper' : 'lower';
    const words = d.name.split(/\s+/).length;
    const first = where[0] ?? sentences.length;
    const position = 1 + 0.5 * (1 - first / Math.max(1, sentences.length));
    // C-value's nesting discount (Frantzi et al. 2000): mentions inside a longer candidate count half.
    const effective = mentions.free[i]! + 0.5 * (count - mentions.free[i]!);
    const score = count ? (1 + Math.log(Math.max(1, effective))) * kindWeight(d.name, shape, words, d.acronym) * position : 0;
    const category = classify({
      name: d.name,
      aliases: d.aliases.map((a) => a.text),
      titled: d.stats.some((s) => titled.has(s.key)),
      sentences: quotes,
      places,
    });
    return {
      name: d.name,
      aliases: d.aliases.sort((a, b) => (a.text === d.name ? -1 : b.text === d.name ? 1 : b.text.length - a.text.length)),
      category,
      case: caseOf(d.name),
      requires: [],
      count,
      sentences: quotes.slice(0, maxSentences),
      score,
      where,
      graph: phraseScore(d.name, wordScores, shape === 'proper'),
    };
  }).filter((c, i) => c.count > 0 && (mentions.free[i]! > 0 || drafts[i]!.acronym));
  // The ranking fuses the salience above (names first: what a report's glossary wants) with PositionRank (the
  // lowercase concepts a news reader names: "national head count", "death squad"). Measured on DUC-2001 dev
  // (7 articles): F1@5 26.1 -> 45.7, F1@10 39.8 -> 39.8, the gold's ranks move up (e.g. "national head count"
  // 25 -> 14, "U.S. Air Base" 10 -> 5); weight 0.6-0.7 gave that, 0.8-0.9 F1@5 43.8, 1 lost a glossary entry of
  // the bundled report's top 40 (29 -> 28 of 33), 0.5 gave F1@5 38.8. PositionRank alone: F1@5 31.4, F1@10 40.1,
  // report 26/33 (it ranks single names low: a phrase scores the sum of its words).
  const fused = fuseRanks(scored, (c) => c.score, (c) => c.graph, GRAPH_WEIGHT, (a, b) => a.name.localeCompare(b.name));
  for (const c of scored) c.score = fused.get(c)!;
  const withWhere = scored.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  // Ordinary English (a lowercase term) marks only near one of the (up to three) best-ranked names said with it.
  const namesAt = new Map<number, string[]>();
  for (const c of withWhere) {
    if (c.case === 'any') continue;
    for (const si of c.where) {
      const list = namesAt.get(si) ?? [];
      if (list.length < 3) list.push(c.name);
      namesAt.set(si, list);
    }
  }
  const order = new Map(withWhere.map((o, i) => [o.name, i] as const));
  const ranked: Candidate[] = withWhere.map(({ where, graph: _graph, ...c }) => {
    if (c.case === 'any') {
      const names = new Set<string>();
      for (const si of where) for (const n of namesAt.get(si) ?? []) names.add(n);
      c.requires = [...names].sort((x, y) => order.get(x)! - order.get(y)!).slice(0, 3);
    }
    return c;
  });
  return { candidates: ranked.slice(0, options.maxCandidates ?? ranked.length), acronyms };
}

;
