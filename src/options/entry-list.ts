/**
 * The Glossary section's list: built-in and own entries with their state (enabled, category enabled, overridden),
 * filtered by category and a search text. Pure (tested in node).
 */
import { foldString } from '../core/fold.js';
import { spellingForms } from '../core/glossary-schema.js';
import type { AliasSource, CompiledEntry, CompiledGlossary, Category } from '../core/glossary-types.js';
import type { Settings } from '../core/settings/schema.js';
import type { UserGlossary } from '../core/user-glossary.js';

export interface ListItem {
  id: string;
  name: string;
  category: Category;
  aliases: string[];
  definition: string;
  own: boolean;
  /** A built-in entry the user changed (definition, aliases or context rule). */
  overridden: boolean;
  /** Never marked itself: it only gives context to others (Pakistan, Afghanistan). */
  anchorOnly: boolean;
  /** The entry's own switch. */
  enabled: boolean;
  categoryEnabled: boolean;
}

export type CategoryFilter = Category | 'all' | 'own' | 'edited' | 'off';

export function listEntries(builtIn: readonly CompiledEntry[], user: UserGlossary, settings: Settings): ListItem[] {
  const disabled = new Set(settings.entries.disabled);
  const offCats = new Set(settings.entries.disabledCategories);
  const items: ListItem[] = builtIn.map((e) => {
    const o = user.overrides[e.id];
    return {
      id: e.id,
      name: e.name,
      category: e.category,
      aliases: o?.aliases ? o.aliases.map((a) => a.text) : e.aliases,
      definition: o?.definition ?? e.definition,
      own: false,
      overridden: o !== undefined,
      anchorOnly: e.anchorOnly,
      enabled: !disabled.has(e.id),
      categoryEnabled: !offCats.has(e.category),
    };
  });
  for (const e of user.own) {
    items.push({
      id: e.id,
      name: e.name,
      category: e.category,
      aliases: e.aliases.map((a) => a.text),
      definition: e.definition,
      own: true,
      overridden: false,
      anchorOnly: false,
      enabled: !disabled.has(e.id),
      categoryEnabled: !offCats.has(e.category),
    });
  }
  return items.sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
}

export function filterEntries(items: readonly ListItem[], filter: CategoryFilter, query: string): ListItem[] {
  const q = foldString(query.trim());
  return items.filter((it) => {
    if (filter === 'own' && !it.own) return false;
    if (filter === 'edited' && !it.overridden) return false;
    if (filter === 'off' && it.enabled && it.categoryEnabled) return false;
    if (filter !== 'all' && filter !== 'own' && filter !== 'edited' && filter !== 'off' && it.category !== filter) return false;
    if (!q) return true;
    return [it.name, ...it.aliases, it.definition, it.id].some((s) => foldString(s).includes(q));
  });
}

/** Toggles one id in the settings' disabled list (returns new settings). */
export function setEntryEnabled(s: Settings, id: string, enabled: boolean): Settings {
  const rest = s.entries.disabled.filter((x) => x !== id);
  return { ...s, entries: { ...s.entries, disabled: enabled ? rest : [...rest, id] } };
}

export function setCategoryEnabled(s: Settings, c: Category, enabled: boolean): Settings {
  const rest = s.entries.disabledCategories.filter((x) => x !== c);
  return { ...s, entries: { ...s.entries, disabledCategories: enabled ? rest : [...rest, c] } };
}

/**
 * A built-in entry's spellings as source aliases (case rule and context rule), recovered from the compiled
 * matcher's terms: the override form starts from these, so "edit" begins with exactly what is in effect.
 */
export function builtInAliases(glossary: CompiledGlossary, id: string): { aliases: AliasSource[]; requires: string[] } {
  const idx = glossary.entries.findIndex((e) => e.id === id);
  const terms = glossary.matcher.terms.filter((t) => t.entry === idx);
  const idOf = (i: number) => glossary.entries[i]?.id;
  const aliases = terms.map((t) => {
    const a: AliasSource = { text: t.text, case: t.caseRule };
    const req = (t.requires ?? []).map(idOf).filter((x): x is string => !!x);
    if (req.length) a.requires = req;
    return a;
  });
  // The entry-level rule is the one every spelling shares (if they differ, each keeps its own).
  const first = aliases[0]?.requires ?? [];
  const shared = aliases.every((a) => JSON.stringify(a.requires ?? []) === JSON.stringify(first));
  if (shared) for (const a of aliases) delete a.requires;
  return { aliases, requires: shared ? first : [] };
}

/**
 * Who already owns each spelling (folded, hyphen variants included): built-in spellings from the compiled matcher,
 * own entries from storage. The editor warns when a new spelling collides (both would claim the same words).
 */
export function spellingOwners(glossary: CompiledGlossary, user: UserGlossary): Map<string, { id: string; name: string }> {
  const owners = new Map<string, { id: string; name: string }>();
  const add = (text: string, id: string, name: string) => {
    for (const f of spellingForms(text)) if (!owners.has(f)) owners.set(f, { id, name });
  };
  for (const t of glossary.matcher.terms) {
    const e = t.entry >= 0 ? glossary.entries[t.entry] : undefined;
    if (e && !user.overrides[e.id]?.aliases) add(t.text, e.id, e.name);
  }
  for (const [id, o] of Object.entries(user.overrides)) {
    const e = glossary.entries.find((x) => x.id === id);
    if (e && o.aliases) for (const a of o.aliases) add(a.text, id, e.name);
  }
  for (const e of user.own) for (const a of e.aliases) add(a.text, e.id, e.name);
  return owners;
}

/** Field -> name of the other entry that already marks that spelling. */
export function spellingConflicts(
  aliases: readonly { text: string }[],
  owners: ReadonlyMap<string, { id: string; name: string }>,
  selfId: string | null,
): Record<string, string> {
  const out: Record<string, string> = {};
  aliases.forEach((a, i) => {
    if (!a.text.trim()) return;
    for (const f of spellingForms(a.text.trim())) {
      const owner = owners.get(f);
      if (owner && owner.id !== selfId) {
        out[`aliases[${i}].text`] = owner.name;
        break;
      }
    }
  });
  return out;
}
