/**
 * `getGlossary` with the page's text (issue 14): the glossary of the entries that text may name
 * (src/core/page-subset.ts), so a page's matcher scales with its own terms, not with the number of glossaries
 * enabled. Asked again with the text a page adds and the entries it `has`: an empty answer when that text names
 * nothing new, else the widened glossary. The presence index is built once per merged glossary; the subsets of the
 * last few distinct entry sets are kept (most pages of a site name the same few).
 */
import type { CompiledGlossary } from '../core/glossary-types.js';
import { pageGlossaryJson } from '../core/page-glossary.js';
import { entriesIn, presenceIndex, subsetGlossary, type PresenceIndex } from '../core/page-subset.js';
import type { UserGlossary } from '../core/user-glossary.js';
import { mergedGlossary } from './glossary-service.js';
import { settingsService } from './settings-service.js';

let index: { glossary: CompiledGlossary; index: PresenceIndex; indexById: Map<string, number> } | null = null;
const KEPT = 16;
let subsets = new Map<string, string>();

/** Entries the user's own data changes (always kept with their terms: their spellings may be the user's) and those
 *  it points at (kept without terms). */
function userIds(u: UserGlossary): { overridden: string[]; pointed: string[] } {
  const pointed: string[] = [];
  for (const e of u.own) {
    pointed.push(...(e.requires ?? []));
    for (const a of e.aliases) pointed.push(...(a.requires ?? []));
  }
  for (const o of Object.values(u.overrides)) {
    pointed.push(...(o.requires ?? []));
    for (const a of o.aliases ?? []) pointed.push(...(a.requires ?? []));
  }
  return { overridden: Object.keys(u.overrides), pointed };
}

/** The page glossary JSON for `text` ('' when `have` is given and the text names no entry outside it). */
export async function pageSubsetJson(text: string, have?: readonly string[]): Promise<{ json: string; partial: true }> {
  const [glossary, snap] = await Promise.all([mergedGlossary(), settingsService.snapshot()]);
  if (index?.glossary !== glossary) {
    index = { glossary, index: presenceIndex(glossary.matcher.terms), indexById: new Map(glossary.entries.map((e, i) => [e.id, i])) };
    subsets = new Map();
  }
  const found = entriesIn(index.index, glossary.matcher.terms, text);
  const { overridden, pointed } = userIds(snap.userGlossary);
  const keep = new Set(found);
  for (const id of [...overridden, ...(have ?? [])]) {
    const i = index.indexById.get(id);
    if (i !== undefined) keep.add(i);
  }
  if (have) {
    const had = new Set(have);
    if ([...found].every((i) => had.has(glossary.entries[i]!.id))) return { json: '', partial: true };
  }
  const key = `${[...keep].sort((a, b) => a - b).join(',')}|${pointed.join(',')}`;
  let json = subsets.get(key);
  if (json === undefined) {
    json = pageGlossaryJson(subsetGlossary(glossary, keep, pointed));
    if (subsets.size >= KEPT) subsets.delete(subsets.keys().next().value!);
    subsets.set(key, json);
  }
  return { json, partial: true };
}
