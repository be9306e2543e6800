// Bundles the browser side of the bench (tools/bench/page-bench.ts + the real engine, unchanged: the bench observes
// it through the engine's probe, src/page/probe.ts) with esbuild's JS API.
import { join } from 'node:path';
import * as esbuild from 'esbuild';

export async function bundleBenchPage(root: string, browser: 'chrome' | 'firefox'): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [join(root, 'tools', 'bench', 'page-bench.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: browser === 'chrome' ? ['chrome128'] : ['firefox140'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { __BROWSER__: JSON.stringify(browser), __TEST__: 'false' },
    logLevel: 'warning',
  });
  const out = result.outputFiles[0];
  if (!out) throw new Error('bench: esbuild produced no output');
  return out.text;
}
