/**
 * Reviewed candidates -> glossary entries (the source form the compiler reads), issue 14 deliverable 3.
 *
 * - ids: kebab-case from the name, unique (`-2`, `-3`…), never `own-…` (reserved for the user's own entries);
 * - a spelling already claimed by an earlier accepted entry (hyphen variants included, as the compiler checks) is
 *   dropped from the later one; an entry whose name is claimed is left out (the review page merges instead);
 * - context: an alias flagged as ordinary English (or a bare surname) needs its entry named on the page (an alias's
 *   `requires` may name its own entry, issue 11); an entry's `requires` names the accepted entries it needs, and an
 *   ordinary-English entry whose context entries were all rejected is left out rather than marked everywhere
 *   (a wrong card is worse than no mark);
 * - the definition drafted from the report's defining sentence, verbatim in quotation marks (the report's words).
 * Pure.
 */
import { spellingForms } from './glossary-schema.js';
import type { AliasSource, Category, EntrySource } from './glossary-types.js';
import type { CaseRule } from './matcher/types.js';

/** One accepted candidate as the review page holds it. */
export interface ReviewedTerm {
  name: string;
  aliases: { text: string; case: CaseRule; requires?: boolean }[];
  category: Category;
  /** Names of other candidates of which one must be on the page (ordinary-English terms). */
  requires: string[];
  definition: string;
  /** Verbatim sentences of the report that mention it. */
  sentences: string[];
}

const DEFINITION_MAX = 600;

/** The report's own words for a term: its first sentence that names it and fits, in quotation marks. */
export function draftDefinition(name: string, sentences: readonly string[]): string {
  const lower = name.toLowerCase();
  const fits = (s: string) => s.length + 2 <= DEFINITION_MAX && !/[<>\u0000-\u001f]/.test(s);
  const pick = sentences.find((s) => fits(s) && s.toLowerCase().includes(lower)) ?? sentences.find(fits);
  return pick ? `\u201c${pick.trim()}\u201d` : `${name} (named in the report).`;
}

function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return !s || s.startsWith('own-') || s === 'own' ? `term-${s || 'x'}`.replace(/-+$/, '') : s;
}

/** Plain one-line text as the glossary schema wants it (no markup characters, no control characters). */
const plain = (s: string, max: number): string => s.replace(/[<>\u0000-\u001f\u007f\u2028\u2029]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, max);

export function termsToEntries(terms: readonly ReviewedTerm[]): EntrySource[] {
  const claimed = new Set<string>();
  const usedIds = new Set<string>();
  const byName = new Map<string, string>();
  const kept: { t: ReviewedTerm; id: string; aliases: { text: string; case: CaseRule; requires?: boolean }[] }[] = [];
  for (const t of terms) {
    const name = plain(t.name, 120);
    if (!name || !/[\p{L}\p{N}]/u.test(name)) continue;
    const all = [{ text: name, case: t.aliases.find((a) => a.text === t.name)?.case ?? 'proper' }, ...t.aliases.filter((a) => a.text !== t.name)];
    const seen = new Set<string>();
    const aliases: typeof all = [];
    for (const a of all) {
      const text = plain(a.text, 120);
      if (!text || !/[\p{L}\p{N}]/u.test(text)) continue;
      const forms = spellingForms(text);
      if (forms.some((f) => claimed.has(f) || seen.has(f))) continue;
      forms.forEach((f) => seen.add(f));
      aliases.push({ ...a, text });
    }
    if (aliases[0]?.text !== name) continue; // the name itself is another entry's: merge on the review page instead
    seen.forEach((f) => claimed.add(f));
    let id = slug(name);
    for (let n = 2; usedIds.has(id); n++) id = `${slug(name).slice(0, 56)}-${n}`;
    usedIds.add(id);
    byName.set(t.name, id);
    kept.push({ t, id, aliases: aliases.slice(0, 40) });
  }
  const out: EntrySource[] = [];
  for (const { t, id, aliases } of kept) {
    const requires = [...new Set(t.requires.map((n) => byName.get(n)).filter((x): x is string => x !== undefined && x !== id))].slice(0, 30);
    if (t.requires.length > 0 && requires.length === 0) continue;
    const sources: AliasSource[] = aliases.map((a) => {
      const src: AliasSource = { text: a.text, case: a.case };
      // A surname or ordinary word alone counts once the page names the entry another way (its full name).
      if (a.requires && aliases.length > 1 && a.text !== aliases[0]!.text && requires.length === 0) src.requires = [id];
      return src;
    });
    const entry: EntrySource = {
      id,
      name: aliases[0]!.text,
      category: t.category,
      aliases: sources,
      definition: plain(t.definition, DEFINITION_MAX) || `${aliases[0]!.text} (named in the report).`,
      related: [],
    };
    if (requires.length) entry.requires = requires;
    out.push(entry);
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
