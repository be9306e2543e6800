// The one build script: compiles the glossary, bundles every extension context with esbuild and writes
// dist/chrome and dist/firefox from one manifest.json plus small per-browser patches.
//
// Nothing else: node tools (bench, corpus check, glossary CLI, npm start) are bundled when run (tools/run.mjs).
//
//   node build.mjs                  build both browsers
//   node build.mjs --watch          rebuild on changes to src/, extension/, glossary/, manifest.json
//   node build.mjs --package        build, then write store zips to dist/packages/
//   node build.mjs --probe          test build with the mark probe (src/page/mark-probe.ts) in dist-probe/ (never shipped)
import * as esbuild from 'esbuild';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileGlossaryJson, glossaryPlugin } from './tools/bundle.mjs';
import { marksCssFor } from './tools/marks-css.mjs';

const root = dirname(fileURLToPath(import.meta.url));
const args = new Set(process.argv.slice(2));
// --probe: a separate output so a test build can never be mistaken for (or packaged as) the product.
const PROBE = args.has('--probe');
const dist = join(root, PROBE ? 'dist-probe' : 'dist');
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
  // Issue 14: the make/review page and its extraction Worker (a classic worker script: IIFE like the rest).
  make: 'src/maker/index.tsx',
  'extract-worker': 'src/maker/extract-worker.ts',
};

function log(msg) {
  process.stdout.write(`[build] ${msg}\n`);
}

let compiledGlossary = null;

/** The compiled glossary (JSON text), compiled once per build; throws with every problem listed. */
async function compileGlossary() {
  compiledGlossary ??= await compileGlossaryJson(join(root, 'glossary'));
  return compiledGlossary;
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
    define: { __BROWSER__: JSON.stringify(browser), __TEST__: JSON.stringify(!args.has('--package')), __MARK_PROBE__: JSON.stringify(PROBE) },
    logLevel: 'warning',
    metafile: true,
    plugins: [glossaryPlugin(compileGlossary)],
  };
}

function writeStatic(browser) {
  const outDir = join(dist, browser);
  mkdirSync(outDir, { recursive: true });
  cpSync(join(root, 'extension'), outDir, { recursive: true });
  // Chromium: the default marks on :root, so they cost no style recalculation where nothing is marked (tools/marks-css.mjs).
  writeFileSync(join(outDir, 'marks.css'), marksCssFor(browser, readFileSync(join(root, 'extension/marks.css'), 'utf8')));
  const base = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
  const manifest = MANIFEST_PATCHES[browser](base);
  writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  // pdf.js's worker as a file of ours (issue 14: PDFs read on the make page; no remote code). pdf.js starts it as a
  // module worker from this URL.
  cpSync(join(root, 'node_modules/pdfjs-dist/build/pdf.worker.min.mjs'), join(outDir, 'pdf.worker.mjs'));
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
  // The engine half of the content script, imported by the bootstrap (src/content/index.ts) only on a page whose
  // text the prefilter says may hold a term (issue 13).
  const engine = await esbuild.build({
    ...extensionBuildOptions(browser),
    entryPoints: [{ out: 'engine', in: join(root, 'src/content/engine-entry.ts') }],
    format: 'esm',
  });
  writeFileSync(join(dist, `meta-${browser}-engine.json`), JSON.stringify(engine.metafile));
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
  for (const browser of BROWSERS) await buildBrowser(browser);
}

async function main() {
  // dist/tools: node tools were bundled there before they moved to .cache/tools (tools/run.mjs); drop stale copies.
  for (const d of [...BROWSERS, 'tools']) rmSync(join(dist, d), { recursive: true, force: true });
  await buildAll();
  log(PROBE ? 'built dist-probe/chrome and dist-probe/firefox (mark probe: tests only)' : `built dist/chrome and dist/firefox`);
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
