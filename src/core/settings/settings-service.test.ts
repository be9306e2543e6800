import { describe, expect, it } from 'vitest';
import { createMemoryBackend } from '../../../tests/support/memory-settings-backend.js';
import { DEFAULT_SETTINGS, type Settings } from './schema.js';
import { KEYS, createSettingsService, splitIntoChunks } from './settings-service.js';
import type { UserGlossary } from '../user-glossary.js';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const fresh = () => {
  const backend = createMemoryBackend();
  const service = createSettingsService(backend, () => new Date('2026-01-02T03:04:05Z'));
  // The calls the other contexts make through the background, over the one service.
  const store = {
    loadSettings: async () => (await service.snapshot()).settings,
    saveSettings: async (s: Settings) => void (await service.updateSettings(() => s)),
    updateSettings: (fn: (s: Settings) => Settings) => service.updateSettings(fn),
    loadUserGlossary: async () => (await service.snapshot()).userGlossary,
    saveUserGlossary: async (u: UserGlossary) => void (await service.updateUserGlossary(() => u)),
    getSettingsStorageInfo: async () => (await service.storageState()).storage,
    loadCorruptCopies: async () => (await service.storageState()).corrupt,
    clearCorruptCopy: (which: 'settings' | 'userGlossary') => service.clearCorruptCopy(which),
  };
  return { backend, service, store };
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

  it('repairs only the invalid field, keeps the rest, and keeps the bad part for export', async () => {
    const { backend, store } = fresh();
    backend.sync.data.set(KEYS.settings, { version: 1, enabled: 'yes', badge: false });
    const expected = { ...clone(DEFAULT_SETTINGS), badge: false };
    expect(await store.loadSettings()).toEqual(expected);
    const copies = await store.loadCorruptCopies();
    expect(copies.settings?.raw).toEqual({ enabled: 'yes' });
    expect(copies.settings?.error).toMatch(/enabled/);
    expect(copies.settings?.savedAt).toBe('2026-01-02T03:04:05.000Z');
    expect(backend.sync.data.get(KEYS.settings)).toEqual(expected);
  });

  it('reads a value with a broken section over the defaults (a sync from another device wrote it)', async () => {
    const { backend, store } = fresh();
    await backend.sync.set({ [KEYS.settings]: { version: 1, marking: 42, hover: { delayMs: 300 } } });
    const expected = clone(DEFAULT_SETTINGS);
    expected.hover.delayMs = 300;
    expect(await store.loadSettings()).toEqual(expected);
    expect(backend.sync.data.get(KEYS.settings)).toEqual(expected);
    expect((await store.loadCorruptCopies()).settings?.raw).toEqual({ marking: 42 });
  });

  it('recovers a missing chunk to defaults and keeps the marker', async () => {
    const { backend, store } = fresh();
    await store.saveSettings(bigSettings());
    backend.sync.data.delete('settings.1');
    expect(await store.loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect((await store.loadCorruptCopies()).settings?.error).toMatch(/settings\.1 is missing/);
  });

  it('reads settings from a newer version field by field and never writes them back unasked', async () => {
    const { backend, store } = fresh();
    const future = { version: 7, somethingNew: true, badge: false, hover: { delayMs: 9999 } };
    backend.sync.data.set(KEYS.settings, future);
    expect(await store.loadSettings()).toEqual({ ...clone(DEFAULT_SETTINGS), badge: false });
    expect(backend.writes()).toBe(0);
    expect(backend.sync.data.get(KEYS.settings)).toEqual(future);
    expect((await store.loadCorruptCopies()).settings).toBeNull();
  });

  it('writes only the changed field over a newer version, keeping its version and unknown fields', async () => {
    const { backend, store } = fresh();
    backend.sync.data.set(KEYS.settings, { version: 7, somethingNew: true, badge: false, hover: { delayMs: 9999 } });
    await store.updateSettings((s) => ({ ...s, enabled: false }));
    expect(backend.sync.data.get(KEYS.settings)).toEqual({ version: 7, somethingNew: true, badge: false, hover: { delayMs: 9999 }, enabled: false });
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

  it('keeps every readable own entry and sets aside only the unreadable one', async () => {
    const { backend, store } = fresh();
    const bad = { version: 1, own: [{ id: 'nope' }, ...clone(OWN.own)], overrides: { ttp: { definition: 'Mine.' }, pakistan: { colour: 1 } } };
    backend.local.data.set(KEYS.userGlossary, bad);
    expect(await store.loadUserGlossary()).toEqual({ version: 1, own: OWN.own, overrides: { ttp: { definition: 'Mine.' } } });
    const copy = (await store.loadCorruptCopies()).userGlossary;
    expect(copy?.raw).toEqual({ 'own[0]': { id: 'nope' }, 'overrides.pakistan': { colour: 1 } });
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
});

/** A 0.1.0 object as it reads today: fields added since (issue 12: mention mode, keyboard repeats) at their defaults. */
function readAsToday(golden: Record<string, unknown>): Record<string, unknown> {
  return {
    ...golden,
    marking: { ...(golden.marking as object), mentions: DEFAULT_SETTINGS.marking.mentions },
    keyboard: DEFAULT_SETTINGS.keyboard,
  };
}

describe('one writer', () => {
  it('30 frames asking at once with corrupt storage cause one repair write (and one kept copy), not 30', async () => {
    const { backend, service } = fresh();
    const golden = clone((await import('./fixtures/settings-0.1.0.json')).default) as unknown as Record<string, unknown>;
    backend.sync.data.set(KEYS.settings, { ...golden, hover: { delayMs: 'slow' } });
    backend.local.data.set(KEYS.userGlossary, { version: 1, own: [{ id: 'broken' }], overrides: {} });
    const snaps = await Promise.all(Array.from({ length: 30 }, () => service.snapshot()));
    expect(backend.sync.writes).toBe(1);
    // local: the settings copy, the own-entries copy and the repaired own entries — each once.
    expect(backend.local.writes).toBe(3);
    for (const s of snaps) expect(s.settings).toEqual({ ...readAsToday(golden), hover: { delayMs: 200 } });
    // Asking again finds clean storage: no more writes.
    await Promise.all(Array.from({ length: 30 }, () => service.snapshot()));
    expect(backend.writes()).toBe(4);
  });

  it('settings without a field (written before it existed) load with no write at all', async () => {
    const { backend, store } = fresh();
    const golden = clone((await import('./fixtures/settings-0.1.0.json')).default) as unknown as Record<string, unknown>;
    const { badge: _, ...older } = golden;
    backend.sync.data.set(KEYS.settings, older);
    expect(await store.loadSettings()).toEqual({ ...readAsToday(golden), badge: DEFAULT_SETTINGS.badge });
    expect(backend.writes()).toBe(0);
  });

  it('own entries written by 0.1.0 load unchanged; from a newer version they are read and never written back', async () => {
    const { backend, store } = fresh();
    const own = clone((await import('./fixtures/own-entries-0.1.0.json')).default) as unknown as UserGlossary;
    backend.local.data.set(KEYS.userGlossary, own);
    expect(await store.loadUserGlossary()).toEqual(own);
    const newer = { ...clone(own), version: 2, tags: ['x'] };
    backend.local.data.set(KEYS.userGlossary, newer);
    expect(await store.loadUserGlossary()).toEqual(own);
    expect(backend.writes()).toBe(0);
    expect(backend.local.data.get(KEYS.userGlossary)).toEqual(newer);
  });

  it('a request that changes nothing writes nothing', async () => {
    const { backend, service } = fresh();
    await service.updateSettings((s) => ({ ...s, badge: false }));
    const n = backend.writes();
    await service.updateSettings((s) => s);
    expect(backend.writes()).toBe(n);
  });

  it('refuses an incomplete or invalid result and writes nothing', async () => {
    const { backend, service } = fresh();
    await expect(service.updateSettings((s) => ({ ...s, marking: undefined }) as unknown as Settings)).rejects.toThrow(/marking/);
    expect(backend.writes()).toBe(0);
  });
});
