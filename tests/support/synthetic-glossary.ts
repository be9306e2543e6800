/**
 * Deterministic synthetic glossaries and news-like texts for the matcher's tests and bench (seeded PRNG: the same
 * seed gives the same data on every machine).
 */
import type { CaseRule, TermInput } from '../../src/core/matcher/types.js';

/** mulberry32: small, fast, good enough for test data. Returns floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMON = (
  'the of and to in a is that for on was with he it as at by his from has have be are not but they this ' +
  'which or had were been their one said its after who will more would also two over than year into first ' +
  'people government security forces officials attack group country border region militants talks peace ' +
  'report week leaders military province police district minister former new told since while under against ' +
  'between during about most there could other some only including many those them may called what state'
).split(' ');
const SYLLABLES = 'ka bu li ma no or wa si raj haq qa ni meh sud teh ree ta ban pak is tan af gha zar dar khan mu la ' +
  'ah med ja lal ud din ra him ab dul nur gul bad ar sha fi hu sain be gum za hid'.split(' ');

const REAL: TermInput[] = [
  { entry: 0, text: 'TTP', caseRule: 'exact' },
  { entry: 0, text: 'Tehreek-e-Taliban Pakistan', caseRule: 'proper' },
  { entry: 1, text: 'Noor Wali Mehsud', caseRule: 'proper' },
  { entry: 2, text: 'Siraj Haqqani', caseRule: 'proper' },
  { entry: 3, text: 'Afghan Taliban', caseRule: 'proper' },
  { entry: 4, text: 'Taliban', caseRule: 'proper' },
  { entry: 5, text: 'Kabul', caseRule: 'proper' },
  { entry: 6, text: 'over-the-horizon counterterrorism', caseRule: 'any' },
  { entry: 7, text: 'cease-fire', caseRule: 'any', requires: [0] },
  { entry: 8, text: 'al-Qaeda', caseRule: 'proper' },
  { entry: -1, text: 'Amnesty International', caseRule: 'proper' },
  { entry: 9, text: 'amnesty', caseRule: 'any' },
];

function cap(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}

function nameWord(rnd: () => number): string {
  const n = 2 + Math.floor(rnd() * 2);
  let w = '';
  for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(rnd() * SYLLABLES.length)]!;
  return w;
}

/** `count` terms: the real ones first, then generated names, hyphenated names, acronyms and phrases. */
export function syntheticGlossary(count: number, seed = 1): TermInput[] {
  const rnd = prng(seed);
  const terms: TermInput[] = REAL.slice(0, Math.min(count, REAL.length));
  const seen = new Set(terms.map((t) => t.text.toLowerCase()));
  let entry = 10;
  while (terms.length < count) {
    const kind = rnd();
    let text: string;
    let caseRule: CaseRule;
    if (kind < 0.45) {
      const words = 2 + Math.floor(rnd() * 2);
      text = Array.from({ length: words }, () => cap(nameWord(rnd))).join(' ');
      caseRule = 'proper';
    } else if (kind < 0.6) {
      text = `${cap(nameWord(rnd))}-e-${cap(nameWord(rnd))}`;
      caseRule = 'proper';
    } else if (kind < 0.8) {
      const len = 2 + Math.floor(rnd() * 4);
      text = Array.from({ length: len }, () => String.fromCharCode(65 + Math.floor(rnd() * 26))).join('');
      caseRule = 'exact';
    } else {
      const words = 1 + Math.floor(rnd() * 3);
      text = Array.from({ length: words }, () => nameWord(rnd)).join(rnd() < 0.5 ? '-' : ' ');
      caseRule = 'any';
    }
    if (seen.has(text.toLowerCase())) continue;
    seen.add(text.toLowerCase());
    const t: TermInput = { entry: rnd() < 0.02 ? -1 : entry++, text, caseRule };
    if (rnd() < 0.05) t.requires = [Math.floor(rnd() * 10)];
    terms.push(t);
  }
  return terms;
}

/** About `chars` UTF-16 units of news-like text with terms of `terms` sprinkled in (about one word in 30). */
export function syntheticText(chars: number, terms: readonly TermInput[], seed = 2): string {
  const rnd = prng(seed);
  const parts: string[] = [];
  let len = 0;
  let sentence = 0;
  while (len < chars) {
    const words = 8 + Math.floor(rnd() * 20);
    const s: string[] = [];
    for (let i = 0; i < words; i++) {
      const r = rnd();
      let w: string;
      if (r < 0.033 && terms.length > 0) w = terms[Math.floor(rnd() * terms.length)]!.text;
      else if (r < 0.06) w = cap(nameWord(rnd));
      else if (r < 0.065) w = ['Mehsúd', 'Pakistan’s', '“officials”', 'Vokabular', 'kabul', '2021', '—'][Math.floor(rnd() * 7)]!;
      else w = COMMON[Math.floor(rnd() * COMMON.length)]!;
      s.push(w);
    }
    let text = cap(s.join(' ')) + (rnd() < 0.1 ? '?' : '.');
    sentence++;
    text += sentence % 6 === 0 ? '\n\n' : ' ';
    parts.push(text);
    len += text.length;
  }
  return parts.join('').slice(0, chars);
}
