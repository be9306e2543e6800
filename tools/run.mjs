// Runs a node tool written in TypeScript: bundles the entry (with `virtual:glossary`) to .cache/tools/ and imports
// it, with the remaining arguments as its own. `npm run bench`, `bench:core`, `check:corpus`, `format:glossary`
// and `npm start` go through here, so `npm run build` builds only the extension.
//
//   node tools/run.mjs tools/bench/bench.ts --browser chromium --quick
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleForNode, glossaryPlugin } from './bundle.mjs';

const [entryArg, ...rest] = process.argv.slice(2);
if (!entryArg) {
  process.stderr.write('usage: node tools/run.mjs <entry.ts> [args...]\n');
  process.exit(2);
}
const entry = resolve(entryArg);
if (!existsSync(entry)) {
  process.stderr.write(`run: no such file: ${entryArg}\n`);
  process.exit(2);
}
try {
  const out = await bundleForNode(entry, { plugins: [glossaryPlugin()] });
  // The tool sees itself as the script being run (`node <out> args...`): its own argv parsing and
  // "am I the main module" checks work unchanged.
  process.argv = [process.argv[0], out, ...rest];
  process.setSourceMapsEnabled?.(true);
  await import(pathToFileURL(out).href);
} catch (err) {
  process.stderr.write(`run: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
