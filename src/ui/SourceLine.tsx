/** Where the card's content comes from, and a note when the article is newer than the report. */
import type { ReportMeta } from '../core/glossary-types.js';
import { formatDay, isArticleNewer } from './card-dates.js';
import type { Translate } from '../core/i18n.js';

export interface SourceLineProps {
  report: Pick<ReportMeta, 'title' | 'date' | 'displayDate'>;
  articleDate?: string | null | undefined;
  t: Translate;
}

export function SourceLine({ report, articleDate, t }: SourceLineProps) {
  const newer = isArticleNewer(articleDate, report.date);
  return (
    <>
      <p class="cg-source">{t('card_source', [report.title, report.displayDate])}</p>
      {newer && articleDate && (
        <p class="cg-newer" data-newer-note="">
          {t('card_newer_note', [formatDay(articleDate), report.displayDate])}
        </p>
      )}
    </>
  );
}
