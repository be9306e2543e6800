/**
 * Content script (every frame; each frame scans itself) — the bootstrap every frame of every page pays for (issue
 * 13, deliverable 2). It asks the background (the one writer) for its frame's boot state (`getBootState`: is the
 * site on for this frame, which languages, a key of the own entries; src/shared/protocol-bootstrap.ts), decides
 * eligibility (site off, other language, iframes off: stop there), then
 * asks the background's prefilter about the page's raw text (`testPrefilter`, src/content/page-prefilter.ts). Only
 * when that may hit — now, or after a DOM change — does it import the engine (`engine.js`:
 * src/content/engine-entry.ts, the page engine, the glossary asked with `getGlossary`, and the card on first use)
 * and ask for the whole settings snapshot the engine marks with (validated with engine.js's validator: the settings
 * validators are not in content.js). A page with nothing to mark costs one boot state, one read of its text and one
 * question to the background (whose "no" also records the frame as marking nothing: no further message).
 *
 * Page terms: every frame answers `listPageTerms` for itself and reports its own terms with `pageTermsChanged`;
 * the background sums frames by sender.frameId (see src/shared/protocol.ts).
 */
import { DEFAULT_SETTINGS } from '../core/settings/schema.js';
import type { Snapshot } from '../core/settings/settings-service.js';
import { emptyUserGlossary } from '../core/user-glossary.js';
import { BadReplyError, type BootState, isBootStateReply, isPrefilterReply, MAX_PAGE_TEXT } from '../shared/protocol-bootstrap.js';
import { askWithRetries, refresher } from '../shared/snapshot-requests.js';
import type { PageTerm } from '../page/engine.js';
import type { ContentEngine } from './engine-entry.js';
import { frameEligible, frameHost } from './eligibility.js';
import { createTransport, nativeApi } from './native-transport.js';
import { watchPage, type PageWatch } from './page-prefilter.js';
import { earlyLookText } from './early-look.js';
import { pageText } from './page-text.js';
import { remainderAfter } from './text-remainder.js';
import { squeezeSpace } from './text-squeeze.js';

// Not src/shared/messaging.ts: native-transport.ts says why the bootstrap has its own thin transport.
const transport = createTransport(nativeApi());

const isTop = window === window.top;
const host = frameHost(window);

const loadBoot = () => askWithRetries(() => transport.ask('getBootState', { host, top: isTop }, isBootStateReply));

/** No background answered (extension reloading): the defaults' answer, so the page still gets its marks. */
let boot: BootState = { on: true, languages: DEFAULT_SETTINGS.sites.languages, user: '' };
/** The whole snapshot the engine marks with: asked only once the engine is wanted (and again after each change). */
let snap: Snapshot | null = null;
const DEFAULT_SNAPSHOT = (): Snapshot => ({ settings: DEFAULT_SETTINGS, userGlossary: emptyUserGlossary() });
let eligible = false;
let engine: ContentEngine | null = null;
let loading = false;
let watch: PageWatch | null = null;
/** The user glossary the current watch was asked for (own entries change what may hit). */
let watchedUser = '';
/**
 * The glossary asked together with the engine's import (its answer is on the way while engine.js compiles): the raw
 * reply, validated by engine.js (protocol.ts's getGlossary validator) before any use.
 */
let earlyGlossary: Promise<unknown> | null = null;
/** The page text that request carried: its answer is the glossary of the entries this text may name (issue 14). */
let earlyText: string | null = null;

const warn = (err: unknown) => console.warn('[context-glossary]', err);

function report(active: boolean, terms: PageTerm[] = []): void {
  transport.tell('pageTermsChanged', { count: terms.length, terms, active }).catch(() => {
    /* the background may be restarting; it asks again with listPageTerms */
  });
}

type EngineModule = typeof import('./engine-entry.js');
let engineModule: Promise<EngineModule> | null = null;
let engineSnap: Promise<Snapshot> | null = null;

/**
 * The whole settings snapshot (`getSnapshot`), asked while engine.js loads and validated with its validator
 * (src/shared/snapshot-reply.ts); retried as the boot state is.
 */
function loadSnapshot(mod: Promise<EngineModule>): Promise<Snapshot> {
  return askWithRetries(async () => {
    const raw = await transport.tell('getSnapshot', {});
    if (raw === null || raw === undefined) return null;
    if (!(await mod).isSnapshotReply(raw)) throw new BadReplyError('getSnapshot');
    return raw as Snapshot;
  });
}

/**
 * Starts importing engine.js (a web-accessible ES module beside card.js, Chrome: use_dynamic_url; it runs in our
 * isolated world), once, with the glossary request beside it: its round trip overlaps the module's fetch and compile.
 */
function fetchEngine(readText: () => string): Promise<EngineModule> {
  if (!earlyGlossary) {
    const text = readText();
    // With the text: the glossary of the entries it may name, widened by the engine as the page adds text.
    earlyText = text.length <= MAX_PAGE_TEXT ? text : null;
    earlyGlossary = transport.tell('getGlossary', earlyText === null ? {} : { text: squeezeSpace(earlyText) });
    earlyGlossary.catch(() => {
      /* the engine asks again (its own error path) */
    });
  }
  if (!engineModule) {
    engineModule = import(/* @vite-ignore */ transport.url('engine.js')) as Promise<EngineModule>;
    // The snapshot the engine marks with, asked beside its import (the round trip overlaps the module's fetch and
    // compile). No background answered: defaults, so the page still gets its marks (as with no boot state).
    engineSnap = loadSnapshot(engineModule).catch((err: unknown) => {
      warn(err);
      return DEFAULT_SNAPSHOT();
    });
  }
  return engineModule;
}

/**
 * The longest whole text whose question asks for the glossary too. The background makes that glossary before it
 * answers, so engine.js's import waits for it instead of overlapping it. Paired first marked frame without this
 * limit: Frontier (40 KB) -4.6 ms, Times of India (460 KB page) -7.6 ms, gen-1mb-real -27.1 ms, but wiki×80 (~0.5 MB
 * of text) +20.5 and +9.6 ms (its noise is as large: with the limit, the old path, -68.8 and -22.1): kept off for
 * large texts until wiki×80 is measured better.
 */
const MAX_GLOSSARY_TEXT = 256 * 1024;

/**
 * May `text` hold a term of the glossary this page gets? Asked of the background, where the prefilter's RegExp is
 * compiled once (src/background/page-prefilter.ts says why). A failed question rejects (the caller loads the engine).
 * `withGlossary`: `text` is the frame's whole text, and the answer's glossary is used while this says so.
 */
async function mayHold(text: string, withGlossary: (() => boolean) | null = null): Promise<boolean> {
  if (text.length > MAX_PAGE_TEXT) return true;
  if (withGlossary && text.length > MAX_GLOSSARY_TEXT) {
    // A longer text is asked in two parts, each crossing once (issue 13: wiki×80's ~0.5 M characters crossed twice,
    // asked here, then again with the engine's glossary question; `tell` was ~22 ms sampled): its head with the
    // glossary; on "maybe" the engine's watch asks for the glossary of the rest (the head is the text its glossary was
    // made from: remainderAfter), else the rest here (from OVERLAP before the head's end: a spelling across the cut).
    const head = text.slice(0, MAX_GLOSSARY_TEXT);
    if (await mayHold(head, withGlossary)) return true;
    return mayHold(remainderAfter(text, head));
  }
  // `active`: a "no" also tells the background this frame is eligible and marks nothing (no pageTermsChanged after).
  // The text squeezed (text-squeeze.ts: the same answer and glossary, fewer characters copied into the message).
  const sent = squeezeSpace(text);
  const reply = await transport.ask('testPrefilter', withGlossary ? { text: sent, active: true, glossary: true } : { text: sent, active: true }, isPrefilterReply);
  // Its "maybe" carries the page glossary for `text` (the frame's whole text): the engine's pending glossary, as
  // fetchEngine's getGlossary would be (no second question, no second copy of the text; issue 13), unless the
  // question was overtaken meanwhile (a glossary or own-entries change, a new watch: withGlossary says).
  if (reply?.glossary && withGlossary?.() && !earlyGlossary && !engineModule) {
    earlyGlossary = Promise.resolve(reply.glossary);
    earlyText = text;
  }
  return reply?.maybe ?? true;
}

/**
 * The early look's question: the body text it asked about, for which user glossary, and its answer (rejects when
 * none came). prefilter() then asks only about what followed that text (text-remainder.ts), once.
 */
let early: { text: string; user: string; maybe: Promise<boolean> } | null = null;
/** Glossary changes seen (stateChanged): a glossary asked before the last one is not used. */
let glossaries = 0;

/**
 * While a large page is still being parsed (its body text parsed so far is already long: early-look.ts; a small
 * page is asked about once, at DOMContentLoaded): when that text may hold a term, start fetching the engine now
 * so it is compiled by DOMContentLoaded (measured on the 1 MB wiki×80 page: engine.js asked at DOMContentLoaded
 * arrived only after `load`, 250-1,750 ms later, behind the page's own layout). The engine still starts from apply()
 * after DOMContentLoaded (at once when this said "maybe"); a "no" here covers the text asked about, so prefilter()
 * asks only about the rest.
 */
function earlyLook(): void {
  if (engineModule || !frameEligible(document, boot, host)) return;
  const text = earlyLookText(document);
  if (text === null) return;
  // With the glossary for this text: the engine's fetch below then asks none (the text crossed twice before, issue
  // 13). Used while no glossary change came since (the engine's watch asks for what the page added after it).
  const gen = glossaries;
  const maybe = mayHold(text, () => gen === glossaries);
  early = { text, user: boot.user, maybe };
  maybe.then(
    (hit) => {
      if (hit && !engineModule) void fetchEngine(() => text).catch(() => undefined);
    },
    () => undefined,
  );
}

/**
 * `read`: the page's whole text as the prefilter's watch read it at DOMContentLoaded, when its "maybe" was about that
 * text (issue 13: on the 1 MB wiki×80 page reading it again — every root's text, and the walk for shadow roots — was
 * a second pass of several ms over the page). A page changed since is still covered: the engine's own watch compares
 * the page with the text its glossary was asked with and asks about the difference (content-engine.ts watchForMore).
 */
function loadEngine(read: string | null = null): void {
  if (engine || loading) return;
  loading = true;
  // The watch's read of the whole page, when it still holds it (its first answer is this "maybe", or not come yet):
  // the engine's watch starts from it and the changes recorded since instead of reading the page again (issue 13:
  // on wiki×80 that second read, every root's text and the walk for shadow roots, was ~26 ms sampled at load 8).
  const handed = watch?.handOff() ?? null;
  watch = null;
  // Else the page's whole text as it reads now (the prefilter may have been asked only a part: a remainder, a batch).
  const mod = fetchEngine(() => read ?? handed?.text ?? pageText(document));
  Promise.all([mod, engineSnap ?? DEFAULT_SNAPSHOT()]).then(
    ([m, s]) => {
      const pending = earlyGlossary;
      const pendingText = earlyText;
      earlyGlossary = null;
      earlyText = null;
      // A snapshot asked after a change notice meanwhile (stateChanged) is newer than this one.
      snap ??= s;
      engine = m.createContentEngine({ host, pending, pendingText, read: handed });
      engine.apply(snap, eligible);
    },
    (err: unknown) => {
      handed?.release();
      loading = false; // extension reloaded under the page: the next snapshot change tries again
      engineModule = null;
      engineSnap = null;
      warn(err);
    },
  );
}

/**
 * An eligible frame without the engine: ask the prefilter about the page (anew when own entries changed, or with
 * `force` when the glossaries did: either changes what may hit). When the early look already said "maybe" and
 * started the engine's fetch, the engine starts at once (it decides what is marked; asking again would only delay it).
 */
function prefilter(force = false): void {
  const user = boot.user;
  if (watch && user === watchedUser && !force) return;
  watch?.stop();
  watch = null;
  watchedUser = user;
  // The early look's question covers the text it asked about, for the glossary it was asked with (a change of own
  // entries or glossaries since: asked anew). Used once (and not kept: it holds the page's text).
  const seen = !force && early?.user === user ? early : null;
  early = null;
  if (engineModule && !force) return loadEngine();
  // Without an early look's answer the watch's first question is about the page's whole text: its "maybe" may bring
  // the glossary for that text (mayHold), used only while this watch is the current one (a glossary change or a new
  // watch since: dropped, as a stopped watch's answers are). Remainders and later batches ask without it.
  let whole = !seen;
  const current = () => watch === w;
  // A watch stopped (replaced, or the engine loading) calls nothing more: its late answers are dropped.
  const w: PageWatch = watchPage(
    document,
    (text) => {
      const withGlossary = whole ? current : null;
      whole = false;
      return mayHold(text, withGlossary).catch((err: unknown) => {
        warn(err); // no answer (background restarting): load the engine, which asks again for what it needs
        throw err;
      });
    },
    loadEngine,
    // Nothing to mark (yet): the question's "no" already told the background so (mayHold asks with `active`).
    () => undefined,
    seen?.text,
  );
  watch = w;
  // Its answer, when still on the way: "maybe" (or none: counts as "maybe") starts the engine, unless this watch
  // was stopped meanwhile (the frame turned ineligible, or a later question replaced it).
  // A "no" was recorded by the background with the early question (the watch asks nothing when the page still reads
  // exactly as the early look saw it).
  seen?.maybe.then(
    (hit) => {
      if (watch === w && hit) loadEngine();
    },
    () => {
      if (watch === w) loadEngine();
    },
  );
}

function apply(): void {
  eligible = frameEligible(document, boot, host);
  // The engine is made only once a snapshot is here (loadEngine), so `snap` is set whenever `engine` is.
  if (engine) engine.apply(snap ?? DEFAULT_SNAPSHOT(), eligible);
  else if (loading) return; // the engine gets the latest snapshot when it arrives
  else if (eligible) prefilter();
  else {
    watch?.stop();
    watch = null;
    watchedUser = '';
    if (isTop) report(false);
  }
}

transport.answer({
  listPageTerms: () => ({ host, active: eligible, terms: engine ? engine.terms() : [] }),
  revealTerm: ({ id }) => ({ found: engine ? engine.reveal(id) : false }),
  openCard: ({ id }) => ({ shown: engine ? engine.openCard(id) : false }),
  navigateTerm: ({ direction }) => ({ id: engine ? engine.navigate(direction) : null }),
  stateChanged,
  // "Make a glossary from this page" (issue 14): the page as it is now, read only on that request (top frame only:
  // extension pages send it to frame 0). Readability runs in the extension page, not here.
  ...(isTop ? { getPageHtml: () => ({ html: document.documentElement.outerHTML, url: location.href, title: document.title }) } : {}),
});

// A page restored from the back/forward cache keeps its marks but the background forgot its terms (the tab
// navigated away): report them again so the badge and popup are right.
window.addEventListener('pageshow', (e) => {
  if (e.persisted && (eligible || isTop)) report(eligible, engine ? engine.terms() : []);
});

/** After a change notice: the boot state, and the whole snapshot when the engine is loaded or loading. */
async function loadState(): Promise<{ boot: BootState; snap: Snapshot | null }> {
  const mod = engineModule;
  const [b, s] = await Promise.all([loadBoot(), mod ? loadSnapshot(mod) : null]);
  return { boot: b, snap: s };
}

let booted = false;
/** A change notice's answer came before the first boot state's: that one is older. */
let changed = false;
const refresh = refresher(loadState, (st) => {
  changed = true;
  boot = st.boot;
  if (st.snap) snap = st.snap;
  if (booted) apply();
});

/**
 * The background's `stateChanged` notice (src/background/frame-notices.ts; it replaces a storage.onChanged listener
 * in every frame). Registered with the other handlers before the first question, so a change made while we ask is
 * not lost (a later answer replaces ours). Settings or own entries: ask again. A glossary saved, switched on or off
 * or deleted (issue 14): the engine asks for the new one and its marks follow without a reload; a frame still on the
 * prefilter asks it again (the page may hit the new glossary).
 */
function stateChanged({ settings, glossary }: { settings: boolean; glossary: boolean }): null {
  if (neverEligible) return null;
  if (settings) refresh.ask();
  if (glossary) {
    glossaries++;
    earlyGlossary = null; // asked before the change: the engine asks anew
    earlyText = null;
    early = null; // answered for the glossary before the change
    if (engine) engine.glossaryChanged();
    else if (!loading && booted && eligible) prefilter(true);
  }
  return null;
}

async function start(): Promise<void> {
  try {
    const b = await loadBoot();
    if (!changed) boot = b;
  } catch (err) {
    // No background answered (extension reloading): defaults, so the page still gets its marks.
    warn(err);
  }
  // At document_start the snapshot is asked while the page is still parsed; eligibility and the page test need the
  // parsed document (the early look only starts the engine's fetch).
  if (document.readyState === 'loading') earlyLook();
  if (document.readyState === 'loading') await new Promise((r) => document.addEventListener('DOMContentLoaded', r, { once: true }));
  booted = true;
  apply();
}

// A frame no setting can make eligible (no site of its own: blank or opaque-origin frames; not an HTML document)
// reads nothing and builds nothing: it only answers listPageTerms (inactive, no terms).
const neverEligible = !host || (document.contentType !== 'text/html' && document.contentType !== 'application/xhtml+xml');

// The content script runs at document_start and boots at once: the snapshot round trip goes out while
// the page is still parsed and leave the main thread free; start() waits for DOMContentLoaded before it reads the page.
// Not document_idle: Chromium injects idle scripts at `load` (or 200 ms after DOMContentLoaded, a timer that runs late
// while the page lays out), which put 650-1,400 ms between DOMContentLoaded and our boot on the 1 MB wiki×80 bench
// page; not document_end either: injected in a task after DOMContentLoaded, it still booted 300-480 ms late there
// (issue 13: first marked frame within 50 ms of DOMContentLoaded). (An idle callback here held the first marked
// frame back by up to its 500 ms timeout on a page still laying out.)
if (neverEligible) {
  if (isTop) report(false);
} else void start();
