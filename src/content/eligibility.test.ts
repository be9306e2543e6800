// frameEligible reads only attributes and plain document fields (issue 13): no getter that makes Chromium bring the
// document's style up to date while the page is still parsed (`isContentEditable`). A fake document whose
// `isContentEditable` throws stands for that: the old check read it and fails here.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../core/settings/schema.js';
import { frameEligible } from './eligibility.js';

function fakeDocument(attrs: Record<string, string>): Document {
  const root = {
    getAttribute: (name: string) => attrs[name] ?? null,
    get isContentEditable(): boolean {
      throw new Error('isContentEditable read (a style update in Chromium)');
    },
  };
  return { contentType: 'text/html', designMode: 'off', documentElement: root } as unknown as Document;
}

describe('frameEligible', () => {
  it('decides from attributes, never from isContentEditable', () => {
    expect(frameEligible(fakeDocument({ lang: 'en' }), DEFAULT_SETTINGS, true, 'example.org')).toBe(true);
  });

  it('an editable document element (contenteditable "", "true", "plaintext-only") is not eligible; "false" is', () => {
    for (const v of ['', 'true', 'TRUE', 'plaintext-only']) expect(frameEligible(fakeDocument({ contenteditable: v }), DEFAULT_SETTINGS, true, 'example.org')).toBe(false);
    expect(frameEligible(fakeDocument({ contenteditable: 'false' }), DEFAULT_SETTINGS, true, 'example.org')).toBe(true);
  });

  it('keeps the other gates: another language, a denied site, iframes off', () => {
    expect(frameEligible(fakeDocument({ lang: 'de' }), DEFAULT_SETTINGS, true, 'example.org')).toBe(false);
    const deny = { ...DEFAULT_SETTINGS, sites: { ...DEFAULT_SETTINGS.sites, deny: ['example.org'] } };
    expect(frameEligible(fakeDocument({}), deny, true, 'example.org')).toBe(false);
    const noFrames = { ...DEFAULT_SETTINGS, sites: { ...DEFAULT_SETTINGS.sites, iframes: false } };
    expect(frameEligible(fakeDocument({}), noFrames, false, 'example.org')).toBe(false);
  });
});
