// esbuild helpers shared by build.mjs (the extension) and tools/run.mjs (node tools bundled when run):
//  - glossaryPlugin(): `virtual:glossary` resolves to the glossary compiled from glossary/;
//  - compileGlossaryJson(): runs the glossary compiler (src/core, through tools/glossary/compile-glossary.ts);
//  - bundleForNode(): one TypeScript entry -> one ESM file for node, node_modules left external.
// Bundles for node go to .cache/tools/ (gitignored), exactly two levels below the repository root: tools that
// find files relative to their own module (bench-core's `../../glossary`, the harness's ROOT search) rely on it.
import * as esbuild from 'esbuild';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CACHE_DIR = join(ROOT, '.cache', 'tools');

/** `.cache/tools/<path with / as __>.mjs` for an entry under the root (unique per entry, flat). */
function cachedOutfile(entry) {
  const rel = relative(ROOT, entry).replace(/\.[cm]?tsx?$/, '').replace(/[\\/]/g, '__');
  return join(CACHE_DIR, `${rel}.mjs`);
}

/** Bundles one TypeScript entry for node (ESM, packages external, inline source map); returns the output path. */
export async function bundleForNode(entry, { outfile = cachedOutfile(entry), plugins = [] } = {}) {
  await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'warning',
    plugins,
  });
  return outfile;
}

/**
 * Runs the glossary compiler over glossary/ and returns the compiled glossary as JSON text; throws with every
 * problem listed (`glossary: N error(s)` then one line each).
 */
export async function compileGlossaryJson(dir = join(ROOT, 'glossary')) {
  const out = await bundleForNode(join(ROOT, 'tools', 'glossary', 'compile-glossary.ts'));
  // A fresh URL each time so `build.mjs --watch` picks up changes to the compiler itself.
  const mod = await import(`${pathToFileURL(out).href}?t=${Date.now()}`);
  const result = mod.compileGlossaryDir(dir);
  if (!result.ok) {
    const lines = result.errors.map((e) => `  - ${e}`).join('\n');
    throw new Error(`glossary: ${result.errors.length} error(s)\n${lines}`);
  }
  return JSON.stringify(result.glossary);
}

/**
 * `import glossary from 'virtual:glossary'` resolves to the compiled glossary (background and extension pages; content
 * scripts ask the background for it: src/content/index.ts).
 * `compiled()` returns the compiled JSON text (build.mjs passes its cached one; tools compile on first use).
 */
export function glossaryPlugin(compiled = lazyCompiled()) {
  return {
    name: 'glossary',
    setup(build) {
      build.onResolve({ filter: /^virtual:glossary$/ }, (a) => ({ path: a.path.slice('virtual:'.length), namespace: 'virtual' }));
      // JSON.parse of a string literal is parsed and built faster than the same data as an object literal
      // (V8: "the cost of JavaScript", JSON.parse fast path).
      build.onLoad({ filter: /.*/, namespace: 'virtual' }, async () => {
        const json = JSON.stringify(await compiled());
        return { contents: `export default JSON.parse(${json});`, loader: 'js' };
      });
    },
  };
}

function lazyCompiled() {
  let text = null;
  return async () => (text ??= await compileGlossaryJson());
}
