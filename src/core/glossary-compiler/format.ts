/**
 * The canonical form of glossary/entries.json: entries sorted by id, keys in the schema's order (top level: version,
 * entries; entry: id, name, short, category, aliases, never, requires, definition, beyondReport, beyondSources, related, background,
 * anchorOnly, pinnedQuotes; alias: text, case, requires), 2-space JSON, one trailing newline.
 *
 * Formatting does not validate: unknown keys are kept (after the known ones) so the schema can still report them.
 */
import { ALIAS_KEY_ORDER, ENTRY_KEY_ORDER } from '../glossary-schema.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(v: unknown): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function ordered(obj: Record<string, Json>, order: readonly string[]): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const k of order) if (k in obj) out[k] = obj[k]!;
  for (const k of Object.keys(obj)) if (!(k in out)) out[k] = obj[k]!;
  return out;
}

function formatEntry(e: Json): Json {
  if (!isObject(e)) return e;
  const out = ordered(e, ENTRY_KEY_ORDER);
  if (Array.isArray(out.aliases)) out.aliases = out.aliases.map((a) => (isObject(a) ? ordered(a, ALIAS_KEY_ORDER) : a));
  return out;
}

const idOf = (e: Json): string => (isObject(e) && typeof e.id === 'string' ? e.id : '');

/** Throws (with the JSON parser's message) when `text` is not JSON. */
export function formatGlossarySource(text: string): string {
  const parsed = JSON.parse(text) as Json;
  if (!isObject(parsed)) return JSON.stringify(parsed, null, 2) + '\n';
  const top = ordered(parsed, ['version', 'entries']);
  if (Array.isArray(top.entries)) {
    const entries = top.entries.map(formatEntry);
    // Stable sort by id, in code-unit order (the order the schema's "sorted" check uses).
    entries.sort((a, b) => (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0));
    top.entries = entries;
  }
  return JSON.stringify(top, null, 2) + '\n';
}
