/**
 * The page prefilter (issue 13; src/core/prefilter.ts) for the glossary a page would get now: every spelling of the
 * merged glossaries (blocker phrases too: a superset only says "maybe" more often) plus every alias of the user's own
 * entries and overrides. Built when asked after either changed, then reused; run here on the text each frame sends
 * (`testPrefilter`). Here and not in the page: V8 compiles a RegExp per process (and per string encoding) on first
 * use, 8-9 ms of every page load's main thread in the page (a sampling profile of the nothing-to-mark bench rows,
 * tools/bench/outside-profile.ts); the background compiles it once and keeps it, and sending the text costs the page
 * a JSON copy of a string it reads anyway.
 */
import type { CompiledGlossary } from '../core/glossary-types.js';
import { compilePrefilter, prefilterSource } from '../core/prefilter.js';
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

async function pagePrefilter(): Promise<{ source: string | null }> {
  const [glossary, snap] = await Promise.all([mergedGlossary(), settingsService.snapshot()]);
  const user = JSON.stringify(snap.userGlossary);
  if (!cache || cache.glossary !== glossary || cache.user !== user) {
    cache = { glossary, user, source: prefilterSource(spellings(glossary, snap.userGlossary)) };
  }
  return { source: cache.source };
}

/** The compiled prefilter of the last source (one per background: every frame's text runs through it). */
let tester: { source: string; test: (text: string) => boolean } | null = null;

/** May `text` hold a term of the glossary a page gets now? True too when it cannot be prefiltered. */
async function mayHold(text: string): Promise<boolean> {
  const { source } = await pagePrefilter();
  if (source === null) return true;
  if (tester?.source !== source) {
    try {
      tester = { source, test: compilePrefilter(source) };
    } catch (err) {
      // A source that does not compile: every page loads the engine rather than lose marks it would show.
      console.warn('[context-glossary] prefilter', err);
      return true;
    }
  }
  return tester.test(text);
}

/**
 * `testPrefilter`. With `glossary` (the frame's whole text), a "maybe" carries the page glossary for that text
 * (`subset`: getGlossary's answer, page-subset.ts): the frame then asks no getGlossary (issue 13: on a quiet Frontier
 * load that second round trip and the second copy of the text came between the prefilter's reply and the first mark).
 */
export async function testPagePrefilter(
  { text, glossary }: { text: string; glossary?: true },
  subset: (text: string) => Promise<{ json: string; partial?: boolean }>,
): Promise<{ maybe: boolean; glossary?: { json: string; partial?: boolean } }> {
  if (!(await mayHold(text))) return { maybe: false };
  return glossary === true ? { maybe: true, glossary: await subset(text) } : { maybe: true };
}
