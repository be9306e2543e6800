/**
 * Glossary section (connected): turns the compiled glossary, settings and own entries into GlossaryForm /
 * EntryEditor props and writes their changes through the store.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CompiledGlossary } from '../core/glossary-types.js';
import type { Settings } from '../core/settings/schema.js';
import type { UserGlossary } from '../core/user-glossary.js';
import { EntryEditor } from './EntryEditor.js';
import {
  builtInAliases,
  filterEntries,
  listEntries,
  setCategoryEnabled,
  setEntryEnabled,
  spellingConflicts,
  spellingOwners,
  type CategoryFilter,
} from './entry-list.js';
import { GlossaryForm } from './GlossaryForm.js';
import type { Translate } from '../core/i18n.js';
import { draftFromOwn, draftToOverride, draftToOwn, draftWarnings, emptyDraft, type DraftErrors, type EntryDraft } from './own-entry-draft.js';
import type { Notify, OptionsStore } from './store-api.js';

interface Editing {
  mode: 'own' | 'builtin';
  draft: EntryDraft;
  errors: DraftErrors;
}

export interface GlossarySectionProps {
  glossary: CompiledGlossary;
  settings: Settings;
  user: UserGlossary;
  store: OptionsStore;
  notify: Notify;
  /** Settings edits (debounced write by the page). */
  onSettings: (fn: (s: Settings) => Settings) => void;
  /** `?add=<text>`: open the add form prefilled (the context menu's "Add to my glossary"). */
  addPrefill: string | null;
  t: Translate;
}

export function GlossarySection({ glossary, settings, user, store, notify, onSettings, addPrefill, t }: GlossarySectionProps) {
  const [filter, setFilter] = useState<CategoryFilter>('all');
  const [query, setQuery] = useState('');
  const [pendingDelete, setPendingDelete] = useState<string | null>(null);
  /** The entry just saved: highlighted, and once listed, scrolled to with focus on its Edit button (issue 12 item 9). */
  const [justSaved, setJustSaved] = useState<{ id: string; shown: boolean } | null>(null);
  const [editing, setEditing] = useState<Editing | null>(() =>
    addPrefill !== null ? { mode: 'own', draft: emptyDraft(addPrefill), errors: {} } : null,
  );
  const all = useMemo(() => listEntries(glossary.entries, user, settings), [glossary, user, settings]);
  const shown = useMemo(() => filterEntries(all, filter, query), [all, filter, query]);
  const owners = useMemo(() => spellingOwners(glossary, user), [glossary, user]);
  useEffect(() => {
    if (!justSaved || justSaved.shown) return;
    const row = document.querySelector<HTMLElement>(`[data-entry="${CSS.escape(justSaved.id)}"]`);
    if (!row) return;
    row.scrollIntoView({ block: 'center', behavior: 'instant' });
    row.querySelector<HTMLButtonElement>('.entry-actions button')?.focus({ preventScroll: true });
    setJustSaved({ ...justSaved, shown: true });
  }, [justSaved, shown]);
  const saved = (id: string) => {
    // The filter must not hide what was just saved.
    setFilter('all');
    setQuery('');
    setJustSaved({ id, shown: false });
  };
  const knownIds = useMemo(() => [...glossary.entries.map((e) => e.id), ...user.own.map((e) => e.id)], [glossary, user]);
  // The "only mark when" field speaks in entry names (issue 12 item 6: ids are never shown); ids are stored.
  const names = useMemo(() => {
    const all = [...glossary.entries, ...user.own];
    const nameOf = new Map(all.map((e) => [e.id, e.name]));
    const idOf = new Map(all.map((e) => [e.name.toLowerCase(), e.id]));
    return {
      list: all.map((e) => e.name),
      show: (ids: readonly string[]) => ids.map((id) => nameOf.get(id) ?? id).join(', '),
      read: (text: string) =>
        text.split(',').map((x) => x.trim()).filter(Boolean).map((x) => idOf.get(x.toLowerCase()) ?? x).join(', '),
    };
  }, [glossary, user]);

  const save = (p: Promise<unknown>) => p.then(() => notify(t('options_saved')), (e: unknown) => notify(t('options_save_failed', [String(e)]), 'error'));

  const originalOf = (id: string) => {
    const e = glossary.entries.find((x) => x.id === id)!;
    const { aliases, requires } = builtInAliases(glossary, id);
    return { definition: e.definition, aliases: aliases.map((a) => ({ text: a.text, case: a.case })), requires, name: e.name, category: e.category };
  };

  const edit = (id: string) => {
    const own = user.own.find((e) => e.id === id);
    if (own) return setEditing({ mode: 'own', draft: { ...draftFromOwn(own), requires: names.show(own.requires ?? []) }, errors: {} });
    const orig = originalOf(id);
    const o = user.overrides[id];
    setEditing({
      mode: 'builtin',
      errors: {},
      draft: {
        id,
        name: orig.name,
        category: orig.category,
        aliases: o?.aliases ? o.aliases.map((a) => ({ text: a.text, case: a.case })) : orig.aliases,
        definition: o?.definition ?? orig.definition,
        notes: '',
        quotes: [],
        requires: names.show(o?.requires ?? orig.requires),
      },
    });
  };

  const saveEditing = () => {
    if (!editing) return;
    const d = { ...editing.draft, requires: names.read(editing.draft.requires) };
    if (editing.mode === 'own') {
      const r = draftToOwn(d, { takenIds: new Set(knownIds), knownIds: new Set(knownIds) });
      if (!r.ok) return setEditing({ ...editing, errors: r.errors });
      save(store.changeUserGlossary({ kind: 'putOwn', entry: r.entry }));
      setEditing(null);
      saved(r.entry.id);
      return;
    }
    const id = d.id!;
    const r = draftToOverride(d, originalOf(id), new Set(knownIds));
    if (!r.ok) return setEditing({ ...editing, errors: r.errors });
    save(store.changeUserGlossary({ kind: 'setOverride', id, override: r.override }));
    setEditing(null);
    saved(id);
  };

  return (
    <>
      {editing && (
        <EntryEditor
          key={`${editing.mode}:${editing.draft.id ?? 'new'}`}
          draft={editing.draft}
          mode={editing.mode}
          title={editing.mode === 'builtin' ? t('options_editor_builtin', [editing.draft.name]) : editing.draft.id ? t('options_editor_own', [editing.draft.name]) : t('options_editor_new')}
          errors={editing.errors}
          warnings={draftWarnings(editing.draft)}
          conflicts={spellingConflicts(editing.draft.aliases, owners, editing.draft.id)}
          knownNames={names.list}
          onChange={(draft) => setEditing({ ...editing, draft })}
          onSave={saveEditing}
          onCancel={() => setEditing(null)}
          onReset={
            editing.mode === 'builtin' && user.overrides[editing.draft.id!]
              ? () => {
                  save(store.changeUserGlossary({ kind: 'setOverride', id: editing.draft.id!, override: null }));
                  setEditing(null);
                }
              : undefined
          }
          t={t}
        />
      )}
      {pendingDelete && (
        <div class="confirm" role="alertdialog" aria-labelledby="delete-q" data-testid="confirm-delete">
          <p id="delete-q">{t('options_delete_confirm', [user.own.find((e) => e.id === pendingDelete)?.name ?? pendingDelete])}</p>
          <button type="button" class="danger" autoFocus onClick={() => {
            const id = pendingDelete;
            setPendingDelete(null);
            save(store.changeUserGlossary({ kind: 'deleteOwn', id }));
            // A deleted entry leaves no switch behind in the settings.
            if (settings.entries.disabled.includes(id)) onSettings((s) => setEntryEnabled(s, id, true));
          }}>{t('options_delete')}</button>
          <button type="button" onClick={() => setPendingDelete(null)}>{t('options_cancel')}</button>
        </div>
      )}
      <GlossaryForm
        items={shown}
        total={all.length}
        offCategories={settings.entries.disabledCategories}
        filter={filter}
        query={query}
        onFilter={setFilter}
        onQuery={setQuery}
        onToggleCategory={(c, on) => onSettings((s) => setCategoryEnabled(s, c, on))}
        onToggleEntry={(id, on) => onSettings((s) => setEntryEnabled(s, id, on))}
        onEdit={edit}
        onDelete={setPendingDelete}
        onAdd={() => setEditing({ mode: 'own', draft: emptyDraft(), errors: {} })}
        highlight={justSaved?.id ?? null}
        t={t}
      />
    </>
  );
}
