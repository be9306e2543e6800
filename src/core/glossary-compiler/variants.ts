/**
 * Spelling variants generated at compile time (issue 11, deliverable 3), so the glossary data lists one spelling of
 * a name and the automaton finds the others.
 *
 * - `romanized`: a name written in Latin letters from Urdu, Pashto or Arabic. Outlets vary its vowels, doubled
 *   consonants, h-insertion and separators: Tehreek/Tehrik/Tehrek, Mehsud/Mahsud/Mehsood, Noor/Nur,
 *   Hibatullah/Haibatullah/Hebatullah/Hibetullah/Hebtullah, Akhundzada/Akhunzada/Akundzada/Akhundzadeh, Haqqani/Haqani,
 *   -e-/-i-/space between the words of an izafe, Siraj-ud-Din/Sirajuddin.
 * - `inflected`: a concept phrase led by a verb ("pledge allegiance"): the verb's forms (pledges, pledged, pledging;
 *   swear, swore, sworn).
 *
 * Each rule is directional (from the spelling the data writes), applied at most at MAX_CHANGES sites at once, and the
 * output is capped, so a long name does not explode the automaton. Precision is guarded by
 * variants.guard.test.ts (an English word list and the saved corpus). Pure: no DOM, no node.
 */
import { foldString as foldForCompare } from '../fold.js';

export type VariantKind = 'romanized' | 'inflected';

const C = 'bcdfghjklmnpqrstvwxyz';
const CONS = `[${C}]`;

interface Rule {
  re: RegExp;
  alts: (m: string) => string[];
}

/** Keeps the case of a site's first letter on its replacement ("Hi" -> "Hai", "hi" -> "hai"). */
function sameCase(model: string, s: string): string {
  if (!s) return s;
  return model[0] && model[0] === model[0].toUpperCase() && model[0] !== model[0].toLowerCase() ? s[0]!.toUpperCase() + s.slice(1) : s;
}

// Sites are found on the alias as written; `(?<![\p{L}])` marks the start of a word.
const ROMANIZED_RULES: Rule[] = [
  // The Arabic article: Siraj-ud-Din -> Siraj-ud-din (whose closed form is Sirajuddin, allowed by the case rule).
  { re: /-u([dlnrsz])-(\p{Lu})/gu, alts: (m) => [m.toLowerCase()] },
  // Tehreek -> Tehrik, Tehrek.
  { re: /ee/g, alts: () => ['i', 'e'] },
  // Noor -> Nur; Mehsood -> Mehsud.
  { re: /oo/g, alts: () => ['u'] },
  // Mehsud -> Mehsood (a final -ud/-un/-ur/-ul syllable).
  { re: new RegExp(`(?<=${CONS})u(?=[dnrl](?![\\p{L}]))`, 'gu'), alts: () => ['oo'] },
  // Mehsud -> Mahsud, Tehreek -> Tahreek, Rehman -> Rahman, and back.
  { re: new RegExp(`(?<=\\p{L})(eh|ah)(?=${CONS})`, 'giu'), alts: (m) => [m.toLowerCase() === 'eh' ? 'ah' : 'eh'] },
  // The first syllable's vowel: Hibatullah -> Haibatullah, Hebatullah; Siraj -> Seraj.
  { re: new RegExp(`(?<=(?<![\\p{L}'-])${CONS})(ai|i)(?=${CONS})`, 'giu'), alts: (m) => (m.toLowerCase() === 'ai' ? ['i', 'e'] : ['ai', 'e']) },
  // Hibatullah -> Hibetullah, and the vowel dropped as Pashto speakers say it: Hibtullah, Hebtullah (eval:news dev
  // asiaplus-2021-hebtullah "Mullah Hebtullah Akhund"; Haibtullah is another attested spelling).
  { re: /a(?=tullah?(?![\p{L}]))/gu, alts: () => ['e', ''] },
  // Doubled consonants: Haqqani -> Haqani, Hibatullah -> Hibatulah.
  { re: /([bdfgklmnpqrstz])\1/g, alts: (m) => [m[0]!] },
  // A medial kh: Akhundzada -> Akundzada.
  { re: /(?<=\p{L})kh/gu, alts: () => ['k'] },
  // Akhundzada -> Akhunzada.
  { re: /ndz/g, alts: () => ['nz'] },
  // The Persian -zada: Akhundzadeh, Akhundzade.
  { re: /(?<=z)ada(?![\p{L}])/gu, alts: () => ['adeh', 'ade'] },
  // Izafe: Tehreek-e-Taliban -> Tehreek-i-Taliban, Tehreek Taliban (the matcher adds spaced/closed forms of '-').
  { re: /-[ei]-/g, alts: (m) => [m === '-e-' ? '-i-' : '-e-', ' '] },
];

interface Site {
  start: number;
  end: number;
  alts: string[];
}

function findSites(text: string, rules: readonly Rule[]): Site[] {
  const sites: Site[] = [];
  for (const rule of rules) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (end === start) {
        rule.re.lastIndex++;
        continue;
      }
      // The first rule to claim a span keeps it (sites never overlap).
      if (sites.some((s) => start < s.end && s.start < end)) continue;
      sites.push({ start, end, alts: rule.alts(m[0]).map((a) => sameCase(m[0], a)) });
    }
  }
  return sites.sort((a, b) => a.start - b.start);
}

/** At most this many sites change in one variant, and at most this many variants per alias. */
const MAX_CHANGES = 2;
const MAX_VARIANTS = 48;

function applySites(text: string, sites: readonly Site[], choice: readonly number[]): string {
  let out = '';
  let pos = 0;
  sites.forEach((s, i) => {
    out += text.slice(pos, s.start) + (choice[i]! < 0 ? text.slice(s.start, s.end) : s.alts[choice[i]!]!);
    pos = s.end;
  });
  return out + text.slice(pos);
}

/** Spellings of a romanized name other than the one written, fewest changes first, capped. */
export function romanizedVariants(text: string): string[] {
  const sites = findSites(text, ROMANIZED_RULES);
  // Case counts here: "Siraj-ud-din" differs from "Siraj-ud-Din" for a `proper` alias (its closed form matches).
  const seen = new Set([text]);
  const out: string[] = [];
  // Choices with 1..MAX_CHANGES changed sites, in a stable order.
  let frontier: number[][] = [sites.map(() => -1)];
  for (let depth = 1; depth <= MAX_CHANGES && out.length < MAX_VARIANTS; depth++) {
    const next: number[][] = [];
    for (const base of frontier) {
      const last = base.reduce((acc, c, i) => (c >= 0 ? i : acc), -1);
      for (let i = last + 1; i < sites.length; i++) {
        for (let a = 0; a < sites[i]!.alts.length; a++) {
          const choice = base.slice();
          choice[i] = a;
          next.push(choice);
          const v = applySites(text, sites, choice).replace(/ {2,}/g, ' ');
          const key = v;
          if (seen.has(key) || out.length >= MAX_VARIANTS) continue;
          seen.add(key);
          out.push(v);
        }
      }
    }
    frontier = next;
  }
  return out;
}

/** Irregular verbs that lead the glossary's concept phrases: base -> [3sg, past, past participle, gerund]. */
const IRREGULAR: Record<string, readonly string[]> = {
  swear: ['swears', 'swore', 'sworn', 'swearing'],
  take: ['takes', 'took', 'taken', 'taking'],
  give: ['gives', 'gave', 'given', 'giving'],
  hold: ['holds', 'held', 'held', 'holding'],
};

function verbForms(verb: string): string[] {
  const v = verb.toLowerCase();
  const irregular = IRREGULAR[v];
  if (irregular) return [...irregular];
  const stem = v.endsWith('e') ? v.slice(0, -1) : v;
  const third = /(s|sh|ch|x|z)$/.test(v) ? `${v}es` : `${v}s`;
  return [third, `${stem}ed`, `${stem}ing`];
}

/** Possessives that stand between a verb and its object ("swearing their allegiance", "pledged his allegiance"). */
const POSSESSIVES = ['his', 'her', 'its', 'their', 'our'] as const;
/** A second word that makes the phrase verb + preposition ("return to power"): no possessive goes in between. */
const PREPOSITIONS = new Set(['to', 'of', 'in', 'on', 'at', 'for', 'from', 'with', 'by', 'into', 'over']);

/**
 * Inflected forms of a phrase led by a verb ("pledge allegiance" -> "pledges allegiance", ...), and, where the verb
 * takes a direct object, each form with a possessive before it ("swearing their allegiance": eval:news wave 9, dev
 * rferl-2016-loyalty).
 */
export function inflectedVariants(text: string): string[] {
  const m = /^(\p{L}+)(.*)$/su.exec(text);
  if (!m) return [];
  const seen = new Set([foldForCompare(text)]);
  const out: string[] = [];
  const add = (v: string) => {
    const key = foldForCompare(v);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(v);
    }
  };
  const object = /^ (\p{L}+)/u.exec(m[2]!);
  const possessive = object !== null && !PREPOSITIONS.has(object[1]!.toLowerCase());
  for (const form of ['', ...verbForms(m[1]!)]) {
    const verb = form ? sameCase(m[1]!, form) : m[1]!;
    if (form) add(verb + m[2]!);
    if (possessive) for (const p of POSSESSIVES) add(`${verb} ${p}${m[2]!}`);
  }
  return out;
}

export function aliasVariants(text: string, kind: VariantKind): string[] {
  return kind === 'romanized' ? romanizedVariants(text) : inflectedVariants(text);
}
