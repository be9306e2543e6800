/**
 * One prefilter question in flight at a time (issue 13: on a churny page — a live blog, a ticker, a page that
 * rewrites itself while it loads — every batch of DOM changes asked the background about its text, each question a
 * structured clone of the text to the background and back, queued behind the others). While a question is pending,
 * the changed blocks of later batches are only collected; when the answer is "no", one question asks about all of
 * them, their text read then (the latest text wins: a block changed three times is asked about once, as it is now).
 * Generic over the block type and pure, so it is tested in node; src/content/page-prefilter.ts feeds it DOM blocks.
 */

export interface PrefilterQueue<B> {
  /** A question about `text` now if none is pending, else these blocks join the next one. */
  add(blocks: Iterable<B>): void;
  /** Asks about `text` (the whole page's), unless a question is pending: then after it, before the blocks. */
  addText(text: string): void;
  /** Nothing more is asked or called. */
  stop(): void;
  /** The blocks waiting for the next question, taken out of it (a watch handing its changes over). */
  drain(): Set<B>;
}

/**
 * `read` turns the collected blocks into text (at the time of asking), `ask` asks the background (rejects:
 * counts as "maybe"), `onAnswer` gets every answer (a "maybe" stops the queue: the engine takes over). `gapMs`: a
 * question is sent at least this long after the one before (changes meanwhile wait and go together; 0: as soon as
 * the one before is answered). The engine's widening watch uses it (wave 9: on the bench's live blog, an update every
 * 100 ms, every update was its own question, and each that named a new entry its own full rescan).
 */
export function prefilterQueue<B>(
  read: (blocks: Set<B>) => string,
  ask: (text: string) => Promise<boolean>,
  onAnswer: (maybe: boolean, first: boolean) => void,
  gapMs = 0,
): PrefilterQueue<B> {
  let stopped = false;
  let pending = false;
  let lastAsked = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let answered = 0;
  let texts: string[] = [];
  let blocks = new Set<B>();
  const next = () => {
    if (stopped || pending || timer !== undefined || (!texts.length && !blocks.size)) return;
    const wait = lastAsked + gapMs - performance.now();
    if (wait > 0) {
      timer = setTimeout(() => {
        timer = undefined;
        next();
      }, wait);
      return;
    }
    const parts = texts;
    texts = [];
    if (blocks.size) {
      const b = blocks;
      blocks = new Set();
      const more = read(b);
      if (more) parts.push(more);
    }
    // A whole page is asked about even when empty (its answer says "nothing here"); changed blocks only with text.
    if (!parts.length) return;
    const text = parts.join('\n');
    pending = true;
    lastAsked = performance.now();
    const settle = (maybe: boolean) => {
      pending = false;
      if (stopped) return;
      if (maybe) stopped = true;
      onAnswer(maybe, answered++ === 0);
      next();
    };
    ask(text).then(settle, () => settle(true));
  };
  return {
    add(more) {
      if (stopped) return;
      for (const b of more) blocks.add(b);
      next();
    },
    addText(text) {
      if (stopped) return;
      texts.push(text);
      next();
    },
    drain() {
      const b = blocks;
      blocks = new Set();
      return b;
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      texts = [];
      blocks = new Set();
    },
  };
}
