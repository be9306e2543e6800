// Issue 10: the content script runs in every frame of every page, so it ships no schema library and no storage,
// migration or repair code — settings there are a type and a snapshot from the background. Checked on the real
// bundle graph (esbuild metafile of src/content/index.ts), so an import that drags them back in fails here.
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';

/** content.js as build.mjs makes it (minified IIFE), with its input graph. */
function bundleContent(options: Pick<esbuild.BuildOptions, 'external' | 'plugins'>) {
  return esbuild.build({
    entryPoints: ['src/content/index.ts'],
    bundle: true,
    write: false,
    metafile: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    logLevel: 'silent',
    ...options,
  });
}

describe('content script bundle', () => {
  it('contains no zod, no settings store, no storage reader or repair', async () => {
    const result = await bundleContent({ external: ['virtual:*'] });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((f) => f.includes('src/content/index.ts'))).toBe(true);
    const forbidden = inputs.filter((f) =>
      /node_modules\/zod\/|settings-service|read-user-glossary|user-glossary-schema|memory-backend|storage\.(sync|local)/.test(f),
    );
    expect(forbidden).toEqual([]);
    const text = result.outputFiles[0]!.text;
    expect(text).not.toMatch(/storage\.sync|storage\.local/);
  });

  it('bundles neither the glossary, the engine nor the card UI, and stays within 12 KB minified', async () => {
    const result = await bundleContent({
      // Any import of the glossary would have to resolve here and fails the build: content scripts ask the background.
      plugins: [{ name: 'no-virtual', setup: (b) => b.onResolve({ filter: /^virtual:/ }, (a) => ({ errors: [{ text: `content.js imports ${a.path}` }] })) }],
    });
    const inputs = Object.keys(result.metafile.inputs);
    // The card (Preact, Floating UI, TermCard) is card.js, imported on the first card (lazy-card.ts).
    expect(inputs.filter((f) => /node_modules\/(preact|@floating-ui)\/|src\/ui\/|card-host/.test(f))).toEqual([]);
    // Issue 13: the bootstrap every frame pays for; the page engine, matcher and glossary code are engine.js, imported
    // only when the page prefilter hits (src/content/content-engine.ts).
    expect(inputs.filter((f) => /src\/page\/(engine|collect|mark-store|highlights)\.ts|src\/core\/(matcher|runtime-glossary|context-rules)/.test(f))).toEqual([]);
    // Nor the polyfill, the shared messaging stack or the validators of every message: the bootstrap has its own thin
    // transport over the native API (src/content/native-transport.ts says why) and the few validators it needs
    // (src/shared/protocol-bootstrap.ts). 10 KB today (18 KB with the settings validators, 33 KB with the polyfill).
    expect(inputs.filter((f) => /webextension-polyfill|src\/shared\/(browser|messaging|protocol|settings-client|glossary-client)\.ts|glossary-draft/.test(f))).toEqual([]);
    expect(result.outputFiles[0]!.contents.length).toBeLessThanOrEqual(12 * 1024);
  });

  it('carries no settings validators: the bootstrap asks for its boot state, engine.js validates the snapshot', async () => {
    // Issue 13 (wave 11): the settings validators were ~8 KB of content.js and ~1.5 ms of every page load sampled on
    // the Guardian row; the frame gets `getBootState` (src/shared/protocol-bootstrap.ts) instead of the snapshot.
    const result = await bundleContent({ external: ['virtual:*'] });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((f) => /src\/core\/settings\/(read-settings|settings-fields|issues)\.ts|snapshot-reply/.test(f))).toEqual([]);
  });
});
