/**
 * TEST-ONLY: the settings shape as 0.1.0 declared it with zod (`.strict()`, every field required), kept as an
 * independent oracle for the hand-written checks (read-settings.ts `checkSettings`, protocol.ts guards). Nothing
 * shipped imports this module.
 */
import { z } from 'zod';
import { CATEGORIES, type Category } from '../../src/core/glossary-types.js';
import { MARK_STYLES, MENTION_MODES, THEMES } from '../../src/core/settings/schema.js';

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/);
const sitePattern = z
  .string()
  .max(253)
  .regex(/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/);
const categoryRecord = <T extends z.ZodTypeAny>(value: T) =>
  z.object(Object.fromEntries(CATEGORIES.map((c) => [c, value])) as Record<Category, T>).strict();

export const settingsOracle = z
  .object({
    version: z.literal(1),
    enabled: z.boolean(),
    marking: z
      .object({ everyMention: z.boolean(), mentions: z.enum(MENTION_MODES).optional(), style: z.enum(MARK_STYLES), colors: categoryRecord(hexColor) })
      .strict(),
    hover: z.object({ delayMs: z.number().int().min(0).max(2000) }).strict(),
    // Added after 0.1.0 (issue 12): optional here, as a 0.1.0 object has no such field.
    keyboard: z.object({ skipRepeats: z.boolean() }).strict().optional(),
    card: z.object({ width: z.number().int().min(240).max(560), fontSize: z.number().int().min(11).max(22), theme: z.enum(THEMES) }).strict(),
    sites: z
      .object({
        mode: z.enum(['all', 'only-listed']),
        allow: z.array(sitePattern).max(500),
        deny: z.array(sitePattern).max(500),
        languages: z.enum(['glossary', 'all']),
        iframes: z.boolean(),
      })
      .strict(),
    entries: z.object({ disabled: z.array(z.string().max(80)).max(2000), disabledCategories: z.array(z.enum(CATEGORIES)).max(1000) }).strict(),
    meaningRules: z.array(z.object({ site: sitePattern, entry: z.string().max(80) }).strict()).max(2000),
    badge: z.boolean(),
  })
  .strict();
