/** Maps hits in a block's joined text back to (chunk, offset) pairs: chunks are the block's inline text nodes. */
import type { ChunkHit, Hit } from './types.js';

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
