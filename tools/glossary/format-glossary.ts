// npm run format:glossary — rewrites glossary/entries.json in its canonical form (entries sorted by id, keys in a
// fixed order, 2-space JSON), so diffs of the glossary stay small and the compiler's "not sorted" error is fixed.
//
//   node tools/run.mjs tools/glossary/format-glossary.ts [file]
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatGlossarySource } from '../../src/core/glossary-compiler/index.js';
import { ROOT } from '../../tests/e2e/harness/paths.js';

const file = resolve(process.argv[2] ?? `${ROOT}/glossary/entries.json`);
writeFileSync(file, formatGlossarySource(readFileSync(file, 'utf8')));
process.stdout.write(`formatted ${file}\n`);
