/** The keyboard shortcuts as a description list (popup and options; issue 12 deliverable 3). No browser APIs. */
import type { MessageKey, Translate } from '../core/i18n.js';

export interface ShortcutListProps {
  shortcuts: readonly { label: MessageKey; keys: string }[];
  t: Translate;
}

export function ShortcutList({ shortcuts, t }: ShortcutListProps) {
  if (shortcuts.length === 0) return null;
  return (
    <dl class="shortcuts" data-testid="shortcuts">
      {shortcuts.map((s) => (
        <div class="shortcut" key={s.label}>
          <dt>{s.keys ? <kbd>{s.keys}</kbd> : <span class="shortcut-unset">{t('shortcut_unset')}</span>}</dt>
          <dd>{t(s.label)}</dd>
        </div>
      ))}
    </dl>
  );
}
