/**
 * Counts each candidate's mentions: every alias of every candidate looked up at once with its case rule, a
 * candidate's own mentions never overlapping (longest alias first), while a name nested in another candidate's
 * phrase still counts ("Kabul" in "takeover of Kabul"). A trie over lowercased words keeps this linear in the text.
 */
import { tokenize, type Sentence } from './text';

export type CaseRule = 'exact' | 'proper' | 'any';

export interface AliasRef {
  text: string;
  case: CaseRule;
  candidate: number;
}

interface Node {
  next: Map<string, Node>;
  ends: { ref: AliasRef; words: string[] }[];
}

const bare = (w: string): string => w.replace(/['\u2019]s$/u, '');
const aliasWords = (text: string): string[] => tokenize(text).map((t) => bare(t.text));

function caseFits(rule: CaseRule, alias: readonly string[], seen: readonly string[]): boolean {
  if (rule === 'any') return true;
  if (rule === 'exact') return alias.every((w, i) => w === seen[i]);
  // proper: each word as written, except that a lowercase connector may be capitalized in a title ("Of").
  return alias.every((w, i) => w === seen[i] || (/^\p{Ll}/u.test(w) && w.toLowerCase() === seen[i]!.toLowerCase() && !/^\p{Lu}/u.test(w)));
}

export interface Mentions {
  /** Per candidate: mention count and the indexes of the sentences that mention it. */
  counts: number[];
  /** Mentions not inside a longer mention of another candidate (an "X of Y" phrase does not hide its Y). */
  free: number[];
  sentences: number[][];
}

export function countMentions(
  sentences: readonly Sentence[],
  aliases: readonly AliasRef[],
  candidates: number,
  /** Does a mention of `outer` leave a mention of `inner` inside it free ("Kabul" in "takeover of Kabul")? */
  transparent: (outer: number, inner: number) => boolean = () => false,
): Mentions {
  const root: Node = { next: new Map(), ends: [] };
  for (const a of aliases) {
    let node = root;
    const words = aliasWords(a.text);
    for (const w of words) {
      const k = w.toLowerCase();
      let n = node.next.get(k);
      if (!n) node.next.set(k, (n = { next: new Map(), ends: [] }));
      node = n;
    }
    if (node !== root) node.ends.push({ ref: a, words });
  }
  const counts = new Array<number>(candidates).fill(0);
  const free = new Array<number>(candidates).fill(0);
  const where: number[][] = Array.from({ length: candidates }, () => []);
  sentences.forEach((s, si) => {
    const words = tokenize(s.text).map((t) => bare(t.text));
    // Per candidate, where its last counted mention ended: its own mentions never overlap, but a name inside
    // another candidate's longer alias still counts ("Kabul" in "takeover of Kabul").
    const lastEnd = new Map<number, number>();
    const found: { c: number; start: number; end: number }[] = [];
    for (let i = 0; i < words.length; i++) {
      let node: Node | undefined = root;
      const fits: { ref: AliasRef; end: number }[] = [];
      for (let j = i; j < words.length; j++) {
        node = node.next.get(words[j]!.toLowerCase());
        if (!node) break;
        const seen = words.slice(i, j + 1);
        for (const a of node.ends) if (caseFits(a.ref.case, a.words, seen)) fits.push({ ref: a.ref, end: j + 1 });
      }
      for (const f of fits.reverse()) {
        const c = f.ref.candidate;
        if ((lastEnd.get(c) ?? 0) > i) continue;
        lastEnd.set(c, f.end);
        found.push({ c, start: i, end: f.end });
        counts[c]!++;
        const list = where[c]!;
        if (list[list.length - 1] !== si) list.push(si);
      }
    }
    for (const m of found) {
      const hidden = found.some(
        (o) => o.c !== m.c && !transparent(o.c, m.c) && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start,
      );
      if (!hidden) free[m.c]!++;
    }
  });
  return { counts, free, sentences: where };
}
