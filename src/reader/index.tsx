/**
 * The report reader (extension page reader.html): the whole report with each sentence addressable
 * (`reader.html#p4s2`), its terms marked by the same page engine and card as on any site, and a list of terms.
 * Card quote links land here: on load and on every hash change the sentence is scrolled into view and flashed.
 * `reader.html?g=<id>` shows a made glossary's report (issue 14: every glossary has its reader page), asked from the
 * background, with that glossary's terms marked; the bundled report otherwise.
 */
import { render } from 'preact';
import bundled from 'virtual:glossary';
import { QUOTE_TARGET, readerPath, STORED_ID } from '../core/glossary-draft.js';
import type { CompiledGlossary } from '../core/glossary-types.js';
import { sendToBackground } from '../shared/messaging.js';
import { buildRuntimeGlossary, type RuntimeGlossary } from '../core/runtime-glossary.js';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings/schema.js';
import type { UserGlossary } from '../core/user-glossary.js';
import { CardHost } from '../page/card-host.js';
import { loadSnapshot, onSnapshotChanged, requestChange } from '../shared/settings-client.js';
import { t } from '../shared/i18n.js';
import { type ReaderEngine, startReaderEngine } from './reader-engine.js';
import { termsInReport } from './report-layout.js';
import { ReportView } from './ReportView.js';
import { goToSentence } from './sentence-focus.js';

async function loadState(): Promise<{ settings: Settings; user: UserGlossary | null }> {
  // The reader must show the report even when the background does not answer: defaults then, and say why.
  try {
    const snap = await loadSnapshot();
    return { settings: snap.settings, user: snap.userGlossary };
  } catch (err) {
    console.warn('[context-glossary] reader: settings unavailable, using defaults', err);
    return { settings: DEFAULT_SETTINGS, user: null };
  }
}

/** The made glossary named by `?g=`, or null when it is not stored (deleted, or a bad id). */
async function loadMade(id: string): Promise<CompiledGlossary | null> {
  if (!STORED_ID.test(id)) return null;
  try {
    return (await sendToBackground('getStoredGlossary', { id })).glossary?.compiled ?? null;
  } catch (err) {
    console.warn('[context-glossary] reader: glossary unavailable', err);
    return null;
  }
}

async function main(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('reader.html has no #root');
  document.title = t('reader_page_title');
  const made = new URLSearchParams(location.search).get('g');
  const glossary = made === null ? bundled : await loadMade(made);
  if (!glossary) {
    render(<main><p class="missing" role="alert">{t('reader_no_glossary')}</p></main>, root);
    document.documentElement.dataset.readerReady = 'true';
    return;
  }

  let { settings, user } = await loadState();
  let runtime: RuntimeGlossary = buildRuntimeGlossary(glossary, user);

  const card = new CardHost({
    glossary: runtime,
    settings,
    document,
    report: glossary.report.meta,
    t,
    // `<id>/p3s2` is another report's sentence (a merged entry's quote): its own reader page.
    quoteHref: (anchor) => (anchor.includes('/') ? readerPath(anchor) : `#${anchor}`),
    // It is the report itself: "not this meaning on this site" has no meaning here.
    omitActions: ['notThisMeaning'],
    actions: {
      notThisMeaning: () => null,
      dontMark: (id) => {
        const warn = (err: unknown) => console.error('[context-glossary] reader: could not save', err);
        requestChange('dontMark', { entry: id }).catch(warn);
        return () => void requestChange('dontMark', { entry: id, undo: true }).catch(warn);
      },
      openReader: (target) => {
        const m = target ? QUOTE_TARGET.exec(target) : null;
        if (!m) return;
        if ((m[1] ?? null) !== made) {
          location.href = readerPath(target);
          return;
        }
        const anchor = m[2]!;
        // Same hash again fires no hashchange: go there directly.
        if (location.hash === `#${anchor}`) goToSentence(document, location.hash);
        else location.hash = anchor;
      },
    },
  });

  let engine: ReaderEngine | null = null;
  const renderView = () =>
    render(
      <ReportView report={glossary.report} terms={termsInReport(runtime.entries)} t={t} onReveal={(id) => engine?.reveal(id)} />,
      root,
    );
  renderView();

  const reportEl = document.getElementById('report');
  if (reportEl) engine = startReaderEngine({ root: reportEl, glossary: runtime, settings, card });

  onSnapshotChanged((next) => {
    settings = next.settings;
    const userChanged = JSON.stringify(next.userGlossary) !== JSON.stringify(user);
    if (userChanged) {
      user = next.userGlossary;
      runtime = buildRuntimeGlossary(glossary, user);
    }
    card.update(settings, runtime);
    engine?.update(settings, runtime);
    if (userChanged) renderView();
  });

  const go = () => {
    if (location.hash && !goToSentence(document, location.hash))
      console.warn('[context-glossary] reader:', t('reader_no_sentence', [location.hash.slice(1)]));
  };
  window.addEventListener('hashchange', go);
  go();
  document.documentElement.dataset.readerReady = 'true';
}

main().catch((err: unknown) => {
  console.error('[context-glossary] reader failed', err);
});
