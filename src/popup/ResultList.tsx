/** The search results (or, for an empty query, the glossary by category) as one ARIA listbox. */
import type { CompiledEntry } from '../core/glossary-types.js';
import type { CategoryGroup, SearchResult } from '../core/search.js';
import type { Translate } from '../core/i18n.js';

export const LISTBOX_ID = 'cg-results';
export const optionId = (index: number) => `cg-option-${index}`;

interface OptionProps {
  entry: CompiledEntry;
  index: number;
  active: boolean;
  hint: string | null;
  onChoose: (id: string) => void;
  onHover: (index: number) => void;
}

function Option({ entry, index, active, hint, onChoose, onHover }: OptionProps) {
  return (
    <li
      id={optionId(index)}
      role="option"
      aria-selected={active}
      class={active ? 'option active' : 'option'}
      data-entry={entry.id}
      onMouseDown={(e) => e.preventDefault() /* keep focus in the search box */}
      onClick={() => onChoose(entry.id)}
      onMouseMove={() => !active && onHover(index)}
    >
      <span class="option-name">
        {entry.name}
        {entry.short && entry.short !== entry.name && <span class="option-short"> {entry.short}</span>}
      </span>
      {hint && <span class="option-hint">{hint}</span>}
      <span class="option-definition">{entry.definition}</span>
    </li>
  );
}

function hintFor(r: SearchResult, t: Translate): string | null {
  if (r.field === 'alias' && r.matchedText) return t('popup_matched_alias', [r.matchedText]);
  if (r.field === 'definition') return t('popup_matched_definition');
  if (r.field === 'quote') return t('popup_matched_quote');
  if (r.field === 'beyond') return t('popup_matched_beyond');
  return null;
}

export interface ResultListProps {
  query: string;
  results: SearchResult[] | null;
  groups: CategoryGroup[] | null;
  activeIndex: number;
  t: Translate;
  onChoose: (id: string) => void;
  onHover: (index: number) => void;
  /** No match: offer to add the query as an own entry (issue 12 item 10). */
  onAdd: (name: string) => void;
}

export function ResultList(props: ResultListProps) {
  const { results, groups, activeIndex, t } = props;
  if (results && results.length === 0) {
    const name = props.query.trim();
    return (
      <div class="empty">
        <p role="status">{t('popup_no_results', [name])}</p>
        <button type="button" class="link add-entry" id="cg-add-entry" onClick={() => props.onAdd(name)}>
          {t('popup_add_entry', [name])}
        </button>
      </div>
    );
  }
  let i = 0;
  const option = (entry: CompiledEntry, hint: string | null) => {
    const index = i++;
    return (
      <Option
        key={entry.id}
        entry={entry}
        index={index}
        active={index === activeIndex}
        hint={hint}
        onChoose={props.onChoose}
        onHover={props.onHover}
      />
    );
  };
  if (results) {
    return (
      <ul id={LISTBOX_ID} role="listbox" aria-label={t('popup_results')} class="listbox">
        {results.map((r) => option(r.entry, hintFor(r, t)))}
      </ul>
    );
  }
  return (
    <div class="browse">
      <h2 class="section-title">{t('popup_browse')}</h2>
      <ul id={LISTBOX_ID} role="listbox" aria-label={t('popup_browse')} class="listbox">
        {(groups ?? []).map((g) => (
          <li role="presentation" key={g.category}>
            <ul role="group" aria-labelledby={`cg-cat-${g.category}`} class="group">
              <li role="presentation" id={`cg-cat-${g.category}`} class="group-title">
                {props.t(`card_category_${g.category}`)}
              </li>
              {g.entries.map((e) => option(e, null))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
