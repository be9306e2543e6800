// The probe build (node build.mjs --probe -> dist-probe/): every painted mark is mirrored into a
// `context-glossary-entry-<id>` highlight (src/page/mark-probe.ts), so a test can assert which entry each mark opens
// (issue 11, deliverable 6). Built once per test process, from the current sources, before the browsers launch.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { BrowserKind } from './launch.js';
import { ROOT } from './paths.js';

let built = false;

/** The unpacked probe extension for a browser, building dist-probe/ first (once per process). */
export function probeExtensionDir(kind: BrowserKind): string {
  if (!built) {
    execFileSync(process.execPath, [join(ROOT, 'build.mjs'), '--probe'], { cwd: ROOT, stdio: 'ignore' });
    built = true;
  }
  return join(ROOT, 'dist-probe', kind === 'chromium' ? 'chrome' : 'firefox');
}
