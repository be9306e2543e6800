import { describe, expect, it } from 'vitest';
import { findMarkup, guessCaseRule, isHttpUrl, isUserGlossaryEmpty, ownIdFor, type UserGlossary } from './user-glossary.js';
import { userGlossarySchema } from './user-glossary-schema.js';

const valid: UserGlossary = {
  version: 1,
  own: [{ id: 'own-x', name: 'X term', category: 'concept', aliases: [{ text: 'X term', case: 'any' }], definition: 'd', quotes: [] }],
  overrides: { ttp: { aliases: [{ text: 'TTP', case: 'exact', requires: [] }] } },
};

describe('user glossary schema', () => {
  it('accepts a valid value and keeps it as is', () => {
    expect(userGlossarySchema.parse(valid)).toEqual(valid);
  });

  it.each([
    ['an own id without the prefix', (u: any) => (u.own[0].id = 'x'), 'own.0.id'],
    ['a built-in id shape for an override key', (u: any) => (u.overrides['Bad Id'] = { definition: 'd' }), 'overrides.Bad Id'],
    ['a one-letter alias', (u: any) => (u.own[0].aliases[0].text = 'X'), 'own.0.aliases.0.text'],
    ['an unknown case rule', (u: any) => (u.own[0].aliases[0].case = 'upper'), 'own.0.aliases.0.case'],
    ['a data: source link', (u: any) => (u.own[0].quotes = [{ text: 'q', sourceUrl: 'data:,x' }]), 'own.0.quotes.0.sourceUrl'],
    ['an unknown field', (u: any) => (u.own[0].html = 'x'), 'own.0'],
    ['a duplicate own id', (u: any) => u.own.push({ ...u.own[0] }), 'own.1.id'],
    ['version 2', (u: any) => (u.version = 2), 'version'],
  ])('refuses %s', (_, mutate, path) => {
    const u = JSON.parse(JSON.stringify(valid));
    mutate(u);
    const r = userGlossarySchema.safeParse(u);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  it('tells empty from non-empty', () => {
    expect(isUserGlossaryEmpty(null)).toBe(true);
    expect(isUserGlossaryEmpty({ version: 1, own: [], overrides: {} })).toBe(true);
    expect(isUserGlossaryEmpty(valid)).toBe(false);
  });
});

describe('findMarkup', () => {
  it.each([
    ['<img src=x onerror=alert(1)>', /markup "<img/],
    ['a </p> b', /markup "<\/p>"/],
    ['<!-- c -->', /markup "<!/],
    ['<?xml ?>', /markup "<\?/],
    ['<svg/onload=x>', /markup "<svg/],
    ['see JavaScript :alert(1)', /javascript:/],
  ])('finds markup in %j', (text, re) => expect(findMarkup(text)).toMatch(re));

  it.each(['x < y and y > z', 'a<3', '2 <= 3', 'TTP -> Taliban', 'plain text', 'emoji 😀 <'])('passes plain text %j', (text) =>
    expect(findMarkup(text)).toBeNull(),
  );
});

describe('helpers', () => {
  it('makes unique own ids from names', () => {
    expect(ownIdFor('Wakhan Corridor', new Set())).toBe('own-wakhan-corridor');
    expect(ownIdFor('Wakhan Corridor', new Set(['own-wakhan-corridor']))).toBe('own-wakhan-corridor-2');
    expect(ownIdFor('Şerif Ünal', new Set())).toBe('own-serif-unal');
    expect(ownIdFor('ملا', new Set())).toBe('own-term');
  });

  it('guesses a case rule from the spelling', () => {
    expect(guessCaseRule('USIP')).toBe('exact');
    expect(guessCaseRule('al-Qaeda')).toBe('proper');
    expect(guessCaseRule('mothership')).toBe('any');
  });

  it('accepts only http(s) links with a host', () => {
    expect(isHttpUrl('https://example.org/a?b#c')).toBe(true);
    expect(isHttpUrl('HTTP://EXAMPLE.ORG')).toBe(true);
    for (const bad of ['javascript:alert(1)', 'data:,x', 'ftp://x.org', '//x.org', 'https://', 'http:/x']) expect(isHttpUrl(bad)).toBe(false);
  });
});
