// What the corpus check expects of the marks on one page, from INDEX.tsv's word counts and the glossary's own
// rules (anchor-only entries are never marked; an alias with `requires` needs one of those entries on the page).
// Pure: the glossary comes in as data (the compiled glossary in check-corpus, small hand-made ones in tests).
import { type CorpusPage, labelSpellings } from './corpus-index.js';

export interface ExpectGlossary {
  entries: ReadonlyArray<{ id: string; aliases: readonly string[]; anchorOnly: boolean }>;
  terms: ReadonlyArray<{ entry: number; text: string; requires?: readonly number[] }>;
}

/** Folds a spelling for comparison: case, hyphens, spaces and apostrophes do not matter here. */
const foldSpelling = (s: string): string => s.toLowerCase().replace(/[\s\-‐-―'’]+/g, '');

interface LabelVerdict {
  label: string;
  count: number;
  /** Entry ids the label's spellings belong to (empty: not a glossary spelling). */
  entries: string[];
  /** 'expected': must be marked; otherwise why the glossary's rules let it go unmarked. */
  status: 'expected' | 'anchor-only' | 'needs-context' | 'not-in-glossary';
}

export interface MarkExpectations {
  labels: LabelVerdict[];
  /** Entry ids that must show at least one mark. */
  expectedEntries: string[];
  /** Entry ids whose words occur only in scripts/JSON/attributes on this page: a mark of one is a false mark. */
  hiddenOnlyEntries: string[];
}

export class GlossaryLookup {
  private readonly bySpelling = new Map<string, Set<number>>();

  constructor(readonly glossary: ExpectGlossary) {
    glossary.entries.forEach((e, i) => {
      for (const a of e.aliases) this.add(a, i);
    });
    for (const t of glossary.terms) if (t.entry >= 0) this.add(t.text, t.entry);
  }

  private add(spelling: string, entry: number): void {
    const k = foldSpelling(spelling);
    let set = this.bySpelling.get(k);
    if (!set) this.bySpelling.set(k, (set = new Set()));
    set.add(entry);
  }

  /** Entry indices a piece of text (a mark's text, an INDEX spelling) spells. Possessives are dropped. */
  entriesOf(text: string): number[] {
    const k = foldSpelling(text.replace(/['’]s$/i, ''));
    return [...(this.bySpelling.get(k) ?? [])];
  }

  entriesOfLabel(label: string): number[] {
    const out = new Set<number>();
    for (const s of labelSpellings(label)) for (const e of this.entriesOf(s)) out.add(e);
    return [...out].sort((a, b) => a - b);
  }

  /** Context requirement of a spelling of an entry: the union over its matching terms; null when one needs none. */
  requiresOf(entry: number, spellings: readonly string[]): number[] | null {
    const folded = new Set(spellings.map(foldSpelling));
    const terms = this.glossary.terms.filter((t) => t.entry === entry && folded.has(foldSpelling(t.text)));
    if (terms.length === 0) return null;
    const req = new Set<number>();
    for (const t of terms) {
      if (!t.requires || t.requires.length === 0) return null;
      for (const r of t.requires) req.add(r);
    }
    return [...req];
  }

  id(entry: number): string {
    return this.glossary.entries[entry]?.id ?? `#${entry}`;
  }
}

export function expectationsFor(page: CorpusPage, lookup: GlossaryLookup): MarkExpectations {
  const visibleEntries = new Set<number>();
  for (const label of Object.keys(page.termsVisible)) for (const e of lookup.entriesOfLabel(label)) visibleEntries.add(e);

  const labels: LabelVerdict[] = Object.entries(page.termsVisible).map(([label, count]) => {
    const entries = lookup.entriesOfLabel(label);
    const ids = entries.map((e) => lookup.id(e));
    if (entries.length === 0) return { label, count, entries: ids, status: 'not-in-glossary' };
    const markable = entries.filter((e) => !lookup.glossary.entries[e]?.anchorOnly);
    if (markable.length === 0) return { label, count, entries: ids, status: 'anchor-only' };
    const free = markable.filter((e) => {
      const req = lookup.requiresOf(e, labelSpellings(label));
      return req === null || req.some((r) => visibleEntries.has(r) && r !== e);
    });
    return { label, count, entries: ids, status: free.length > 0 ? 'expected' : 'needs-context' };
  });

  const expectedEntries = new Set<string>();
  for (const l of labels) {
    if (l.status !== 'expected') continue;
    for (const id of l.entries) {
      const idx = lookup.glossary.entries.findIndex((e) => e.id === id);
      if (idx >= 0 && !lookup.glossary.entries[idx]?.anchorOnly) expectedEntries.add(id);
    }
  }

  const hiddenOnly = new Set<string>();
  for (const label of Object.keys(page.termsRaw)) {
    for (const e of lookup.entriesOfLabel(label)) {
      if (!visibleEntries.has(e)) hiddenOnly.add(lookup.id(e));
    }
  }
  return { labels, expectedEntries: [...expectedEntries].sort(), hiddenOnlyEntries: [...hiddenOnly].sort() };
}

/** Elements whose text we never mark (brief: inputs, textareas, contenteditable, code, scripts). */
const FORBIDDEN_MARK_PARENTS = ['script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'code', 'pre', 'title'];

/** The element names along a harness MarkPoint path ('/html[1]/body[1]/p[2]/text()[1]'). */
export function pathElements(path: string): string[] {
  return path
    .split('/')
    .filter(Boolean)
    .map((s) => s.replace(/\[\d+\]$/, ''))
    .filter((s) => s !== 'text()' && s !== '#shadow-root' && s !== 'comment()');
}

export interface MarkCheck {
  /** Entry id -> number of marks. Marks whose text spells no entry are counted under '?<text>'. */
  byEntry: Record<string, number>;
  missing: string[];
  /** Marks of entries whose words are only in hidden places on this page (false marks). */
  hiddenMarks: string[];
  /** Marks inside script/style/code/textarea/... (never allowed). */
  forbiddenMarks: string[];
}

export function checkMarks(
  marks: ReadonlyArray<{ text: string; start: { path: string }; end: { path: string } }>,
  exp: MarkExpectations,
  lookup: GlossaryLookup,
): MarkCheck {
  const byEntry: Record<string, number> = {};
  const forbiddenMarks: string[] = [];
  for (const m of marks) {
    const entries = lookup.entriesOf(m.text);
    const key = entries.length > 0 ? entries.map((e) => lookup.id(e)).join('|') : `?${m.text}`;
    byEntry[key] = (byEntry[key] ?? 0) + 1;
    const els = [...pathElements(m.start.path), ...pathElements(m.end.path)];
    const bad = els.find((el) => FORBIDDEN_MARK_PARENTS.includes(el));
    if (bad) forbiddenMarks.push(`"${m.text}" inside <${bad}> at ${m.start.path}`);
  }
  const marked = new Set(Object.keys(byEntry).flatMap((k) => k.split('|')));
  return {
    byEntry,
    missing: exp.expectedEntries.filter((id) => !marked.has(id)),
    hiddenMarks: exp.hiddenOnlyEntries.filter((id) => marked.has(id)).map((id) => `${id} (${byEntry[id] ?? '?'}×)`),
    forbiddenMarks,
  };
}
