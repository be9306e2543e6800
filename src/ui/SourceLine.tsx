/** Where the card's content comes from (the report with its metadata), and a note when the article is newer than the report. */
import type { ReportMeta } from '../core/glossary-types.js';
import { formatDay, isArticleNewer } from './card-dates.js';
import type { Translate } from '../core/i18n.js';

/** What the card names of the report: title and date always; publisher, origin and text source where known. */
export type ReportLine = Pick<ReportMeta, 'title' | 'date' | 'displayDate'> & Partial<Pick<ReportMeta, 'publisher' | 'origin' | 'textSource'>>;

export interface SourceLineProps {
  report: ReportLine;
  articleDate?: string | null | undefined;
  t: Translate;
}

export function SourceLine({ report, articleDate, t }: SourceLineProps) {
  const newer = isArticleNewer(articleDate, report.date);
  return (
    <>
      <p class="cg-source">{report.displayDate ? t('card_source', [report.title, report.displayDate]) : t('card_source_undated', [report.title])}</p>
      {/* Provenance (issue 12 d5): who published it, what it is based on, where this copy of the text came from. */}
      {(report.publisher || report.origin || report.textSource) && (
        <ul class="cg-provenance" data-provenance="">
          {report.publisher && <li>{t('card_report_publisher', [report.publisher])}</li>}
          {report.origin && <li>{t('card_report_origin', [report.origin])}</li>}
          {report.textSource && <li>{t('card_report_text_source', [report.textSource])}</li>}
        </ul>
      )}
      {newer && articleDate && (
        <p class="cg-newer" data-newer-note="">
          {t('card_newer_note', [formatDay(articleDate), report.displayDate])}
        </p>
      )}
    </>
  );
}
