/**
 * Readable names for changed settings in the import preview (issue 12 deliverable 6: the preview listed
 * `marking.style, card.theme`). A settings path maps to the label the options page itself shows for that control;
 * paths under one control (the five colours) collapse into one label. Pure.
 */
import type { MessageKey, Translate } from '../core/i18n.js';

const LABELS: readonly (readonly [prefix: string, key: MessageKey])[] = [
  ['enabled', 'options_enabled'],
  ['marking.everyMention', 'options_mentions'],
  ['marking.mentions', 'options_mentions'],
  ['keyboard.skipRepeats', 'options_skip_repeats'],
  ['marking.style', 'options_mark_style'],
  ['marking.colors', 'options_colors'],
  ['hover.delayMs', 'options_hover_delay'],
  ['card.width', 'options_card_width'],
  ['card.fontSize', 'options_font_size'],
  ['card.theme', 'options_theme'],
  ['sites.mode', 'options_site_mode'],
  ['sites.allow', 'options_allowlist'],
  ['sites.deny', 'options_denylist'],
  ['sites.languages', 'options_languages'],
  ['sites.iframes', 'options_iframes'],
  ['entries.disabledCategories', 'options_categories'],
  ['entries.disabled', 'options_filter_off'],
  ['meaningRules', 'options_meaning_rules'],
  ['badge', 'options_badge'],
];

/** The distinct labels for these changed paths, in the order the options page shows them; `version` is not a
 *  user's setting and is left out; a path no label knows becomes "other settings" rather than vanishing. */
export function settingLabels(paths: readonly string[], t: Translate): string[] {
  const out = new Set<string>();
  for (const [prefix, key] of LABELS) {
    if (paths.some((p) => p === prefix || p.startsWith(`${prefix}.`))) out.add(t(key));
  }
  const known = (p: string) => p === 'version' || LABELS.some(([prefix]) => p === prefix || p.startsWith(`${prefix}.`));
  if (paths.some((p) => !known(p))) out.add(t('options_import_other'));
  return [...out];
}
