// The files every import fuzz case starts from (src/core/export-import.fuzz*.test.ts): a rich valid export with every
// optional field present somewhere, and random valid exports.
import fc from 'fast-check';
import { buildExport, serializeExport, type ExportFile } from '../../src/core/export-import.js';
import type { FieldError } from '../../src/core/settings/issues.js';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings/schema.js';
import type { UserGlossary } from '../../src/core/user-glossary.js';
import { clone, settingsArb, userGlossaryArb } from './malformed.js';

const BUILT_IN_IDS = ['afghanistan', 'ceasefire', 'noor-wali-mehsud', 'pakistan', 'ttp'] as const;
export const BUILT_IN = new Set<string>(BUILT_IN_IDS);

/** A rich valid export: every optional field present somewhere, so random paths reach all of them. */
function baseFile(): ExportFile {
  const settings: Settings = clone(DEFAULT_SETTINGS);
  settings.marking.style = 'wavy';
  settings.sites = { mode: 'only-listed', allow: ['dawn.com', '*.geo.tv'], deny: ['ads.example.com:8080'], languages: 'all', iframes: false };
  settings.entries = { disabled: ['ceasefire', 'ttp'], disabledCategories: ['place'] };
  settings.meaningRules = [{ site: 'tribune.com.pk', entry: 'afghanistan' }];
  const userGlossary: UserGlossary = {
    version: 1,
    own: [
      {
        id: 'own-wakhan',
        name: 'Wakhan Corridor',
        category: 'place',
        aliases: [{ text: 'Wakhan Corridor', case: 'proper' }, { text: 'Wakhan', case: 'proper', requires: ['afghanistan', 'own-pdm'] }],
        requires: ['pakistan'],
        definition: 'A narrow strip of Afghan territory (x < y is fine).',
        notes: 'Looked it up.',
        quotes: [{ text: 'The corridor is narrow.', sourceUrl: 'https://example.org/wakhan' }, { text: 'Second quote.' }],
      },
      { id: 'own-pdm', name: 'PDM', category: 'organization', aliases: [{ text: 'PDM', case: 'exact' }], definition: 'An alliance of parties.', quotes: [] },
      { id: 'own-tehrik', name: 'Tehrik', category: 'organization', aliases: [{ text: 'Tehrik', case: 'any' }, { text: 'Tehreek', case: 'any' }], definition: 'A movement.', notes: '', quotes: [] },
    ],
    overrides: {
      ttp: { definition: 'My words.', aliases: [{ text: 'TTP', case: 'exact' }, { text: 'Pakistani Taliban', case: 'proper', requires: ['pakistan'] }], requires: ['pakistan'] },
      pakistan: { definition: 'Mine.' },
    },
  };
  return buildExport(settings, userGlossary, new Date('2026-03-04T05:06:07Z'));
}
export const BASE = baseFile();
export const BASE_TEXT = serializeExport(BASE);

/** Random valid exports (random settings, own entries and overrides, export date, indented or compact). */
export const validFileArb: fc.Arbitrary<ExportFile> = fc
  .tuple(settingsArb, userGlossaryArb(BUILT_IN_IDS), fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }))
  .map(([s, u, d]) => buildExport(s, u, d));
/** Mappers below mutate what they get: every one starts from `clone(...)` (fast-check may re-map a cached value). */
export const baseOrRandomArb: fc.Arbitrary<ExportFile> = fc.oneof(fc.constant(BASE), validFileArb);
export const textOf = (f: unknown, compact: boolean) => (compact ? JSON.stringify(f) : JSON.stringify(f, null, 2) + '\n');

export const show = (errors: readonly FieldError[]) => errors.map((e) => `${e.path || '(file)'}: ${e.message.slice(0, 200)}`).join('\n');
