import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { migrateSettings, normalizeSiteInput } from './migrate.js';
import { DEFAULT_SETTINGS, settingsSchema, siteEnabled, siteMatches } from './schema.js';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('settings schema', () => {
  it('accepts the defaults', () => {
    expect(settingsSchema.safeParse(DEFAULT_SETTINGS).success).toBe(true);
  });

  it('matches site patterns: bare host covers subdomains, *. only subdomains', () => {
    expect(siteMatches('example.com', 'example.com')).toBe(true);
    expect(siteMatches('example.com', 'news.example.com')).toBe(true);
    expect(siteMatches('example.com', 'badexample.com')).toBe(false);
    expect(siteMatches('*.example.com', 'example.com')).toBe(false);
    expect(siteMatches('*.example.com', 'a.b.example.com')).toBe(true);
    expect(siteMatches('example.com', 'EXAMPLE.com')).toBe(true);
  });

  it('decides per site: pause, denylist, only-listed mode', () => {
    const s = clone(DEFAULT_SETTINGS);
    s.sites.deny = ['*.ads.com'];
    s.sites.allow = ['dawn.com'];
    expect(siteEnabled(s, 'x.ads.com')).toBe(false);
    expect(siteEnabled(s, 'bbc.co.uk')).toBe(true);
    s.sites.mode = 'only-listed';
    expect(siteEnabled(s, 'bbc.co.uk')).toBe(false);
    expect(siteEnabled(s, 'www.dawn.com')).toBe(true);
    s.enabled = false;
    expect(siteEnabled(s, 'www.dawn.com')).toBe(false);
  });
});

describe('migrateSettings', () => {
  it('passes current settings through unchanged (migratedFrom null)', () => {
    const r = migrateSettings(clone(DEFAULT_SETTINGS));
    expect(r).toEqual({ ok: true, value: DEFAULT_SETTINGS, migratedFrom: null });
  });

  it('migrates a full v0 object field by field', () => {
    const r = migrateSettings({
      enabled: false,
      markStyle: 'highlight',
      firstMentionOnly: true,
      hoverDelay: 0.35,
      cardWidth: 420,
      cardFontSize: 16,
      darkMode: true,
      whitelist: 'https://www.Dawn.com/news/1, tribune.com.pk\n\n*.geo.tv',
      blacklist: 'http://ads.example.com/x',
      whitelistOnly: true,
      allLanguages: true,
      frames: false,
      disabledTerms: ['ttp', 'Not An Id', 7],
      disabledCategories: ['person', 'weather'],
      colors: { person: '#FF0000', place: 'green' },
      showBadge: false,
      ignoredMeanings: { 'dawn.com': ['ceasefire'], 'bad host!': ['x'] },
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.migratedFrom).toBe(0);
    const s = r.value;
    expect(s.enabled).toBe(false);
    expect(s.marking).toEqual({ everyMention: false, style: 'background', colors: { ...DEFAULT_SETTINGS.marking.colors, person: '#ff0000' } });
    expect(s.hover.delayMs).toBe(350);
    expect(s.card).toEqual({ width: 420, fontSize: 16, theme: 'dark' });
    expect(s.sites).toEqual({ mode: 'only-listed', allow: ['www.dawn.com', 'tribune.com.pk', '*.geo.tv'], deny: ['ads.example.com'], languages: 'all', iframes: false });
    expect(s.entries).toEqual({ disabled: ['ttp'], disabledCategories: ['person'] });
    expect(s.meaningRules).toEqual([{ site: 'dawn.com', entry: 'ceasefire' }]);
    expect(s.badge).toBe(false);
  });

  it('maps the v0 "underline" style to solid and keeps v0 names that still exist', () => {
    const r1 = migrateSettings({ markStyle: 'underline' });
    const r2 = migrateSettings({ markStyle: 'wavy' });
    expect(r1.ok && r1.value.marking.style).toBe('solid');
    expect(r2.ok && r2.value.marking.style).toBe('wavy');
  });

  it('an empty v0 object becomes the defaults', () => {
    expect(migrateSettings({})).toEqual({ ok: true, value: DEFAULT_SETTINGS, migratedFrom: 0 });
  });

  it('clamps v0 numbers into range and ignores odd v0 values', () => {
    const r = migrateSettings({ hoverDelay: 99, cardWidth: 10, cardFontSize: 'big', darkMode: 'maybe', markStyle: 'blink', enabled: 'yes' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.hover.delayMs).toBe(2000);
    expect(r.value.card).toEqual({ width: 240, fontSize: 14, theme: 'system' });
    expect(r.value.marking.style).toBe('dotted');
    expect(r.value.enabled).toBe(true);
  });

  it('any v0-shaped object migrates to valid settings (property)', () => {
    const v0 = fc.record(
      {
        enabled: fc.anything(),
        markStyle: fc.oneof(fc.constantFrom('underline', 'dotted', 'wavy', 'highlight', 'none'), fc.anything()),
        firstMentionOnly: fc.anything(),
        hoverDelay: fc.oneof(fc.double(), fc.anything()),
        cardWidth: fc.oneof(fc.integer(), fc.double()),
        whitelist: fc.oneof(fc.string(), fc.array(fc.string())),
        blacklist: fc.anything(),
        disabledTerms: fc.anything(),
        colors: fc.dictionary(fc.constantFrom('person', 'place', 'x'), fc.string()),
        ignoredMeanings: fc.anything(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(v0, (o) => {
        const r = migrateSettings(o);
        expect(r.ok).toBe(true);
        if (r.ok) expect(settingsSchema.safeParse(r.value).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a newer version, marked as future so the store does not overwrite it', () => {
    const r = migrateSettings({ version: 2 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.future).toBe(true);
    expect(r.errors).toEqual([{ path: 'version', message: expect.stringMatching(/newer version of Context Glossary/) }]);
  });

  it.each([
    [null, '', /expected an object, got null/],
    [[], '', /got an array/],
    ['settings', '', /got string/],
    [{ version: '1' }, 'version', /whole number/],
    [{ version: 0 }, 'version', /whole number/],
    [{ ...DEFAULT_SETTINGS, badge: 'on' }, 'badge', /expected boolean, got string/],
    [{ ...DEFAULT_SETTINGS, extra: 1 }, '', /unknown field "extra"/],
  ])('refuses %j with a precise error', (raw, path, msg) => {
    const r = migrateSettings(raw);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.future).toBe(false);
    expect(r.errors.some((e) => e.path === path && msg.test(e.message))).toBe(true);
  });
});

describe('normalizeSiteInput', () => {
  it.each([
    ['https://www.Example.com/path?q', 'www.example.com'],
    ['example.com.', 'example.com'],
    ['*.example.com', '*.example.com'],
    ['localhost:8080', 'localhost:8080'],
    ['user@host.org', 'host.org'],
    ['not a host', null],
    ['', null],
    ['a.*.com', null],
  ])('%s -> %s', (input, out) => expect(normalizeSiteInput(input)).toBe(out));
});
