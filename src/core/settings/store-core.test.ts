import { describe, expect, it } from 'vitest';
import { createMemoryBackend } from './memory-backend.js';
import { DEFAULT_SETTINGS, type Settings } from './schema.js';
import { KEYS, createSettingsStore, splitIntoChunks } from './store-core.js';
import type { UserGlossary } from '../user-glossary.js';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const fresh = () => {
  const backend = createMemoryBackend();
  return { backend, store: createSettingsStore(backend, () => new Date('2026-01-02T03:04:05Z')) };
};

/** Settings whose JSON is far over one sync item (8 KB): 400 long allowlist patterns. */
function bigSettings(n = 400): Settings {
  const s = clone(DEFAULT_SETTINGS);
  s.sites.allow = Array.from({ length: n }, (_, i) => `site-number-${i}.a-rather-long-example-domain-name.example.org`);
  return s;
}

const OWN: UserGlossary = {
  version: 1,
  own: [
    {
      id: 'own-wakhan',
      name: 'Wakhan Corridor',
      category: 'place',
      aliases: [{ text: 'Wakhan Corridor', case: 'proper' }],
      definition: 'A narrow strip of Afghan territory.',
      quotes: [{ text: 'The Wakhan Corridor was mentioned.', sourceUrl: 'https://example.org/a' }],
    },
  ],
  overrides: { ttp: { definition: 'My own words about TTP.' } },
};

describe('settings store', () => {
  it('returns defaults when nothing is stored, without writing', async () => {
    const { backend, store } = fresh();
    expect(await store.loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(backend.writes()).toBe(0);
  });

  it('round-trips a small settings object as one sync item', async () => {
    const { backend, store } = fresh();
    const s = clone(DEFAULT_SETTINGS);
    s.marking.style = 'wavy';
    await store.saveSettings(s);
    expect(backend.sync.data.get(KEYS.settings)).toEqual(s);
    expect(await store.loadSettings()).toEqual(s);
    expect(await store.getSettingsStorageInfo()).toMatchObject({ area: 'sync', chunks: 0 });
  });

  it('splits settings over the per-item quota into chunks and joins them back', async () => {
    const { backend, store } = fresh();
    const s = bigSettings();
    expect(JSON.stringify(s).length).toBeGreaterThan(8192);
    await store.saveSettings(s);
    const marker = backend.sync.data.get(KEYS.settings) as { chunked: number };
    expect(marker.chunked).toBeGreaterThan(1);
    for (const [k, v] of backend.sync.data) expect(new TextEncoder().encode(k + JSON.stringify(v)).length).toBeLessThanOrEqual(8192);
    expect(await store.loadSettings()).toEqual(s);
    expect((await store.getSettingsStorageInfo()).chunks).toBe(marker.chunked);
    // Shrinking again removes the stale chunks.
    await store.saveSettings(clone(DEFAULT_SETTINGS));
    expect([...backend.sync.data.keys()]).toEqual([KEYS.settings]);
  });

  it('splits multi-byte text without breaking characters', () => {
    const json = JSON.stringify({ a: 'ü€😀"\\'.repeat(3000) });
    const chunks = splitIntoChunks(json);
    expect(chunks.join('')).toBe(json);
    for (const c of chunks) expect(new TextEncoder().encode('settings.000' + JSON.stringify(c)).length).toBeLessThanOrEqual(8192);
  });

  it('falls back to local storage with a reason when sync refuses, and returns to sync later', async () => {
    const { backend, store } = fresh();
    backend.sync.failWith = 'sync is disabled';
    const s = clone(DEFAULT_SETTINGS);
    s.hover.delayMs = 900;
    await store.saveSettings(s);
    expect(await store.loadSettings()).toEqual(s);
    const info = await store.getSettingsStorageInfo();
    expect(info.area).toBe('local');
    expect(info.reason).toContain('sync is disabled');
    backend.sync.failWith = null;
    s.hover.delayMs = 100;
    await store.saveSettings(s);
    expect(backend.local.data.has(KEYS.settingsLocal)).toBe(false);
    expect((await store.getSettingsStorageInfo()).area).toBe('sync');
    expect(await store.loadSettings()).toEqual(s);
  });

  it('falls back to local when the settings exceed the whole sync quota', async () => {
    const { store } = fresh();
    const s = clone(DEFAULT_SETTINGS);
    s.meaningRules = Array.from({ length: 2000 }, (_, i) => ({ site: `host-${i}.example-news-site.com`, entry: `entry-${i}-with-a-long-id` }));
    await store.saveSettings(s);
    expect(await store.loadSettings()).toEqual(s);
    expect((await store.getSettingsStorageInfo()).area).toBe('local');
  });

  it('refuses to save invalid settings and writes nothing', async () => {
    const { backend, store } = fresh();
    const bad = clone(DEFAULT_SETTINGS) as unknown as { hover: { delayMs: number } };
    bad.hover.delayMs = -5;
    await expect(store.saveSettings(bad as unknown as Settings)).rejects.toThrow(/hover\.delayMs/);
    expect(backend.writes()).toBe(0);
  });

  it('recovers corrupt settings to defaults and keeps the bad copy', async () => {
    const { backend, store } = fresh();
    backend.sync.data.set(KEYS.settings, { version: 1, enabled: 'yes' });
    expect(await store.loadSettings()).toEqual(DEFAULT_SETTINGS);
    const copies = await store.loadCorruptCopies();
    expect(copies.settings?.raw).toEqual({ version: 1, enabled: 'yes' });
    expect(copies.settings?.error).toMatch(/enabled/);
    expect(copies.settings?.savedAt).toBe('2026-01-02T03:04:05.000Z');
    expect(backend.sync.data.get(KEYS.settings)).toEqual(DEFAULT_SETTINGS);
  });

  it('recovers a corrupt value arriving through a change event (another context wrote it)', async () => {
    const { backend, store } = fresh();
    const seen: Settings[] = [];
    store.onSettingsChanged((s) => seen.push(s));
    await backend.sync.set({ [KEYS.settings]: { version: 1, marking: 42 } });
    await backend.flush();
    await new Promise((r) => setTimeout(r, 20));
    expect(seen[0]).toEqual(DEFAULT_SETTINGS);
    expect(backend.sync.data.get(KEYS.settings)).toEqual(DEFAULT_SETTINGS);
    expect((await store.loadCorruptCopies()).settings?.raw).toEqual({ version: 1, marking: 42 });
  });

  it('recovers a missing chunk to defaults and keeps the marker', async () => {
    const { backend, store } = fresh();
    await store.saveSettings(bigSettings());
    backend.sync.data.delete('settings.1');
    expect(await store.loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect((await store.loadCorruptCopies()).settings?.error).toMatch(/settings\.1 is missing/);
  });

  it('keeps settings from a newer version untouched (no overwrite) and uses defaults', async () => {
    const { backend, store } = fresh();
    const future = { version: 7, somethingNew: true };
    backend.sync.data.set(KEYS.settings, future);
    expect(await store.loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(backend.sync.data.get(KEYS.settings)).toEqual(future);
    expect((await store.loadCorruptCopies()).settings?.error).toMatch(/newer version/);
  });

  it('migrates a stored v0 value and writes the migrated form back', async () => {
    const { backend, store } = fresh();
    backend.sync.data.set(KEYS.settings, { markStyle: 'underline', hoverDelay: 0.5, whitelist: 'https://www.dawn.com/news\nbbc.co.uk' });
    const s = await store.loadSettings();
    expect(s.marking.style).toBe('solid');
    expect(s.hover.delayMs).toBe(500);
    expect(s.sites.allow).toEqual(['www.dawn.com', 'bbc.co.uk']);
    expect(backend.sync.data.get(KEYS.settings)).toEqual(s);
  });

  it('serializes concurrent updates from one context (no lost update)', async () => {
    const { store } = fresh();
    await Promise.all([
      store.updateSettings((s) => ({ ...s, sites: { ...s.sites, deny: [...s.sites.deny, 'a.com'] } })),
      store.updateSettings((s) => ({ ...s, sites: { ...s.sites, deny: [...s.sites.deny, 'b.com'] } })),
      store.updateSettings((s) => ({ ...s, badge: false })),
    ]);
    const s = await store.loadSettings();
    expect(s.sites.deny).toEqual(['a.com', 'b.com']);
    expect(s.badge).toBe(false);
  });

  it('notifies listeners with the new settings, chunked or not, and stops after unsubscribe', async () => {
    const { backend, store } = fresh();
    const other = createSettingsStore(backend);
    const seen: Settings[] = [];
    const off = other.onSettingsChanged((s) => seen.push(s));
    const big = bigSettings();
    await store.saveSettings(big);
    await backend.flush();
    await new Promise((r) => setTimeout(r, 10));
    expect(seen.at(-1)).toEqual(big);
    off();
    const n = seen.length;
    await store.saveSettings(clone(DEFAULT_SETTINGS));
    await backend.flush();
    expect(seen.length).toBe(n);
  });
});

describe('user glossary store', () => {
  it('is empty by default and round-trips own entries and overrides', async () => {
    const { backend, store } = fresh();
    expect(await store.loadUserGlossary()).toEqual({ version: 1, own: [], overrides: {} });
    await store.saveUserGlossary(OWN);
    expect(backend.local.data.get(KEYS.userGlossary)).toEqual(OWN);
    expect(backend.sync.data.size).toBe(0);
    expect(await store.loadUserGlossary()).toEqual(OWN);
  });

  it('recovers a corrupt value to empty and keeps the bad copy', async () => {
    const { backend, store } = fresh();
    const bad = { version: 1, own: [{ id: 'nope' }], overrides: {} };
    backend.local.data.set(KEYS.userGlossary, bad);
    expect(await store.loadUserGlossary()).toEqual({ version: 1, own: [], overrides: {} });
    const copy = (await store.loadCorruptCopies()).userGlossary;
    expect(copy?.raw).toEqual(bad);
    expect(copy?.error).toMatch(/own\[0\]/);
    await store.clearCorruptCopy('userGlossary');
    expect((await store.loadCorruptCopies()).userGlossary).toBeNull();
  });

  it('refuses an invalid save (duplicate ids) and writes nothing', async () => {
    const { backend, store } = fresh();
    const dup = clone(OWN);
    dup.own.push(clone(dup.own[0]!));
    await expect(store.saveUserGlossary(dup)).rejects.toThrow(/duplicate id/);
    expect(backend.writes()).toBe(0);
  });

  it('notifies listeners of changes', async () => {
    const { backend, store } = fresh();
    const seen: UserGlossary[] = [];
    store.onUserGlossaryChanged((u) => seen.push(u));
    await store.updateUserGlossary((u) => ({ ...u, overrides: { ttp: { definition: 'x y' } } }));
    await backend.flush();
    expect(seen).toEqual([{ version: 1, own: [], overrides: { ttp: { definition: 'x y' } } }]);
  });
});
