// Helpers for the made-glossary e2e tests (issue 14): protocol messages from an extension page and a small saved
// glossary built with the same core code the review page uses.
import type { Page } from 'puppeteer-core';
import type { GlossaryDraft, GlossarySummary } from '../../src/core/glossary-draft.js';
import { draftDefinition, termsToEntries } from '../../src/core/glossary-store-draft.js';

/** Sends a protocol message from an extension page (Chromium's worker cannot message itself). */
export function ask<R>(page: Page, type: string, payload: Record<string, unknown>): Promise<R> {
  return page.evaluate(
    (type: string, payload: Record<string, unknown>) => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      return api.runtime.sendMessage({ type, payload }) as Promise<unknown>;
    },
    type,
    payload,
  ) as Promise<R>;
}

export const listGlossaries = async (page: Page) => (await ask<{ glossaries: GlossarySummary[] }>(page, 'listGlossaries', {})).glossaries;

/** A report naming the Durand Line and Zabihullah Mujahid (neither is a bundled entry), dated 2025-10-20. */
const LIVE_REPORT = {
  title: 'Border talks report',
  sentences: [
    'The Durand Line is the border between Pakistan and Afghanistan.',
    'A Taliban spokesman, Zabihullah Mujahid, said the crossings on the Durand Line would reopen.',
  ],
};

function liveDraft(): GlossaryDraft {
  const [line, spokesman] = LIVE_REPORT.sentences as [string, string];
  return {
    meta: { title: LIVE_REPORT.title, date: '2025-10-20', publisher: 'Example News', source: 'border.txt' },
    paragraphs: [LIVE_REPORT.title, `${line} ${spokesman}`],
    entries: termsToEntries([
      { name: 'Durand Line', aliases: [{ text: 'Durand Line', case: 'proper' }], category: 'place', requires: [], definition: draftDefinition('Durand Line', [line]), sentences: [line, spokesman] },
      { name: 'Zabihullah Mujahid', aliases: [{ text: 'Zabihullah Mujahid', case: 'proper' }], category: 'person', requires: [], definition: draftDefinition('Zabihullah Mujahid', [spokesman]), sentences: [spokesman] },
    ]),
  };
}

/** Saves `liveDraft()` through the background; returns the new glossary's id. */
export async function saveLiveGlossary(page: Page): Promise<string> {
  const r = await ask<{ ok: boolean; id?: string; errors?: string[] }>(page, 'saveGlossary', { draft: liveDraft() });
  if (!r.ok || !r.id) throw new Error(`saveGlossary failed: ${JSON.stringify(r)}`);
  return r.id;
}
