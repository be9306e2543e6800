/**
 * Which entries may be painted on this page, from the settings (pure; tested in node). Context rules and
 * first-mention selection are per hit and live in the engine; this is the per-entry part that settings change.
 */
import type { Category } from '../core/glossary-types.js';
import { siteMatches, type Settings } from '../core/settings/schema.js';

export interface PaintableEntry {
  id: string;
  category: Category;
  anchorOnly: boolean;
}

/**
 * paintable[i] is true when entry i may be marked on `host`: not anchor-only (those only give context), not disabled
 * by id or category, and no "not this meaning on this site" rule for it here.
 */
export function paintableEntries(entries: readonly PaintableEntry[], settings: Settings, host: string): boolean[] {
  const disabled = new Set(settings.entries.disabled);
  const disabledCats = new Set<Category>(settings.entries.disabledCategories);
  const ruledOut = new Set(settings.meaningRules.filter((r) => siteMatches(r.site, host)).map((r) => r.entry));
  return entries.map(
    (e) => !e.anchorOnly && !disabled.has(e.id) && !disabledCats.has(e.category) && !ruledOut.has(e.id),
  );
}

/** Same list, as a compact key to tell whether a settings change altered what is painted. */
export function paintKey(paintable: readonly boolean[]): string {
  let s = '';
  for (const p of paintable) s += p ? '1' : '0';
  return s;
}
