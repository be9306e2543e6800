// axe-core in a page of the browser under test (issue 12 deliverable 9): injects axe's own source (read from
// node_modules, so no network) into the page, or an extension page, and runs it. Open shadow roots are walked by
// axe itself, so the card's shadow root is checked with the page. Puppeteer's evaluate goes through CDP / WebDriver
// BiDi, which the extension pages' CSP (script-src 'self') does not apply to.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';

const require = createRequire(import.meta.url);
let source: string | null = null;
const axeSource = () => (source ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** Selectors of the offending nodes (a shadow-DOM node as [host, inner]). */
  nodes: string[];
}

/**
 * Runs axe on `page` (optionally only within `include` selectors) and returns every violation of any impact,
 * flattened for readable test failures. Rules: axe's defaults (WCAG 2.x A/AA and best practices).
 */
export async function runAxe(page: Page, include?: string[]): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(axeSource());
  return page.evaluate(async (inc: string[] | null) => {
    type Result = { violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[] };
    const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<Result> } }).axe;
    const context = inc ? { include: inc.map((s) => [s]) } : document;
    const r = await axe.run(context, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  }, include ?? null);
}
