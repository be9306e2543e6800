/**
 * The options page: loads settings and own entries, follows their changes from any context (popup, cards in
 * tabs, another options tab), and hosts the four sections. Settings edits go through one `changeSettings`:
 * the page state updates at once (preview), the write to storage.sync is debounced (sliders fire per pixel and
 * sync allows 120 writes a minute — chrome.storage.sync MAX_WRITE_OPERATIONS_PER_MINUTE), well within a second.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CompiledGlossary } from '../core/glossary-types.js';
import type { Settings } from '../core/settings/schema.js';
import type { UserGlossary } from '../core/user-glossary.js';
import { AppearanceSection } from './AppearanceSection.js';
import { DataSection } from './DataSection.js';
import { GlossarySection } from './GlossarySection.js';
import { GlossariesSection } from './GlossariesSection.js';
import type { Translate } from '../core/i18n.js';
import { SitesSection } from './SitesSection.js';
import { KeyboardSection } from './KeyboardSection.js';
import type { Shortcut } from '../shared/shortcuts.js';
import type { Notify, OptionsStore } from './store-api.js';

export interface OptionsAppProps {
  glossary: CompiledGlossary;
  store: OptionsStore;
  load: () => Promise<{ settings: Settings; user: UserGlossary }>;
  subscribe: (onSettings: (s: Settings) => void, onUser: (u: UserGlossary) => void) => () => void;
  addPrefill: string | null;
  loadShortcuts: () => Promise<Shortcut[]>;
  t: Translate;
}

// The reports' switches come before the entries they feed: switching a report off shrinks the entry list, and a list
// above the switches moved the next switch from under the pointer (seen as a flaky e2e that clicked the wrong one).
const SECTIONS = ['glossaries', 'glossary', 'appearance', 'sites', 'keyboard', 'data'] as const;
const SAVE_DELAY_MS = 250;

export function OptionsApp({ glossary, store, load, subscribe, addPrefill, loadShortcuts, t }: OptionsAppProps) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [user, setUser] = useState<UserGlossary | null>(null);
  const [status, setStatus] = useState<{ text: string; kind: 'ok' | 'error' } | null>(null);
  const latest = useRef<Settings | null>(null);
  /** The stored settings our edits started from: only the fields an edit changed are sent (store.changeSettings). */
  const base = useRef<Settings | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** Writes on the way: a change notice that arrives meanwhile may be older than what we sent (see subscribe). */
  const saving = useRef(0);
  const statusTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /**
   * The store the sections use: own entries show from the save's own result at once, not only after the change
   * notice, which a service worker restarting under load delayed past the 30 s the "overrides a built-in entry"
   * e2e waited for "Changed" (issue 12 item 9: a saved entry is shown).
   */
  const sectionStore = useMemo<OptionsStore>(
    () => ({
      ...store,
      changeUserGlossary: (change) =>
        store.changeUserGlossary(change).then((u) => {
          setUser(u);
          return u;
        }),
      saveUserGlossary: (u) => store.saveUserGlossary(u).then(() => setUser(u)),
    }),
    [store],
  );

  const notify: Notify = useCallback((text, kind = 'ok') => {
    setStatus({ text, kind });
    clearTimeout(statusTimer.current);
    if (kind === 'ok') statusTimer.current = setTimeout(() => setStatus(null), 2500);
  }, []);

  useEffect(() => {
    let alive = true;
    load().then(({ settings: s, user: u }) => {
      if (!alive) return;
      latest.current = s;
      base.current = s;
      setSettings(s);
      setUser(u);
    });
    const off = subscribe(
      (s) => {
        // While our own edit is waiting to be written, the page's state is newer than storage's. While a write is on
        // the way, a notice may still describe the state before it: taking it would drop the edit from the page, and
        // the next edit's patch (its fields against the write's result) would then write the old values back: an
        // edit lost under load (options-data e2e). The write's own result updates the page instead.
        if (timer.current !== undefined || saving.current > 0) return;
        latest.current = s;
        base.current = s;
        setSettings(s);
      },
      (u) => setUser(u),
    );
    return () => {
      alive = false;
      off();
    };
  }, [load, subscribe]);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const s = latest.current;
    if (!s || !base.current) return Promise.resolve();
    saving.current++;
    return store.changeSettings(base.current, s).finally(() => saving.current--).then(
      (saved) => {
        // The background merged our fields over the stored ones (another context may have changed others).
        base.current = saved;
        if (timer.current === undefined) {
          latest.current = saved;
          setSettings(saved);
        }
        notify(t('options_saved'));
      },
      (e: unknown) => notify(t('options_save_failed', [e instanceof Error ? e.message : String(e)]), 'error'),
    );
  }, [store, notify, t]);

  const changeSettings = useCallback(
    (fn: (s: Settings) => Settings) => {
      if (!latest.current) return;
      latest.current = fn(latest.current);
      setSettings(latest.current);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [flush],
  );

  useEffect(() => {
    // Leaving the page with an edit still waiting: write it now.
    const onHide = () => {
      if (timer.current !== undefined) void flush();
    };
    addEventListener('pagehide', onHide);
    return () => removeEventListener('pagehide', onHide);
  }, [flush]);

  if (!settings || !user) return <p class="loading">{t('options_loading')}</p>;

  return (
    <>
      <header class="top">
        <h1>{t('options_title')}</h1>
        <nav aria-label={t('options_nav')}>
          {SECTIONS.map((s) => (
            <a key={s} href={`#${s}`}>{t(`options_${s}`)}</a>
          ))}
        </nav>
        <p class={`status ${status?.kind ?? ''}`} role="status" aria-live="polite" data-testid="status">{status?.text ?? ''}</p>
      </header>
      <main>
        <GlossariesSection t={t} />
        <section id="glossary" aria-labelledby="glossary-h">
          <h2 id="glossary-h">{t('options_glossary')}</h2>
          <p class="help">{t('options_glossary_intro')}</p>
          <GlossarySection glossary={glossary} settings={settings} user={user} store={sectionStore} notify={notify}
            onSettings={changeSettings} addPrefill={addPrefill} t={t} />
        </section>
        <section id="appearance" aria-labelledby="appearance-h">
          <h2 id="appearance-h">{t('options_appearance')}</h2>
          <AppearanceSection glossary={glossary} settings={settings} onSettings={changeSettings} t={t} />
        </section>
        <section id="sites" aria-labelledby="sites-h">
          <h2 id="sites-h">{t('options_sites')}</h2>
          <SitesSection glossary={glossary} user={user} settings={settings} onSettings={changeSettings} t={t} />
        </section>
        <section id="keyboard" aria-labelledby="keyboard-h">
          <h2 id="keyboard-h">{t('options_keyboard')}</h2>
          <KeyboardSection loadShortcuts={loadShortcuts} t={t} />
        </section>
        <section id="data" aria-labelledby="data-h">
          <h2 id="data-h">{t('options_data')}</h2>
          <DataSection glossary={glossary} settings={settings} user={user} store={sectionStore} notify={notify} beforeWrite={flush} t={t} />
        </section>
      </main>
    </>
  );
}
