/**
 * Scoring of extracted key terms against published gold keyphrases (issue 14: "F1@10 at least the best published
 * unsupervised method on that data"). Pure: no DOM, no node APIs.
 *
 * The protocol is the one the published DUC-2001 figures use — Gallina, Boudin & Daille, "Large-Scale Evaluation of
 * Keyphrase Extraction Models", JCDL 2020 (their evaluation code: ygorg/JCDL_2020_KPE_Eval, evaluation/util.py,
 * `tsjl`, `compute_rel`, `compute_prf`, `eval_measures`), which is pke's benchmarking protocol (Boudin, COLING 2016):
 *  - every phrase, candidate and gold, is tokenized, each token Porter-stemmed, joined with one space, lowercased;
 *  - a candidate matches a gold phrase when the stemmed strings are equal (exact match);
 *  - at cut-off k: P = distinct gold phrases matched by the top min(k, #candidates) / min(k, #candidates),
 *    R = the same count / #gold, F = 2PR / (P + R) (0 when nothing matches);
 *  - P, R and F are averaged over documents (macro average), ×100.
 * Differences, said plainly: their tokenizer is NLTK's word_tokenize and their stemmer NLTK's PorterStemmer (whose
 * default mode adds a few rules to Porter 1980); here the tokenizer is `tokenize` below (splits punctuation off a
 * word's ends and a possessive 's, as word_tokenize does) and the stemmer is `stemmer` (Porter 1980). Candidates whose
 * stemmed forms are equal are counted once, at the rank of the first: pke's candidates are unique stemmed forms by
 * construction, so this only removes duplicates our case-sensitive names would otherwise put into the top k.
 */
import { stemmer } from 'stemmer';

export interface PRF {
  p: number;
  r: number;
  f: number;
}

/** Words of a phrase as word_tokenize would cut them, for the cases news keyphrases contain. */
export function tokenize(phrase: string): string[] {
  const out: string[] = [];
  for (const raw of phrase.split(/\s+/)) {
    let w = raw;
    // Leading / trailing punctuation is its own token (dropped here: it never matches a gold word).
    w = w.replace(/^[("'`“‘[]+/, '').replace(/[)"'”’\],;:!?]+$/, '');
    // A sentence-final period, but not an abbreviation's ("u.s." keeps its dots, as in word_tokenize).
    if (/^[^.]+\.$/.test(w)) w = w.slice(0, -1);
    const poss = /^(.+?)('s|’s)$/i.exec(w);
    if (poss?.[1]) {
      out.push(poss[1], "'s");
      continue;
    }
    if (w) out.push(w);
  }
  return out;
}

/** The stemmed lowercase form two phrases are compared by. */
export function stemPhrase(phrase: string): string {
  return tokenize(phrase)
    .map((t) => stemmer(t.toLowerCase()))
    .join(' ');
}

/** Candidates in rank order, each stemmed form once (first rank kept). */
export function uniqueStemmed(candidates: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const c of candidates) {
    const s = stemPhrase(c);
    if (!s || seen.has(s)) continue;
    seen.add(s);
    out.push(s);
  }
  return out;
}

/** P/R/F at cut-off k of ranked candidate names against one document's gold phrases (fractions, not %). */
export function prfAt(candidates: readonly string[], gold: readonly string[], k: number): PRF {
  const top = uniqueStemmed(candidates).slice(0, k);
  const goldStems = gold.map(stemPhrase);
  const matched = new Set<number>();
  for (const c of top) goldStems.forEach((g, j) => g === c && matched.add(j));
  const p = top.length ? matched.size / top.length : 0;
  const r = goldStems.length ? matched.size / goldStems.length : 0;
  return { p, r, f: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}

/** Macro average over documents, as percentages. */
export function macro(scores: readonly PRF[]): PRF {
  if (!scores.length) return { p: 0, r: 0, f: 0 };
  const mean = (key: keyof PRF): number => (100 * scores.reduce((s, x) => s + x[key], 0)) / scores.length;
  return { p: mean('p'), r: mean('r'), f: mean('f') };
}

/** The split rule written in tests/fixtures/keyphrase/duc2001/README.md, given the id's md5 in hex. */
export function splitOf(md5hex: string): 'dev' | 'heldout' {
  return /^[0-7]/.test(md5hex) ? 'heldout' : 'dev';
}
