/**
 * The sources of an entry's "Beyond the report" facts (issue 12 deliverable 5: a fact from outside the report carries
 * its source and date; the glossary compiler refuses one without). Each source is named, dated and linked; the link
 * opens the source's own page in a new tab (the extension itself fetches nothing).
 */
import type { FactSource } from '../core/glossary-types.js';
import type { Translate } from '../core/i18n.js';
import { formatDay } from './card-dates.js';

export function FactSources({ sources, t }: { sources: readonly FactSource[]; t: Translate }) {
  if (sources.length === 0) return null;
  return (
    <p class="cg-fact-sources" data-fact-sources="">
      {t('card_fact_sources')}{' '}
      {sources.map((s, i) => (
        <span key={s.url}>
          {i > 0 && '; '}
          <a href={s.url} target="_blank" rel="noopener noreferrer" data-fact-source="">
            {s.name}
          </a>
          {`, ${formatDay(s.date)}`}
        </span>
      ))}
    </p>
  );
}
