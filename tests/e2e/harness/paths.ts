// Where the built extension and the fixtures live, resolved from this file so tests can run from any cwd.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type BrowserKind = 'chromium' | 'firefox';

/**
 * Repository root: the nearest directory above this module holding build.mjs and manifest.json. Searched rather
 * than fixed ('../../..') because node tools bundle this file into dist/tools/, two levels below the root.
 */
export const ROOT = (() => {
  const here = dirname(fileURLToPath(import.meta.url));
  for (let dir = here; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'build.mjs')) && existsSync(join(dir, 'manifest.json'))) return dir;
    if (dirname(dir) === dir) return resolve(here, '../../..');
  }
})();

/** tests/fixtures: the default root of startServer(). */
export const FIXTURES_DIR = join(ROOT, 'tests', 'fixtures');

/**
 * The built extensions. `E2E_DIST_DIR` may point at another build output (a directory holding chrome/ and
 * firefox/), e.g. to test a minified `--package` build; by default it is <root>/dist written by `npm run build`.
 */
export const DIST_DIR = process.env.E2E_DIST_DIR ? resolve(process.env.E2E_DIST_DIR) : join(ROOT, 'dist');

/** Absolute path of the unpacked extension for a browser; throws a clear error when it has not been built. */
export function extensionDir(kind: BrowserKind): string {
  const dir = join(DIST_DIR, kind === 'chromium' ? 'chrome' : 'firefox');
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No built extension at ${dir} (manifest.json missing). Run \`npm run build\` first.`);
  }
  return dir;
}

export const CHROMIUM_EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
export const FIREFOX_EXECUTABLE = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** artifacts/ (gitignored): screenshots and reports tests leave for people to look at. */
export const ARTIFACTS_DIR = join(ROOT, 'artifacts');

/** Absolute path of a file under artifacts/, creating the directory (absent on a fresh clone). */
export function artifactPath(name: string): string {
  const file = join(ARTIFACTS_DIR, name);
  mkdirSync(dirname(file), { recursive: true });
  return file;
}
