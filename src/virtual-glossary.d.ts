// `virtual:glossary` is the glossary compiled by build.mjs from glossary/ (see src/core/glossary-compiler).
declare module 'virtual:glossary' {
  const glossary: import('./core/glossary-types.js').CompiledGlossary;
  export default glossary;
}

/** Set by build.mjs: which browser this bundle is for. */
declare const __BROWSER__: 'chrome' | 'firefox';

/**
 * Set by build.mjs: true in development builds (`node build.mjs`: what the tests and `npm start` load), false in
 * store packages (`--package`). Test-only seams sit behind it so they are compiled out of what ships.
 */
declare const __TEST__: boolean;
