import { describe, expect, it } from 'vitest';
import { insertInBody, markJsRunner, ttpArticle, withCsp, withMarkJs } from './outside-pages.js';

describe('page building', () => {
  it('puts the CSP first in <head>, or first in the document', () => {
    expect(withCsp('<html><head lang="x"><script>1</script>')).toBe(`<html><head lang="x"><meta http-equiv="Content-Security-Policy" content="script-src 'self'"><script>1</script>`);
    expect(withCsp('<p>x')).toMatch(/^<meta http-equiv="Content-Security-Policy"[^>]*><p>x$/);
  });

  it('inserts at the top and the end of the body', () => {
    expect(insertInBody('<body class="a"><p>x</p></BODY></html>', 'T', 'E')).toBe('<body class="a">T<p>x</p>E</BODY></html>');
    expect(insertInBody('<p>x</p>', 'T', 'E')).toBe('T<p>x</p>E');
  });

  it('builds the TTP article from the report text, escaped', () => {
    const a = ttpArticle('Title <b>\nJan 31, 2022\nP1 & co\nP2\nP3\n', 2);
    expect(a).toBe('<article><h2>Title &lt;b&gt;</h2><p><time>Jan 31, 2022</time></p><p>P1 &amp; co</p><p>P2</p></article>');
  });

  it('adds mark.js and its runner for the row glossary', () => {
    expect(withMarkJs('<body>x</body>', 'gen-5000')).toBe('<body>x<script src="/markjs.js"></script><script src="/markjs-run-gen-5000.js"></script></body>');
    expect(markJsRunner(['TTP', "Noor Wali's"])).toContain('["TTP","Noor Wali\'s"]');
  });
});
