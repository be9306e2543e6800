// Bundles tools/glossary/extract.ts (and the pure src/core/extract it uses) with esbuild into .cache/ and runs it:
// node 20 cannot run TypeScript itself. pdf.js, Readability and linkedom stay external (resolved from
// node_modules), so pdf.js finds its worker file.
import { build } from 'esbuild';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const outfile = `${root}.cache/glossary-extract.mjs`;
await build({
  entryPoints: [`${root}tools/glossary/extract.ts`],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile,
  external: ['pdfjs-dist', '@mozilla/readability', 'linkedom'],
  logLevel: 'error',
});
const { main } = await import(pathToFileURL(outfile).href);
process.exitCode = await main(process.argv.slice(2));
