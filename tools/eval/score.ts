/**
 * Scoring of the real-news evaluation (issue 11): the extension's marks on one excerpt against its annotation
 * (tests/fixtures/news/*.json). Pure: no DOM, no node APIs.
 *
 * Matching is by overlap, per mark:
 *  - a predicted mark is correct when it overlaps an annotated mark of the same entry; it is ignored when it only
 *    overlaps `optional` spans; otherwise it is an error: a *wrong card* when it overlaps an annotated mark of
 *    another entry, else a *false mark*;
 *  - an annotated mark is found when some predicted mark of the same entry overlaps it; else it is *missed*.
 * Precision = correct / (correct + errors), recall = found / annotated, per entry and overall. A wrong card counts
 * against the predicted entry's precision and the annotated entry's recall.
 */

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface GoldMark extends Span {
  entry: string;
}

export interface PredictedMark extends Span {
  entry: string;
  /** The engine flagged its evidence as weak (the card says so). */
  weak?: boolean;
}

export interface NewsFixture {
  id: string;
  url?: string;
  corpus?: string;
  outlet: string;
  year: number;
  split: 'dev' | 'heldout';
  /**
   * Set on a file that was held out once and has since been moved into dev (its split is `dev`): `heldout-v1` is the
   * held-out part of waves 1-8, retired in wave 9 after its last reading (the README's split section). The eval
   * prints it separately so the before/after on that part stays visible.
   */
  retired?: 'heldout-v1';
  kind: 'news' | 'trap';
  blocks: { tag: 'h1' | 'p'; text: string }[];
  marks: GoldMark[];
  optional: Span[];
}

export interface EvalError {
  fixture: string;
  split: 'dev' | 'heldout';
  retired?: 'heldout-v1';
  kind: 'wrong-card' | 'false-mark' | 'missed';
  text: string;
  /** Annotated entry (wrong card, missed). */
  expected?: string;
  /** Predicted entry (wrong card, false mark). */
  got?: string;
  /** ±40 characters around the span. */
  context: string;
}

export interface Counts {
  /** Predicted marks that were right. */
  correct: number;
  /** Predicted marks that were wrong (wrong card or false mark). */
  wrong: number;
  /** Annotated marks found. */
  found: number;
  /** Annotated marks in all. */
  annotated: number;
}

export interface FixtureScore {
  perEntry: Map<string, Counts>;
  errors: EvalError[];
  /** False marks on a trap page (wrong cards included). */
  trapFalseMarks: number;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

export function emptyCounts(): Counts {
  return { correct: 0, wrong: 0, found: 0, annotated: 0 };
}

function bump(map: Map<string, Counts>, entry: string, key: keyof Counts): void {
  let c = map.get(entry);
  if (!c) map.set(entry, (c = emptyCounts()));
  c[key]++;
}

/** The excerpt's text as the offsets count it: blocks joined with a blank line. */
export function fixtureText(f: NewsFixture): string {
  return f.blocks.map((b) => b.text).join('\n\n');
}

function contextOf(text: string, s: Span): string {
  const a = Math.max(0, s.start - 40);
  const b = Math.min(text.length, s.end + 40);
  return `${a > 0 ? '…' : ''}${text.slice(a, s.start)}[${text.slice(s.start, s.end)}]${text.slice(s.end, b)}${b < text.length ? '…' : ''}`;
}

export function scoreFixture(f: NewsFixture, predicted: readonly PredictedMark[]): FixtureScore {
  const perEntry = new Map<string, Counts>();
  const errors: EvalError[] = [];
  const text = fixtureText(f);
  let trapFalseMarks = 0;
  for (const p of predicted) {
    const golds = f.marks.filter((g) => overlaps(g, p));
    if (golds.some((g) => g.entry === p.entry)) {
      bump(perEntry, p.entry, 'correct');
      continue;
    }
    if (golds.length === 0 && f.optional.some((o) => overlaps(o, p))) continue;
    bump(perEntry, p.entry, 'wrong');
    if (f.kind === 'trap') trapFalseMarks++;
    const err: EvalError = {
      fixture: f.id,
      split: f.split,
      ...(f.retired ? { retired: f.retired } : {}),
      kind: golds.length > 0 ? 'wrong-card' : 'false-mark',
      text: p.text,
      got: p.entry,
      context: contextOf(text, p),
    };
    if (golds[0]) err.expected = golds[0].entry;
    errors.push(err);
  }
  for (const g of f.marks) {
    bump(perEntry, g.entry, 'annotated');
    if (predicted.some((p) => p.entry === g.entry && overlaps(p, g))) bump(perEntry, g.entry, 'found');
    else if (!errors.some((e) => e.kind === 'wrong-card' && e.expected === g.entry && e.text === g.text))
      errors.push({ fixture: f.id, split: f.split, ...(f.retired ? { retired: f.retired } : {}), kind: 'missed', text: g.text, expected: g.entry, context: contextOf(text, g) });
  }
  return { perEntry, errors, trapFalseMarks };
}

export function addCounts(into: Map<string, Counts>, from: ReadonlyMap<string, Counts>): void {
  for (const [entry, c] of from) {
    let t = into.get(entry);
    if (!t) into.set(entry, (t = emptyCounts()));
    t.correct += c.correct;
    t.wrong += c.wrong;
    t.found += c.found;
    t.annotated += c.annotated;
  }
}

export function total(map: ReadonlyMap<string, Counts>): Counts {
  const t = emptyCounts();
  for (const c of map.values()) {
    t.correct += c.correct;
    t.wrong += c.wrong;
    t.found += c.found;
    t.annotated += c.annotated;
  }
  return t;
}

export const precision = (c: Counts) => (c.correct + c.wrong === 0 ? 1 : c.correct / (c.correct + c.wrong));
export const recall = (c: Counts) => (c.annotated === 0 ? 1 : c.found / c.annotated);

/**
 * Where a mark read from the page sits in the fixture's text: the page has one element per block (h1, then p…)
 * under <article>, each with one text node, so the block is the n-th element of its tag (XPath from readMarks).
 */
export function offsetOfPath(f: NewsFixture, path: string, offset: number): number | null {
  const m = /\/(h1|p)\[(\d+)\]\/text\(\)\[1\]$/.exec(path);
  if (!m) return null;
  const tag = m[1] as 'h1' | 'p';
  let nth = Number(m[2]);
  let pos = 0;
  for (const b of f.blocks) {
    if (b.tag === tag && --nth === 0) return pos + offset;
    pos += b.text.length + 2;
  }
  return null;
}
