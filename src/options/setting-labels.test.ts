import { describe, expect, it } from 'vitest';
import { englishT } from '../../tests/support/i18n.js';
import { DEFAULT_SETTINGS } from '../core/settings/schema.js';
import { settingLabels } from './setting-labels.js';

/** Every leaf path of the default settings, as previewImport reports changed paths. */
function leafPaths(v: unknown, path = ''): string[] {
  if (v && typeof v === 'object' && !Array.isArray(v))
    return Object.entries(v).flatMap(([k, x]) => leafPaths(x, path ? `${path}.${k}` : k));
  return [path];
}

describe('settingLabels', () => {
  it('names changed settings as the options page labels them, colours once', () => {
    expect(settingLabels(['marking.style', 'card.theme', 'marking.colors.person', 'marking.colors.place'], englishT)).toEqual([
      'Mark style',
      'Colour per category',
      'Card theme',
    ]);
  });

  it('has a readable label for every setting there is, and none shows a path', () => {
    for (const path of leafPaths(DEFAULT_SETTINGS).filter((p) => p !== 'version')) {
      const [label] = settingLabels([path], englishT);
      expect(label, path).toBeTruthy();
      expect(label, path).not.toBe(englishT('options_import_other'));
      expect(label, path).not.toMatch(/[a-z][A-Z]|\w\.\w/);
    }
  });

  it('leaves out version, and an unknown path becomes "other settings"', () => {
    expect(settingLabels(['version'], englishT)).toEqual([]);
    expect(settingLabels(['someFutureField'], englishT)).toEqual(['other settings']);
  });
});
