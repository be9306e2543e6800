// `npm run bench:outside -- --floor`: what injecting *any* content script costs, beside what ours costs (issue 13,
// "find the floor"). Two throwaway copies of the built extension (never shipped, deleted after the run) whose
// content.js is replaced: `floor-empty` runs an empty script; `floor-snapshot` only asks the background for the
// settings snapshot, through the same client the real content script uses (src/shared/settings-client.ts). Their
// rows run beside the real one on the same page, same method, so "added ms" splits into the browser's price of a
// content script, the price of one round trip for settings, and ours.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import type { OutsideRow } from './outside-pages.js';

export type FloorVariant = 'floor-empty' | 'floor-snapshot';
export const FLOOR_VARIANTS: readonly FloorVariant[] = ['floor-empty', 'floor-snapshot'];

const LABEL: Record<FloorVariant, string> = {
  'floor-empty': 'floor: an empty content script',
  'floor-snapshot': 'floor: a content script that only reads the settings snapshot',
};

/** The snapshot reader, bundled as build.mjs bundles content.js (IIFE, minified). */
async function snapshotScript(root: string, browser: 'chrome' | 'firefox'): Promise<string> {
  const r = await esbuild.build({
    stdin: {
      contents: "import { loadSnapshot } from './src/shared/settings-client.ts'; void loadSnapshot().catch(() => {});",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    minify: true,
    format: 'iife',
    target: browser === 'chrome' ? ['chrome128'] : ['firefox140'],
    define: { __BROWSER__: JSON.stringify(browser), __TEST__: 'false', __MARK_PROBE__: 'false' },
    logLevel: 'warning',
  });
  return r.outputFiles[0]!.text;
}

/** Copies the unpacked extension at `dir` with content.js replaced for `variant`; returns the copy's directory. */
export async function floorExtension(root: string, dir: string, browser: 'chrome' | 'firefox', variant: FloorVariant): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), `cg-${variant}-`));
  cpSync(dir, out, { recursive: true });
  writeFileSync(join(out, 'content.js'), variant === 'floor-empty' ? '' : await snapshotScript(root, browser));
  return out;
}

/** The floor rows of `rows`: each row again, once per variant, marking nothing. */
export function floorRows(rows: OutsideRow[]): OutsideRow[] {
  return rows.flatMap((r) =>
    FLOOR_VARIANTS.map((v) => ({ ...r, id: `${r.id}-${v}`, label: `${r.label} — ${LABEL[v]}`, glossary: v, marks: false })),
  );
}
