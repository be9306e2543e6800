// The early look asks only about a long text parsed so far (issue 13, wave 12): the Guardian row asked about the 9
// characters parsed when the boot state came, a round trip for nothing on every load.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { EARLY_MIN_TEXT, earlyLookText } from './early-look.js';
import { remainderAfter } from './text-remainder.js';

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

  it('asks about a text longer than the overlap asked again at DOMContentLoaded (5.6 K here), as rootText reads it', () => {
    const long = 'Tehreek-e-Taliban Pakistan. '.repeat(200);
    expect(earlyLookText(page(`<p>${long}</p><script>var a = 1;</script>`))).toBe(`${long}var a = 1;`);
  });

  it('asks from where its answer covers text DOMContentLoaded would not ask again', () => {
    const short = 'x'.repeat(EARLY_MIN_TEXT - 1);
    expect(remainderAfter(`${short} more`, short)).toBe(`${short} more`); // asked whole again: the early "no" saved nothing
    const enough = 'x'.repeat(EARLY_MIN_TEXT);
    expect(remainderAfter(`${enough} more`, enough)).toBe(`${'x'.repeat(EARLY_MIN_TEXT - 1)} more`); // from OVERLAP before its end
  });
});
