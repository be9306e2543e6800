/** Appearance section (connected): the page's settings state in, whole-settings edits out to the debounced writer. */
import type { Settings } from '../core/settings/schema.js';
import { AppearanceForm } from './AppearanceForm.js';
import type { Translate } from '../core/i18n.js';

export function AppearanceSection({ settings, onSettings, t }: { settings: Settings; onSettings: (fn: (s: Settings) => Settings) => void; t: Translate }) {
  return <AppearanceForm value={settings} onChange={(next) => onSettings(() => next)} t={t} />;
}
