/**
 * The live preview of the review page (issue 14 deliverable 3): the report itself, marked with the terms accepted
 * so far, by the very engine and card that mark news pages (through the reader's wiring, src/reader/reader-engine.ts).
 * Each change of the review is compiled as saving would compile it (compileDraftLenient, in the make page's Worker,
 * debounced), so what the preview marks is what the saved glossary will mark. Text goes in as text nodes only.
 */
import { Component } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from '../core/i18n.js';
import type { GlossaryDraft } from '../core/glossary-draft.js';
import type { CompiledGlossary, CompiledReport } from '../core/glossary-types.js';
import { buildRuntimeGlossary } from '../core/runtime-glossary.js';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings/schema.js';
import { CardHost } from '../page/card-host.js';
import { type ReaderEngine, startReaderEngine } from '../reader/reader-engine.js';
import { type LaidParagraph, layoutReport } from '../reader/report-layout.js';
import { goToSentence } from '../reader/sentence-focus.js';
import { loadSnapshot } from '../shared/settings-client.js';
import { PreviewCompiler } from './worker-client.js';

/** Typing a name or pressing A through a list should not compile on every keystroke. */
const DEBOUNCE_MS = 250;

/** Paragraphs rendered per task: a 150 KB report is ~900 paragraphs of sentence spans, 100+ ms in one go (80 per
 *  task still laid out in 40-50 ms tasks on this machine: glossary:make:bench). */
const CHUNK = 40;

/**
 * The report's sentences as text nodes, rendered a chunk per task (no long task on the make page; the engine's
 * MutationObserver marks each chunk as it lands) and never re-rendered while the text stays the same: a review
 * change only swaps the glossary the engine marks with.
 */
class ReportBody extends Component<{ report: CompiledReport }, { shown: number }> {
  override state = { shown: CHUNK };
  private timer: ReturnType<typeof setTimeout> | undefined;
  private laid: { text: string; paragraphs: LaidParagraph[] } | null = null;

  override shouldComponentUpdate(next: { report: CompiledReport }, state: { shown: number }): boolean {
    return next.report.text !== this.props.report.text || state.shown !== this.state.shown;
  }

  override componentDidMount(): void {
    this.more();
  }

  override componentDidUpdate(prev: { report: CompiledReport }): void {
    // A new text starts over from the first chunk (that update comes back here and goes on from there).
    if (prev.report.text !== this.props.report.text && this.state.shown !== CHUNK) return this.setState({ shown: CHUNK });
    this.more();
  }

  override componentWillUnmount(): void {
    clearTimeout(this.timer);
  }

  private more(): void {
    clearTimeout(this.timer);
    if (this.state.shown < this.props.report.paragraphs.length) this.timer = setTimeout(() => this.setState({ shown: this.state.shown + CHUNK }));
  }

  override render() {
    const { report } = this.props;
    if (this.laid?.text !== report.text) this.laid = { text: report.text, paragraphs: layoutReport(report) };
    return this.laid.paragraphs
      .slice(0, this.state.shown)
      .map((p) => (
        <p key={p.n} id={`p${p.n}`}>
          {p.sentences.map((s) => (
            <>
              {s.before}
              <span id={s.id} class="sentence" tabIndex={-1}>
                {s.text}
              </span>
            </>
          ))}
        </p>
      ));
  }
}

interface Live {
  card: CardHost;
  engine: ReaderEngine;
}

export function ReportPreview({ draft, t }: { draft: GlossaryDraft; t: Translate }) {
  const [compiled, setCompiled] = useState<CompiledGlossary | null>(null);
  /** Why the newest draft did not compile (the preview keeps the last one that did). */
  const [problem, setProblem] = useState<string | null>(null);
  const compiler = useRef<PreviewCompiler | null>(null);
  const article = useRef<HTMLElement>(null);
  const live = useRef<Live | null>(null);
  const settings = useRef<Settings>(DEFAULT_SETTINGS);
  // The paragraphs array keeps its identity while the text does (MakeApp memoizes it): no 150 KB stringify per render.
  const key = JSON.stringify({ meta: draft.meta, entries: draft.entries });

  useEffect(() => {
    compiler.current = new PreviewCompiler((g, errors) => {
      if (g) setCompiled(g);
      setProblem(g ? null : (errors[0] ?? ''));
    });
    // The user's marking style when the background answers; the defaults otherwise (a preview, not a setting).
    loadSnapshot().then(
      (s) => (settings.current = s.settings),
      () => undefined,
    );
    return () => {
      compiler.current?.dispose();
      live.current?.engine.destroy();
      live.current?.card.destroy();
      live.current = null;
    };
  }, []);

  useEffect(() => {
    const timer = setTimeout(() => compiler.current?.compile(draft), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key, draft.paragraphs]);

  useEffect(() => {
    if (!compiled || !article.current) return;
    const runtime = buildRuntimeGlossary(compiled, null);
    if (live.current) {
      // The card's source line follows the metadata as edited (it kept the first compile's title).
      live.current.card.update(settings.current, runtime, compiled.report.meta);
      live.current.engine.update(settings.current, runtime);
      return;
    }
    const card = new CardHost({
      glossary: runtime,
      settings: settings.current,
      document,
      report: compiled.report.meta,
      t,
      quoteHref: (anchor) => `#${anchor}`,
      // Not saved yet: no site rule, no "don't mark" setting for a term that does not exist anywhere else.
      omitActions: ['notThisMeaning', 'dontMark'],
      actions: {
        notThisMeaning: () => null,
        dontMark: () => null,
        openReader: (anchor) => void (anchor && !anchor.includes('/') && goToSentence(document, `#${anchor}`)),
      },
    });
    live.current = { card, engine: startReaderEngine({ root: article.current, glossary: runtime, settings: settings.current, card }) };
  }, [compiled]);

  return (
    <section class="preview" aria-labelledby="preview-title">
      <h2 id="preview-title">{t('make_preview')}</h2>
      <p class="hint">{t('make_preview_hint')}</p>
      {problem !== null && (
        <p class="preview-problem" role="status">
          {t('make_preview_failed', [problem])}
        </p>
      )}
      {/* Scrolls on its own beside the list: focusable so a keyboard can scroll it (axe scrollable-region-focusable). */}
      <article id="preview" class="report" ref={article} tabIndex={0} aria-labelledby="preview-title" lang={compiled?.report.meta.language} data-entries={compiled ? compiled.entries.length : -1}>
        {compiled && <ReportBody report={compiled.report} />}
      </article>
    </section>
  );
}
