/**
 * The user's settings: the shape every context sees, its defaults, and the site rules over it.
 * Stored by the background alone (src/background/settings-service.ts); read field by field over these defaults
 * (read-settings.ts), so adding a field needs only a default here and a check in settings-fields.ts.
 * Pure: no schema library (the content script ships this file), no DOM, no browser.
 */
import type { Category } from '../glossary-types.js';

/** Bump only when a field is renamed or changes meaning; a new field needs no bump (see README.md here). */
export const SETTINGS_VERSION = 1;

export const MARK_STYLES = ['dotted', 'solid', 'wavy', 'background', 'none'] as const;
export type MarkStyle = (typeof MARK_STYLES)[number];

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const SITE_MODES = ['all', 'only-listed'] as const;
/** Which mentions of a term are marked (issue 12 deliverable 4; measured in docs/noise.md). */
export const MENTION_MODES = ['every', 'paragraph', 'page'] as const;
export type MentionMode = (typeof MENTION_MODES)[number];
export const LANGUAGE_MODES = ['glossary', 'all'] as const;

interface MeaningRule {
  site: string;
  entry: string;
}

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** Global pause: false stops marking everywhere. */
  enabled: boolean;
  marking: {
    /** 0.1.0's switch, meaning what it meant then: false marks the first mention per page; true marks more, as
     *  `mentions` says ("every", 0.1.0's only other choice, or "paragraph"). A stored 0.1.0 object keeps its choice
     *  (it has no `mentions`: "every" is read); new installs get false (issue 12 deliverable 4, docs/noise.md). */
    everyMention: boolean;
    /** With everyMention true: "every" mention or the first per "paragraph" (per block). "page" = everyMention false. */
    mentions: MentionMode;
    style: MarkStyle;
    colors: Record<Category, string>;
  };
  hover: { delayMs: number };
  keyboard: {
    /** Next/previous term (Alt+Shift+. / ,) passes over further mentions of the term just visited. */
    skipRepeats: boolean;
  };
  card: { width: number; fontSize: number; theme: Theme };
  sites: {
    /** "all": every site but the denylist; "only-listed": only the allowlist. */
    mode: (typeof SITE_MODES)[number];
    allow: string[];
    deny: string[];
    /** "glossary": pages in the glossary's language (en) or without lang; "all": every page. */
    languages: (typeof LANGUAGE_MODES)[number];
    iframes: boolean;
  };
  entries: {
    /** Entry ids not to mark. */
    disabled: string[];
    disabledCategories: Category[];
  };
  /** "Not this meaning on this site": the entry is not marked on that host. */
  meaningRules: MeaningRule[];
  /** Show the count of marked terms on the toolbar button. */
  badge: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  enabled: true,
  marking: {
    // First mention per page (docs/noise.md: on the saved corpus, per paragraph left 85 of 104 marks, 20 on one page;
    // per page 30, never more than 5 on a page).
    everyMention: false,
    mentions: 'every',
    style: 'dotted',
    // Mid-tones with >= 3:1 against white and against dark page backgrounds (WCAG 1.4.11; issue 12: the old
    // organization blue #1d4ed8 was 2.4:1 on dark pages). src/core/contrast.test.ts checks every one.
    colors: {
      person: '#c2570c',
      organization: '#3b6fe0',
      place: '#0f8a5f',
      event: '#8b5cf6',
      concept: '#db2777',
    },
  },
  hover: { delayMs: 200 },
  keyboard: { skipRepeats: true },
  card: { width: 360, fontSize: 14, theme: 'system' },
  sites: { mode: 'all', allow: [], deny: [], languages: 'glossary', iframes: true },
  entries: { disabled: [], disabledCategories: [] },
  meaningRules: [],
  badge: true,
};

/** The mention mode in force (see `marking.everyMention`). */
export function mentionMode(settings: Settings): MentionMode {
  return settings.marking.everyMention ? settings.marking.mentions : 'page';
}

/** A fresh, mutable copy of the defaults. */
export function defaultSettings(): Settings {
  return JSON.parse(JSON.stringify(DEFAULT_SETTINGS)) as Settings;
}

const SITE_PATTERN = /^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/;

/** A site pattern: "example.com" (that host and its subdomains) or "*.example.com" (subdomains only). */
export function isSitePattern(v: unknown): v is string {
  return typeof v === 'string' && v.length <= 253 && SITE_PATTERN.test(v);
}

/** "https://www.Example.com/path" -> "www.example.com"; anything that still is not a valid pattern -> null. */
export function normalizeSiteInput(raw: string): string | null {
  let s = raw.trim().toLowerCase();
  if (!s) return null;
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  s = s.replace(/[/?#].*$/, '');
  s = s.replace(/^[^@]*@/, '');
  s = s.replace(/\.$/, '');
  return isSitePattern(s) ? s : null;
}

/** Does `host` fall under `pattern`? "example.com" covers the host and its subdomains; "*.example.com" only subdomains. */
export function siteMatches(pattern: string, host: string): boolean {
  const h = host.toLowerCase();
  if (pattern.startsWith('*.')) return h.endsWith(pattern.slice(1));
  return h === pattern || h.endsWith('.' + pattern);
}

/** Should pages on `host` be marked at all under these settings? */
export function siteEnabled(settings: Settings, host: string): boolean {
  if (!settings.enabled) return false;
  if (settings.sites.deny.some((p) => siteMatches(p, host))) return false;
  if (settings.sites.mode === 'only-listed') return settings.sites.allow.some((p) => siteMatches(p, host));
  return true;
}
