/**
 * Glossary search for the popup and the context-menu lookup. Pure: no DOM, no browser.
 *
 * Each entry is indexed by fields of falling weight — name, then aliases and short form, then the definition,
 * then the report's sentences about it. Text is folded like the matcher folds it (`foldString`: case, diacritics,
 * dash and apostrophe variants) and split into word tokens. A query token matches a field token
 *  - exactly, or as a prefix ("meh" -> Mehsud): as you type;
 *  - with one typo (Damerau: a swap counts once) for tokens of 4+ letters, two for 8+ ("qaida" -> Qaeda);
 *  - by consonant skeleton for 5+ letters — vowels dropped, doubled letters collapsed — which is how
 *    transliterated names drift ("tehrik" -> Tehreek, "haqani" -> Haqqani);
 * and field tokens are also tried joined with their neighbours, and the query joined whole, so "ceasefire",
 * "cease fire" and "cease-fire" find each other. Every query token must match somewhere in the entry.
 * Definitions, report sentences and "Beyond the report" are prose: exact words or 4+-letter prefixes only.
 * Ranking: a whole name or alias typed exactly comes first ("TTP" is the TTP entry, not "TTP cease-fire"); then the
 * holders of a role the query asks for ("TTP chief", see search-roles.ts); then the weakest field a query token
 * needed (name > alias > definition > quote > beyond the report), then how well the tokens matched (exact > prefix >
 * typo), then mentions in the report, then name. A relevance cut-off drops the weak tail (see `tierOf`).
 */
import { CATEGORIES, type Category, type CompiledEntry } from './glossary-types.js';
import { foldString } from './fold.js';
import { buildRoleIndex, parseRoleQuery, roleStrength, type RoleIndex } from './search-roles.js';

type SearchField = 'name' | 'alias' | 'definition' | 'quote' | 'beyond';
const FIELD_RANK: Record<SearchField, number> = { name: 0, alias: 1, definition: 2, quote: 3, beyond: 4 };
const FIELDS: readonly SearchField[] = ['name', 'alias', 'definition', 'quote', 'beyond'];
/** Prose fields: a query token matches them exactly or as a prefix of 4+ letters, never by a typo (issue 12: "reward"
 *  found two report sentences through "toward"; "ta" listed twenty definitions). */
const PROSE_RANK = FIELD_RANK.definition;

/** Per-token match quality. */
const EXACT = 3;
const PREFIX = 2;
const TYPO = 1;

interface IndexedText {
  /** The original text (alias spelling, quote sentence) for display. */
  text: string;
  /** The whole text folded and with its tokens joined by one space ("al qaeda"), and with none ("alqaeda"). */
  phrase: string;
  compact: string;
  /** Field tokens, plus adjacent pairs and triples joined ("cease", "fire", "ceasefire"). */
  tokens: string[];
  skeletons: string[];
}

interface IndexedEntry {
  entry: CompiledEntry;
  fields: Record<SearchField, IndexedText[]>;
}

export interface SearchIndex {
  readonly entries: readonly IndexedEntry[];
  readonly roles: RoleIndex;
}

export interface SearchResult {
  entry: CompiledEntry;
  /** The weakest field a query token needed. */
  field: SearchField;
  /** The alias or sentence that matched when it is not the name (the popup shows it as "matched …"). */
  matchedText: string | null;
  /** Sort key parts, exposed for tests and the lookup's confidence check. */
  exactPhrase: boolean;
  quality: number;
}

export interface CategoryGroup {
  category: Category;
  entries: CompiledEntry[];
}

/** Query and field tokens: folded runs of letters and digits. */
export function tokenize(text: string): string[] {
  return foldString(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

const VOWELS = /[aeiouy]/g;
/** "tehreek" -> "thrk", "haqqani" -> "hqn": first letter kept, later vowels dropped, repeats collapsed. */
export function skeleton(token: string): string {
  const rest = token.slice(1).replace(VOWELS, '');
  return (token[0] + rest).replace(/(.)\1+/g, '$1');
}

function indexText(text: string): IndexedText {
  const base = tokenize(text);
  const tokens = [...base];
  for (let n = 2; n <= 3; n++) {
    for (let i = 0; i + n <= base.length; i++) tokens.push(base.slice(i, i + n).join(''));
  }
  return { text, phrase: base.join(' '), compact: base.join(''), tokens, skeletons: tokens.map(skeleton) };
}

export function buildSearchIndex(entries: readonly CompiledEntry[]): SearchIndex {
  return {
    roles: buildRoleIndex(entries),
    entries: entries.map((entry) => {
      const aliases = new Set<string>(entry.aliases.filter((a) => a !== entry.name));
      if (entry.short && entry.short !== entry.name) aliases.add(entry.short);
      return {
        entry,
        fields: {
          name: [indexText(entry.name)],
          alias: [...aliases].map(indexText),
          definition: [indexText(entry.definition)],
          quote: entry.quotes.map((q) => indexText(q.text)),
          beyond: entry.beyondReport ? [indexText(entry.beyondReport.replace(/^Outside the report:\s*/i, ''))] : [],
        },
      };
    }),
  };
}

/** Optimal-string-alignment distance (Damerau with adjacent swaps), or max+1 once it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const w = b.length + 1;
  let prev2 = new Array<number>(w).fill(0);
  let prev = Array.from({ length: w }, (_, j) => j);
  let cur = new Array<number>(w).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[b.length]!;
}

const allowedTypos = (q: string) => (q.length >= 8 ? 2 : q.length >= 4 ? 1 : 0);

/** How well one query token matches one field text (0: not at all). */
function tokenQuality(q: string, qSkeleton: string | null, field: IndexedText, prose: boolean): number {
  let best = 0;
  if (prose) {
    for (const t of field.tokens) {
      if (t === q) return EXACT;
      if (q.length >= 4 && t.startsWith(q)) best = PREFIX;
    }
    return best;
  }
  const k = allowedTypos(q);
  for (let i = 0; i < field.tokens.length; i++) {
    const t = field.tokens[i]!;
    if (t === q) return EXACT;
    if (best < PREFIX && t.startsWith(q)) best = PREFIX;
    if (best >= TYPO) continue;
    if (k > 0) {
      // A typo in a whole token, or in the part typed so far (prefix of the same length, ±1).
      if (editDistance(q, t, k) <= k) best = TYPO;
      else if (t.length > q.length && q.length >= 5 && editDistance(q, t.slice(0, q.length), k) <= k) best = TYPO;
    }
    if (best < TYPO && qSkeleton !== null && field.skeletons[i] === qSkeleton) best = TYPO;
  }
  return best;
}

interface Scored {
  result: SearchResult;
  rank: number;
  sumQuality: number;
  /** How strongly the entry holds the role a role query asks for (search-roles.ts); 0 for none. */
  role: number;
}

function scoreEntry(item: IndexedEntry, queryTokens: string[], queryPhrase: string, joined: string): Scored | null {
  // A whole name or alias typed out exactly beats everything else in its field.
  for (const field of ['name', 'alias'] as const) {
    const hit = item.fields[field].find((f) => f.phrase === queryPhrase || f.compact === joined);
    if (hit) {
      return {
        result: { entry: item.entry, field, matchedText: field === 'name' ? null : hit.text, exactPhrase: true, quality: EXACT },
        rank: FIELD_RANK[field],
        sumQuality: EXACT * queryTokens.length,
        role: 0,
      };
    }
  }
  let worstRank = 0;
  let minQuality = EXACT;
  let sumQuality = 0;
  let matchedText: string | null = null;
  for (const q of queryTokens) {
    const qSkeleton = q.length >= 5 && skeleton(q).length >= 3 ? skeleton(q) : null;
    let found: { rank: number; quality: number; text: IndexedText; field: SearchField } | null = null;
    for (const field of FIELDS) {
      for (const text of item.fields[field]) {
        const quality = tokenQuality(q, qSkeleton, text, FIELD_RANK[field] >= PROSE_RANK);
        if (quality > 0 && (!found || quality > found.quality)) found = { rank: FIELD_RANK[field], quality, text, field };
        if (found?.quality === EXACT) break;
      }
      // Stop at the best field that matched at all: a name match is worth more than a better quote match.
      if (found) break;
    }
    if (!found) return null;
    if (found.rank >= worstRank) {
      worstRank = found.rank;
      matchedText = found.field === 'name' ? null : found.text.text;
    }
    minQuality = Math.min(minQuality, found.quality);
    sumQuality += found.quality;
  }
  return {
    result: { entry: item.entry, field: FIELDS[worstRank]!, matchedText, exactPhrase: false, quality: minQuality },
    rank: worstRank,
    sumQuality,
    role: 0,
  };
}

/**
 * The relevance cut-off (issue 12: no long tail of weak matches). Tier 0: a whole name or alias, a role holder, a
 * name or alias match; tier 1: the definition; tier 2: report sentences and "Beyond the report". Below the best
 * tier found, only the next tier shows, and only its first few.
 */
const tierOf = (s: Scored) => (s.result.exactPhrase || s.role > 0 || s.rank <= FIELD_RANK.alias ? 0 : s.rank === PROSE_RANK ? 1 : 2);
const NEXT_TIER_KEPT = [5, 3];

/** Entries matching `query`, best first (at most `limit`). An empty query returns nothing (see `browseCategories`). */
export function search(index: SearchIndex, query: string, limit = 20): SearchResult[] {
  const queryTokens = tokenize(query);
  if (queryTokens.length === 0) return [];
  const queryPhrase = queryTokens.join(' ');
  const joined = queryTokens.join('');
  const role = parseRoleQuery(index.roles, queryTokens);
  const scored: Scored[] = [];
  for (const item of index.entries) {
    const strength = role ? roleStrength(index.roles, role, item.entry.id) : 0;
    const s = scoreEntry(item, queryTokens, queryPhrase, joined);
    if (s) scored.push({ ...s, role: strength });
    else if (strength > 0) {
      // The role sentence answers the query even when its words differ ("TTP leader" -> "Chief of the TTP").
      const result: SearchResult = { entry: item.entry, field: 'definition', matchedText: null, exactPhrase: false, quality: EXACT };
      scored.push({ result, rank: PROSE_RANK, sumQuality: 0, role: strength });
    }
  }
  scored.sort(
    (a, b) =>
      Number(b.result.exactPhrase) - Number(a.result.exactPhrase) ||
      b.role - a.role ||
      a.rank - b.rank ||
      b.result.quality - a.result.quality ||
      b.sumQuality - a.sumQuality ||
      b.result.entry.mentions - a.result.entry.mentions ||
      a.result.entry.name.localeCompare(b.result.entry.name),
  );
  const best = scored[0] ? tierOf(scored[0]) : 0;
  let next = 0;
  const kept = scored.filter((s) => {
    const tier = tierOf(s);
    if (tier === best) return true;
    return tier === best + 1 && next++ < NEXT_TIER_KEPT[best]!;
  });
  return kept.slice(0, limit).map((s) => s.result);
}

/**
 * The entry a selected text most likely names (context-menu lookup), or null: only a name or alias match counts,
 * and a typo-level match only when the selection is one short phrase — a sentence that merely contains a word of
 * a definition is not a lookup hit.
 */
export function lookup(index: SearchIndex, text: string): CompiledEntry | null {
  // A possessive is part of the selection, not of the name: "TTP's" -> "TTP".
  const query = text.replace(/['\u2019\u02bc]s\b/giu, '');
  const tokens = tokenize(query);
  if (tokens.length === 0 || tokens.length > 8) return null;
  const best = search(index, query, 1)[0];
  if (!best || (best.field !== 'name' && best.field !== 'alias')) return null;
  if (!best.exactPhrase && best.quality < PREFIX && tokens.length > 3) return null;
  return best.entry;
}

/** The empty-query view: every category with its entries by name (categories without entries left out). */
export function browseCategories(entries: readonly CompiledEntry[]): CategoryGroup[] {
  return CATEGORIES.map((category) => ({
    category,
    entries: entries.filter((e) => e.category === category).sort((a, b) => a.name.localeCompare(b.name)),
  })).filter((g) => g.entries.length > 0);
}
