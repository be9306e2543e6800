/**
 * The form for one entry (pure): an own entry (every field) or a built-in one (definition, spellings and context
 * rule only, with "Reset to original"). Errors and warnings are keyed by field path ("aliases[1].text").
 */
import { useEffect, useRef } from 'preact/hooks';
import { CATEGORIES, type CaseRule, type Category } from '../core/glossary-types.js';
import { CASE_RULES } from '../core/user-glossary.js';
import type { DraftErrors, EntryDraft } from './own-entry-draft.js';
import type { Translate } from '../core/i18n.js';

export interface EntryEditorProps {
  draft: EntryDraft;
  mode: 'own' | 'builtin';
  title: string;
  errors: DraftErrors;
  warnings: DraftErrors;
  /** Spelling field -> name of another entry that already marks it. */
  conflicts: DraftErrors;
  /** Entry names offered for "only mark when" (the form speaks in names; GlossarySection maps them to ids). */
  knownNames: readonly string[];
  onChange: (d: EntryDraft) => void;
  onSave: () => void;
  onCancel: () => void;
  /** Built-in entries with an override: drop it. */
  onReset?: (() => void) | undefined;
  t: Translate;
}

export function EntryEditor(p: EntryEditorProps) {
  const { draft: d, t, errors, warnings, conflicts } = p;
  const own = p.mode === 'own';
  const formRef = useRef<HTMLFormElement>(null);
  // Issue 12 item 9: opening the form moves focus into it (autoFocus does not apply to an element rendered later)
  // and brings it into view. GlossarySection keys the editor by entry, so this runs once per opened entry.
  useEffect(() => {
    const form = formRef.current;
    form?.querySelector<HTMLElement>('input[type="text"], textarea')?.focus({ preventScroll: true });
    // Instant: the page's smooth scrolling would slide the form's buttons away under a click that follows.
    form?.scrollIntoView({ block: 'start', behavior: 'instant' });
  }, []);
  const set = (patch: Partial<EntryDraft>) => p.onChange({ ...d, ...patch });
  const err = (field: string) => errors[field];
  const describe = (field: string) =>
    [errors[field] ? `err-${field}` : '', warnings[field] ? `warn-${field}` : '', conflicts[field] ? `taken-${field}` : ''].filter(Boolean).join(' ') || undefined;
  const msgs = (field: string) => (
    <>
      {errors[field] && <span class="error" id={`err-${field}`}>{errors[field]}</span>}
      {warnings[field] && <span class="warning" id={`warn-${field}`}>{t('options_markup_warning', [warnings[field]!])}</span>}
      {conflicts[field] && <span class="warning" id={`taken-${field}`}>{t('options_spelling_taken', [conflicts[field]!])}</span>}
    </>
  );
  const setName = (name: string) => {
    // Keep the first spelling in step with the name while it still spells the old name.
    const aliases = d.aliases.length && d.aliases[0]!.text === d.name ? [{ ...d.aliases[0]!, text: name }, ...d.aliases.slice(1)] : d.aliases;
    set({ name, aliases });
  };
  return (
    <form class="entry-editor" aria-labelledby="editor-title" data-testid="entry-editor" noValidate ref={formRef}
      onSubmit={(e) => {
        e.preventDefault();
        p.onSave();
      }}>
      <h3 id="editor-title">{p.title}</h3>
      {Object.keys(errors).length > 0 && <p class="error" role="alert">{t('options_entry_errors')}</p>}
      {own && (
        <>
          <label class="field">
            <span>{t('options_field_name')}</span>
            <input name="name" type="text" value={d.name} required aria-invalid={err('name') ? 'true' : undefined} aria-describedby={describe('name')}
              onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} />
            {msgs('name')}
          </label>
          <label class="field">
            <span>{t('options_field_category')}</span>
            <select name="category" value={d.category} onChange={(e) => set({ category: (e.currentTarget as HTMLSelectElement).value as Category })}>
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>{t(`options_category_${c}`)}</option>
              ))}
            </select>
          </label>
        </>
      )}
      <fieldset>
        <legend>{t('options_field_aliases')}</legend>
        {err('aliases') && <span class="error">{err('aliases')}</span>}
        {d.aliases.map((a, i) => {
          const f = `aliases[${i}].text`;
          const replace = (patch: Partial<typeof a>) => set({ aliases: d.aliases.map((x, k) => (k === i ? { ...x, ...patch } : x)) });
          return (
            <div class="alias-row" key={i}>
              <input type="text" name={`alias-${i}`} value={a.text} aria-label={t('options_field_alias', [i + 1])}
                aria-invalid={err(f) ? 'true' : undefined} aria-describedby={describe(f)}
                onInput={(e) => replace({ text: (e.currentTarget as HTMLInputElement).value })} />
              <select name={`alias-case-${i}`} value={a.case} aria-label={t('options_field_case', [i + 1])}
                onChange={(e) => replace({ case: (e.currentTarget as HTMLSelectElement).value as CaseRule })}>
                {CASE_RULES.map((c) => (
                  <option key={c} value={c}>{t(`options_case_${c}`)}</option>
                ))}
              </select>
              <button type="button" aria-label={t('options_remove_alias', [i + 1])} disabled={d.aliases.length <= 1}
                onClick={() => set({ aliases: d.aliases.filter((_, k) => k !== i) })}>×</button>
              {msgs(f)}
            </div>
          );
        })}
        <button type="button" onClick={() => set({ aliases: [...d.aliases, { text: '', case: 'proper' }] })}>{t('options_add_alias')}</button>
      </fieldset>
      <label class="field">
        <span>{t('options_field_definition')}</span>
        <textarea name="definition" rows={4} value={d.definition} aria-invalid={err('definition') ? 'true' : undefined} aria-describedby={describe('definition')}
          onInput={(e) => set({ definition: (e.currentTarget as HTMLTextAreaElement).value })} />
        {msgs('definition')}
      </label>
      <label class="field">
        <span>{t('options_field_requires')}</span>
        <input name="requires" type="text" list="entry-names" value={d.requires} spellcheck={false} aria-invalid={err('requires') ? 'true' : undefined}
          aria-describedby={describe('requires')} onInput={(e) => set({ requires: (e.currentTarget as HTMLInputElement).value })} />
        {msgs('requires')}
        <datalist id="entry-names">
          {p.knownNames.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      </label>
      {own && (
        <>
          <label class="field">
            <span>{t('options_field_notes')}</span>
            <textarea name="notes" rows={2} value={d.notes} aria-describedby={describe('notes')}
              onInput={(e) => set({ notes: (e.currentTarget as HTMLTextAreaElement).value })} />
            {msgs('notes')}
          </label>
          <fieldset>
            <legend>{t('options_field_quotes')}</legend>
            {d.quotes.map((q, i) => {
              const replace = (patch: Partial<typeof q>) => set({ quotes: d.quotes.map((x, k) => (k === i ? { ...x, ...patch } : x)) });
              return (
                <div class="quote-row" key={i}>
                  <label class="field">
                    <span>{t('options_field_quote', [i + 1])}</span>
                    <textarea name={`quote-${i}`} rows={2} value={q.text} aria-describedby={describe(`quotes[${i}].text`)}
                      aria-invalid={err(`quotes[${i}].text`) ? 'true' : undefined}
                      onInput={(e) => replace({ text: (e.currentTarget as HTMLTextAreaElement).value })} />
                    {msgs(`quotes[${i}].text`)}
                  </label>
                  <label class="field">
                    <span>{t('options_field_source', [i + 1])}</span>
                    <input name={`quote-source-${i}`} type="url" value={q.sourceUrl} placeholder="https://" aria-describedby={describe(`quotes[${i}].sourceUrl`)}
                      aria-invalid={err(`quotes[${i}].sourceUrl`) ? 'true' : undefined}
                      onInput={(e) => replace({ sourceUrl: (e.currentTarget as HTMLInputElement).value })} />
                    {msgs(`quotes[${i}].sourceUrl`)}
                  </label>
                  <button type="button" onClick={() => set({ quotes: d.quotes.filter((_, k) => k !== i) })}>{t('options_remove_quote', [i + 1])}</button>
                </div>
              );
            })}
            <button type="button" onClick={() => set({ quotes: [...d.quotes, { text: '', sourceUrl: '' }] })}>{t('options_add_quote')}</button>
          </fieldset>
        </>
      )}
      <div class="buttons">
        <button type="submit" class="primary" data-testid="save-entry">{t('options_save_entry')}</button>
        <button type="button" onClick={p.onCancel}>{t('options_cancel')}</button>
        {p.onReset && <button type="button" onClick={p.onReset} data-testid="reset-original">{t('options_reset_original')}</button>}
      </div>
    </form>
  );
}
