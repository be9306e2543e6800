// frameEligible reads only attributes and plain document fields (issue 13): no getter that makes Chromium bring the
// document's style up to date while the page is still parsed (`isContentEditable`). A fake document whose
// `isContentEditable` throws stands for that: the old check read it and fails here.
import { describe, expect, it } from 'vitest';
import type { BootState } from '../shared/protocol-bootstrap.js';
import { frameEligible } from './eligibility.js';

const ON: BootState = { on: true, languages: 'glossary', user: '' };

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
    expect(frameEligible(fakeDocument({ lang: 'en' }), ON, 'example.org')).toBe(true);
  });

  it('an editable document element (contenteditable "", "true", "plaintext-only") is not eligible; "false" is', () => {
    for (const v of ['', 'true', 'TRUE', 'plaintext-only']) expect(frameEligible(fakeDocument({ contenteditable: v }), ON, 'example.org')).toBe(false);
    expect(frameEligible(fakeDocument({ contenteditable: 'false' }), ON, 'example.org')).toBe(true);
  });

  it('keeps the other gates: another language (unless all are marked), a site the background says is off, no host', () => {
    expect(frameEligible(fakeDocument({ lang: 'de' }), ON, 'example.org')).toBe(false);
    expect(frameEligible(fakeDocument({ lang: 'de' }), { ...ON, languages: 'all' }, 'example.org')).toBe(true);
    expect(frameEligible(fakeDocument({}), { ...ON, on: false }, 'example.org')).toBe(false);
    expect(frameEligible(fakeDocument({}), ON, '')).toBe(false);
  });
});
