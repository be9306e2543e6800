import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../core/settings/schema.js';
import { emptyUserGlossary } from '../core/user-glossary.js';
import { parseReply } from '../shared/protocol.js';

// The merged glossary and the settings the background would read from storage: one term, no own entries.
vi.mock('./glossary-service.js', () => ({
  mergedGlossary: async () => ({ entries: [{ id: 'ttp' }], matcher: { terms: [{ text: 'Taliban', caseRule: 'any' }] } }),
}));
vi.mock('./settings-service.js', () => ({
  settingsService: { snapshot: async () => ({ settings: DEFAULT_SETTINGS, userGlossary: emptyUserGlossary() }) },
}));

const { testPagePrefilter } = await import('./page-prefilter.js');

describe('testPagePrefilter', () => {
  // What getGlossary({text}) would answer (page-subset.ts), made only when asked.
  let subset = vi.fn();
  beforeEach(() => {
    subset = vi.fn(async (text: string) => ({ json: `glossary for ${text.length}`, partial: true }));
  });

  it('answers "maybe" with the page glossary for the text when asked with `glossary` (no getGlossary after)', async () => {
    const text = 'The Taliban said';
    const reply = await testPagePrefilter({ text, glossary: true }, subset);
    expect(reply).toEqual({ maybe: true, glossary: { json: `glossary for ${text.length}`, partial: true } });
    expect(subset).toHaveBeenCalledWith(text);
    expect(parseReply('testPrefilter', reply)).toEqual(reply);
  });

  it('answers without a glossary when not asked for one, and a "no" never carries one', async () => {
    expect(await testPagePrefilter({ text: 'The Taliban said' }, subset)).toEqual({ maybe: true });
    expect(await testPagePrefilter({ text: 'Nothing here', glossary: true }, subset)).toEqual({ maybe: false });
    expect(subset).not.toHaveBeenCalled();
  });
});
