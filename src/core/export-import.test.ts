import { describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_LIMITS, buildExport, importFromText, previewImport, serializeExport, validateImport, type ExportFile } from './export-import.js';
import { createMemoryBackend } from '../../tests/support/memory-settings-backend.js';
import { DEFAULT_SETTINGS, type Settings } from './settings/schema.js';
import { createMemoryStore } from '../../tests/support/memory-store.js';
import type { UserGlossary } from './user-glossary.js';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const BUILT_IN = new Set(['ttp', 'pakistan', 'noor-wali-mehsud', 'ceasefire']);

const USER: UserGlossary = {
  version: 1,
  own: [
    {
      id: 'own-wakhan',
      name: 'Wakhan Corridor',
      category: 'place',
      aliases: [{ text: 'Wakhan Corridor', case: 'proper' }, { text: 'Wakhan', case: 'proper', requires: ['pakistan'] }],
      definition: 'A narrow strip of Afghan territory between Tajikistan and Pakistan.',
      notes: 'Looked it up.',
      quotes: [{ text: 'The corridor is narrow.', sourceUrl: 'https://example.org/wakhan' }],
    },
    {
      id: 'own-pdm',
      name: 'PDM',
      category: 'organization',
      aliases: [{ text: 'PDM', case: 'exact' }],
      requires: ['pakistan'],
      definition: 'An alliance of opposition parties (x < y is fine in plain text).',
      quotes: [],
    },
  ],
  overrides: { ttp: { definition: 'My words.' } },
};

function validFile(): ExportFile {
  const settings = clone(DEFAULT_SETTINGS);
  settings.marking.style = 'wavy';
  settings.sites.deny = ['example.com'];
  return buildExport(settings, clone(USER), new Date('2026-03-04T05:06:07Z'));
}

/** A bad input: either text as is, or a mutation of a valid file (serialized after). */
interface Case {
  name: string;
  text?: string;
  mutate?: (f: Record<string, any>) => void;
  path: string;
  message: RegExp;
  limits?: Partial<typeof DEFAULT_IMPORT_LIMITS>;
}

const own0 = (f: Record<string, any>) => f.userGlossary.own[0];

const CASES: Case[] = [
  // --- not JSON / not ours
  { name: 'empty file', text: '', path: '', message: /the file is empty/ },
  { name: 'whitespace only', text: ' \n\t ', path: '', message: /the file is empty/ },
  { name: 'truncated JSON', text: '{"format": "context-glossary-export", "version": 1', path: '', message: /not valid JSON: expected "," or "}", found the end of the file at line 1, column 51/ },
  { name: 'trailing comma', text: '{"format": "x",}', path: '', message: /trailing comma before "}" at line 1, column 16/ },
  { name: 'single quotes', text: "{'format': 1}", path: '', message: /expected a property name in double quotes, found "'" at line 1, column 2/ },
  { name: 'unquoted key', text: '{\n  format: 1\n}', path: '', message: /property name in double quotes, found "f" at line 2, column 3/ },
  { name: 'comment', text: '// my settings\n{}', path: '', message: /unexpected "\/" at line 1, column 1/ },
  { name: 'two values', text: '{} {}', path: '', message: /after the end of the JSON value at line 1, column 4/ },
  { name: 'NaN literal', text: '{"version": NaN}', path: '', message: /unexpected "N" at line 1, column 13/ },
  { name: 'raw newline in string', text: '{"a": "x\ny"}', path: '', message: /line break or control character inside a string at line 1, column 9/ },
  { name: 'bad escape', text: '{"a": "\\x41"}', path: '', message: /bad escape/ },
  { name: 'unclosed string', text: '{"a": "abc', path: '', message: /never closed/ },
  { name: 'nesting bomb', text: '['.repeat(5000) + ']'.repeat(5000), path: '', message: /nesting deeper than 64 levels/ },
  { name: 'top-level array', text: '[]', path: '', message: /expected an object .* got an array/ },
  { name: 'top-level string', text: '"hello"', path: '', message: /got a string/ },
  { name: 'top-level null', text: 'null', path: '', message: /got null/ },
  { name: 'format missing', mutate: (f) => delete f.format, path: 'format', message: /is missing: this is not a Context Glossary export/ },
  { name: 'wrong format tag', mutate: (f) => (f.format = 'other-extension-backup'), path: 'format', message: /must be "context-glossary-export" \(got "other-extension-backup"\)/ },
  // --- versions
  { name: 'version missing', mutate: (f) => delete f.version, path: 'version', message: /is missing/ },
  { name: 'future version', mutate: (f) => (f.version = 2), path: 'version', message: /made by a newer version of Context Glossary \(file version 2/ },
  { name: 'version as string', mutate: (f) => (f.version = '1'), path: 'version', message: /whole number ≥ 1 \(got "1"\)/ },
  { name: 'version zero', mutate: (f) => (f.version = 0), path: 'version', message: /whole number ≥ 1 \(got 0\)/ },
  { name: 'fractional version', mutate: (f) => (f.version = 1.5), path: 'version', message: /whole number/ },
  { name: 'settings version missing', mutate: (f) => delete f.settings.version, path: 'settings.version', message: /is missing \(expected 1\)/ },
  { name: 'own-entries version missing', mutate: (f) => delete f.userGlossary.version, path: 'userGlossary.version', message: /is missing \(expected 1\)/ },
  { name: 'future settings version', mutate: (f) => (f.settings.version = 3), path: 'settings.version', message: /newer version .*settings version 3/ },
  { name: 'future own-entries version', mutate: (f) => (f.userGlossary.version = 2), path: 'userGlossary.version', message: /newer version/ },
  // --- top-level fields
  { name: 'unknown top-level key', mutate: (f) => (f.extra = 1), path: '', message: /unknown field "extra"/ },
  { name: 'exportedAt missing', mutate: (f) => delete f.exportedAt, path: 'exportedAt', message: /is missing/ },
  { name: 'exportedAt not a date', mutate: (f) => (f.exportedAt = 'yesterday'), path: 'exportedAt', message: /not a valid date/ },
  { name: 'exportedAt number', mutate: (f) => (f.exportedAt = 17), path: 'exportedAt', message: /expected a date string, got a number/ },
  { name: 'settings missing', mutate: (f) => delete f.settings, path: 'settings', message: /is missing/ },
  { name: 'settings array', mutate: (f) => (f.settings = []), path: 'settings', message: /expected an object, got an array/ },
  { name: 'userGlossary missing', mutate: (f) => delete f.userGlossary, path: 'userGlossary', message: /is missing/ },
  { name: 'userGlossary string', mutate: (f) => (f.userGlossary = 'x'), path: 'userGlossary', message: /got a string/ },
  // --- settings fields
  { name: 'settings.enabled wrong type', mutate: (f) => (f.settings.enabled = 'yes'), path: 'settings.enabled', message: /expected boolean, got string/ },
  { name: 'settings.marking missing', mutate: (f) => delete f.settings.marking, path: 'settings.marking', message: /is missing/ },
  { name: 'mark style unknown', mutate: (f) => (f.settings.marking.style = 'blink'), path: 'settings.marking.style', message: /must be one of "dotted", "solid", "wavy", "background", "none" \(got "blink"\)/ },
  { name: 'colour not hex', mutate: (f) => (f.settings.marking.colors.person = 'red'), path: 'settings.marking.colors.person', message: /a colour like #1a73e8/ },
  { name: 'colour category missing', mutate: (f) => delete f.settings.marking.colors.place, path: 'settings.marking.colors.place', message: /is missing/ },
  { name: 'hover delay negative', mutate: (f) => (f.settings.hover.delayMs = -1), path: 'settings.hover.delayMs', message: /at least 0/ },
  { name: 'hover delay huge', mutate: (f) => (f.settings.hover.delayMs = 10_000), path: 'settings.hover.delayMs', message: /at most 2000/ },
  { name: 'hover delay fractional', mutate: (f) => (f.settings.hover.delayMs = 1.5), path: 'settings.hover.delayMs', message: /integer/ },
  { name: 'card width too small', mutate: (f) => (f.settings.card.width = 100), path: 'settings.card.width', message: /at least 240/ },
  { name: 'theme unknown', mutate: (f) => (f.settings.card.theme = 'neon'), path: 'settings.card.theme', message: /must be one of "system", "light", "dark"/ },
  { name: 'site pattern with scheme', mutate: (f) => (f.settings.sites.allow = ['news.com', 'https://x.com/']), path: 'settings.sites.allow[1]', message: /a host like example\.com/ },
  { name: 'site pattern wildcard in middle', mutate: (f) => (f.settings.sites.deny = ['a.*.com']), path: 'settings.sites.deny[0]', message: /a host like/ },
  { name: 'sites mode unknown', mutate: (f) => (f.settings.sites.mode = 'some'), path: 'settings.sites.mode', message: /must be one of "all", "only-listed"/ },
  { name: 'unknown settings key', mutate: (f) => (f.settings.marking.blink = true), path: 'settings.marking', message: /unknown field "blink"/ },
  { name: 'disabled category unknown', mutate: (f) => (f.settings.entries.disabledCategories = ['weather']), path: 'settings.entries.disabledCategories[0]', message: /must be one of/ },
  { name: 'meaning rule without site', mutate: (f) => (f.settings.meaningRules = [{ entry: 'ttp' }]), path: 'settings.meaningRules[0].site', message: /is missing/ },
  { name: 'too many allowlist patterns', mutate: (f) => (f.settings.sites.allow = Array.from({ length: 501 }, (_, i) => `s${i}.com`)), path: 'settings.sites.allow', message: /too many items \(at most 500\)/ },
  // --- own entries
  { name: 'own not an array', mutate: (f) => (f.userGlossary.own = {}), path: 'userGlossary.own', message: /expected array, got object/ },
  { name: 'own entry missing definition', mutate: (f) => delete own0(f).definition, path: 'userGlossary.own[0].definition', message: /is missing/ },
  { name: 'own entry empty definition', mutate: (f) => (own0(f).definition = '   '), path: 'userGlossary.own[0].definition', message: /must not be empty/ },
  { name: 'own entry definition too long', mutate: (f) => (own0(f).definition = 'x'.repeat(2001)), path: 'userGlossary.own[0].definition', message: /too long \(at most 2000 characters\)/ },
  { name: 'own entry name wrong type', mutate: (f) => (own0(f).name = 42), path: 'userGlossary.own[0].name', message: /expected string, got number/ },
  { name: 'own id without prefix', mutate: (f) => (own0(f).id = 'wakhan'), path: 'userGlossary.own[0].id', message: /starts with "own-"/ },
  { name: 'own id with uppercase', mutate: (f) => (own0(f).id = 'own-Wakhan'), path: 'userGlossary.own[0].id', message: /starts with "own-"/ },
  { name: 'duplicate own ids', mutate: (f) => (f.userGlossary.own[1].id = 'own-wakhan'), path: 'userGlossary.own[1].id', message: /duplicate id "own-wakhan" \(also own\[0\]\)/ },
  { name: 'category unknown', mutate: (f) => (own0(f).category = 'animal'), path: 'userGlossary.own[0].category', message: /must be one of "person", "organization"/ },
  { name: 'no aliases', mutate: (f) => (own0(f).aliases = []), path: 'userGlossary.own[0].aliases', message: /at least one spelling/ },
  { name: 'alias case rule unknown', mutate: (f) => (own0(f).aliases[0].case = 'upper'), path: 'userGlossary.own[0].aliases[0].case', message: /must be one of "exact", "proper", "any"/ },
  { name: 'alias of one letter', mutate: (f) => (own0(f).aliases[1].text = 'W'), path: 'userGlossary.own[0].aliases[1].text', message: /at least 2 characters/ },
  { name: 'alias of punctuation only', mutate: (f) => (own0(f).aliases[1].text = '--'), path: 'userGlossary.own[0].aliases[1].text', message: /needs a letter or digit/ },
  { name: 'duplicate spelling within an entry', mutate: (f) => (own0(f).aliases[1].text = 'wakhan corridor'), path: 'userGlossary.own[0].aliases[1].text', message: /duplicate spelling/ },
  { name: 'unknown key in own entry', mutate: (f) => (own0(f).html = '<b>'), path: 'userGlossary.own[0]', message: /unknown field "html"/ },
  { name: 'quotes not an array', mutate: (f) => (own0(f).quotes = 'a quote'), path: 'userGlossary.own[0].quotes', message: /expected array, got string/ },
  { name: 'quote source javascript: url', mutate: (f) => (own0(f).quotes[0].sourceUrl = 'javascript:alert(1)'), path: 'userGlossary.own[0].quotes[0].sourceUrl', message: /must be an http:\/\/ or https:\/\/ address/ },
  { name: 'quote source data: url', mutate: (f) => (own0(f).quotes[0].sourceUrl = 'data:text/html,<b>x</b>'), path: 'userGlossary.own[0].quotes[0].sourceUrl', message: /http:\/\/ or https:\/\// },
  { name: 'quote source relative url', mutate: (f) => (own0(f).quotes[0].sourceUrl = '/wakhan'), path: 'userGlossary.own[0].quotes[0].sourceUrl', message: /http:\/\/ or https:\/\// },
  { name: 'requires names unknown entry', mutate: (f) => (f.userGlossary.own[1].requires = ['nowhere']), path: 'userGlossary.own[1].requires[0]', message: /names no known entry \("nowhere"\)/ },
  { name: 'alias requires unknown entry', mutate: (f) => (own0(f).aliases[1].requires = ['pakistan', 'mars']), path: 'userGlossary.own[0].aliases[1].requires[1]', message: /names no known entry \("mars"\)/ },
  { name: 'too many own entries', limits: { maxOwnEntries: 1 }, path: 'userGlossary.own', message: /too many entries \(2; at most 1\)/ },
  // --- markup and script
  { name: 'img onerror in definition', mutate: (f) => (own0(f).definition = 'Hi <img src=x onerror=alert(1)>'), path: 'userGlossary.own[0].definition', message: /contains markup "<img src=x onerror=[^"]*"; text fields are plain text/ },
  { name: 'script tag in name', mutate: (f) => (own0(f).name = '<script>alert(1)</script>'), path: 'userGlossary.own[0].name', message: /contains markup "<script/ },
  { name: 'closing tag in notes', mutate: (f) => (own0(f).notes = 'ok</p>'), path: 'userGlossary.own[0].notes', message: /contains markup "<\/p/ },
  { name: 'html comment in quote', mutate: (f) => (own0(f).quotes[0].text = 'a <!-- b -->'), path: 'userGlossary.own[0].quotes[0].text', message: /contains markup "<!/ },
  { name: 'javascript: in definition', mutate: (f) => (own0(f).definition = 'see javascript:void(0)'), path: 'userGlossary.own[0].definition', message: /contains a "javascript:" link/ },
  { name: 'markup in alias', mutate: (f) => (own0(f).aliases[1].text = '<b>Wakhan</b>'), path: 'userGlossary.own[0].aliases[1].text', message: /contains markup "<b>/ },
  { name: 'markup in override definition', mutate: (f) => (f.userGlossary.overrides.ttp.definition = '<svg onload=alert(1)>'), path: 'userGlossary.overrides.ttp.definition', message: /contains markup "<svg/ },
  // --- overrides
  { name: 'override of unknown entry', mutate: (f) => (f.userGlossary.overrides['not-built-in'] = { definition: 'x' }), path: 'userGlossary.overrides["not-built-in"]', message: /not a built-in entry/ },
  { name: 'override id __proto__', text: null as unknown as string, path: 'userGlossary.overrides.__proto__', message: /a built-in entry id/ },
  { name: 'empty override', mutate: (f) => (f.userGlossary.overrides.pakistan = {}), path: 'userGlossary.overrides.pakistan', message: /changes nothing/ },
  { name: 'override with unknown field', mutate: (f) => (f.userGlossary.overrides.ttp.category = 'person'), path: 'userGlossary.overrides.ttp', message: /unknown field "category"/ },
  { name: 'override aliases empty', mutate: (f) => (f.userGlossary.overrides.ttp.aliases = []), path: 'userGlossary.overrides.ttp.aliases', message: /at least one spelling/ },
  { name: 'override requires unknown', mutate: (f) => (f.userGlossary.overrides.ttp.requires = ['atlantis']), path: 'userGlossary.overrides.ttp.requires[0]', message: /names no known entry/ },
  // --- size
  { name: 'oversized file', text: `{"format":"context-glossary-export","pad":"${'x'.repeat(1024 * 1024)}"}`, path: '', message: /too large \(1\.0 MB; the limit is 1\.0 MB\)/ },
];

// The __proto__ case needs raw text: JSON.stringify of an object literal would not keep a "__proto__" own key.
CASES.find((c) => c.name === 'override id __proto__')!.text = serializeExport(validFile()).replace('"overrides": {', '"overrides": {\n "__proto__": { "definition": "x" },');

async function seededStore() {
  const backend = createMemoryBackend();
  const store = createMemoryStore(backend);
  const settings: Settings = clone(DEFAULT_SETTINGS);
  settings.hover.delayMs = 321;
  await store.saveSettings(settings);
  await store.saveUserGlossary({ version: 1, own: [], overrides: { pakistan: { definition: 'Before import.' } } });
  await backend.flush();
  return { backend, store };
}

const snapshot = (b: ReturnType<typeof createMemoryBackend>) => JSON.stringify({ s: [...b.sync.data], l: [...b.local.data], w: b.writes() });

describe('import validation: bad input gets a precise error and changes nothing', () => {
  it('has at least 50 distinct bad-input cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(50);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  for (const c of CASES) {
    it(c.name, async () => {
      let text = c.text;
      if (text === undefined) {
        const f = validFile() as unknown as Record<string, any>;
        c.mutate?.(f);
        text = JSON.stringify(f, null, 2);
      }
      const { backend, store } = await seededStore();
      const before = snapshot(backend);
      let applied = 0;
      const spy = {
        saveSettings: (s: Settings) => (applied++, store.saveSettings(s)),
        saveUserGlossary: (u: UserGlossary) => (applied++, store.saveUserGlossary(u)),
      };
      const result = await importFromText(spy, text, { ...DEFAULT_IMPORT_LIMITS, ...c.limits }, { builtInIds: BUILT_IN });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const match = result.errors.find((e) => e.path === c.path && c.message.test(e.message));
      expect(match, `errors were:\n${result.errors.map((e) => `${e.path}: ${e.message}`).join('\n')}`).toBeDefined();
      expect(applied).toBe(0);
      await backend.flush();
      expect(snapshot(backend)).toBe(before);
    });
  }
});

describe('import validation: good input', () => {
  it('accepts its own export and previews the changes against the current state', () => {
    const file = validFile();
    const current = { settings: clone(DEFAULT_SETTINGS), userGlossary: { version: 1 as const, own: [clone(USER.own[1]!)], overrides: { pakistan: { definition: 'old' } } } };
    current.userGlossary.own[0]!.definition = 'An older definition.';
    const r = validateImport(serializeExport(file), DEFAULT_IMPORT_LIMITS, { builtInIds: BUILT_IN, current });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toEqual(file);
    expect(r.preview.own).toEqual({ added: ['Wakhan Corridor'], updated: ['PDM'], removed: [] });
    expect(r.preview.overrides).toEqual({ added: ['ttp'], updated: [], removed: ['pakistan'] });
    expect(r.preview.settings).toEqual(['marking.style', 'sites.deny']);
    expect(r.preview.unchanged).toBe(false);
  });

  it('reports an identical state as unchanged', () => {
    const file = validFile();
    const p = previewImport({ settings: file.settings, userGlossary: file.userGlossary }, file);
    expect(p.unchanged).toBe(true);
  });

  it('skips a byte order mark and allows plain comparisons like "x < y"', () => {
    const r = validateImport('\ufeff' + serializeExport(validFile()), DEFAULT_IMPORT_LIMITS, { builtInIds: BUILT_IN });
    expect(r.ok).toBe(true);
  });

  it('applies a valid import: the store then holds exactly the file\'s state', async () => {
    const { store } = await seededStore();
    const file = validFile();
    const r = await importFromText(store, serializeExport(file), DEFAULT_IMPORT_LIMITS, { builtInIds: BUILT_IN });
    expect(r.ok).toBe(true);
    expect(await store.loadSettings()).toEqual(file.settings);
    expect(await store.loadUserGlossary()).toEqual(file.userGlossary);
  });
});
