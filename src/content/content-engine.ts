/**
 * The content script's engine half (`engine.js`, an ES module the bootstrap in src/content/index.ts imports only
 * when the page prefilter hit): wires the page engine (src/page/engine.ts) and the card (src/page/card-host.ts,
 * loaded as card.js on the first card: lazy-card.ts) to settings, the user's glossary and messages. The page
 * glossary (what marking needs: src/core/page-glossary.ts) is asked from the background (`getGlossary`), a card's
 * text when the card opens (`getEntryDetails`: card-details.ts); changes are requests to it (the one writer).
 */
import { buildRuntimeGlossary, type RuntimeGlossary } from '../core/runtime-glossary.js';
import type { CompiledGlossary } from '../core/glossary-types.js';
import { DEFAULT_SETTINGS, isSitePattern, type Settings } from '../core/settings/schema.js';
import type { UserGlossary } from '../core/user-glossary.js';
import { highlightCss } from '../page/highlight-style.js';
import { createPageEngine, type PageEngine, type PageTerm } from '../page/engine.js';
import { browser } from '../shared/browser.js';
import { t } from '../shared/i18n.js';
import { sendToBackground, validReply } from '../shared/messaging.js';
import { parseGlossaryJson } from '../shared/glossary-json.js';
import { requestChange, type Snapshot } from '../shared/settings-client.js';
import { entriesWithTerms } from '../core/page-subset.js';
import { MAX_PAGE_TEXT } from '../shared/protocol-bootstrap.js';
import { CardDetails } from './card-details.js';
import { type PageRead, watchPage, type PageWatch } from './page-prefilter.js';
import { pageText } from './page-text.js';
import { squeezeSpace } from './text-squeeze.js';
import { LazyCard, type CardModule } from './lazy-card.js';

/** What the bootstrap calls; it answers the tab's messages itself and asks this for the engine's part. */
export interface ContentEngine {
  /** The first snapshot and every later one, with the frame's eligibility under it: start, stop or update. */
  apply(snap: Snapshot, eligible: boolean): void;
  terms(): PageTerm[];
  reveal(id: string): boolean;
  openCard(id: string): boolean;
  navigate(direction: 'next' | 'previous'): string | null;
  /** The merged glossary changed (saved, switched on or off, deleted; issue 14): ask it again and rescan. */
  glossaryChanged(): void;
}

const warn = (err: unknown) => console.warn('[context-glossary]', err);

/**
 * Least time between two widening questions (wave 9): on the bench's live blog (an update every 100 ms) each update
 * was its own question, and each that named an entry new to the page its own full rescan of the page. Marks of the
 * entries the page glossary has come at once either way (the engine's own observer); only an entry new to the page
 * waits up to this long.
 */
const WIDEN_GAP_MS = 500;

/**
 * The card UI bundle, imported on the first card. It is a web-accessible resource (so the page's origin may load it;
 * see SECURITY.md); `import()` of an extension URL from a content script runs the module in our isolated world.
 */
function loadCardModule(): Promise<CardModule> {
  return import(/* @vite-ignore */ browser.runtime.getURL('card.js')) as Promise<CardModule>;
}

/**
 * `pending`: the bootstrap's `getGlossary` request, sent together with the import of this module (issue 13: the
 * round trip overlaps engine.js's fetch and compile); the first ask uses it. Its raw reply: the bootstrap's thin
 * transport (native-transport.ts) does not read it, so it is validated here, before any use.
 */
export function createContentEngine({
  host,
  pending,
  pendingText,
  read,
}: {
  host: string;
  pending?: Promise<unknown> | null;
  pendingText?: string | null;
  /** The bootstrap's watch's read of the page (and the changes since): the first watch starts from it (issue 13). */
  read?: PageRead | null;
}): ContentEngine {
  let early = pending ?? null;
  let earlyText = pendingText ?? null;
  let handed = read ?? null;
  /** The handed read, once: to the first watch, else released (it records the page's changes until then). */
  const takeHanded = (): PageRead | null => {
    const h = handed;
    handed = null;
    return h;
  };
  let settings: Settings = DEFAULT_SETTINGS;
  let user: UserGlossary | null = null;
  let compiled: CompiledGlossary | null = null;
  /** The glossary holds only the entries the page's text may name (src/core/page-subset.ts): `widen` watches for more. */
  let partial = false;
  let widen: PageWatch | null = null;
  /** Bumped by every new glossary asked: a widening answer for an older one is dropped. */
  let generation = 0;
  /** A widening question failed: ask the whole glossary from then on. */
  let full = false;
  let glossary: RuntimeGlossary | null = null;
  let card: LazyCard | null = null;
  let details: CardDetails | null = null;
  let engine: PageEngine | null = null;
  let active = false;
  let eligible = false;

  const runtimeGlossary = (c: CompiledGlossary): RuntimeGlossary => {
    if (glossary) return glossary;
    glossary = buildRuntimeGlossary(c, user);
    details?.setTable(glossary);
    return glossary;
  };

  const report = (terms: PageTerm[]): void => {
    sendToBackground('pageTermsChanged', { count: terms.length, terms, active }).catch(() => {
      /* the background may be restarting; it asks again with listPageTerms */
    });
  };

  /**
   * The compiled glossary, asked once from the background (not bundled: 84 KB every frame would parse; issue 10).
   * One request at a time: applies made while it is on the way are folded into the one `run` that follows its answer.
   */
  let asking = false;
  /** The glossaries changed while a request was on the way: its answer is stale, ask again (issue 14). */
  let stale = false;
  const askGlossary = (): void => {
    if (asking) return;
    asking = true;
    stale = false;
    widen?.stop();
    widen = null;
    generation++;
    // The page's text goes with the question: the answer holds the entries it may name (issue 14).
    // Only the first question (the bootstrap's) comes with its read; a later one reads the page as it is now.
    const from = early ? takeHanded() : null;
    takeHanded()?.release();
    const text = early ? earlyText : full ? null : pageText(document);
    const ask = early
      ? early.then((raw) => validReply('getGlossary', raw))
      : sendToBackground('getGlossary', text !== null && text.length <= MAX_PAGE_TEXT ? { text: squeezeSpace(text) } : {});
    early = null;
    earlyText = null;
    ask.then(
      (r) => {
        asking = false;
        // Asked again, no glossary, or the whole one: no watch starts from the bootstrap's read.
        if (stale) {
          from?.release();
          return askGlossary();
        }
        if (!install(r.json)) return from?.release();
        partial = r.partial === true;
        if (!partial) {
          from?.release();
          return run();
        }
        // Asked with the text parsed so far (the bootstrap's early look) or before the page changed: the first scan
        // waits for the glossary of the page as it reads now (one scan, every term at once).
        watchForMore(text ?? '', from);
      },
      (err: unknown) => {
        from?.release();
        asking = false; // the background may be restarting: the next snapshot change asks again
        warn(err);
      },
    );
  };

  /** A glossary reply becomes the frame's glossary (false when it holds none); `widened`: the same glossaries'
   *  entries, more of them (the card text had stays). */
  const install = (json: string, widened = false): boolean => {
    const g = parseGlossaryJson(json);
    if (!g) {
      warn(new Error('getGlossary: the reply holds no glossary'));
      return false;
    }
    compiled = g;
    glossary = null;
    if (!widened) details?.clear(); // another glossary: its card text may differ
    return true;
  };

  /**
   * A page glossary of the entries the page's text (`known`) may name: the page's text now (when it differs: what
   * follows `known` when it starts with it, src/content/text-remainder.ts) and
   * every block the page changes later are asked about with the entries this glossary has (`have`); an answer with
   * a glossary widens it and the page is scanned again with it. One question at a time (prefilter-queue.ts).
   */
  const watchForMore = (known: string, from: PageRead | null = null): void => {
    const gen = generation;
    /** The page still reads as `known`: the glossary covers it, scan now (the watch read the page: no second read). */
    let unchanged = false;
    widen = watchPage(
      document,
      (text) => {
        if (!compiled) return Promise.resolve(false);
        // More text than a question carries: as a failed question, the whole glossary.
        if (text.length > MAX_PAGE_TEXT) return Promise.reject(new Error('page text too long to ask about'));
        // Squeezed as the bootstrap's questions are (text-squeeze.ts: the same entries, fewer characters copied).
        return sendToBackground('getGlossary', { text: squeezeSpace(text), have: entriesWithTerms(compiled) }).then((r) => {
          if (gen !== generation || r.json === '' || !install(r.json, true)) return false;
          run();
          return false; // keep watching: the widened glossary may still miss what the page adds next
        });
      },
      // No answer (the background restarting): the whole glossary, rather than miss what the page adds.
      () => {
        if (gen !== generation) return;
        full = true;
        askGlossary();
      },
      // The first answer: the page as it read when the watch started is covered.
      () => {
        if (!unchanged && gen === generation) run();
      },
      known,
      WIDEN_GAP_MS,
      from,
    );
    unchanged = widen.unchanged;
    if (unchanged) run();
  };

  const ensureEngine = (c: CompiledGlossary): PageEngine => {
    if (engine) return engine;
    const g = runtimeGlossary(c);
    const text = (details = new CardDetails(
      g,
      (ids) => sendToBackground('getEntryDetails', { ids }).then((r) => r.entries),
      () => card?.update(settings, text.cardGlossary()),
    ));
    card = new LazyCard(
      {
        glossary: text.cardGlossary(),
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
          needEntry: (id) => void text.prepare(id),
        },
      },
      loadCardModule,
      (id) => text.prepare(id),
    );
    // extension/marks.css (the manifest's `css`) is this CSS: the default marks need no sheet of ours in the document.
    const presentCss = highlightCss(DEFAULT_SETTINGS.marking.style, DEFAULT_SETTINGS.marking.colors);
    engine = createPageEngine({ root: document, glossary: g, settings, card, site: host, onTermsChanged: report, presentCss });
    return engine;
  };

  /** Start, stop or update the engine (an eligible frame first gets the glossary). */
  function run(): void {
    // The bootstrap's read is for a frame that scans: an ineligible one drops it (it records the page's changes).
    if (!eligible) takeHanded()?.release();
    // A partial glossary whose watch was stopped (the frame was ineligible meanwhile) is asked again: the page may
    // have changed unwatched.
    if (eligible && (!compiled || (partial && !widen && !asking))) {
      askGlossary();
      return;
    }
    if (eligible && compiled) {
      const e = ensureEngine(compiled);
      e.update(settings, runtimeGlossary(compiled));
      runtimeGlossary(compiled);
      // The report too: the glossaries switched on or off may have changed which report is the merged one's first.
      card?.update(settings, details?.cardGlossary(), compiled.report.meta);
      // An open card kept through a new glossary (src/page/glossary-swap.ts) asks its text again (it may differ).
      const shown = card?.entryId;
      if (shown) void details?.prepare(shown);
      if (!active) {
        active = true;
        e.start();
      }
    } else if (active) {
      active = false;
      engine?.stop(); // clears every mark at once
      // No widening questions for a frame that marks nothing (noticed in wave 8: the watch went on).
      widen?.stop();
      widen = null;
      generation++; // an answer on its way is dropped
    }
  }

  return {
    apply(snap, isEligible) {
      settings = snap.settings;
      if (JSON.stringify(snap.userGlossary) !== JSON.stringify(user)) {
        // A page glossary of the page's entries was asked with the user's overrides then: ask it again.
        if (user !== null && partial && compiled) this.glossaryChanged();
        user = snap.userGlossary;
        glossary = null;
      }
      eligible = isEligible;
      run();
    },
    terms: () => (active && engine ? engine.terms() : []),
    reveal: (id) => (active && engine ? engine.reveal(id) : false),
    openCard: (id) => (active && engine ? engine.openCard(id) : false),
    navigate: (direction) => (active && engine ? engine.navigate(direction) : null),
    glossaryChanged() {
      early = null;
      earlyText = null;
      if (asking) stale = true;
      else if (compiled) askGlossary();
    },
  };
}
