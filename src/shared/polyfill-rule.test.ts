// House rule: exactly one module imports webextension-polyfill (src/shared/browser.ts); every other context talks to
// the browser through it — except the content bootstrap's own thin transport over the native API
// (src/content/native-transport.ts says why), which must not import it either. The bundle side (content.js holds no
// polyfill) is checked on the real bundle graph in src/content/content-lean.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const sources = readdirSync('src', { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
  .map((f) => join('src', f).replaceAll('\\', '/'));

describe('webextension-polyfill', () => {
  it('is imported by src/shared/browser.ts alone', () => {
    const importers = sources.filter((f) => /['"]webextension-polyfill['"]/.test(readFileSync(f, 'utf8').replace(/^\s*\/\/.*$/gm, '')));
    expect(importers).toEqual(['src/shared/browser.ts']);
  });

  it('is not reached by the content bootstrap transport, which uses the native API', () => {
    const text = readFileSync('src/content/native-transport.ts', 'utf8');
    expect(text).not.toMatch(/from '\.\.\/shared\/(browser|messaging|settings-client|glossary-client)\.js'/);
  });
});
