/**
 * The popup's one-click site switch, as a settings change (computed by the background over the stored settings). Pure.
 *
 * A site is its exact hostname (`location.hostname`, no port), which as a pattern also covers its subdomains
 * (settings schema `siteMatches`) — the content script checks the same hostname.
 *  - off: the hostname joins `sites.deny` (deny wins in both site modes);
 *  - on: every deny pattern covering the hostname is removed (so "on" always works in one click, also when the
 *    site was covered by a broader pattern written in the options page), and in "only listed" mode the hostname
 *    joins `sites.allow` unless already covered.
 * The global pause is separate: `settings.enabled`.
 */
import { isSitePattern, siteEnabled, siteMatches, type Settings } from './schema.js';

const MAX_PATTERNS = 500;

/** Can this host be switched at all? (IP v6 literals, file: and extension pages have no valid pattern.) */
export function switchableHost(host: string | null): host is string {
  return !!host && isSitePattern(host.toLowerCase());
}

/** Is the site on, the global pause aside? */
export function siteOn(settings: Settings, host: string): boolean {
  return siteEnabled({ ...settings, enabled: true }, host.toLowerCase());
}

class SiteListFullError extends Error {
  constructor() {
    super(`the site list is full (${MAX_PATTERNS} sites)`);
    this.name = 'SiteListFullError';
  }
}

export function setSiteOn(settings: Settings, rawHost: string, on: boolean): Settings {
  const host = rawHost.toLowerCase();
  if (!switchableHost(host)) throw new Error(`"${rawHost}" is not a host that can be switched`);
  const { sites } = settings;
  if (!on) {
    if (sites.deny.includes(host)) return settings;
    if (sites.deny.length >= MAX_PATTERNS) throw new SiteListFullError();
    return { ...settings, sites: { ...sites, deny: [...sites.deny, host] } };
  }
  const deny = sites.deny.filter((p) => !siteMatches(p, host));
  let allow = sites.allow;
  if (sites.mode === 'only-listed' && !allow.some((p) => siteMatches(p, host))) {
    if (allow.length >= MAX_PATTERNS) throw new SiteListFullError();
    allow = [...allow, host];
  }
  return { ...settings, sites: { ...sites, deny, allow } };
}
