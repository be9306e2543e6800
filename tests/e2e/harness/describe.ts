// One browser per kind per describe block: each test file launches each browser once and shares it.
import { afterAll, beforeAll, describe } from 'vitest';
import { BROWSERS, type BrowserKind, type ExtensionBrowser, launchWithExtension, type LaunchOptions } from './launch.js';

/**
 * describeEachBrowser('popup', (ctx, kind) => { it('lists terms', async () => { const b = ctx(); ... }) })
 * registers `popup [chromium]` and `popup [firefox]` (or the E2E_BROWSERS subset), each with its own browser
 * launched in beforeAll and closed in afterAll. `ctx()` throws if called outside a test or hook.
 */
export function describeEachBrowser(
  name: string,
  fn: (ctx: () => ExtensionBrowser, kind: BrowserKind) => void,
  /** Launch options, the same for both browsers or per browser (e.g. the probe build's directory). */
  opts?: LaunchOptions | ((kind: BrowserKind) => LaunchOptions),
): void {
  for (const kind of BROWSERS) {
    describe(`${name} [${kind}]`, () => {
      let current: ExtensionBrowser | null = null;
      beforeAll(async () => {
        current = await launchWithExtension(kind, typeof opts === 'function' ? opts(kind) : opts);
      });
      afterAll(async () => {
        await current?.close();
        current = null;
      });
      fn(() => {
        if (!current) throw new Error(`describeEachBrowser(${name}): ${kind} is not running (use ctx() inside tests/hooks)`);
        return current;
      }, kind);
    });
  }
}
