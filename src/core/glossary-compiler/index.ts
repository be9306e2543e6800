/**
 * The glossary compiler with the real engine: the Matcher (src/core/matcher) and the context rules
 * (src/core/context-rules.ts). Pure; tools/glossary/compile-glossary.ts reads the files and calls `compileGlossary`.
 */
import { filterByContext } from '../context-rules.js';
import { Matcher } from '../matcher/index.js';
import { compileWithEngine, type CompileResult, type GlossaryFiles, type ScanEngine } from './compile.js';

export { compileWithEngine, type CompileResult, type GlossaryFiles, type ScanEngine } from './compile.js';
export { formatGlossarySource } from './format.js';
;
;
;

export const matcherEngine: ScanEngine = {
  compile: (terms) => Matcher.compile(terms),
  filterByContext,
};

export function compileGlossary(files: GlossaryFiles): CompileResult {
  return compileWithEngine(files, matcherEngine);
}
