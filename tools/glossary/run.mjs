// `node tools/glossary/run.mjs <tool> [args]`: bundles tools/glossary/<tool>.ts (and the pure src/core/extract it
// uses) with esbuild into .cache/ and runs it — node 20 runs no TypeScript. A tool either runs on import or exports
// `main(argv)` returning the exit code. pdf.js, Readability, linkedom and compromise stay external (resolved from
// node_modules), so pdf.js finds its worker file.
import { build } from 'esbuild';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const [tool, ...args] = process.argv.slice(2);
if (!tool || !/^[a-z-]+$/.test(tool)) {
  process.stderr.write('usage: node tools/glossary/run.mjs <extract|extract-bench> [args]\n');
  process.exit(2);
}
const outfile = `${root}.cache/glossary-${tool}.mjs`;
await build({
  entryPoints: [`${root}tools/glossary/${tool}.ts`],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile,
  external: ['pdfjs-dist', '@mozilla/readability', 'linkedom', 'compromise'],
  logLevel: 'error',
});
const mod = await import(pathToFileURL(outfile).href);
if (typeof mod.main === 'function') process.exitCode = await mod.main(args);
