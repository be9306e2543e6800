/** Options: the keyboard shortcuts as the browser has them bound, and where to change them (issue 12 deliverable 3). */
import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '../core/i18n.js';
import type { Shortcut } from '../shared/shortcuts.js';
import { ShortcutList } from '../ui/ShortcutList.js';

export function KeyboardSection({ loadShortcuts, t }: { loadShortcuts: () => Promise<Shortcut[]>; t: Translate }) {
  const [shortcuts, setShortcuts] = useState<Shortcut[]>([]);
  useEffect(() => {
    void loadShortcuts().then(setShortcuts);
  }, [loadShortcuts]);
  return (
    <>
      <ShortcutList shortcuts={shortcuts} t={t} />
      <p class="help">{t('shortcuts_change')}</p>
    </>
  );
}
