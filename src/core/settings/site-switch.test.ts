import { describe, expect, it } from 'vitest';
import { isSettings } from './read-settings.js';
import { DEFAULT_SETTINGS, siteEnabled, type Settings } from './schema.js';
import { setSiteOn, siteOn, switchableHost } from './site-switch.js';

const withSites = (sites: Partial<Settings['sites']>): Settings => ({ ...DEFAULT_SETTINGS, sites: { ...DEFAULT_SETTINGS.sites, ...sites } });

describe('site switch', () => {
  it('turns a site off and on again in one step each, leaving valid settings', () => {
    const off = setSiteOn(DEFAULT_SETTINGS, 'News.Example.com', false);
    expect(off.sites.deny).toEqual(['news.example.com']);
    expect(siteOn(off, 'news.example.com')).toBe(false);
    expect(siteOn(off, 'other.example.com')).toBe(true);
    expect(isSettings(off)).toBe(true);
    const on = setSiteOn(off, 'news.example.com', true);
    expect(on.sites.deny).toEqual([]);
    expect(siteOn(on, 'news.example.com')).toBe(true);
  });

  it('"on" removes broader deny patterns that cover the site', () => {
    const s = setSiteOn(withSites({ deny: ['example.com', '*.example.com', 'other.org'] }), 'www.example.com', true);
    expect(s.sites.deny).toEqual(['other.org']);
  });

  it('in only-listed mode "on" adds the site to the allowlist', () => {
    const s = setSiteOn(withSites({ mode: 'only-listed', allow: ['a.org'] }), '127.0.0.1', true);
    expect(s.sites.allow).toEqual(['a.org', '127.0.0.1']);
    expect(siteEnabled(s, '127.0.0.1')).toBe(true);
  });

  it('keeps the global pause separate and is idempotent', () => {
    const paused = { ...DEFAULT_SETTINGS, enabled: false };
    expect(siteOn(paused, 'a.org')).toBe(true);
    const off = setSiteOn(paused, 'a.org', false);
    expect(setSiteOn(off, 'a.org', false)).toBe(off);
    expect(off.enabled).toBe(false);
  });

  it('refuses hosts that have no pattern and a full list', () => {
    expect(switchableHost(null)).toBe(false);
    expect(switchableHost('[::1]')).toBe(false);
    expect(switchableHost('127.0.0.1')).toBe(true);
    expect(() => setSiteOn(DEFAULT_SETTINGS, '', false)).toThrow();
    const full = withSites({ deny: Array.from({ length: 500 }, (_, i) => `s${i}.org`) });
    expect(() => setSiteOn(full, 'a.org', false)).toThrow(/full/);
  });
});
