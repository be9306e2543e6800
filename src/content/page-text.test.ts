// shadowRoots() skips the elements that can never host a shadow root (page-text.ts NOT_HOSTS). A name wrongly listed
// there would hide a shadow root's text from the page prefilter: none of the spec's host names (DOM §4.2.14 "valid
// shadow host name") may be in the list, and no custom element name (they all have a hyphen).
import { describe, expect, it } from 'vitest';
import { NOT_HOSTS } from './page-text.js';

const HOSTS = ['article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'main', 'nav', 'p', 'section', 'span'];

describe('NOT_HOSTS', () => {
  it('names no element that can host a shadow root', () => {
    expect(NOT_HOSTS.filter((n) => HOSTS.includes(n.toLowerCase()) || n.includes('-'))).toEqual([]);
  });

  it('is a list of plain names (one selector of type selectors)', () => {
    for (const n of NOT_HOSTS) expect(n).toMatch(/^[a-zA-Z][a-zA-Z0-9]*$/);
  });
});
