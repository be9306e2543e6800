/**
 * Glossaries made from the reader's own reports (issue 14): their shape, their validation on receipt, and their
 * compilation with the very compiler of the bundled glossary (src/core/glossary-compiler), so a made glossary is
 * checked exactly as `glossary/` is at build time (every alias found in the report, no spelling claimed twice,
 * pinned quotes verbatim).
 *
 * A draft is what the make/review page sends and what an export file carries: the report's metadata, its text as
 * paragraphs, and entries in the source form (`EntrySource`). The background stores it with its compiled form
 * (src/background/glossary-db.ts). Pure: no DOM, browser or node.
 */
import { compileGlossary, type CompileResult } from './glossary-compiler/index.js';
import { draftProblems, type GlossaryDraft, type GlossarySummary, type StoredGlossary } from './glossary-draft.js';

/** The printed date line of the report text the compiler reads (line 2): the ISO date, or a dash when unknown. */
const dateLine = (date: string): string => date || '—';

/** A draft as the compiler's three files: title line, date line, then paragraphs. */
function draftFiles(d: GlossaryDraft): { entries: string; report: string; text: string } {
  const title = d.meta.title.replace(/[<>]/g, '').trim() || 'Untitled report';
  const report = {
    title,
    date: d.meta.date || '1970-01-01',
    displayDate: dateLine(d.meta.date),
    dateline: d.meta.publisher.replace(/[<>]/g, '').trim().slice(0, 80) || 'Unknown',
    language: 'en',
    sourceFile: (d.meta.source.replace(/[<>\s]/g, '') || 'pasted text').slice(0, 200),
    publisher: d.meta.publisher.replace(/[<>]/g, '').trim().slice(0, 200) || 'Not named',
    textSource: `Made in the extension from ${(d.meta.source.replace(/[<>\s]/g, '') || 'pasted text').slice(0, 200)}`,
  };
  return {
    entries: JSON.stringify({ version: 1, entries: d.entries }),
    report: JSON.stringify(report),
    text: [title, report.displayDate, ...d.paragraphs.map((p) => p.replace(/\t/g, ' '))].join('\n'),
  };
}

/** Validates and compiles a draft; every problem listed (metadata first, then the compiler's). */
export function compileDraft(raw: unknown): CompileResult {
  const problems = draftProblems(raw);
  if (problems.length) return { ok: false, errors: problems };
  const draft = raw as GlossaryDraft;
  const result = compileGlossary(draftFiles(draft));
  return result.ok && draft.pages ? withPages(result, draft.pages) : result;
}

/**
 * A PDF report's page numbers on its compiled form: the report keeps one per body paragraph (the reader's page
 * markers) and every quote its paragraph's (the card's "p. 4"). The compiler's body paragraphs are the draft's, one
 * for one (draftProblems refuses empty ones); should that ever not hold, no page is better than a wrong one.
 */
function withPages(result: CompileResult & { ok: true }, pages: readonly number[]): CompileResult {
  const g = result.glossary;
  if (g.report.paragraphs.length !== pages.length) return result;
  const entries = g.entries.map((e) => ({ ...e, quotes: e.quotes.map((q) => (pages[q.paragraph - 1] ? { ...q, page: pages[q.paragraph - 1]! } : q)) }));
  return { ...result, glossary: { ...g, report: { ...g.report, pages: [...pages] }, entries } };
}

export function summarize(g: StoredGlossary): GlossarySummary {
  return { id: g.id, ...g.meta, enabled: g.enabled, entries: g.entries.length, builtIn: false };
}

/** A new stored id from random bytes (the caller passes them: core has no crypto). */
export function newGlossaryId(random: Uint8Array): string {
  let s = 'g';
  for (const b of random.slice(0, 10)) s += (b % 36).toString(36);
  return s;
}

/**
 * Compiles a draft, leaving out the entries the compiler finds nowhere in the report (a case or context rule the
 * review produced that the report never meets): the rest of a reviewed glossary should not be lost to one entry.
 * Any other problem fails the whole draft.
 */
export function compileDraftLenient(draft: GlossaryDraft): { result: CompileResult; dropped: string[] } {
  const dropped: string[] = [];
  let current = draft;
  for (let round = 0; round < 3; round++) {
    const result = compileDraft(current);
    if (result.ok) return { result, dropped };
    const missing = result.errors.map((e) => /^entry (\S+) never occurs in the report/.exec(e)?.[1]);
    if (missing.some((m) => m === undefined)) return { result, dropped };
    const gone = new Set(missing as string[]);
    dropped.push(...gone);
    const entries = current.entries
      .filter((e) => !gone.has(e.id))
      .map((e) => {
        const keep = (ids: string[] | undefined) => ids?.filter((id) => !gone.has(id));
        const out = { ...e, related: e.related.filter((id) => !gone.has(id)), aliases: e.aliases.map((a) => (a.requires ? { ...a, requires: keep(a.requires)! } : a)) };
        if (e.requires) out.requires = keep(e.requires)!;
        return out;
      })
      .filter((e) => !e.requires || e.requires.length > 0);
    current = { ...current, entries };
  }
  return { result: compileDraft(current), dropped };
}
