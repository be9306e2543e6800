/** "On this page": the distinct terms marked in the tab, with counts and one-line definitions; click to reveal. */
import type { CompiledEntry } from '../core/glossary-types.js';
import type { Translate } from '../core/i18n.js';
import type { TabTerm } from '../shared/protocol.js';

export type PageState =
  | { kind: 'loading' }
  /** No content script answered: a restricted page (browser pages, stores, PDFs) or no tab. */
  | { kind: 'unavailable' }
  | { kind: 'ready'; host: string | null; terms: TabTerm[] };

export interface PageTermsProps {
  state: PageState;
  paused: boolean;
  siteOn: boolean;
  entryById: (id: string) => CompiledEntry | undefined;
  t: Translate;
  onReveal: (term: TabTerm) => void;
}

export function PageTerms({ state, paused, siteOn, entryById, t, onReveal }: PageTermsProps) {
  let body;
  if (state.kind === 'loading') body = null;
  else if (state.kind === 'unavailable') body = <p class="note">{t('popup_on_this_page_unavailable')}</p>;
  else if (paused) body = <p class="note">{t('popup_on_this_page_paused')}</p>;
  else if (!siteOn) body = <p class="note">{t('popup_on_this_page_off')}</p>;
  else if (state.terms.length === 0) body = <p class="note">{t('popup_on_this_page_none')}</p>;
  else {
    const terms = state.terms
      .map((t) => ({ term: t, entry: entryById(t.id) }))
      .sort((a, b) => b.term.count - a.term.count || (a.entry?.name ?? a.term.id).localeCompare(b.entry?.name ?? b.term.id));
    body = (
      <ul class="page-terms">
        {terms.map(({ term, entry }) => {
          const name = entry?.name ?? term.id;
          return (
            <li key={term.id}>
              <button
                type="button"
                class="page-term"
                data-entry={term.id}
                data-count={term.count}
                title={t('popup_reveal', [name])}
                onClick={() => onReveal(term)}
              >
                <span class="page-term-name">{name}</span>
                <span class="page-term-count" aria-label={t('popup_term_count', [term.count])}>
                  {term.count}
                </span>
                {entry && <span class="page-term-definition">{entry.definition}</span>}
              </button>
            </li>
          );
        })}
      </ul>
    );
  }
  return (
    <section class="page-section" aria-labelledby="cg-page-title" data-state={state.kind}>
      <h2 class="section-title" id="cg-page-title">
        {t('popup_on_this_page')}
      </h2>
      {body}
    </section>
  );
}
