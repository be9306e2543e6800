/**
 * A made glossary as one file (issue 14 "Share"): the report's text, its metadata and its entries, so another
 * profile rebuilds the same glossary with the same compiler. Import is checked to the standard of the settings
 * import (src/core/export-import.ts): JSON, format, version, every field, then a full compile; a bad file gets a
 * precise error and nothing is written (the caller saves only an `ok` result).
 *
 *   { "format": "context-glossary-report", "version": 1, "exportedAt": "<ISO>", "meta": {…}, "paragraphs": […],
 *     "pages": […], "entries": […] }
 * `pages` (a PDF report's page per paragraph) is optional: files written before it, and reports with no pages, omit
 * it and stay valid at version 1.
 * Pure.
 */
import type { GlossaryDraft } from './glossary-draft.js';
import { compileDraft } from './glossary-store.js';

const FORMAT = 'context-glossary-report';
const MAX_BYTES = 8 * 1024 * 1024;

export function serializeGlossaryFile(d: GlossaryDraft, now: Date = new Date()): string {
  const pages = d.pages ? { pages: d.pages } : {};
  return `${JSON.stringify({ format: FORMAT, version: 1, exportedAt: now.toISOString(), meta: d.meta, paragraphs: d.paragraphs, ...pages, entries: d.entries }, null, 2)}\n`;
}

export function glossaryFileName(title: string): string {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 50) || 'glossary';
  return `${slug}.glossary.json`;
}

interface GlossaryPreview {
  title: string;
  date: string;
  publisher: string;
  source: string;
  paragraphs: number;
  /** Entry names as they will be marked. */
  names: string[];
}

export type GlossaryImport = { ok: true; draft: GlossaryDraft; preview: GlossaryPreview } | { ok: false; errors: string[] };

/** Checks a glossary file completely; never throws. */
export function readGlossaryFile(text: string): GlossaryImport {
  if (text.length > MAX_BYTES) return { ok: false, errors: [`the file is larger than ${MAX_BYTES / 1024 / 1024} MB`] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { ok: false, errors: [`not a JSON file: ${err instanceof Error ? err.message : String(err)}`] };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, errors: ['(top level): expected an object'] };
  const { format, version, exportedAt, ...draft } = data as Record<string, unknown>;
  if (format !== FORMAT) return { ok: false, errors: [`format: must be "${FORMAT}" (got ${JSON.stringify(format) ?? 'nothing'}): this is not a Context Glossary report file`] };
  if (version !== 1) return { ok: false, errors: [`version: must be 1 (got ${JSON.stringify(version) ?? 'nothing'})`] };
  if (typeof exportedAt !== 'string' || Number.isNaN(Date.parse(exportedAt))) return { ok: false, errors: ['exportedAt: must be a date'] };
  const compiled = compileDraft(draft);
  if (!compiled.ok) return { ok: false, errors: compiled.errors };
  const d = draft as unknown as GlossaryDraft;
  return {
    ok: true,
    draft: d,
    preview: { ...d.meta, paragraphs: d.paragraphs.length, names: compiled.glossary.entries.map((e) => e.name) },
  };
}
