/**
 * The glossary compiler: source files in, CompiledGlossary out (or every error found, collected).
 *
 * Steps: parse and validate (schema + cross-checks, report metadata against the text), lay the report out into
 * paragraphs and sentences, expand entries into matcher terms, scan each paragraph (one block each), apply the
 * context rules over the whole report, then give every entry its mentions and verbatim quotes, ranked.
 *
 * The scanning engine is passed in (`ScanEngine`) so the compiler's own logic is testable with a tiny engine;
 * `index.ts` wires the real Matcher and context rules. Pure: no node, no DOM.
 */
import { validateGlossarySource, validateReportMeta } from '../glossary-schema.js';
import { carriedSense, decideLocal, headingCues, paragraphReadings } from '../context-rules.js';
import type {
  CompiledEntry,
  CompiledGlossary,
  EntrySource,
  Quote,
  ReportMeta,
  ReportSentence,
} from '../glossary-types.js';
import type { Hit, SerializedMatcher, TermInput } from '../matcher/types.js';
import { rankQuotes, type RankInput } from './rank.js';
import { layoutReport, type ReportLayout } from './sentences.js';
import { displayAliases, expandTerms } from './terms.js';

export interface ScanEngine {
  compile(terms: readonly TermInput[]): { scan(text: string): Hit[]; serialize(): SerializedMatcher };
  filterByContext<H extends { entry: number; term: number }>(terms: readonly TermInput[], hits: H[]): H[];
}

/** The three source files, as text. */
export interface GlossaryFiles {
  /** glossary/entries.json */
  entries: string;
  /** glossary/report.json */
  report: string;
  /** glossary/report.txt */
  text: string;
}

export type CompileResult = { ok: true; glossary: CompiledGlossary } | { ok: false; errors: string[] };

function parseJson(label: string, text: string, errors: string[]): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    errors.push(`${label}: invalid JSON: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}

const preview = (s: string): string => (s.length > 90 ? `"${s.slice(0, 87)}…"` : `"${s}"`);

/** Title, printed date and dateline must agree with the text. */
function checkMeta(meta: ReportMeta, layout: ReportLayout, errors: string[]): void {
  if (meta.title !== layout.title) {
    errors.push(`report title mismatch: report.json title ${preview(meta.title)} but report.txt line 1 is ${preview(layout.title)}`);
  }
  if (meta.displayDate !== layout.dateLine) {
    errors.push(`report date mismatch: report.json displayDate ${preview(meta.displayDate)} but report.txt line 2 is ${preview(layout.dateLine)}`);
  }
  const first = layout.paragraphs[0];
  if (!first) errors.push('report.txt has no body paragraphs (expected title, date, then paragraphs)');
}

interface LocatedHit extends Hit {
  /** 0-based paragraph and sentence. */
  p: number;
  s: number;
}

/** Scans every paragraph, moves hits to full-text offsets, applies context rules across the whole report. */
function findMentions(
  engine: ScanEngine,
  terms: readonly TermInput[],
  matcher: { scan(text: string): Hit[] },
  text: string,
  layout: ReportLayout,
): LocatedHit[] {
  const all: LocatedHit[] = [];
  // The report's title is the heading above every paragraph (window `heading`, as on a page).
  const titleHits = matcher.scan(layout.title).filter((x) => x.entry >= 0);
  const heading = headingCues(terms, layout.title, titleHits);
  const paras = layout.paragraphs.map((para) => {
    const paraText = text.slice(para.span.start, para.span.end);
    return { text: paraText, found: matcher.scan(paraText).filter((x) => x.entry >= 0) };
  });
  const senses = new Map<number, ReturnType<typeof carriedSense>>();
  const senseOf = (k: number) => {
    if (!senses.has(k)) senses.set(k, carriedSense(terms, paras[k]!.text, paras[k]!.found, heading));
    return senses.get(k);
  };
  layout.paragraphs.forEach((para, p) => {
    const { text: paraText, found } = paras[p]!;
    // A shared name with no cue in its paragraph reads as the nearest of the three paragraphs before it read it,
    // else (no cue in the title either) as the nearest of the two after it does: the same order as on a page.
    const { carried, ahead } = paragraphReadings(senseOf, p, paras.length);
    // The same mention-level rules as the page engine (sentence/paragraph windows, shared names): issue 11.
    const before = () => (p > 0 ? new Set(paras[p - 1]!.found.map((x) => x.entry)) : undefined);
    const local = decideLocal(terms, paraText, found, heading, carried, ahead, before);
    for (let k = 0; k < found.length; k++) {
      if (!local[k]!.allowed) continue;
      const h = { ...found[k]!, entry: local[k]!.entry };
      const start = h.start + para.span.start;
      const end = h.end + para.span.start;
      const s = para.sentences.findIndex((sn) => start >= sn.start && start < sn.end);
      all.push({ ...h, start, end, p, s: s < 0 ? 0 : s });
    }
  });
  return engine.filterByContext(terms, all);
}

export function compileWithEngine(files: GlossaryFiles, engine: ScanEngine): CompileResult {
  const errors: string[] = [];
  const entriesJson = parseJson('glossary/entries.json', files.entries, errors);
  const reportJson = parseJson('glossary/report.json', files.report, errors);
  if (errors.length) return { ok: false, errors };

  const source = validateGlossarySource(entriesJson);
  const meta = validateReportMeta(reportJson);
  if (!source.ok) errors.push(...source.errors);
  if (!meta.ok) errors.push(...meta.errors);
  const layout = layoutReport(files.text);
  if (meta.ok) checkMeta(meta.value, layout, errors);
  if (!source.ok || !meta.ok) return { ok: false, errors };

  const entries = source.value.entries;
  const text = files.text;
  const terms = expandTerms(entries);
  const matcher = engine.compile(terms);
  const hits = findMentions(engine, terms, matcher, text, layout);

  const paragraphs: ReportSentence[][] = layout.paragraphs.map((para, p) =>
    para.sentences.map((sn, s) => ({ paragraph: p + 1, sentence: s + 1, start: sn.start, end: sn.end })),
  );
  const compiled = entries.map((e, i) => compileEntry(e, i, entries, hits, paragraphs, text, errors));
  verifyQuotes(compiled, text, paragraphs, errors);
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    glossary: {
      version: 1,
      report: { meta: meta.value, text, paragraphs },
      entries: compiled,
      matcher: matcher.serialize(),
    },
  };
}

function compileEntry(
  e: EntrySource,
  index: number,
  entries: readonly EntrySource[],
  hits: readonly LocatedHit[],
  paragraphs: ReportSentence[][],
  text: string,
  errors: string[],
): CompiledEntry {
  const mine = hits.filter((h) => h.entry === index);
  if (e.background && mine.length > 0) {
    errors.push(`entry ${e.id} is marked background but occurs in the report (${mine.length} mention(s)): remove background`);
  } else if (!e.background && mine.length === 0) {
    errors.push(`entry ${e.id} never occurs in the report (mark it background: true if intended)`);
  }
  // Provenance (issue 12, deliverable 5): a fact from outside the report is shown only with where it comes from.
  if (e.beyondReport !== undefined && !e.beyondSources?.length) {
    errors.push(`entry ${e.id}: beyondReport has no beyondSources: give each outside fact a source (name, https url, date) or cut it`);
  } else if (e.beyondReport === undefined && e.beyondSources?.length) {
    errors.push(`entry ${e.id}: beyondSources without beyondReport: the sources back nothing`);
  }
  const isAnchor = (entry: number): boolean => entries[entry]?.anchorOnly === true;
  const bySentence = new Map<string, LocatedHit[]>();
  for (const h of mine) {
    const key = `${h.p}:${h.s}`;
    const list = bySentence.get(key);
    if (list) list.push(h);
    else bySentence.set(key, [h]);
  }
  const pinnedAt = new Map<string, number>();
  (e.pinnedQuotes ?? []).forEach((q, k) => {
    const where = findSentence(paragraphs, text, q);
    if (where === 'missing') errors.push(`entry ${e.id}: pinned quote not found verbatim: ${preview(q)}`);
    else if (where === 'partial') errors.push(`entry ${e.id}: pinned quote is verbatim but not a whole sentence of the report: ${preview(q)}`);
    else if (!pinnedAt.has(`${where.paragraph - 1}:${where.sentence - 1}`)) pinnedAt.set(`${where.paragraph - 1}:${where.sentence - 1}`, k);
  });
  for (const key of pinnedAt.keys()) if (!bySentence.has(key)) bySentence.set(key, []);

  const firstMention = mine[0];
  const candidates: (RankInput & { quote: Quote })[] = [];
  for (const [key, list] of bySentence) {
    const [p, s] = key.split(':').map(Number) as [number, number];
    const sn = paragraphs[p]![s]!;
    // Anchor places (Pakistan, Afghanistan) are everywhere: they neither lead a sentence nor keep company.
    const inSentence = hits.filter((h) => h.p === p && h.s === s && (h.entry === index || !isAnchor(h.entry)));
    const company = new Set(inSentence.filter((h) => h.entry !== index).map((h) => h.entry)).size;
    candidates.push({
      paragraph: p + 1,
      sentence: s + 1,
      length: sn.end - sn.start,
      leads: inSentence[0]?.entry === index,
      introduces: firstMention !== undefined && firstMention.p === p && firstMention.s === s,
      company,
      pinned: pinnedAt.get(key) ?? -1,
      quote: {
        paragraph: p + 1,
        sentence: s + 1,
        text: text.slice(sn.start, sn.end),
        marks: list.map((h) => [h.start - sn.start, Math.min(h.end, sn.end) - sn.start]),
      },
    });
  }
  const out: CompiledEntry = {
    id: e.id,
    name: e.name,
    ...(e.short !== undefined ? { short: e.short } : {}),
    category: e.category,
    aliases: displayAliases(e),
    definition: e.definition,
    ...(e.beyondReport !== undefined ? { beyondReport: e.beyondReport } : {}),
    ...(e.beyondSources !== undefined ? { beyondSources: e.beyondSources.map((x) => ({ ...x })) } : {}),
    related: [...e.related],
    background: e.background === true,
    anchorOnly: e.anchorOnly === true,
    mentions: mine.length,
    quotes: rankQuotes(candidates).map((c) => c.quote),
  };
  return out;
}

/** Where a pinned quote sits: a whole sentence, verbatim but not a whole sentence, or nowhere. */
function findSentence(
  paragraphs: ReportSentence[][],
  text: string,
  quote: string,
): ReportSentence | 'partial' | 'missing' {
  for (const para of paragraphs) for (const sn of para) if (text.slice(sn.start, sn.end) === quote) return sn;
  return text.includes(quote) ? 'partial' : 'missing';
}

/** Every quote must be the report's text at its sentence's offsets, and every mark inside the quote. */
function verifyQuotes(entries: readonly CompiledEntry[], text: string, paragraphs: ReportSentence[][], errors: string[]): void {
  for (const e of entries) {
    for (const q of e.quotes) {
      const sn = paragraphs[q.paragraph - 1]?.[q.sentence - 1];
      if (!sn || text.slice(sn.start, sn.end) !== q.text) {
        errors.push(`entry ${e.id}: quote p${q.paragraph}s${q.sentence} is not verbatim at its offsets: ${preview(q.text)}`);
        continue;
      }
      for (const [a, b] of q.marks) {
        if (!(a >= 0 && b > a && b <= q.text.length)) errors.push(`entry ${e.id}: mark [${a}, ${b}) outside quote p${q.paragraph}s${q.sentence}`);
      }
    }
  }
}
