/**
 * The page prefilter (issue 13; src/core/prefilter.ts) for the glossary a page would get now: every spelling of the
 * merged glossaries (blocker phrases too: a superset only says "maybe" more often) plus every alias of the user's own
 * entries and overrides. Built when asked after either changed, then reused: content scripts of every frame ask.
 */
import type { CompiledGlossary } from '../core/glossary-types.js';
import { prefilterSource } from '../core/prefilter.js';
import type { UserGlossary } from '../core/user-glossary.js';
import { mergedGlossary } from './glossary-service.js';
import { settingsService } from './settings-service.js';

let cache: { glossary: CompiledGlossary; user: string; source: string | null } | null = null;

function spellings(g: CompiledGlossary, u: UserGlossary): (string | { text: string; exact: boolean })[] {
  // Exact-case acronyms go to the prefilter's case-sensitive arm; the user's aliases stay case-insensitive (more
  // "maybe", never less).
  const out: (string | { text: string; exact: boolean })[] = g.matcher.terms.map((t) => ({ text: t.text, exact: t.caseRule === 'exact' }));
  for (const e of u.own) for (const a of e.aliases) out.push(a.text);
  for (const o of Object.values(u.overrides)) for (const a of o.aliases ?? []) out.push(a.text);
  return out;
}

export async function pagePrefilter(): Promise<{ source: string | null }> {
  const [glossary, snap] = await Promise.all([mergedGlossary(), settingsService.snapshot()]);
  const user = JSON.stringify(snap.userGlossary);
  if (!cache || cache.glossary !== glossary || cache.user !== user) {
    cache = { glossary, user, source: prefilterSource(spellings(glossary, snap.userGlossary)) };
  }
  return { source: cache.source };
}
