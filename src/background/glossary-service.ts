/**
 * The background's side of the made glossaries (issue 14): answers the glossary requests of protocol.ts, is the
 * only writer of the glossary database (glossary-db.ts), and keeps the merged glossary every page uses: the bundled
 * glossary and the enabled made ones, merged into one compiled glossary with one matcher
 * (src/core/glossary-store-merge.ts) when they change, never per page.
 *
 * Contexts learn of a change by a ping in storage.local (`GLOSSARY_REVISION_KEY`), the same "changed, ask again"
 * pattern as settings (protocol.ts header): it reaches every frame without enumerating tabs.
 */
import glossary from 'virtual:glossary';
import { browser } from '../shared/browser.js';
import { GLOSSARY_REVISION_KEY } from '../shared/glossary-client.js';
import type { HandlerMap } from '../shared/messaging.js';
import {
  compileDraftLenient,
  newGlossaryId,
  summarize,
} from '../core/glossary-store.js';
import { BUNDLED_ID, type GlossaryDraft, type GlossarySummary, type StoredGlossary } from '../core/glossary-draft.js';
import { mergeGlossaries, type MergeInput } from '../core/glossary-store-merge.js';
import type { CompiledGlossary } from '../core/glossary-types.js';
import { Matcher } from '../core/matcher/index.js';
import { entryDetails, pageGlossaryJson, type EntryDetails } from '../core/page-glossary.js';
import { allGlossaries, bundledEnabled, deleteGlossaryRecord, getGlossaryRecord, putGlossary, setBundledEnabled } from './glossary-db.js';

const EMPTY: CompiledGlossary = { ...glossary, entries: [], matcher: Matcher.compile([]).serialize() };

let merged: Promise<CompiledGlossary> | null = null;
const listeners: ((g: CompiledGlossary) => void)[] = [];

/** Newest report first (undated last), then the most recently made. */
const newestFirst = (a: StoredGlossary, b: StoredGlossary) =>
  (b.meta.date || '0').localeCompare(a.meta.date || '0') || b.createdAt.localeCompare(a.createdAt);

async function buildMerged(): Promise<CompiledGlossary> {
  const inputs: MergeInput[] = [];
  if (await bundledEnabled()) inputs.push({ id: BUNDLED_ID, title: glossary.report.meta.title, date: glossary.report.meta.date, compiled: glossary });
  const stored = (await allGlossaries()).filter((g) => g.enabled).sort(newestFirst);
  for (const g of stored) inputs.push({ id: g.id, title: g.meta.title, date: g.meta.date, compiled: g.compiled });
  return mergeGlossaries(inputs) ?? EMPTY;
}

/** The glossary pages use: bundled + enabled made glossaries, merged once per change. */
export function mergedGlossary(): Promise<CompiledGlossary> {
  merged ??= buildMerged().then((g) => {
    for (const l of listeners) l(g);
    return g;
  });
  return merged;
}

/** What is made once per merged glossary, not per frame that asks: the JSON texts and the id index of details. */
interface Derived {
  glossary: CompiledGlossary;
  pageJson?: string;
  fullJson?: string;
  indexById?: Map<string, number>;
}
let derived: Derived | null = null;

async function derive(): Promise<Derived> {
  const g = await mergedGlossary();
  if (derived?.glossary !== g) derived = { glossary: g };
  return derived;
}

/**
 * The page glossary (src/core/page-glossary.ts: what marking needs, no card text) as the JSON text getGlossary
 * sends: made once per change, not per frame that asks.
 */
export async function pageJson(): Promise<string> {
  const d = await derive();
  return (d.pageJson ??= pageGlossaryJson(d.glossary));
}

/** The whole merged glossary as JSON text (getFullGlossary: the popup's search and cards). */
export async function fullGlossaryJson(): Promise<string> {
  const d = await derive();
  return (d.fullJson ??= JSON.stringify(d.glossary));
}

/** getEntryDetails: the card text of entries of the merged glossary (ids it does not have are left out). */
export async function getEntryDetails({ ids }: { ids: string[] }): Promise<{ entries: EntryDetails[] }> {
  const d = await derive();
  d.indexById ??= new Map(d.glossary.entries.map((e, i) => [e.id, i]));
  return { entries: entryDetails(d.glossary.entries, d.indexById, ids) };
}

/** Called with every newly merged glossary (the context-menu search index follows it). */
export function onMergedGlossary(listener: (g: CompiledGlossary) => void): void {
  listeners.push(listener);
}

let lastRevision = 0;

async function changed(): Promise<void> {
  merged = null;
  await mergedGlossary();
  // Never the same value twice: two changes in one millisecond (two switches clicked quickly) wrote equal pings,
  // storage fires no onChanged for an unchanged value, and a tab kept the glossary of the first change.
  lastRevision = Math.max(Date.now(), lastRevision + 1);
  await browser.storage.local.set({ [GLOSSARY_REVISION_KEY]: lastRevision });
}

async function listGlossaries(): Promise<{ glossaries: GlossarySummary[] }> {
  const m = glossary.report.meta;
  const bundled: GlossarySummary = {
    id: BUNDLED_ID,
    title: m.title,
    date: m.date,
    publisher: m.dateline,
    source: m.sourceFile,
    enabled: await bundledEnabled(),
    entries: glossary.entries.length,
    builtIn: true,
  };
  const stored = (await allGlossaries()).sort(newestFirst).map(summarize);
  return { glossaries: [bundled, ...stored] };
}

async function saveGlossary({ draft }: { draft: GlossaryDraft }) {
  const { result, dropped } = compileDraftLenient(draft);
  if (!result.ok) return { ok: false as const, errors: result.errors.slice(0, 50) };
  const id = newGlossaryId(crypto.getRandomValues(new Uint8Array(10)));
  const kept = new Set(result.glossary.entries.map((e) => e.id));
  const record: StoredGlossary = {
    id,
    meta: draft.meta,
    paragraphs: draft.paragraphs,
    ...(draft.pages ? { pages: draft.pages } : {}),
    entries: draft.entries.filter((e) => kept.has(e.id)),
    enabled: true,
    createdAt: new Date().toISOString(),
    compiled: result.glossary,
  };
  await putGlossary(record);
  await changed();
  return { ok: true as const, id, dropped };
}

async function setGlossaryEnabled({ id, enabled }: { id: string; enabled: boolean }) {
  if (id === BUNDLED_ID) await setBundledEnabled(enabled);
  else {
    const g = await getGlossaryRecord(id);
    if (!g) throw new Error(`no glossary ${id}`);
    await putGlossary({ ...g, enabled });
  }
  await changed();
  return { ok: true as const };
}

async function deleteGlossary({ id }: { id: string }) {
  await deleteGlossaryRecord(id);
  await changed();
  return { ok: true as const };
}

async function getStoredGlossary({ id }: { id: string }) {
  return { glossary: (await getGlossaryRecord(id)) ?? null };
}

export const glossaryHandlers: HandlerMap = {
  listGlossaries,
  saveGlossary,
  setGlossaryEnabled,
  deleteGlossary,
  getStoredGlossary,
};
