// The early look asks only about a long text parsed so far (issue 13, wave 12): the Guardian row asked about the 9
// characters parsed when the boot state came, a round trip for nothing on every load.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { EARLY_MIN_TEXT, earlyLookText } from './early-look.js';

const page = (body: string | null) =>
  parseHTML(`<!doctype html><html><head><title>t</title></head>${body === null ? '' : `<body>${body}</body>`}</html>`).document as unknown as Document;

describe('earlyLookText', () => {
  it('asks nothing about the few characters a page has parsed early (the Guardian row: 9)', () => {
    expect(earlyLookText(page('<p>Advertise</p>'))).toBeNull();
    expect(earlyLookText(page(`<p>${'x'.repeat(EARLY_MIN_TEXT - 1)}</p>`))).toBeNull();
  });

  it('asks nothing when there is no body yet', () => {
    const doc = page(null);
    doc.body?.remove();
    expect(earlyLookText(doc)).toBeNull();
  });

  it('asks about a long text parsed so far (the wiki×80 page: 160-200 K characters), as rootText reads it', () => {
    const long = 'Tehreek-e-Taliban Pakistan. '.repeat(2000);
    expect(earlyLookText(page(`<p>${long}</p><script>var a = 1;</script>`))).toBe(`${long}var a = 1;`);
  });
});
