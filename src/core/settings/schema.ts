/**
 * The user's settings: one versioned, validated shape shared by every context.
 * Stored in `storage.sync` (see src/shared/settings-store.ts); own entries live in `storage.local` (UserGlossary).
 * Pure: zod only, no DOM, no browser.
 */
import { z } from 'zod';
import { CATEGORIES, type Category } from '../glossary-types.js';

export const SETTINGS_VERSION = 1;

export const MARK_STYLES = ['dotted', 'solid', 'wavy', 'background', 'none'] as const;
export type MarkStyle = (typeof MARK_STYLES)[number];

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #1a73e8');
/** A site pattern: "example.com" (that host and its subdomains) or "*.example.com" (subdomains only). */
export const sitePattern = z
  .string()
  .max(253)
  .regex(/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/, 'a host like example.com or *.example.com');

const categoryRecord = <T extends z.ZodTypeAny>(value: T) =>
  z.object(Object.fromEntries(CATEGORIES.map((c) => [c, value])) as Record<Category, T>).strict();

export const settingsSchema = z
  .object({
    version: z.literal(SETTINGS_VERSION),
    /** Global pause: false stops marking everywhere. */
    enabled: z.boolean(),
    marking: z
      .object({
        /** false: mark only the first mention of each term per page. */
        everyMention: z.boolean(),
        style: z.enum(MARK_STYLES),
        colors: categoryRecord(hexColor),
      })
      .strict(),
    hover: z.object({ delayMs: z.number().int().min(0).max(2000) }).strict(),
    card: z
      .object({
        width: z.number().int().min(240).max(560),
        fontSize: z.number().int().min(11).max(22),
        theme: z.enum(THEMES),
      })
      .strict(),
    sites: z
      .object({
        /** "all": every site but the denylist; "only-listed": only the allowlist. */
        mode: z.enum(['all', 'only-listed']),
        allow: z.array(sitePattern).max(500),
        deny: z.array(sitePattern).max(500),
        /** "glossary": pages in the glossary's language (en) or without lang; "all": every page. */
        languages: z.enum(['glossary', 'all']),
        iframes: z.boolean(),
      })
      .strict(),
    entries: z
      .object({
        /** Entry ids not to mark. */
        disabled: z.array(z.string().max(80)).max(2000),
        disabledCategories: z.array(z.enum(CATEGORIES)),
      })
      .strict(),
    /** "Not this meaning on this site": the entry is not marked on that host. */
    meaningRules: z.array(z.object({ site: sitePattern, entry: z.string().max(80) }).strict()).max(2000),
    /** Show the count of marked terms on the toolbar button. */
    badge: z.boolean(),
  })
  .strict();

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  enabled: true,
  marking: {
    everyMention: true,
    style: 'dotted',
    colors: {
      person: '#b45309',
      organization: '#1d4ed8',
      place: '#047857',
      event: '#7c3aed',
      concept: '#be185d',
    },
  },
  hover: { delayMs: 200 },
  card: { width: 360, fontSize: 14, theme: 'system' },
  sites: { mode: 'all', allow: [], deny: [], languages: 'glossary', iframes: true },
  entries: { disabled: [], disabledCategories: [] },
  meaningRules: [],
  badge: true,
};

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
