/** Appearance section (connected): the page's settings state in, whole-settings edits out to the debounced writer. */
import { useMemo } from 'preact/hooks';
import type { CompiledGlossary } from '../core/glossary-types.js';
import type { Settings } from '../core/settings/schema.js';
import { AppearanceForm } from './AppearanceForm.js';
import type { Translate } from '../core/i18n.js';

export interface AppearanceSectionProps {
  glossary: CompiledGlossary;
  settings: Settings;
  onSettings: (fn: (s: Settings) => Settings) => void;
  t: Translate;
}

export function AppearanceSection({ glossary, settings, onSettings, t }: AppearanceSectionProps) {
  // The preview card shows the report's central entry (the TTP), or else its most mentioned one.
  const sample = useMemo(() => {
    const byId = new Map(glossary.entries.map((e) => [e.id, e]));
    const entry = byId.get('ttp') ?? [...glossary.entries].sort((a, b) => b.mentions - a.mentions)[0];
    return entry && { entry, report: glossary.report.meta, resolveEntry: (id: string) => byId.get(id) };
  }, [glossary]);
  return <AppearanceForm value={settings} onChange={(next) => onSettings(() => next)} sample={sample} t={t} />;
}
