/**
 * The matcher (interim: correct but slow, delegates to the reference; the Aho-Corasick tables replace it next).
 */
import { referenceScan } from './reference.js';
import type { ChunkHit, Hit, SerializedMatcher, TermInput } from './types.js';

export type { ChunkHit, Hit, SerializedMatcher, TermInput } from './types.js';

export class Matcher {
  readonly terms: readonly TermInput[];

  private constructor(terms: readonly TermInput[]) {
    this.terms = terms;
  }

  static compile(terms: readonly TermInput[]): Matcher {
    return new Matcher(terms.map((t) => ({ ...t })));
  }

  static load(s: SerializedMatcher): Matcher {
    if (s.format !== 1) throw new Error(`matcher: unknown format ${String(s.format)}`);
    return new Matcher(s.terms);
  }

  serialize(): SerializedMatcher {
    return { format: 1, terms: this.terms.map((t) => ({ ...t })), tables: '' };
  }

  scan(text: string): Hit[] {
    return referenceScan(this.terms, text);
  }

  scanChunks(chunks: readonly string[]): ChunkHit[] {
    return mapToChunks(chunks, this.scan(chunks.join('')));
  }
}

/** Maps hits in the joined text back to (chunk, offset) pairs. */
export function mapToChunks(chunks: readonly string[], hits: readonly Hit[]): ChunkHit[] {
  const starts: number[] = [];
  let acc = 0;
  for (const c of chunks) {
    starts.push(acc);
    acc += c.length;
  }
  // The chunk holding the code unit at offset `at`: the last chunk starting at or before it (never an empty one,
  // since an empty chunk shares its start with the next chunk).
  const chunkOf = (at: number): number => {
    let lo = 0;
    let hi = chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return hits.map((h) => {
    const sc = chunkOf(h.start);
    const ec = chunkOf(h.end - 1);
    return {
      startChunk: sc,
      startOffset: h.start - starts[sc]!,
      endChunk: ec,
      endOffset: h.end - starts[ec]!,
      entry: h.entry,
      term: h.term,
    };
  });
}
