/**
 * "On this page": the distinct terms marked in the tab, with counts and one-line definitions. Each row has two
 * actions: the term itself scrolls the tab to its next mention ("Show on page") and "Card" opens its card in the
 * page. Issue 12 deliverable 3: the list is one Tab stop with a roving focus (Up/Down/Home/End move between rows;
 * Tab goes from the term to its Card button and then out), so a keyboard user reaches any term in a few keys; a
 * printable key goes to the search box, so typing still searches from anywhere in the list.
 */
import { useRef, useState } from 'preact/hooks';
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
  onOpenCard: (term: TabTerm) => void;
  /** A printable key typed in the list: the search box takes it. */
  onType: () => void;
}

/** The terms in display order: most mentions first, then by name. */
function sortedPageTerms(terms: readonly TabTerm[], entryById: PageTermsProps['entryById']) {
  return terms
    .map((term) => ({ term, entry: entryById(term.id) }))
    .sort((a, b) => b.term.count - a.term.count || (a.entry?.name ?? a.term.id).localeCompare(b.entry?.name ?? b.term.id));
}

export function PageTerms({ state, paused, siteOn, entryById, t, onReveal, onOpenCard, onType }: PageTermsProps) {
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);
  let body;
  if (state.kind === 'loading') body = null;
  else if (state.kind === 'unavailable') body = <p class="note">{t('popup_on_this_page_unavailable')}</p>;
  else if (paused) body = <p class="note">{t('popup_on_this_page_paused')}</p>;
  else if (!siteOn) body = <p class="note">{t('popup_on_this_page_off')}</p>;
  else if (state.terms.length === 0) body = <p class="note">{t('popup_on_this_page_none')}</p>;
  else {
    const terms = sortedPageTerms(state.terms, entryById);
    const current = Math.min(active, terms.length - 1);
    const focusRow = (i: number) => {
      setActive(i);
      listRef.current?.querySelectorAll<HTMLButtonElement>('.page-term')[i]?.focus();
    };
    const onKeyDown = (e: KeyboardEvent) => {
      const last = terms.length - 1;
      const moves: Record<string, number> = { ArrowDown: Math.min(current + 1, last), ArrowUp: Math.max(current - 1, 0), Home: 0, End: last };
      const to = moves[e.key];
      if (to !== undefined) {
        e.preventDefault();
        focusRow(to);
      } else if (e.key.length === 1 && e.key !== ' ' && !e.ctrlKey && !e.metaKey && !e.altKey) {
        // Not prevented: the focus moves to the search box before the key's character is inserted.
        onType();
      }
    };
    body = (
      <ul class="page-terms" ref={listRef} onKeyDown={onKeyDown}>
        {terms.map(({ term, entry }, i) => {
          const name = entry?.name ?? term.id;
          const tabIndex = i === current ? 0 : -1;
          return (
            <li key={term.id} class="page-term-row">
              <button
                type="button"
                class="page-term"
                data-entry={term.id}
                data-count={term.count}
                tabIndex={tabIndex}
                title={t('popup_reveal', [name])}
                onFocus={() => setActive(i)}
                onClick={() => onReveal(term)}
              >
                <span class="page-term-name">{name}</span>
                <span class="page-term-count" aria-label={t('popup_term_count', [term.count])}>
                  {term.count}
                </span>
                {entry && <span class="page-term-definition">{entry.definition}</span>}
              </button>
              <button
                type="button"
                class="page-term-card"
                data-card={term.id}
                tabIndex={tabIndex}
                aria-label={t('popup_open_card', [name])}
                onFocus={() => setActive(i)}
                onClick={() => onOpenCard(term)}
              >
                {t('popup_card')}
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
      {state.kind === 'ready' && state.terms.length > 0 && !paused && siteOn && <p class="hint" id="cg-page-hint">{t('popup_page_terms_hint')}</p>}
      {body}
    </section>
  );
}
