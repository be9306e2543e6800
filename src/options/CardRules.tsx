/**
 * The rules a card's actions made, in plain words, each with "Mark again" (issue 12 deliverable 2: "the options page
 * shows the rule it created"). "Don't mark this term" turns the entry off everywhere (settings.entries.disabled);
 * "Not this meaning on this site" adds a per-site rule (settings.meaningRules). Both undo here. Pure form.
 */
import type { Settings } from '../core/settings/schema.js';
import type { Translate } from '../core/i18n.js';
import { setEntryEnabled } from './entry-list.js';

export interface CardRulesProps {
  value: Settings;
  onChange: (next: Settings) => void;
  entryName: (id: string) => string;
  t: Translate;
}

export function CardRules({ value, onChange, entryName, t }: CardRulesProps) {
  const off = value.entries.disabled;
  const rules = value.meaningRules;
  return (
    <fieldset>
      <legend>{t('options_card_rules')}</legend>
      <p class="help">{t('options_card_rules_help')}</p>
      {off.length === 0 && rules.length === 0 ? (
        <p class="empty">{t('options_no_card_rules')}</p>
      ) : (
        <ul class="rows" data-testid="card-rules">
          {off.map((id) => {
            const name = entryName(id);
            return (
              <li key={`off ${id}`} data-rule="dont-mark" data-entry={id}>
                <span>{t('options_rule_everywhere', [name])}</span>
                <button type="button" aria-label={t('options_mark_again_named', [name])} onClick={() => onChange(setEntryEnabled(value, id, true))}>
                  {t('options_mark_again')}
                </button>
              </li>
            );
          })}
          {rules.map((r, i) => {
            const name = entryName(r.entry);
            return (
              <li key={`site ${r.site} ${r.entry}`} data-rule="not-this-meaning" data-entry={r.entry}>
                <span>{t('options_rule_site', [name, r.site])}</span>
                <button type="button" aria-label={t('options_mark_again_on', [name, r.site])}
                  onClick={() => onChange({ ...value, meaningRules: rules.filter((_, k) => k !== i) })}>
                  {t('options_mark_again')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}
