import { describe, expect, it } from 'vitest';
import { swapGlossaryLiterals } from './outside-extension.js';

const old = '{"version":1,"report":{"text":"a `b` \\"c\\""}}';
const next = '{"version":1,"report":{"text":"new"},"entries":[]}';

describe('swapGlossaryLiterals', () => {
  it('replaces a template, double- or single-quoted literal holding the glossary, and nothing else', () => {
    const tpl = 'x=JSON.parse(`' + old.replace(/`/g, '\\`') + '`);y="{\\"version\\":2}"';
    const r = swapGlossaryLiterals(tpl, next);
    expect(r.swapped).toBe(1);
    expect(r.code).toBe(`x=JSON.parse(${JSON.stringify(next)});y="{\\"version\\":2}"`);
    expect(JSON.parse(new Function(`return ${r.code.slice(13, r.code.indexOf(');'))}`)() as string)).toEqual(JSON.parse(next));
    const sq = swapGlossaryLiterals(`a('{"version":1,"report":{}}');b('{"version":1,"report":{"x":"it\\'s"}}')`, next);
    expect(sq.swapped).toBe(2);
    expect(sq.code).toBe(`a(${JSON.stringify(next)});b(${JSON.stringify(next)})`);
  });

  it('leaves code without the glossary untouched', () => {
    const code = 'const v = {"version":1,"report":null}; f(`${x}{"version":1,"report":`)';
    expect(swapGlossaryLiterals(code, next)).toEqual({ code, swapped: 0 });
  });
});
