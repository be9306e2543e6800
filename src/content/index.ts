/**
 * Content script (every frame; each frame scans itself): wires the page engine (src/page/engine.ts) and the card
 * (src/page/card-host.ts, loaded as card.js on the first card: lazy-card.ts) to settings, the user's glossary and
 * messages. Settings and own entries are a snapshot asked from the background (the one writer;
 * src/shared/settings-client.ts), changes are requests to it; the compiled glossary is asked from the background too
 * (`getGlossary`), by eligible frames only. Nothing heavy runs before the page is idle, and an ineligible frame (site
 * off, other language, iframes off) stops after reading settings.
 *
 * Page terms: every frame answers `listPageTerms` for itself and reports its own terms with `pageTermsChanged`;
 * the background sums frames by sender.frameId (see src/shared/protocol.ts).
 */
import { buildRuntimeGlossary, type RuntimeGlossary } from '../core/runtime-glossary.js';
import type { CompiledGlossary } from '../core/glossary-types.js';
import { DEFAULT_SETTINGS, isSitePattern, type Settings } from '../core/settings/schema.js';
import type { UserGlossary } from '../core/user-glossary.js';
import { highlightCss } from '../page/highlight-style.js';
import { createPageEngine, type PageEngine, type PageTerm } from '../page/engine.js';
import { browser } from '../shared/browser.js';
import { t } from '../shared/i18n.js';
import { handle, sendToBackground } from '../shared/messaging.js';
import { onGlossaryChanged } from '../shared/glossary-client.js';
import { loadSnapshot, onSnapshotChanged, requestChange, type Snapshot } from '../shared/settings-client.js';
import { frameEligible, frameHost } from './eligibility.js';
import { LazyCard, type CardModule } from './lazy-card.js';

const isTop = window === window.top;
const host = frameHost(window);

let settings: Settings = DEFAULT_SETTINGS;
let user: UserGlossary | null = null;
let compiled: CompiledGlossary | null = null;
let glossary: RuntimeGlossary | null = null;
let card: LazyCard | null = null;
let engine: PageEngine | null = null;
let active = false;

function runtimeGlossary(c: CompiledGlossary): RuntimeGlossary {
  glossary ??= buildRuntimeGlossary(c, user);
  return glossary;
}

/**
 * The compiled glossary, asked once from the background. Not bundled: it was 84 KB of content.js that every frame of
 * every page parsed, and most frames never mark anything (issue 10: content.js <= 120 KB). The background compiles
 * nothing for this; it hands over what it already holds. One request at a time: applies made while it is on the way
 * are folded into the one `apply` that follows its answer.
 */
let asking = false;
/** The glossaries changed while a request was on the way: its answer is stale, ask again (issue 14). */
let stale = false;
function askGlossary(): void {
  if (asking) return;
  asking = true;
  stale = false;
  sendToBackground('getGlossary', {}).then(
    (r) => {
      asking = false;
      if (stale) return askGlossary();
      compiled = r.glossary;
      glossary = null;
      apply();
    },
    (err: unknown) => {
      asking = false; // the background may be restarting: the next snapshot change asks again
      warn(err);
    },
  );
}

/**
 * The card UI bundle, imported on the first card. It is a web-accessible resource (so the page's origin may load it;
 * see SECURITY.md); `import()` of an extension URL from a content script runs the module in our isolated world.
 */
function loadCardModule(): Promise<CardModule> {
  return import(/* @vite-ignore */ browser.runtime.getURL('card.js')) as Promise<CardModule>;
}

const warn = (err: unknown) => console.warn('[context-glossary]', err);

function report(terms: PageTerm[]): void {
  sendToBackground('pageTermsChanged', { count: terms.length, terms, active }).catch(() => {
    /* the background may be restarting; it asks again with listPageTerms */
  });
}

function ensureEngine(c: CompiledGlossary): PageEngine {
  if (engine) return engine;
  const g = runtimeGlossary(c);
  card = new LazyCard({
    glossary: g,
    report: c.report.meta,
    settings,
    document,
    t,
    actions: {
      // Each returns its undo: the card offers it for a few seconds (issue 12: no silent, irreversible click).
      notThisMeaning: (id) => {
        if (!isSitePattern(host)) return null;
        if (settings.meaningRules.some((r) => r.site === host && r.entry === id)) return null;
        requestChange('notThisMeaning', { site: host, entry: id }).catch(warn);
        return () => void requestChange('notThisMeaning', { site: host, entry: id, undo: true }).catch(warn);
      },
      dontMark: (id) => {
        if (settings.entries.disabled.includes(id)) return null;
        requestChange('dontMark', { entry: id }).catch(warn);
        return () => void requestChange('dontMark', { entry: id, undo: true }).catch(warn);
      },
      openReader: (anchor) => {
        sendToBackground('openReader', { anchor }).catch(() => {});
      },
      shortcuts: () => sendToBackground('getShortcuts', {}).then((r) => r.shortcuts),
    },
  }, loadCardModule);
  // extension/marks.css (the manifest's `css`) is this CSS: the default marks need no sheet of ours in the document.
  const presentCss = highlightCss(DEFAULT_SETTINGS.marking.style, DEFAULT_SETTINGS.marking.colors);
  engine = createPageEngine({ root: document, glossary: g, settings, card, site: host, onTermsChanged: report, presentCss });
  return engine;
}

/** Applies eligibility: start, stop or update the engine (an eligible frame first gets the glossary). */
function apply(): void {
  const eligible = frameEligible(document, settings, isTop, host);
  if (eligible && !compiled) {
    askGlossary();
    return;
  }
  if (eligible && compiled) {
    const e = ensureEngine(compiled);
    e.update(settings, runtimeGlossary(compiled));
    card?.update(settings, runtimeGlossary(compiled));
    if (!active) {
      active = true;
      e.start();
    }
  } else if (active) {
    active = false;
    engine?.stop(); // clears every mark at once
  } else if (isTop) report([]);
}

handle({
  listPageTerms: () => ({ host, active, terms: active && engine ? engine.terms() : [] }),
  revealTerm: ({ id }) => ({ found: active && engine ? engine.reveal(id) : false }),
  openCard: ({ id }) => ({ shown: active && engine ? engine.openCard(id) : false }),
  navigateTerm: ({ direction }) => ({ id: active && engine ? engine.navigate(direction) : null }),
  // "Make a glossary from this page" (issue 14): the page as it is now, read only on that request (top frame only:
  // extension pages send it to frame 0). Readability runs in the extension page, not here.
  ...(isTop ? { getPageHtml: () => ({ html: document.documentElement.outerHTML, url: location.href, title: document.title }) } : {}),
});

// A page restored from the back/forward cache keeps its marks but the background forgot its terms (the tab
// navigated away): report them again so the badge and popup are right.
window.addEventListener('pageshow', (e) => {
  if (e.persisted) report(active && engine ? engine.terms() : []);
});

function useSnapshot(snap: Snapshot): void {
  settings = snap.settings;
  if (JSON.stringify(snap.userGlossary) !== JSON.stringify(user)) {
    user = snap.userGlossary;
    glossary = null;
  }
}

async function boot(): Promise<void> {
  // Listen before asking, so a change made while we ask is not lost (a later snapshot replaces ours).
  let booted = false;
  let changed = false;
  onSnapshotChanged((snap) => {
    changed = true;
    useSnapshot(snap);
    if (booted) apply();
  });
  // A glossary saved, switched on or off or deleted (issue 14): a frame that holds the glossary asks for the new
  // one and its marks follow without a reload; a frame that never asked asks when it becomes eligible.
  onGlossaryChanged(() => {
    if (asking) stale = true;
    else if (compiled) askGlossary();
  });
  try {
    const snap = await loadSnapshot();
    if (!changed) useSnapshot(snap);
  } catch (err) {
    // No background answered (extension reloading): defaults, so the page still gets its marks.
    warn(err);
  }
  booted = true;
  apply();
}

// A frame no setting can make eligible (no site of its own: blank or opaque-origin frames; not an HTML document)
// reads nothing and builds nothing: it only answers listPageTerms (inactive, no terms).
const neverEligible = !host || (document.contentType !== 'text/html' && document.contentType !== 'application/xhtml+xml');

// At document_idle the page is parsed (Chromium: at `load`, or 200 ms after DOMContentLoaded at the latest). Boot at
// once: the snapshot and glossary are round trips that leave the main thread free, and the scan itself runs in
// short slices. (An idle callback here held the first marked frame back by up to its 500 ms timeout on a page
// still laying out: 400-1,400 ms after DOMContentLoaded on the 1 MB wiki row, issue 13.)
if (neverEligible) {
  if (isTop) report([]);
} else void boot();
