// The one build script: compiles the glossary, bundles every extension context with esbuild and writes
// dist/chrome and dist/firefox from one manifest.json plus small per-browser patches.
//
//   node build.mjs                  build both browsers (and the node tools under dist/tools)
//   node build.mjs --watch          rebuild on changes to src/, extension/, glossary/, manifest.json
//   node build.mjs --package        build, then write store zips to dist/packages/
//   node build.mjs --format-glossary  rewrite glossary/entries.json in its canonical form (sorted, 2-space JSON)
//   node build.mjs --only-tools     bundle only dist/tools (bench and check scripts run in node)
import * as esbuild from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const args = new Set(process.argv.slice(2));
const dist = join(root, 'dist');
const BROWSERS = ['chrome', 'firefox'];

/** Per-browser patches applied to manifest.json (Dark Reader style: one manifest, small patches). */
const MANIFEST_PATCHES = {
  chrome: (m) => ({
    ...m,
    minimum_chrome_version: '128',
    background: { service_worker: 'background.js' },
    // use_dynamic_url (Chrome only): the page can reach card.js only through a per-session URL, not probe the fixed
    // chrome-extension://<id>/card.js to detect the extension.
    web_accessible_resources: m.web_accessible_resources.map((r) => ({ ...r, use_dynamic_url: true })),
  }),
  firefox: (m) => ({
    ...m,
    background: { scripts: ['background.js'] },
    browser_specific_settings: {
      gecko: {
        id: 'context-glossary@context-glossary.org',
        strict_min_version: '140.0',
        // Nothing leaves the browser: declared so Firefox shows it at install (Firefox 140+).
        data_collection_permissions: { required: ['none'] },
      },
      // data_collection_permissions needs Firefox for Android 142 (web-ext lint KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION).
      gecko_android: { strict_min_version: '142.0' },
    },
  }),
};

/** Extension contexts: bundle name -> entry (built only when the entry exists). */
const EXTENSION_ENTRIES = {
  background: 'src/background/index.ts',
  content: 'src/content/index.ts',
  popup: 'src/popup/index.tsx',
  options: 'src/options/index.tsx',
  reader: 'src/reader/index.tsx',
};

function log(msg) {
  process.stdout.write(`[build] ${msg}\n`);
}

/** Bundles src/tools/*.ts for node into dist/tools/*.mjs (glossary compiler CLI, benches, corpus check). */
async function buildTools() {
  const dir = join(root, 'src/tools');
  const entries = existsSync(dir)
    ? readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => join(dir, f))
    : [];
  if (entries.length === 0) return;
  await esbuild.build({
    entryPoints: entries,
    outdir: join(dist, 'tools'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
    plugins: [glossaryPlugin()],
  });
}

let compiledGlossary = null;

/** Runs the glossary compiler (src/core, bundled for node) over glossary/ and returns the compiled JSON text. */
async function compileGlossary() {
  const out = join(dist, 'tools', 'compile-glossary.mjs');
  await esbuild.build({
    entryPoints: [join(root, 'src/tools/compile-glossary.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  // A fresh URL each time so --watch picks up changes to the compiler itself.
  const mod = await import(`${pathToFileURL(out).href}?t=${Date.now()}`);
  const result = mod.compileGlossaryDir(join(root, 'glossary'));
  if (!result.ok) {
    const lines = result.errors.map((e) => `  - ${e}`).join('\n');
    throw new Error(`glossary: ${result.errors.length} error(s)\n${lines}`);
  }
  compiledGlossary = JSON.stringify(result.glossary);
  return compiledGlossary;
}

/**
 * `import glossary from 'virtual:glossary'` resolves to the compiled glossary; `import { loadGlossary } from
 * 'virtual:glossary-lazy'` to a function that parses it on first call (see src/virtual-glossary.d.ts).
 */
function glossaryPlugin() {
  return {
    name: 'glossary',
    setup(build) {
      build.onResolve({ filter: /^virtual:glossary(-lazy)?$/ }, (a) => ({ path: a.path.slice('virtual:'.length), namespace: 'virtual' }));
      // JSON.parse of a string literal is parsed and built faster than the same data as an object literal
      // (V8: "the cost of JavaScript", JSON.parse fast path). The content script runs in every frame of every page
      // and most frames never mark anything (site off, other language, iframes off): it takes the lazy form, so
      // only a frame that starts the engine parses the glossary.
      build.onLoad({ filter: /.*/, namespace: 'virtual' }, async (a) => {
        const json = JSON.stringify(compiledGlossary ?? (await compileGlossary()));
        const contents =
          a.path === 'glossary-lazy'
            ? `let parsed;\nexport function loadGlossary() {\n  return (parsed ??= JSON.parse(${json}));\n}`
            : `export default JSON.parse(${json});`;
        return { contents, loader: 'js' };
      });
    },
  };
}

function extensionBuildOptions(browser) {
  const entryPoints = Object.entries(EXTENSION_ENTRIES)
    .filter(([, file]) => existsSync(join(root, file)))
    .map(([out, file]) => ({ out, in: join(root, file) }));
  return {
    entryPoints,
    outdir: join(dist, browser),
    bundle: true,
    // Content scripts are classic scripts: an IIFE keeps our names off the page's globals.
    format: 'iife',
    target: browser === 'chrome' ? ['chrome128'] : ['firefox140'],
    // Always minified: the content script is parsed in every frame of every page, so its size is page cost.
    // Linked source maps keep it debuggable (dropped from store packages).
    minify: true,
    sourcemap: args.has('--package') ? false : 'linked',
    legalComments: 'none',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { __BROWSER__: JSON.stringify(browser) },
    logLevel: 'warning',
    metafile: true,
    plugins: [glossaryPlugin()],
  };
}

function writeStatic(browser) {
  const outDir = join(dist, browser);
  mkdirSync(outDir, { recursive: true });
  cpSync(join(root, 'extension'), outDir, { recursive: true });
  const base = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
  const manifest = MANIFEST_PATCHES[browser](base);
  writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
}

async function buildBrowser(browser) {
  writeStatic(browser);
  const result = await esbuild.build(extensionBuildOptions(browser));
  writeFileSync(join(dist, `meta-${browser}.json`), JSON.stringify(result.metafile));
  // The card UI as an ES module the content script imports on the first card (src/content/lazy-card.ts).
  const card = await esbuild.build({
    ...extensionBuildOptions(browser),
    entryPoints: [{ out: 'card', in: join(root, 'src/content/card-module.ts') }],
    format: 'esm',
  });
  writeFileSync(join(dist, `meta-${browser}-card.json`), JSON.stringify(card.metafile));
}

async function formatGlossary() {
  await esbuild.build({
    entryPoints: [join(root, 'src/tools/compile-glossary.ts')],
    outfile: join(dist, 'tools', 'compile-glossary.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
  const mod = await import(pathToFileURL(join(dist, 'tools', 'compile-glossary.mjs')).href);
  const file = join(root, 'glossary', 'entries.json');
  writeFileSync(file, mod.formatGlossarySource(readFileSync(file, 'utf8')));
  log('formatted glossary/entries.json');
}

async function packageZips() {
  const { cmd } = await import('web-ext');
  const outDir = join(dist, 'packages');
  rmSync(outDir, { recursive: true, force: true });
  for (const browser of BROWSERS) {
    const res = await cmd.build(
      { sourceDir: join(dist, browser), artifactsDir: outDir, filename: `context-glossary-${browser}-{version}.zip`, overwriteDest: true },
      { shouldExitProgram: false },
    );
    log(`packaged ${resolve(res.extensionPath)}`);
  }
}

async function buildAll() {
  compiledGlossary = null;
  await compileGlossary();
  await buildTools();
  for (const browser of BROWSERS) await buildBrowser(browser);
}

async function main() {
  if (args.has('--format-glossary')) return formatGlossary();
  if (args.has('--only-tools')) {
    await compileGlossary();
    return buildTools();
  }
  for (const browser of BROWSERS) rmSync(join(dist, browser), { recursive: true, force: true });
  await buildAll();
  log(`built dist/chrome and dist/firefox`);
  if (args.has('--package')) await packageZips();
  if (args.has('--watch')) {
    log('watching for changes (Ctrl+C to stop)');
    let timer = null;
    const rebuild = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        buildAll().then(
          () => log('rebuilt'),
          (err) => log(`build failed: ${err.message}`),
        );
      }, 100);
    };
    for (const dir of ['src', 'extension', 'glossary']) watch(join(root, dir), { recursive: true }, rebuild);
    watch(join(root, 'manifest.json'), rebuild);
  }
}

main().catch((err) => {
  process.stderr.write(`[build] ${err.message}\n`);
  process.exit(1);
});
