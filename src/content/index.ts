/**
 * Content script (every frame; each frame scans itself): wires the page engine (src/page/engine.ts) and the card
 * (src/page/card-host.ts, loaded as card.js on the first card: lazy-card.ts) to settings, the user's glossary and
 * messages. Nothing heavy runs before the page is
 * idle, and an ineligible frame (site off, other language, iframes off) stops after reading settings.
 *
 * Page terms: every frame answers `listPageTerms` for itself and reports its own terms with `pageTermsChanged`;
 * the background sums frames by sender.frameId (see src/shared/protocol.ts).
 */
import { loadGlossary } from 'virtual:glossary-lazy';
import { buildRuntimeGlossary, type RuntimeGlossary } from '../core/runtime-glossary.js';
import { DEFAULT_SETTINGS, type Settings, sitePattern } from '../core/settings/schema.js';
import type { UserGlossary } from '../core/user-glossary.js';
import { highlightCss } from '../page/highlight-style.js';
import { createPageEngine, type PageEngine, type PageTerm } from '../page/engine.js';
import { browser } from '../shared/browser.js';
import { handle, sendToBackground } from '../shared/messaging.js';
import {
  loadSettings,
  loadUserGlossary,
  onSettingsChanged,
  onUserGlossaryChanged,
  updateSettings,
} from '../shared/settings-store.js';
import { frameEligible, frameHost } from './eligibility.js';
import { LazyCard } from './lazy-card.js';

const isTop = window === window.top;
const host = frameHost(window);

let settings: Settings = DEFAULT_SETTINGS;
let user: UserGlossary | null = null;
let glossary: RuntimeGlossary | null = null;
let card: LazyCard | null = null;
let engine: PageEngine | null = null;
let active = false;

function runtimeGlossary(): RuntimeGlossary {
  glossary ??= buildRuntimeGlossary(loadGlossary(), user);
  return glossary;
}

function report(terms: PageTerm[]): void {
  sendToBackground('pageTermsChanged', { count: terms.length, terms, active }).catch(() => {
    /* the background may be restarting; it asks again with listPageTerms */
  });
}

/**
 * The card UI bundle, imported on the first card. It is a web-accessible resource (so the page's origin may load it;
 * see SECURITY.md); `import()` of an extension URL from a content script runs the module in our isolated world.
 */
function loadCardModule(): Promise<{ createCard: typeof import('./card-module.js').createCard }> {
  return import(/* @vite-ignore */ browser.runtime.getURL('card.js')) as Promise<{ createCard: typeof import('./card-module.js').createCard }>;
}

function ensureEngine(): PageEngine {
  if (engine) return engine;
  const g = runtimeGlossary();
  card = new LazyCard({
    glossary: g,
    report: loadGlossary().report.meta,
    settings,
    document,
    actions: {
      notThisMeaning: (id) => {
        if (!sitePattern.safeParse(host).success) return;
        void updateSettings((s) =>
          s.meaningRules.some((r) => r.site === host && r.entry === id)
            ? s
            : { ...s, meaningRules: [...s.meaningRules, { site: host, entry: id }] },
        );
      },
      dontMark: (id) => {
        void updateSettings((s) =>
          s.entries.disabled.includes(id) ? s : { ...s, entries: { ...s.entries, disabled: [...s.entries.disabled, id] } },
        );
      },
      openReader: (anchor) => {
        sendToBackground('openReader', { anchor }).catch(() => {});
      },
    },
  }, loadCardModule);
  // extension/marks.css (the manifest's `css`) is this CSS: the default marks need no sheet of ours in the document.
  const presentCss = highlightCss(DEFAULT_SETTINGS.marking.style, DEFAULT_SETTINGS.marking.colors);
  engine = createPageEngine({ root: document, glossary: g, settings, card, site: host, onTermsChanged: report, presentCss });
  return engine;
}

/** Applies eligibility: start, stop or update the engine. */
function apply(): void {
  const eligible = frameEligible(document, settings, isTop, host);
  if (eligible) {
    const e = ensureEngine();
    e.update(settings, runtimeGlossary());
    card?.update(settings, runtimeGlossary());
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
});

// A page restored from the back/forward cache keeps its marks but the background forgot its terms (the tab
// navigated away): report them again so the badge and popup are right.
window.addEventListener('pageshow', (e) => {
  if (e.persisted) report(active && engine ? engine.terms() : []);
});

async function boot(): Promise<void> {
  // Listen before reading, so a change made while we read is not lost.
  let booted = false;
  let settingsSeen = false;
  let userSeen = false;
  onSettingsChanged((s) => {
    settings = s;
    settingsSeen = true;
    if (booted) apply();
  });
  onUserGlossaryChanged((u) => {
    user = u;
    userSeen = true;
    glossary = null;
    if (engine) {
      const g = runtimeGlossary();
      card?.update(settings, g);
      engine.update(settings, g);
    }
  });
  try {
    const [s, u] = await Promise.all([loadSettings(), loadUserGlossary().catch(() => null)]);
    // A change that arrived while we read is newer than what we read.
    if (!settingsSeen) settings = s;
    if (!userSeen) user = u;
  } catch {
    if (!settingsSeen) settings = DEFAULT_SETTINGS;
  }
  booted = true;
  apply();
}

// A frame no setting can make eligible (no site of its own: blank or opaque-origin frames; not an HTML document)
// reads nothing and builds nothing: it only answers listPageTerms (inactive, no terms).
const neverEligible = !host || (document.contentType !== 'text/html' && document.contentType !== 'application/xhtml+xml');

// document_idle already waits for the load; an idle callback keeps our start-up out of the page's busy moments.
const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
if (neverEligible) {
  if (isTop) report([]);
} else if (idle) idle(() => void boot(), { timeout: 500 });
else setTimeout(() => void boot(), 0);
