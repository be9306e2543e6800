import { describe, expect, it } from 'vitest';
import { hasVisibleText, INLINE_TAGS, isSkippedElement, languageAllowed, mayHostShadow, SKIPPED_TAGS } from './dom-rules.js';

describe('isSkippedElement', () => {
  it('skips form controls, code, scripts and our host', () => {
    for (const t of ['input', 'textarea', 'select', 'option', 'code', 'pre', 'kbd', 'samp', 'script', 'style', 'noscript', 'template']) {
      expect(isSkippedElement(t, null, false, false), t).toBe(true);
    }
    expect(isSkippedElement('div', null, false, true)).toBe(true);
  });
  it('skips editors unless contenteditable is "false"', () => {
    expect(isSkippedElement('div', '', false, false)).toBe(true);
    expect(isSkippedElement('div', 'true', false, false)).toBe(true);
    expect(isSkippedElement('div', 'plaintext-only', false, false)).toBe(true);
    expect(isSkippedElement('div', 'FALSE', false, false)).toBe(false);
  });
  it('skips hidden elements and reads ordinary prose', () => {
    expect(isSkippedElement('p', null, true, false)).toBe(true);
    expect(isSkippedElement('p', null, false, false)).toBe(false);
    expect(isSkippedElement('a', null, false, false)).toBe(false);
  });
  it('no tag is both inline and skipped', () => {
    for (const t of INLINE_TAGS) expect(SKIPPED_TAGS.has(t), t).toBe(false);
  });
});

describe('languageAllowed', () => {
  it('takes English and undeclared pages in glossary mode', () => {
    expect(languageAllowed('en', 'glossary')).toBe(true);
    expect(languageAllowed('en-GB', 'glossary')).toBe(true);
    expect(languageAllowed('EN_us', 'glossary')).toBe(true);
    expect(languageAllowed('', 'glossary')).toBe(true);
    expect(languageAllowed(null, 'glossary')).toBe(true);
  });
  it('refuses other languages unless the setting says all', () => {
    expect(languageAllowed('tr', 'glossary')).toBe(false);
    expect(languageAllowed('de-DE', 'glossary')).toBe(false);
    expect(languageAllowed('eng', 'glossary')).toBe(false);
    expect(languageAllowed('tr', 'all')).toBe(true);
  });
});

describe('hasVisibleText', () => {
  it('treats whitespace, nbsp and zero-width space as empty', () => {
    expect(hasVisibleText('')).toBe(false);
    expect(hasVisibleText(' \n\t\u00a0\u200b')).toBe(false);
    expect(hasVisibleText('  x ')).toBe(true);
  });
});

describe('mayHostShadow', () => {
  it('is true for the elements attachShadow accepts and custom elements, false for the rest', () => {
    for (const t of ['div', 'span', 'p', 'section', 'article', 'body', 'h3', 'my-widget', 'x-a']) expect(mayHostShadow(t), t).toBe(true);
    for (const t of ['a', 'li', 'td', 'tr', 'table', 'ul', 'sup', 'b', 'i', 'img', 'figure', 'em']) expect(mayHostShadow(t), t).toBe(false);
  });
});
