import { describe, expect, it } from 'vitest';
import { compileDraftLenient } from '../../src/core/glossary-store.js';
import { pagePhrases, USER_GLOSSARIES, USER_TERMS, userGlossaryDrafts } from './outside-user-glossaries.js';

describe('generated made glossaries for the many-glossaries bench rows', () => {
  const page = '<html><body><script>var Hidden Name = 1</script><p>Imran Khan met Shehbaz Sharif.</p><p>Imran Khan spoke. The Prime Minister left.</p></body></html>';

  it("takes a page's capitalized phrases, most frequent first, never from scripts", () => {
    expect(pagePhrases(page, 10)).toEqual(['Imran Khan', 'Prime Minister', 'Shehbaz Sharif']);
  });

  it(`${USER_GLOSSARIES} glossaries of ${USER_TERMS} terms that the background's compiler keeps whole; page phrases among them`, () => {
    const drafts = userGlossaryDrafts(pagePhrases(page, 10));
    expect(drafts).toHaveLength(USER_GLOSSARIES);
    for (const d of drafts) {
      const { result, dropped } = compileDraftLenient(d);
      if (!result.ok) throw new Error(result.errors.slice(0, 5).join('\n'));
      expect(dropped).toEqual([]);
      expect(result.glossary.entries).toHaveLength(USER_TERMS);
      // Realistic: multi-word names, and acronyms beside their long forms.
      expect(result.glossary.entries.every((e) => e.name.includes(' '))).toBe(true);
      expect(result.glossary.entries.filter((e) => e.aliases.some((a) => /^[A-Z]{3}$/.test(a))).length).toBeGreaterThan(20);
    }
    expect(drafts.flatMap((d) => d.entries.map((e) => e.name))).toEqual(expect.arrayContaining(['Imran Khan', 'Prime Minister', 'Shehbaz Sharif']));
  }, 60_000); // five compiles of 200 entries: seconds on a loaded machine
});
