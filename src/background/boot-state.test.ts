import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings/schema.js';
import { emptyUserGlossary, type UserGlossary } from '../core/user-glossary.js';
import { isBootStateReply } from '../shared/protocol-bootstrap.js';
import { bootStateOf, userKey } from './boot-state.js';

const snap = (settings: Settings, userGlossary: UserGlossary = emptyUserGlossary()) => ({ settings, userGlossary });
const sites = (s: Partial<Settings['sites']>): Settings => ({ ...DEFAULT_SETTINGS, sites: { ...DEFAULT_SETTINGS.sites, ...s } });

describe('bootStateOf', () => {
  it('is on for an enabled site, in the top frame and (iframes on) in a subframe; a valid reply', () => {
    const b = bootStateOf(snap(DEFAULT_SETTINGS), 'example.org', true);
    expect(b.on).toBe(true);
    expect(b.languages).toBe('glossary');
    expect(isBootStateReply(b)).toBe(true);
    expect(bootStateOf(snap(DEFAULT_SETTINGS), 'example.org', false).on).toBe(true);
  });

  it('is off when paused, denied, not listed in only-listed mode, a subframe with iframes off, or no host', () => {
    expect(bootStateOf(snap({ ...DEFAULT_SETTINGS, enabled: false }), 'example.org', true).on).toBe(false);
    expect(bootStateOf(snap(sites({ deny: ['example.org'] })), 'example.org', true).on).toBe(false);
    expect(bootStateOf(snap(sites({ mode: 'only-listed', allow: ['other.org'] })), 'example.org', true).on).toBe(false);
    expect(bootStateOf(snap(sites({ mode: 'only-listed', allow: ['example.org'] })), 'example.org', true).on).toBe(true);
    expect(bootStateOf(snap(sites({ iframes: false })), 'example.org', false).on).toBe(false);
    expect(bootStateOf(snap(sites({ iframes: false })), 'example.org', true).on).toBe(true);
    expect(bootStateOf(snap(DEFAULT_SETTINGS), '', true).on).toBe(false);
  });

  it('says the languages setting', () => {
    expect(bootStateOf(snap(sites({ languages: 'all' })), 'example.org', true).languages).toBe('all');
  });
});

describe('userKey', () => {
  it('changes when the own entries do, and is the same for equal ones', () => {
    const a = emptyUserGlossary();
    const b: UserGlossary = { ...emptyUserGlossary(), overrides: { 'ttp': { aliases: [{ text: 'TTP' }] } } as unknown as UserGlossary['overrides'] };
    expect(userKey(a)).toBe(userKey(emptyUserGlossary()));
    expect(userKey(a)).not.toBe(userKey(b));
    expect(userKey(b).length).toBeLessThanOrEqual(64);
  });
});
