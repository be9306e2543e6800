/**
 * The toolbar popup: search the glossary (results open the one shared TermCard), the terms on this page, the
 * site switch and global pause, links to options and the reader. The search box has focus from the first frame;
 * everything else (settings, page terms, user glossary) fills in as it arrives.
 */
import glossary from 'virtual:glossary';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CompiledEntry, CompiledGlossary } from '../core/glossary-types.js';
import { buildRuntimeGlossary } from '../core/runtime-glossary.js';
import { browseCategories, buildSearchIndex, search, type SearchIndex } from '../core/search.js';
import type { Settings } from '../core/settings/schema.js';
import { isUserGlossaryEmpty, type UserGlossary } from '../core/user-glossary.js';
import { t } from '../shared/i18n.js';
import { handle, sendToBackground } from '../shared/messaging.js';
import { parseGlossaryJson } from '../shared/glossary-json.js';
import type { PendingLookup, TabTerm } from '../shared/protocol.js';
import { loadSnapshot, onSnapshotChanged, requestChange } from '../shared/settings-client.js';
import { TermCard } from '../ui/TermCard.js';
import { PageTerms, type PageState } from './PageTerms.js';
import { closeRealPopup, initialLookup, openMakePage, openCardInTab, openOptions, openOptionsToAdd, openReader, pageTerms, readerUrl, resolveTabId, revealInTab } from './popup-env.js';
import { loadShortcuts, type Shortcut } from '../shared/shortcuts.js';
import { ShortcutList } from '../ui/ShortcutList.js';
import { LISTBOX_ID, ResultList, optionId } from './ResultList.js';
import { SiteControls } from './SiteControls.js';
import { siteOn, switchableHost } from '../core/settings/site-switch.js';

const entriesFor = (base: CompiledGlossary, user: UserGlossary | null): CompiledEntry[] =>
  isUserGlossaryEmpty(user) ? base.entries : buildRuntimeGlossary(base, user).entries;

interface CardView {
  id: string;
  /** Entries visited before (related links), for the card's Back. */
  history: string[];
}

export function App() {
  const [entries, setEntries] = useState<CompiledEntry[]>(glossary.entries);
  const [query, setQuery] = useState('');
  const [activeIndex, setActiveIndex] = useState(-1);
  const [card, setCard] = useState<CardView | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [tabId, setTabId] = useState<number | null>(null);
  const [page, setPage] = useState<PageState>({ kind: 'loading' });
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const backRef = useRef<HTMLButtonElement>(null);
  const revealed = useRef(new Map<string, number>());
  /** The user typed or pointed before the page's terms arrived: their focus is theirs, not moved. */
  const touched = useRef(false);
  const [shortcuts, setShortcuts] = useState<Shortcut[]>([]);

  const byId = useMemo(() => new Map(entries.map((e) => [e.id, e])), [entries]);
  const entryById = useCallback((id: string) => byId.get(id), [byId]);
  // Built on first use: typing is the first thing that needs it, and ~35 entries index in well under a frame.
  const indexRef = useRef<{ entries: CompiledEntry[]; index: SearchIndex } | null>(null);
  const results = useMemo(() => {
    if (!query.trim()) return null;
    if (indexRef.current?.entries !== entries) indexRef.current = { entries, index: buildSearchIndex(entries) };
    return search(indexRef.current.index, query, 30);
  }, [query, entries]);
  const groups = useMemo(() => (results ? null : browseCategories(entries)), [results, entries]);
  const options: CompiledEntry[] = results ? results.map((r) => r.entry) : (groups ?? []).flatMap((g) => g.entries);

  // Focus and the benchmark's mark, on the first frame.
  useEffect(() => {
    inputRef.current?.focus();
    performance.mark('popup-interactive');
  }, []);

  // The popup follows the card theme setting (system, light or dark), like the card inside it.
  const theme = settings?.card.theme ?? 'system';
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  useEffect(() => {
    let lastUser = '';
    let user: UserGlossary | null = null;
    // Issue 14: search covers every enabled glossary. The bundled one answers at once; the merged one (bundled +
    // made glossaries, from the background) replaces it when it arrives.
    let base: CompiledGlossary = glossary;
    sendToBackground('getFullGlossary', {}).then(
      (r) => {
        const merged = parseGlossaryJson(r.json);
        if (!merged) return;
        const same = merged.entries.length === base.entries.length && merged.entries.every((e, i) => e.id === base.entries[i]!.id);
        if (same) return;
        base = merged;
        setEntries(entriesFor(base, user));
      },
      () => undefined,
    );
    const useSnapshot = (snap: { settings: Settings; userGlossary: UserGlossary }) => {
      setSettings(snap.settings);
      // Snapshots also arrive for settings changes: rebuild the entries only when the own entries changed.
      const key = JSON.stringify(snap.userGlossary);
      if (key !== lastUser) {
        lastUser = key;
        user = snap.userGlossary;
        setEntries(entriesFor(base, user));
      }
    };
    void loadSnapshot().then(useSnapshot, (e: unknown) => setError(String(e)));
    const offSnapshot = onSnapshotChanged(useSnapshot);
    void initialLookup().then((p: PendingLookup | null) => {
      if (!p) return;
      setQuery(p.query);
      if (p.entryId) setCard({ id: p.entryId, history: [] });
    });
    void resolveTabId().then((t) => (t === null ? setPage({ kind: 'unavailable' }) : setTabId(t)));
    void loadShortcuts().then(setShortcuts);
    const touch = () => (touched.current = true);
    addEventListener('keydown', touch, { capture: true, once: true });
    addEventListener('pointerdown', touch, { capture: true, once: true });
    return () => {
      offSnapshot();
      removeEventListener('keydown', touch, { capture: true });
      removeEventListener('pointerdown', touch, { capture: true });
    };
  }, []);

  const refreshPage = useCallback(async (tab: number) => {
    const r = await pageTerms(tab);
    if (!r || (r.host === null && r.active === null && r.terms.length === 0)) setPage({ kind: 'unavailable' });
    else setPage({ kind: 'ready', host: r.host, terms: r.terms });
  }, []);

  useEffect(() => {
    if (tabId === null) return;
    void refreshPage(tabId);
    // Frames report changes to the background; the popup hears the same broadcast and re-reads the summed map.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = handle({
      pageTermsChanged: (_p, sender) => {
        if (sender.tab?.id === tabId) {
          clearTimeout(timer);
          timer = setTimeout(() => void refreshPage(tabId), 60);
        }
        return null;
      },
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, [tabId, refreshPage]);

  const pageTermCount = page.kind === 'ready' ? page.terms.length : 0;
  // Issue 12 deliverable 3: the popup (and its shortcut, `_execute_action`) opens at the terms on this page when
  // there are any, so a keyboard user is one Enter away from the first term; typing still searches (PageTerms hands
  // a printable key to the search box). Only on open: once the user typed or clicked, focus stays theirs.
  useEffect(() => {
    if (pageTermCount === 0 || touched.current || query || card) return;
    if (document.activeElement !== inputRef.current) return;
    document.querySelector<HTMLButtonElement>('.page-term[tabindex="0"]')?.focus();
    touched.current = true;
  }, [pageTermCount]);

  const host = page.kind === 'ready' ? page.host : null;
  const switchable = switchableHost(host);
  const isSiteOn = settings && switchable ? siteOn(settings, host) : true;
  const paused = settings ? !settings.enabled : false;

  const change = (request: Promise<unknown>) => {
    setError(null);
    request.catch((e: unknown) => setError(t('popup_settings_error', [e instanceof Error ? e.message : String(e)])));
  };

  const openCard = (id: string) => setCard({ id, history: [] });
  const backToResults = () => {
    setCard(null);
    requestAnimationFrame(() => inputRef.current?.focus());
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (options.length === 0) return;
      const next = e.key === 'ArrowDown' ? Math.min(activeIndex + 1, options.length - 1) : Math.max(activeIndex - 1, 0);
      setActiveIndex(next);
      document.getElementById(optionId(next))?.scrollIntoView({ block: 'nearest' });
    } else if (e.key === 'Enter') {
      const chosen = options[activeIndex] ?? (results ? options[0] : undefined);
      if (chosen) {
        e.preventDefault();
        openCard(chosen.id);
      }
    } else if (e.key === 'Escape' && query) {
      // First Esc clears the search; the next one closes the popup (the browser's default).
      e.preventDefault();
      setQuery('');
      setActiveIndex(-1);
    }
  };

  const onReveal = (term: TabTerm) => {
    if (tabId === null) return;
    // Frames take turns (each frame cycles through its own occurrences), so every frame's occurrences are reached.
    const n = term.frameIds.length;
    const start = (revealed.current.get(term.id) ?? 0) % Math.max(n, 1);
    const frames = [...term.frameIds.slice(start), ...term.frameIds.slice(0, start)];
    void revealInTab(tabId, term.id, frames).then((foundAt) => {
      if (foundAt >= 0) revealed.current.set(term.id, (start + foundAt + 1) % n);
    });
  };

  const onOpenPageCard = (term: TabTerm) => {
    if (tabId === null) return;
    // Scroll to the term first, so the card opens at a mention on screen (openCard anchors to a visible one).
    void revealInTab(tabId, term.id, term.frameIds).then(async (foundAt) => {
      const shown = await openCardInTab(tabId, term.id, foundAt >= 0 ? [term.frameIds[foundAt]!] : term.frameIds);
      // The real popup closes so the page (and its card) has the keyboard; a popup opened in a tab stays.
      if (shown) closeRealPopup();
    });
  };

  const cardEntry = card ? byId.get(card.id) : undefined;
  // Opening a card (or moving to a related one) moves focus into the card view, so Tab walks the card.
  useEffect(() => {
    if (card) backRef.current?.focus();
  }, [card?.id]);
  // Esc closes the card wherever focus is: on the document, not the card view's element, because focus reaches the
  // card view only in the effect above, after the render; a key pressed in between went to the body and the card
  // stayed open (Firefox CI run of 4f90d35).
  const showingCard = card !== null;
  useEffect(() => {
    if (!showingCard) return;
    const onEscape = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      backToResults();
    };
    document.addEventListener('keydown', onEscape);
    return () => document.removeEventListener('keydown', onEscape);
  }, [showingCard]);

  if (card && cardEntry) {
    return (
      <div class="popup card-view">
        {/* The page's landmarks and heading stay while a card shows (axe: landmark-one-main, page-has-heading-one). */}
        <main class="card-main">
        <h1 class="visually-hidden">{t('popup_title')}</h1>
        <button type="button" class="back" id="cg-back" onClick={backToResults} ref={backRef}>
          ← {t('popup_back')}
        </button>
        <TermCard
          entry={cardEntry}
          report={glossary.report.meta}
          resolveEntry={entryById}
          t={t}
          theme={settings?.card.theme ?? 'system'}
          onNavigate={(id) => setCard({ id, history: [...card.history, card.id] })}
          onBack={
            card.history.length > 0
              ? () => setCard({ id: card.history[card.history.length - 1]!, history: card.history.slice(0, -1) })
              : undefined
          }
          backTo={card.history.length > 0 ? byId.get(card.history[card.history.length - 1]!)?.name : undefined}
          quoteHref={(anchor) => readerUrl(anchor)}
          actions={{ openQuote: (anchor) => openReader(anchor) }}
        />
        </main>
      </div>
    );
  }

  return (
    <div class="popup">
      <header class="head">
        <h1 class="title">{t('popup_title')}</h1>
        <p class="report-name" id="cg-report">
          {t('popup_report', [glossary.report.meta.title, glossary.report.meta.displayDate])}
        </p>
      </header>
      <div class="search" role="search">
        <label class="visually-hidden" for="cg-search">
          {t('popup_search_label')}
        </label>
        <input
          ref={inputRef}
          id="cg-search"
          type="search"
          autoFocus
          autocomplete="off"
          spellcheck={false}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={options.length > 0}
          aria-controls={LISTBOX_ID}
          aria-activedescendant={activeIndex >= 0 && activeIndex < options.length ? optionId(activeIndex) : undefined}
          placeholder={t('popup_search_placeholder')}
          value={query}
          onInput={(e) => {
            setQuery(e.currentTarget.value);
            setActiveIndex(-1);
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      <p class="visually-hidden" role="status">
        {results ? t('popup_result_count', [results.length]) : ''}
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {/* Focusable: it scrolls, and the browse list's options are reached through the search box (aria-activedescendant),
          so without this a keyboard could not scroll it (axe scrollable-region-focusable, issue 12 item 11). */}
      <main class="main" tabIndex={0}>
        {!results && (
          <PageTerms
            state={page}
            paused={paused}
            siteOn={isSiteOn}
            entryById={entryById}
            t={t}
            onReveal={onReveal}
            onOpenCard={onOpenPageCard}
            onType={() => inputRef.current?.focus()}
          />
        )}
        <ResultList
          query={query}
          results={results}
          groups={groups}
          activeIndex={activeIndex}
          t={t}
          onChoose={openCard}
          onHover={setActiveIndex}
          onAdd={openOptionsToAdd}
        />
        {!results && tabId !== null && host && (
          // Issue 14: the tab's article becomes a glossary; the make page reads the page only after this click.
          <p class="make-from-page">
            <button type="button" onClick={() => openMakePage(tabId)}>
              {t('make_from_page')}
            </button>
          </p>
        )}
        {!results && shortcuts.length > 0 && (
          <section class="shortcuts-section" aria-labelledby="cg-shortcuts-title">
            <h2 class="section-title" id="cg-shortcuts-title">
              {t('shortcuts_title')}
            </h2>
            <ShortcutList shortcuts={shortcuts} t={t} />
          </section>
        )}
      </main>
      <SiteControls
        host={host}
        switchable={switchable}
        siteOn={isSiteOn}
        paused={paused}
        t={t}
        onSiteOn={(on) => host && change(requestChange('setSiteOn', { host: host.toLowerCase(), on }))}
        onPause={(p) => change(requestChange('changeSettings', { patch: { enabled: !p } }))}
        onOptions={openOptions}
        onReader={() => openReader(null)}
      />
    </div>
  );
}
