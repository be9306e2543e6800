// Inline expectations of the marks fixtures (tests/fixtures/marks-*.html): every element with data-expect lists the
// marks expected inside it as "category:text | …" ('' = none); a mark outside every such element is unexpected.
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings/schema.js';
// Not the harness's index: it re-exports describe.ts, which imports vitest, and `npm run eval:news` (outside vitest)
// imports this file for EVERY_MENTION / storeSettings.
import type { ExtensionBrowser } from './harness/launch.js';
import { type Mark, type MarkTarget, readMarks } from './harness/marks.js';

interface Expectation {
  path: string;
  expect: string[];
}

/** [data-expect] elements of a document and its open shadow roots, with XPaths in readMarks' format. */
function readExpectations(target: MarkTarget, attr = 'data-expect'): Promise<Expectation[]> {
  return target.evaluate((attr: string) => {
    // Same steps as the harness's readMarks (tests/e2e/harness/marks.ts).
    const stepName = (n: Node): string => {
      if (n.nodeType === Node.TEXT_NODE) return 'text()';
      if (n.nodeType === Node.COMMENT_NODE) return 'comment()';
      if (n.nodeType === Node.ELEMENT_NODE) return (n as Element).localName;
      return `#${n.nodeType}`;
    };
    const pathOf = (node: Node): string => {
      const steps: string[] = [];
      let n: Node | null = node;
      while (n) {
        const parent: Node | null = n.parentNode;
        if (!parent) break;
        const name = stepName(n);
        let same = 0;
        for (const c of Array.from(parent.childNodes)) {
          if (stepName(c) === name) same++;
          if (c === n) break;
        }
        if (parent.nodeType === Node.DOCUMENT_FRAGMENT_NODE && (parent as ShadowRoot).host) {
          steps.unshift('#shadow-root', `${name}[${same}]`);
          n = (parent as ShadowRoot).host;
        } else {
          steps.unshift(`${name}[${same}]`);
          n = parent;
        }
      }
      return `/${steps.join('/')}`;
    };
    const out: { path: string; expect: string[] }[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const el of Array.from(root.querySelectorAll(`[${attr}]`))) {
        const raw = el.getAttribute(attr) ?? '';
        out.push({ path: pathOf(el), expect: raw.split('|').map((s) => s.trim()).filter(Boolean) });
      }
      for (const el of Array.from(root.querySelectorAll('*'))) if (el.shadowRoot) visit(el.shadowRoot);
    };
    visit(document);
    return out;
  }, attr);
}

const label = (m: Mark) => `${m.name.replace(/^context-glossary-/, '')}:${m.text}`;

/** Differences between the marks on the page and its inline expectations; [] when they agree. */
function compareMarks(marks: Mark[], expectations: Expectation[], labelOf: (m: Mark) => string = label): string[] {
  const got = new Map<string, string[]>(expectations.map((e) => [e.path, []]));
  const problems: string[] = [];
  for (const m of marks) {
    let best: Expectation | null = null;
    for (const e of expectations) {
      if (m.start.path.startsWith(e.path + '/') && (!best || e.path.length > best.path.length)) best = e;
    }
    if (!best) problems.push(`unexpected mark outside every [data-expect]: ${label(m)} at ${m.start.path}`);
    else got.get(best.path)!.push(labelOf(m));
  }
  for (const e of expectations) {
    const g = got.get(e.path)!;
    if (g.join(' | ') !== e.expect.join(' | ')) problems.push(`${e.path}: expected [${e.expect.join(' | ')}], got [${g.join(' | ')}]`);
  }
  return problems;
}

/** Polls until the marks agree with the expectations (true) or the timeout passes (returns the last problems). */
export async function settleMarks(target: MarkTarget, timeoutMs = 5000): Promise<string[]> {
  const expectations = await readExpectations(target);
  const deadline = Date.now() + timeoutMs;
  let problems: string[] = ['never read'];
  while (Date.now() < deadline) {
    problems = compareMarks(await readMarks(target), expectations);
    if (problems.length === 0) {
      // Stable for a moment (no late marks arriving)?
      await new Promise((r) => setTimeout(r, 300));
      problems = compareMarks(await readMarks(target), expectations);
      if (problems.length === 0) return [];
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return problems;
}

const ENTRY = 'context-glossary-entry-';
const WEAK = 'context-glossary-weak-';

/**
 * Entry-level expectations (issue 11, deliverable 6), for the probe build (tests/e2e/harness/probe.ts): every element
 * with data-expect-entries lists "entry-id:text | …" for the marks inside it, and "entry-id?:text" for a mark whose
 * evidence is weak (the card says so). Polls like settleMarks; [] when the page agrees.
 */
export async function settleEntryMarks(target: MarkTarget, timeoutMs = 5000): Promise<string[]> {
  const expectations = await readExpectations(target, 'data-expect-entries');
  const read = async () => {
    const all = await readMarks(target);
    const key = (m: Mark) => `${m.start.path}:${m.start.offset}:${m.end.path}:${m.end.offset}`;
    const weak = new Set(all.filter((m) => m.name.startsWith(WEAK)).map((m) => `${m.name.slice(WEAK.length)}@${key(m)}`));
    const entries = all.filter((m) => m.name.startsWith(ENTRY));
    return compareMarks(entries, expectations, (m) => {
      const id = m.name.slice(ENTRY.length);
      return `${id}${weak.has(`${id}@${key(m)}`) ? '?' : ''}:${m.text}`;
    });
  };
  const deadline = Date.now() + timeoutMs;
  let problems: string[] = ['never read'];
  while (Date.now() < deadline) {
    problems = await read();
    if (problems.length === 0) {
      await new Promise((r) => setTimeout(r, 300));
      problems = await read();
      if (problems.length === 0) return [];
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return problems;
}

/** The page's #expect-terms JSON (entry id -> count). */
export function expectedTerms(target: MarkTarget): Promise<Record<string, number>> {
  return target.evaluate(() => JSON.parse(document.getElementById('expect-terms')?.textContent ?? '{}') as Record<string, number>);
}

/**
 * Asks the tab showing a fixture (as the popup/background would) for a frame's terms: listPageTerms.
 * The worker cannot see tab URLs (no "tabs" permission; Chromium hides them here even with host permissions), so
 * every tab is asked and the one content script that answers wins: tests keep one fixture page open at a time.
 */
export async function listPageTerms(
  b: ExtensionBrowser,
  frameId = 0,
  /** Keep asking until the frame reports marking active (its engine has started). */
  untilActive = false,
): Promise<{ host: string; active: boolean; terms: { id: string; count: number }[] } | string> {
  return b.evaluateInBackground(async (f: number, wantActive: boolean) => {
    for (let i = 0; i < 50; i++) {
      const tabs = await chrome.tabs.query({});
      for (const tab of tabs) {
        if (tab.id === undefined) continue;
        try {
          const r: unknown = await chrome.tabs.sendMessage(tab.id, { type: 'listPageTerms', payload: {} }, { frameId: f });
          const reply = r as { host: string; active: boolean; terms: { id: string; count: number }[] } | undefined;
          // Only fixture pages (a blank tab's content script, where injected, answers with host '').
          if (reply && reply.host === '127.0.0.1' && (!wantActive || reply.active)) return reply;
        } catch {
          /* no content script in that tab */
        }
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    return wantActive ? 'no tab reported active marking' : 'no answer from any tab';
  }, frameId, untilActive);
}

/**
 * The defaults with every mention marked: the fixtures' inline expectations list every mention (they test matching
 * and context, not the default mention mode "first per page", which tests/e2e/card-page.test.ts covers).
 */
export const EVERY_MENTION: Settings = {
  ...structuredClone(DEFAULT_SETTINGS),
  marking: { ...DEFAULT_SETTINGS.marking, everyMention: true, mentions: 'every' },
};

/**
 * Sets stored settings as the settings store keeps them (storage.sync "settings"), from an extension context.
 * Retried: right after launch the worker can be mid-start ("chrome is not defined" seen once in Chromium).
 */
export async function storeSettings(b: ExtensionBrowser, settings: unknown): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await b.evaluateInBackground(async (s: unknown) => {
        await chrome.storage.local.remove('settingsLocal');
        await chrome.storage.sync.set({ settings: s });
      }, settings);
      return;
    } catch (err) {
      if (attempt >= 3) throw err;
      await new Promise((r) => setTimeout(r, 300));
    }
  }
}

export const termsAsRecord = (terms: { id: string; count: number }[]): Record<string, number> =>
  Object.fromEntries(terms.map((t) => [t.id, t.count]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
