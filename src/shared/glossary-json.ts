/**
 * The getGlossary reply's glossary: JSON text made once per change by the background (src/shared/protocol.ts says
 * why), parsed and shape-checked by the content engine and the popup that receive it.
 */
import type { CompiledGlossary } from '../core/glossary-types.js';
import { isEntryId, isRecord } from './guards.js';

/**
 * The compiled glossary's outer shape (the reply comes from our own background, which compiled it with the validating
 * compiler at build time): the parts the matcher and the card index into, so a stale or foreign reply fails here, not
 * deep in a scan. Entry contents are not re-validated per frame.
 */
function isCompiledGlossaryShape(g: unknown): g is CompiledGlossary {
  return (
    isRecord(g) &&
    g.version === 1 &&
    isRecord(g.report) &&
    isRecord(g.report.meta) &&
    Array.isArray(g.entries) &&
    g.entries.every((e: unknown) => isRecord(e) && isEntryId(e.id) && typeof e.name === 'string' && Array.isArray(e.quotes)) &&
    isRecord(g.matcher)
  );
}

/** The glossary of a getGlossary reply, checked as every reply is (null when it is not JSON or not that shape). */
export function parseGlossaryJson(json: string): CompiledGlossary | null {
  let g: unknown;
  try {
    g = JSON.parse(json);
  } catch {
    return null;
  }
  return isCompiledGlossaryShape(g) ? g : null;
}

