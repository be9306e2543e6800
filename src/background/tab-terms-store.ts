/**
 * The background's one copy of the per-tab term map (tab-terms.ts), mirrored to `storage.session`: Chrome stops
 * an idle service worker after ~30 s (and Firefox unloads an idle event page), and the popup may open minutes
 * after the page reported. Every change goes through `change`, which serializes updates and writes the mirror.
 */
import { browser } from '../shared/browser.js';
import { parseTabMap, type TabMap } from './tab-terms.js';

const SESSION_KEY = 'bg_pageTerms';

type SessionArea = { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };

/** storage.session (Chrome 102+, Firefox 115+); null where missing: the map then lives in memory only. */
function sessionArea(): SessionArea | null {
  const storage = browser.storage as unknown as { session?: SessionArea };
  return storage.session ?? null;
}

let map: TabMap = {};
let queue: Promise<unknown> = (async () => {
  const area = sessionArea();
  if (!area) return;
  try {
    const stored = await area.get(SESSION_KEY);
    // Reports that arrived while we were loading win over the stored copy; tabs closed while the worker was
    // stopped (their onRemoved went unheard) are dropped.
    const open = new Set((await browser.tabs.query({})).map((t) => String(t.id)));
    const restored = Object.fromEntries(Object.entries(parseTabMap(stored[SESSION_KEY])).filter(([id]) => open.has(id)));
    map = { ...restored, ...map };
  } catch (err) {
    console.warn('[context-glossary] could not read the session copy of page terms', err);
  }
})();

let writeTimer: ReturnType<typeof setTimeout> | null = null;
function scheduleWrite(): void {
  const area = sessionArea();
  if (!area || writeTimer !== null) return;
  writeTimer = setTimeout(() => {
    writeTimer = null;
    area.set({ [SESSION_KEY]: map }).catch((err: unknown) => console.warn('[context-glossary] session write failed', err));
  }, 50);
}

/** Applies `fn` to the map after earlier changes (and the initial load) and returns what `fn` returned. */
export function change<R>(fn: (m: TabMap) => { map: TabMap; result: R }): Promise<R> {
  const run = queue.then(() => {
    const out = fn(map);
    if (out.map !== map) {
      map = out.map;
      scheduleWrite();
    }
    return out.result;
  });
  queue = run.catch(() => undefined);
  return run;
}

/** The map once earlier changes have landed. */
export function read(): Promise<TabMap> {
  return change((m) => ({ map: m, result: m }));
}
