/**
 * Glossary (pure form): category switches, a filtered and searchable list of every entry with its switch, badges
 * (yours / changed / context only), and Edit / Delete buttons. Editing happens in EntryEditor.
 */
import { CATEGORIES, type Category } from '../core/glossary-types.js';
import type { CategoryFilter, ListItem } from './entry-list.js';
import type { Translate } from '../core/i18n.js';

export interface GlossaryFormProps {
  items: ListItem[];
  total: number;
  offCategories: readonly Category[];
  filter: CategoryFilter;
  query: string;
  onFilter: (f: CategoryFilter) => void;
  onQuery: (q: string) => void;
  onToggleCategory: (c: Category, enabled: boolean) => void;
  onToggleEntry: (id: string, enabled: boolean) => void;
  onEdit: (id: string) => void;
  onDelete: (id: string) => void;
  onAdd: () => void;
  /** The entry just saved, highlighted in the list. */
  highlight?: string | null | undefined;
  t: Translate;
}

const catKey = (c: Category) => `options_category_${c}` as const;

export function GlossaryForm(p: GlossaryFormProps) {
  const { t } = p;
  return (
    <div class="glossary-form">
      <fieldset class="categories">
        <legend>{t('options_categories')}</legend>
        {CATEGORIES.map((c) => (
          <label class="choice" key={c}>
            <input type="checkbox" name={`category-${c}`} checked={!p.offCategories.includes(c)}
              onChange={(e) => p.onToggleCategory(c, (e.currentTarget as HTMLInputElement).checked)} />
            {t(catKey(c))}
          </label>
        ))}
      </fieldset>

      <div class="toolbar" role="search">
        <label class="field">
          <span>{t('options_search')}</span>
          <input type="search" name="entry-search" value={p.query} onInput={(e) => p.onQuery((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <label class="field">
          <span>{t('options_filter')}</span>
          <select name="entry-filter" value={p.filter} onChange={(e) => p.onFilter((e.currentTarget as HTMLSelectElement).value as CategoryFilter)}>
            <option value="all">{t('options_filter_all')}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>{t(catKey(c))}</option>
            ))}
            <option value="own">{t('options_filter_own')}</option>
            <option value="edited">{t('options_filter_edited')}</option>
            <option value="off">{t('options_filter_off')}</option>
          </select>
        </label>
        <button type="button" class="primary" onClick={p.onAdd} data-testid="add-entry">{t('options_add_entry')}</button>
      </div>

      <p class="count" aria-live="polite">{t('options_entry_count', [p.items.length, p.total])}</p>
      {p.items.length === 0 ? (
        <p class="empty">{t('options_no_entries')}</p>
      ) : (
        <ul class="entries" data-testid="entries">
          {p.items.map((it) => (
            <li key={it.id} data-entry={it.id} class={[it.enabled && it.categoryEnabled ? '' : 'off', it.id === p.highlight ? 'just-saved' : ''].filter(Boolean).join(' ')}>
              <label class="choice entry-switch">
                <input type="checkbox" checked={it.enabled} onChange={(e) => p.onToggleEntry(it.id, (e.currentTarget as HTMLInputElement).checked)}
                  aria-label={t('options_mark_entry', [it.name])} />
                <span class="entry-name">{it.name}</span>
              </label>
              <span class={`cat cat-${it.category}`}>{t(catKey(it.category))}</span>
              {it.own && <span class="badge own">{t('options_badge_own')}</span>}
              {it.overridden && <span class="badge edited">{t('options_badge_edited')}</span>}
              {it.anchorOnly && <span class="badge">{t('options_badge_anchor')}</span>}
              {!it.categoryEnabled && <span class="badge">{t('options_badge_category_off')}</span>}
              <span class="entry-def">{it.definition}</span>
              <span class="entry-actions">
                <button type="button" aria-label={t('options_edit_named', [it.name])} onClick={() => p.onEdit(it.id)}>{t('options_edit')}</button>
                {it.own && (
                  <button type="button" aria-label={t('options_delete_named', [it.name])} onClick={() => p.onDelete(it.id)}>{t('options_delete')}</button>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
