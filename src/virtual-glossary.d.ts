// `virtual:glossary` is the glossary compiled by build.mjs from glossary/ (see src/core/glossary-compiler).
declare module 'virtual:glossary' {
  const glossary: import('./core/glossary-types.js').CompiledGlossary;
  export default glossary;
}

/** Set by build.mjs: which browser this bundle is for. */
declare const __BROWSER__: 'chrome' | 'firefox';
