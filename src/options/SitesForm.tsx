/**
 * Sites (pure form): global switch, allowlist/denylist with patterns, "only listed" mode, page-language rule,
 * iframes, and the rules a card's actions made (CardRules: listed in plain words, each undoable).
 */
import { useState } from 'preact/hooks';
import type { Settings } from '../core/settings/schema.js';
import type { Translate } from '../core/i18n.js';
import { addPattern } from './site-patterns.js';
import { CardRules } from './CardRules.js';

export interface SitesFormProps {
  value: Settings;
  onChange: (next: Settings) => void;
  /** Display name of an entry id (meaning rules name entries). */
  entryName: (id: string) => string;
  t: Translate;
}

export function SitesForm({ value, onChange, entryName, t }: SitesFormProps) {
  const sites = (patch: Partial<Settings['sites']>) => onChange({ ...value, sites: { ...value.sites, ...patch } });
  return (
    <div class="form-grid">
      <label class="choice">
        <input type="checkbox" name="enabled" checked={value.enabled} onChange={(e) => onChange({ ...value, enabled: (e.currentTarget as HTMLInputElement).checked })} />
        {t('options_enabled')}
      </label>
      <fieldset>
        <legend>{t('options_site_mode')}</legend>
        <label class="choice">
          <input type="radio" name="site-mode" value="all" checked={value.sites.mode === 'all'} onChange={() => sites({ mode: 'all' })} />
          {t('options_mode_all')}
        </label>
        <label class="choice">
          <input type="radio" name="site-mode" value="only-listed" checked={value.sites.mode === 'only-listed'} onChange={() => sites({ mode: 'only-listed' })} />
          {t('options_mode_only')}
        </label>
      </fieldset>
      <p class="help" id="pattern-help">{t('options_pattern_help')}</p>
      <PatternList id="allow" title={t('options_allowlist')} items={value.sites.allow} onChange={(allow) => sites({ allow })} t={t} />
      <PatternList id="deny" title={t('options_denylist')} items={value.sites.deny} onChange={(deny) => sites({ deny })} t={t} />
      <label class="field">
        <span>{t('options_languages')}</span>
        <select name="languages" value={value.sites.languages} onChange={(e) => sites({ languages: (e.currentTarget as HTMLSelectElement).value as Settings['sites']['languages'] })}>
          <option value="glossary">{t('options_languages_glossary')}</option>
          <option value="all">{t('options_languages_all')}</option>
        </select>
      </label>
      <label class="choice">
        <input type="checkbox" name="iframes" checked={value.sites.iframes} onChange={(e) => sites({ iframes: (e.currentTarget as HTMLInputElement).checked })} />
        {t('options_iframes')}
      </label>
      <CardRules value={value} onChange={onChange} entryName={entryName} t={t} />
    </div>
  );
}

function PatternList({ id, title, items, onChange, t }: { id: string; title: string; items: string[]; onChange: (next: string[]) => void; t: Translate }) {
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = () => {
    const r = addPattern(items, input);
    if (r.ok) {
      onChange(r.items);
      setInput('');
      setError(null);
    } else
      setError(
        r.error === 'duplicate' ? t('options_pattern_duplicate', [r.pattern]) : r.error === 'full' ? t('options_pattern_full') : t('options_pattern_invalid', [input.trim()]),
      );
  };
  const inputId = `${id}-input`;
  const errorId = `${id}-error`;
  return (
    <fieldset class="pattern-list" data-testid={`${id}-list`}>
      <legend>{title}</legend>
      <div class="inline">
        <label class="visually-hidden" for={inputId}>{t('options_pattern_input', [title])}</label>
        <input id={inputId} type="text" value={input} placeholder="example.com" aria-describedby={`pattern-help${error ? ` ${errorId}` : ''}`}
          aria-invalid={error ? 'true' : undefined} spellcheck={false} autocomplete="off"
          onInput={(e) => setInput((e.currentTarget as HTMLInputElement).value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }} />
        <button type="button" onClick={add}>{t('options_add')}</button>
      </div>
      {error && <p class="error" id={errorId} role="alert">{error}</p>}
      {items.length === 0 ? (
        <p class="empty">{t('options_list_empty')}</p>
      ) : (
        <ul class="rows">
          {items.map((p) => (
            <li key={p}>
              <code>{p}</code>
              <button type="button" aria-label={t('options_remove_named', [p])} onClick={() => onChange(items.filter((x) => x !== p))}>
                {t('options_delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
