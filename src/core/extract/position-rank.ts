/**
 * PositionRank (Florescu & Caragea, ACL 2017): words are ranked by a PageRank over their co-occurrence graph, biased
 * towards the words a text says early and often, and a phrase scores the sum of its words' scores. It is the
 * position-biased graph ranking that generalizes on news (DUC-2001 F1@10 28.6, against 21.5 for unbiased TextRank,
 * Gallina, Boudin & Daille 2020); the hand weights of candidates.ts did not (src/core/extract/README.md, wave 11).
 * Pure: no DOM, browser or node APIs.
 *
 * As published and as pke implements it: the nodes are the words that may be in a term (here: the words of the
 * sentence's candidate phrases, phrases.ts, in place of a tagger's nouns and adjectives); an edge joins two such
 * words within `window` words of each other in the running text (stop words count in the distance), weighted by how
 * often they do; the personalization of a word is the sum of 1 / position over its occurrences (1-based, over the
 * whole text); damping 0.85.
 */

/** The form a word is a graph node by: lowercase, no possessive, a plain plural folded ("aliens" = "alien"). */
export function wordKey(word: string): string {
  const w = word.toLowerCase().replace(/['\u2019]s$/u, '');
  return w.length > 3 && /[^siu']s$/u.test(w) ? w.slice(0, -1) : w;
}

/**
 * Personalized PageRank on an undirected weighted graph. `edges[u]` maps a neighbour to the edge's weight (both
 * directions present); `personal` need not sum to 1. A node without edges gives its rank back by the
 * personalization, as networkx's pagerank does with dangling nodes; it stops as networkx does, when the L1 change
 * is under n × 1e-6, or after 100 rounds. Typed arrays in compressed rows: with Maps walked every round, the first
 * version took ~60% of the extraction of 150 KB of news (CPU profile, `glossary:extract:bench`).
 */
export function pageRank(edges: readonly Map<number, number>[], personal: readonly number[], damping = 0.85, iterations = 100): Float64Array {
  const n = edges.length;
  const total = personal.reduce((s, x) => s + x, 0);
  const p = Float64Array.from(personal, (x) => (total > 0 ? x / total : 1 / n));
  const start = new Int32Array(n + 1);
  edges.forEach((m, u) => (start[u + 1] = start[u]! + m.size));
  const to = new Int32Array(start[n]!);
  const share = new Float64Array(start[n]!);
  const strength = new Float64Array(n);
  edges.forEach((m, u) => {
    let k = start[u]!;
    for (const w of m.values()) strength[u] = strength[u]! + w;
    for (const [v, w] of m) {
      to[k] = v;
      share[k++] = w / strength[u]!;
    }
  });
  let x = Float64Array.from(p);
  let next = new Float64Array(n);
  for (let it = 0; it < iterations; it++) {
    let dangling = 0;
    for (let u = 0; u < n; u++) if (strength[u] === 0) dangling += x[u]!;
    for (let v = 0; v < n; v++) next[v] = (1 - damping + damping * dangling) * p[v]!;
    for (let u = 0; u < n; u++) {
      const xu = damping * x[u]!;
      for (let k = start[u]!; k < start[u + 1]!; k++) {
        const v = to[k]!;
        next[v] = next[v]! + xu * share[k]!;
      }
    }
    let change = 0;
    for (let u = 0; u < n; u++) change += Math.abs(next[u]! - x[u]!);
    [x, next] = [next, x];
    if (change < n * 1e-6) break;
  }
  return x;
}

/**
 * Word scores of a text given as its words in reading order, each with whether it may be in a term. Returns the
 * score of each word key (wordKey) that was a node.
 */
export function positionRank(words: readonly { text: string; node: boolean }[], window = 10): Map<string, number> {
  const index = new Map<string, number>();
  const personal: number[] = [];
  const seq: number[] = [];
  words.forEach((w, i) => {
    if (!w.node) {
      seq.push(-1);
      return;
    }
    const key = wordKey(w.text);
    let id = index.get(key);
    if (id === undefined) {
      index.set(key, (id = personal.length));
      personal.push(0);
    }
    personal[id] = personal[id]! + 1 / (i + 1);
    seq.push(id);
  });
  const edges = personal.map(() => new Map<number, number>());
  for (let i = 0; i < seq.length; i++) {
    const a = seq[i]!;
    if (a < 0) continue;
    for (let j = i + 1; j < Math.min(i + window, seq.length); j++) {
      const b = seq[j]!;
      if (b < 0 || b === a) continue;
      edges[a]!.set(b, (edges[a]!.get(b) ?? 0) + 1);
      edges[b]!.set(a, (edges[b]!.get(a) ?? 0) + 1);
    }
  }
  const rank = pageRank(edges, personal);
  return new Map([...index].map(([key, id]) => [key, rank[id]!] as const));
}

/**
 * A phrase's PositionRank score: the sum of its words' scores (words that were no node add nothing). A lowercase
 * phrase of more than `maxLower` words scores 0: PositionRank's candidates are noun phrases of at most 3 words (pke's
 * default), and a longer lowercase run is mostly a clause our stop-word split missed — on corpus pages in German and
 * Indonesian, whose function words are not in our list, such runs ("die Opfer verschwinden hinter den Bildern") took
 * 5 of the top 20 once their words' sum ranked them. A name keeps all its words: it is one unit ("Pan American World
 * Airways Flight 103", a DUC-2001 dev gold phrase).
 */
export function phraseScore(phrase: string, scores: ReadonlyMap<string, number>, name = true, maxLower = 3): number {
  const words = phrase.split(/\s+/);
  if (!name && words.length > maxLower) return 0;
  let s = 0;
  for (const w of words) s += scores.get(wordKey(w)) ?? 0;
  return s;
}

/**
 * Reciprocal rank fusion (Cormack, Clarke & Büttcher, SIGIR 2009; k = 60 as there) of two scorings of the same
 * items: each item scores 1 / (k + its rank by `a`) + weight / (k + its rank by `b`), ranks from 0, ties broken by
 * `tie`. Ranks, not raw scores, because the two scales (log-count salience, PageRank mass) are not comparable.
 */
export function fuseRanks<T>(items: readonly T[], a: (x: T) => number, b: (x: T) => number, weight: number, tie: (x: T, y: T) => number, k = 60): Map<T, number> {
  const rankBy = (f: (x: T) => number): Map<T, number> => new Map([...items].sort((x, y) => f(y) - f(x) || tie(x, y)).map((x, i) => [x, i] as const));
  const ra = rankBy(a);
  const rb = rankBy(b);
  return new Map(items.map((x) => [x, 1 / (k + ra.get(x)!) + weight / (k + rb.get(x)!)] as const));
}
