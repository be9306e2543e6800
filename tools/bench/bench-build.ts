// Bundles the browser side of the bench (src/bench/page-bench.ts + the real engine) with esbuild's JS API.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

/**
 * Wraps scheduling.ts's yieldToMain so the bench sees where each engine slice ends and the next begins, without a
 * hook in src/page: the original function is renamed and a timing wrapper exported under its name. Fails loudly
 * if the source no longer has the function (the bench must not silently measure nothing).
 */
function sliceHookPlugin(): esbuild.Plugin {
  return {
    name: 'bench-slice-hook',
    setup(build) {
      build.onLoad({ filter: /src[\\/]page[\\/]scheduling\.ts$/ }, (args) => {
        const src = readFileSync(args.path, 'utf8');
        const marker = 'export function yieldToMain(';
        if (!src.includes(marker)) throw new Error(`bench: ${args.path} no longer exports yieldToMain(); update bench-build.ts`);
        const contents =
          src.replace(marker, 'function __cgOriginalYieldToMain(') +
          `
export function yieldToMain(): Promise<void> {
  const hook = (globalThis as { __cgSliceHook?: { start(): void; end(): void } }).__cgSliceHook;
  hook?.end();
  return __cgOriginalYieldToMain().then(() => hook?.start());
}
`;
        return { contents, loader: 'ts' };
      });
    },
  };
}

export async function bundleBenchPage(root: string, browser: 'chrome' | 'firefox'): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [join(root, 'tools', 'bench', 'page-bench.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: browser === 'chrome' ? ['chrome128'] : ['firefox140'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { __BROWSER__: JSON.stringify(browser) },
    logLevel: 'warning',
    plugins: [sliceHookPlugin()],
  });
  const out = result.outputFiles[0];
  if (!out) throw new Error('bench: esbuild produced no output');
  return out.text;
}
