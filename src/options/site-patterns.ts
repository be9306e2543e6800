/** Adding a site pattern typed by a person (URLs and "www." forms accepted, normalized). Pure. */
import { normalizeSiteInput } from '../core/settings/schema.js';

export type AddPatternResult = { ok: true; items: string[]; pattern: string } | { ok: false; error: 'invalid' | 'duplicate' | 'full'; pattern: string };

export function addPattern(items: readonly string[], input: string, max = 500): AddPatternResult {
  const p = normalizeSiteInput(input);
  if (!p) return { ok: false, error: 'invalid', pattern: input.trim() };
  if (items.includes(p)) return { ok: false, error: 'duplicate', pattern: p };
  if (items.length >= max) return { ok: false, error: 'full', pattern: p };
  return { ok: true, items: [...items, p], pattern: p };
}
