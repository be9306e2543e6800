// Issue 10: the content script runs in every frame of every page, so it ships no schema library and no storage,
// migration or repair code — settings there are a type and a snapshot from the background. Checked on the real
// bundle graph (esbuild metafile of src/content/index.ts), so an import that drags them back in fails here.
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('content script bundle', () => {
  it('contains no zod, no settings store, no storage reader or repair', async () => {
    const result = await esbuild.build({
      entryPoints: ['src/content/index.ts'],
      bundle: true,
      write: false,
      metafile: true,
      minify: true,
      format: 'iife',
      platform: 'browser',
      external: ['virtual:*'],
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((f) => f.includes('src/content/index.ts'))).toBe(true);
    const forbidden = inputs.filter((f) =>
      /node_modules\/zod\/|settings-service|read-user-glossary|user-glossary-schema|memory-backend|storage\.(sync|local)/.test(f),
    );
    expect(forbidden).toEqual([]);
    const text = result.outputFiles[0]!.text;
    expect(text).not.toMatch(/storage\.sync|storage\.local/);
  });
});
