/** Sites section (connected): settings in, edits out; names "not this meaning" rules' entries from the glossary. */
import type { CompiledGlossary } from '../core/glossary-types.js';
import type { Settings } from '../core/settings/schema.js';
import type { UserGlossary } from '../core/user-glossary.js';
import type { Translate } from '../core/i18n.js';
import { SitesForm } from './SitesForm.js';

export interface SitesSectionProps {
  glossary: CompiledGlossary;
  user: UserGlossary;
  settings: Settings;
  onSettings: (fn: (s: Settings) => Settings) => void;
  t: Translate;
}

export function SitesSection({ glossary, user, settings, onSettings, t }: SitesSectionProps) {
  const entryName = (id: string) => glossary.entries.find((e) => e.id === id)?.name ?? user.own.find((e) => e.id === id)?.name ?? id;
  return <SitesForm value={settings} onChange={(next) => onSettings(() => next)} entryName={entryName} t={t} />;
}
