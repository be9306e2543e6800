/**
 * Appearance (pure form): mark style, colours, first/every mention, hover delay, card size, theme, badge.
 * Takes the settings and reports a whole new Settings object on every change; knows nothing of storage.
 */
import { CATEGORIES, type Category } from '../core/glossary-types.js';
import { MARK_STYLES, MENTION_MODES, mentionMode, THEMES, type MarkStyle, type Settings, type Theme } from '../core/settings/schema.js';
import { MarkPreview, type PreviewSample } from './MarkPreview.js';
import type { Translate } from '../core/i18n.js';

export interface AppearanceFormProps {
  value: Settings;
  onChange: (next: Settings) => void;
  /** The entry the preview card shows (the real card needs a real entry). */
  sample?: PreviewSample | undefined;
  t: Translate;
}

export function AppearanceForm({ value, onChange, sample, t }: AppearanceFormProps) {
  const set = (fn: (s: Settings) => Settings) => onChange(fn(value));
  const marking = (patch: Partial<Settings['marking']>) => set((s) => ({ ...s, marking: { ...s.marking, ...patch } }));
  const card = (patch: Partial<Settings['card']>) => set((s) => ({ ...s, card: { ...s.card, ...patch } }));
  return (
    <div class="appearance">
      <div class="form-grid">
      <fieldset>
        <legend>{t('options_mark_style')}</legend>
        {MARK_STYLES.map((st: MarkStyle) => (
          <label class="choice" key={st}>
            <input type="radio" name="mark-style" value={st} checked={value.marking.style === st} onChange={() => marking({ style: st })} />
            {t(`options_style_${st}`)}
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('options_colors')}</legend>
        {CATEGORIES.map((c: Category) => (
          <label class="choice color-choice" key={c}>
            <input
              type="color"
              name={`color-${c}`}
              value={value.marking.colors[c]}
              onInput={(e) => marking({ colors: { ...value.marking.colors, [c]: (e.currentTarget as HTMLInputElement).value.toLowerCase() } })}
            />
            {t(`options_category_${c}`)}
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('options_mentions')}</legend>
        {/* Three modes (issue 12 deliverable 4, docs/noise.md); everyMention false is 0.1.0's "first per page". */}
        {MENTION_MODES.map((m) => (
          <label class="choice" key={m}>
            <input type="radio" name="mentions" value={m} checked={mentionMode(value) === m}
              onChange={() => marking({ everyMention: m !== 'page', mentions: m })} />
            {t(`options_mentions_${m}`)}
          </label>
        ))}
        <label class="choice">
          <input type="checkbox" name="skip-repeats" checked={value.keyboard.skipRepeats}
            onChange={(e) => set((s) => ({ ...s, keyboard: { skipRepeats: (e.currentTarget as HTMLInputElement).checked } }))} />
          {t('options_skip_repeats')}
        </label>
      </fieldset>

      <fieldset>
        <legend>{t('options_card_and_hover')}</legend>
        <Range id="hover-delay" label={t('options_hover_delay')} min={0} max={2000} step={50} value={value.hover.delayMs}
          shown={t('options_ms', [value.hover.delayMs])} onChange={(v) => set((s) => ({ ...s, hover: { delayMs: v } }))} />
        <Range id="card-width" label={t('options_card_width')} min={240} max={560} step={10} value={value.card.width}
          shown={t('options_px', [value.card.width])} onChange={(v) => card({ width: v })} />
        <Range id="font-size" label={t('options_font_size')} min={11} max={22} step={1} value={value.card.fontSize}
          shown={t('options_px', [value.card.fontSize])} onChange={(v) => card({ fontSize: v })} />
        <label class="field">
          <span>{t('options_theme')}</span>
          <select name="theme" value={value.card.theme} onChange={(e) => card({ theme: (e.currentTarget as HTMLSelectElement).value as Theme })}>
            {THEMES.map((th) => (
              <option key={th} value={th}>{t(`options_theme_${th}`)}</option>
            ))}
          </select>
        </label>
        <label class="choice">
          <input type="checkbox" name="badge" checked={value.badge} onChange={(e) => set((s) => ({ ...s, badge: (e.currentTarget as HTMLInputElement).checked }))} />
          {t('options_badge')}
        </label>
      </fieldset>
      </div>
      <MarkPreview settings={value} sample={sample} t={t} />
    </div>
  );
}

interface RangeProps {
  id: string;
  label: string;
  min: number;
  max: number;
  step: number;
  value: number;
  shown: string;
  onChange: (v: number) => void;
}

function Range({ id, label, min, max, step, value, shown, onChange }: RangeProps) {
  return (
    <div class="field range">
      <label for={id}>{label}</label>
      <input id={id} name={id} type="range" min={min} max={max} step={step} value={value} aria-valuetext={shown}
        onInput={(e) => onChange(Number((e.currentTarget as HTMLInputElement).value))} />
      <output for={id}>{shown}</output>
    </div>
  );
}
