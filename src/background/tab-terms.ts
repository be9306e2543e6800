/**
 * The per-tab map of marked terms, as frames report them (`pageTermsChanged`, see the header of protocol.ts).
 * Pure: JSON-safe state (it is mirrored to storage.session) and the functions that change and read it.
 */
import type { PageTerm, TabTerm } from '../shared/protocol.js';

export interface FrameReport {
  /** Distinct terms with their counts in this frame; null when the frame sent only a count. */
  terms: PageTerm[] | null;
  /** Distinct marked terms in this frame. */
  count: number;
  /** Is marking on for this frame's site (null: the frame did not say). */
  active: boolean | null;
  /** The frame's host, from the browser-provided sender URL (never from the payload). */
  host: string | null;
}

export interface TabState {
  /** Keyed by frame id (as a string: the state is JSON). */
  frames: Record<string, FrameReport>;
  /** Frames known before the tab started loading: asked again once it completes (see index.ts). */
  previousFrames: number[];
}

/** Keyed by tab id. */
export type TabMap = Record<string, TabState>;

export interface TabSummary {
  host: string | null;
  active: boolean | null;
  terms: TabTerm[];
  /** Distinct terms over all frames (the badge number). */
  count: number;
}

const emptyTab = (): TabState => ({ frames: {}, previousFrames: [] });

export function setFrame(map: TabMap, tabId: number, frameId: number, report: FrameReport): TabMap {
  const tab = map[tabId] ?? emptyTab();
  return {
    ...map,
    [tabId]: {
      frames: { ...tab.frames, [frameId]: report },
      previousFrames: tab.previousFrames.filter((f) => f !== frameId),
    },
  };
}

/**
 * A frame's answer to our own question (listPageTerms), recorded only when the frame has not reported itself: its
 * reports are newer than an answer that was computed before the frame decided (a reply "inactive" sent before the
 * frame's bootstrap had its snapshot arrived after the frame's prefilter had recorded it active: Firefox, under load).
 */
export function setFrameIfAbsent(map: TabMap, tabId: number, frameId: number, report: FrameReport): TabMap {
  return map[tabId]?.frames[frameId] ? map : setFrame(map, tabId, frameId, report);
}

export function removeFrame(map: TabMap, tabId: number, frameId: number): TabMap {
  const tab = map[tabId];
  if (!tab) return map;
  const frames = { ...tab.frames };
  delete frames[frameId];
  return { ...map, [tabId]: { frames, previousFrames: tab.previousFrames.filter((f) => f !== frameId) } };
}

/** The tab started loading a new page: forget what its frames said, remember which frames to ask again. */
export function startLoading(map: TabMap, tabId: number): TabMap {
  const tab = map[tabId];
  if (!tab) return map;
  const known = Object.keys(tab.frames).map(Number);
  return { ...map, [tabId]: { frames: {}, previousFrames: [...new Set([...tab.previousFrames, ...known])] } };
}

export function takePreviousFrames(map: TabMap, tabId: number): { map: TabMap; frameIds: number[] } {
  const tab = map[tabId];
  if (!tab || tab.previousFrames.length === 0) return { map, frameIds: [] };
  return { map: { ...map, [tabId]: { ...tab, previousFrames: [] } }, frameIds: tab.previousFrames };
}

export function removeTab(map: TabMap, tabId: number): TabMap {
  if (!(tabId in map)) return map;
  const next = { ...map };
  delete next[tabId];
  return next;
}

/** Sums a tab's frames: counts add up, distinct ids are counted once, the top frame (0) decides host and active. */
export function summarize(tab: TabState | undefined): TabSummary {
  const frames = Object.entries(tab?.frames ?? {})
    .map(([id, report]) => ({ frameId: Number(id), report }))
    .sort((a, b) => a.frameId - b.frameId);
  const byId = new Map<string, TabTerm>();
  let uncounted = 0;
  for (const { frameId, report } of frames) {
    if (report.active === false) continue;
    if (!report.terms) {
      uncounted += report.count;
      continue;
    }
    for (const t of report.terms) {
      const seen = byId.get(t.id);
      if (seen) {
        seen.count += t.count;
        seen.frameIds.push(frameId);
      } else byId.set(t.id, { id: t.id, count: t.count, frameIds: [frameId] });
    }
  }
  const top = tab?.frames[0];
  const said = frames.map((f) => f.report.active).filter((a): a is boolean => a !== null);
  return {
    host: top?.host ?? null,
    active: top?.active ?? (said.length === 0 ? null : said.includes(true)),
    terms: [...byId.values()].sort((a, b) => b.count - a.count || a.id.localeCompare(b.id)),
    count: byId.size + uncounted,
  };
}

/** Badge text for a count: empty for none, "999+" past three digits (the badge has room for about four). */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}

function isFrameReport(v: unknown): v is FrameReport {
  if (typeof v !== 'object' || v === null) return false;
  const f = v as Record<string, unknown>;
  return (
    Number.isInteger(f.count) &&
    (f.active === null || typeof f.active === 'boolean') &&
    (f.host === null || typeof f.host === 'string') &&
    (f.terms === null ||
      (Array.isArray(f.terms) &&
        f.terms.every((t: unknown) => typeof (t as PageTerm)?.id === 'string' && Number.isInteger((t as PageTerm)?.count))))
  );
}

/** Storage.session holds the map as JSON; anything else found there is dropped (it is only a cache). */
export function parseTabMap(raw: unknown): TabMap {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const out: TabMap = {};
  for (const [tabId, tab] of Object.entries(raw as Record<string, unknown>)) {
    if (!/^\d+$/.test(tabId) || typeof tab !== 'object' || tab === null) continue;
    const t = tab as Partial<TabState>;
    if (typeof t.frames !== 'object' || t.frames === null || !Array.isArray(t.previousFrames)) continue;
    const frames: Record<string, FrameReport> = {};
    for (const [frameId, f] of Object.entries(t.frames as Record<string, unknown>)) {
      if (/^\d+$/.test(frameId) && isFrameReport(f)) frames[frameId] = f;
    }
    out[tabId] = { frames, previousFrames: t.previousFrames.filter(Number.isSafeInteger) };
  }
  return out;
}
