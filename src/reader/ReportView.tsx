/** The report reader's page: the whole report, one element per sentence (`#p3s2`), and the list of its terms. */
import { Fragment } from 'preact';
import type { CompiledEntry, CompiledReport } from '../core/glossary-types.js';
import { mentionsLabel, type Translate } from '../core/i18n.js';
import { PageLabel } from '../ui/QuoteList.js';
import { datelineShown, layoutReport } from './report-layout.js';

/** Whether body paragraph `n` (1-based) is the first on its PDF page; never for a report without pages. */
const pageStarts = (report: CompiledReport, n: number): boolean => {
  const pages = report.pages;
  return !!pages && pages.length === report.paragraphs.length && pages[n - 1] !== (n > 1 ? pages[n - 2] : undefined);
};

export interface ReportViewProps {
  report: CompiledReport;
  terms: readonly CompiledEntry[];
  t: Translate;
  /** Scroll to the next occurrence of a term in the report and flash it. */
  onReveal: (id: string) => void;
}

export function ReportView({ report, terms, t, onReveal }: ReportViewProps) {
  const { meta } = report;
  return (
    <div class="layout">
      <a class="skip" href="#terms">
        {t('reader_skip_to_terms')}
      </a>
      {/* One main landmark around the report (axe landmark-one-main / region, issue 12 item 11). */}
      <main class="report-main">
      <article id="report" class="report" lang={meta.language}>
        <h1 class="title">{meta.title}</h1>
        <p class="meta">
          <time dateTime={meta.date}>{meta.displayDate}</time>
          {datelineShown(report) && <span class="dateline"> · {meta.dateline}</span>}
        </p>
        {layoutReport(report).map((p) => (
          <Fragment key={p.n}>
            {/* A PDF report's page marker where a new page starts (issue 14): quotes' "p. 4" can be found here. */}
            {pageStarts(report, p.n) && (
              <p class="page-marker" data-page={report.pages![p.n - 1]}>
                <PageLabel page={report.pages![p.n - 1]} t={t} />
              </p>
            )}
            <p id={`p${p.n}`} class="paragraph" data-paragraph={p.n}>
              {p.sentences.map((s) => (
                <>
                  {s.before}
                  <span id={s.id} class="sentence" data-sentence={s.id} tabIndex={-1}>
                    {s.text}
                  </span>
                </>
              ))}
            </p>
          </Fragment>
        ))}
      </article>
      </main>
      <aside id="terms" class="terms" aria-labelledby="terms-title">
        <h2 id="terms-title">{t('reader_terms')}</h2>
        <ul>
          {terms.map((e) => (
            <li key={e.id}>
              <button type="button" class="term" data-term={e.id} data-category={e.category} onClick={() => onReveal(e.id)}>
                <span class="term-label">
                  <span class="term-name">{e.name}</span>
                  {e.short && e.short !== e.name && <span class="term-short"> ({e.short})</span>}
                </span>
                <span class="term-count">{mentionsLabel(t, e.mentions, 'reader')}</span>
              </button>
            </li>
          ))}
        </ul>
      </aside>
    </div>
  );
}
