// Inline expectations of the marks fixtures (tests/fixtures/marks-*.html): every element with data-expect lists the
// marks expected inside it as "entry-id:text | …" ('' = none; "entry-id?:text" when the mark's evidence is weak and
// the card says so); a mark outside every such element is unexpected. Issue 11, deliverable 6: a fixture names the
// entry whose card each mark opens, not only its category.
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings/schema.js';
// Not the harness's index: it re-exports describe.ts, which imports vitest, and `npm run eval:news` (outside vitest)
// imports this file for EVERY_MENTION / storeSettings.
import type { ExtensionBrowser } from './harness/launch.js';
import { type Mark, type MarkTarget, readMarks } from './harness/marks.js';
import glossary from '../../glossary/entries.json';

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

/** Each shipped entry's category: what a mark of that entry is painted as. */
const CATEGORY: ReadonlyMap<string, string> = new Map(glossary.entries.map((e) => [e.id, e.category]));

const PREFIX = 'context-glossary-';
const ENTRY = 'context-glossary-entry-';
const WEAK = 'context-glossary-weak-';
const CATEGORY_MARK = /^context-glossary-(person|organization|place|event|concept)$/;

/** Differences between the labelled marks on the page and its inline expectations; [] when they agree. */
function compareMarks(marks: { m: Mark; label: string }[], expectations: Expectation[]): string[] {
  const got = new Map<string, string[]>(expectations.map((e) => [e.path, []]));
  const problems: string[] = [];
  for (const { m, label } of marks) {
    let best: Expectation | null = null;
    for (const e of expectations) {
      if (m.start.path.startsWith(e.path + '/') && (!best || e.path.length > best.path.length)) best = e;
    }
    if (!best) problems.push(`unexpected mark outside every [data-expect]: ${label} at ${m.start.path}`);
    else got.get(best.path)!.push(label);
  }
  for (const e of expectations) {
    const g = got.get(e.path)!;
    if (g.join(' | ') !== e.expect.join(' | ')) problems.push(`${e.path}: expected [${e.expect.join(' | ')}], got [${g.join(' | ')}]`);
  }
  return problems;
}

const rangeKey = (m: Mark) => `${m.start.path}:${m.start.offset}:${m.end.path}:${m.end.offset}`;

/**
 * What is checked:
 * - 'entry' (the probe build, tests/e2e/harness/probe.ts): each mark's entry (its `context-glossary-entry-<id>`
 *   highlight) and weak flag; and every painted (category) mark has exactly one entry mark on the same range whose
 *   entry has that category, and the other way round, so a mark painted with the wrong colour or without an entry fails.
 * - 'category' (the shipped build, which has no entry highlights): the category of each expected entry, read from
 *   glossary/entries.json; for tests that only need the fixture's marks settled (hover, cards).
 */
export type MarkCheck = 'entry' | 'category';

function labelled(all: Mark[], check: MarkCheck): { marks: { m: Mark; label: string }[]; problems: string[] } {
  const painted = all.filter((m) => CATEGORY_MARK.test(m.name));
  if (check === 'category') return { marks: painted.map((m) => ({ m, label: `${m.name.slice(PREFIX.length)}:${m.text}` })), problems: [] };
  const weak = new Set(all.filter((m) => m.name.startsWith(WEAK)).map((m) => `${m.name.slice(WEAK.length)}@${rangeKey(m)}`));
  const entries = all.filter((m) => m.name.startsWith(ENTRY));
  const problems: string[] = [];
  const byRange = new Map<string, string[]>();
  for (const m of entries) byRange.set(rangeKey(m), [...(byRange.get(rangeKey(m)) ?? []), m.name.slice(ENTRY.length)]);
  for (const m of painted) {
    const ids = byRange.get(rangeKey(m)) ?? [];
    const cat = m.name.slice(PREFIX.length);
    if (ids.length !== 1) problems.push(`painted ${cat}:${m.text} at ${m.start.path} has ${ids.length} entry marks (${ids.join(', ')})`);
    else if (CATEGORY.get(ids[0]!) !== cat) problems.push(`${ids[0]}:${m.text} is painted as ${cat}, its entry is ${CATEGORY.get(ids[0]!) ?? 'not shipped'}`);
  }
  const paintedRanges = new Set(painted.map(rangeKey));
  for (const m of entries) if (!paintedRanges.has(rangeKey(m))) problems.push(`entry mark ${m.name.slice(ENTRY.length)}:${m.text} is not painted`);
  const marks = entries.map((m) => {
    const id = m.name.slice(ENTRY.length);
    return { m, label: `${id}${weak.has(`${id}@${rangeKey(m)}`) ? '?' : ''}:${m.text}` };
  });
  return { marks, problems };
}

/** The expectations as a check reads them: in 'category' mode each "entry-id:text" becomes "category:text". */
function asChecked(expectations: Expectation[], check: MarkCheck): Expectation[] {
  if (check === 'entry') return expectations;
  return expectations.map((e) => ({
    path: e.path,
    expect: e.expect.map((x) => {
      const i = x.indexOf(':');
      const id = x.slice(0, i).replace(/\?$/, '');
      const cat = CATEGORY.get(id);
      if (!cat) throw new Error(`fixture expects a mark of "${id}", which is no shipped entry (${x})`);
      return `${cat}${x.slice(i)}`;
    }),
  }));
}

/**
 * Polls until the page's marks agree with its data-expect expectations (returns []) or the timeout passes (returns
 * the last problems). check 'entry' needs the probe build; 'category' works on either.
 */
export async function settleMarks(target: MarkTarget, opts: { check: MarkCheck; timeoutMs?: number }): Promise<string[]> {
  const expectations = asChecked(await readExpectations(target), opts.check);
  const read = async () => {
    const { marks, problems } = labelled(await readMarks(target), opts.check);
    return [...problems, ...compareMarks(marks, expectations)];
  };
  const deadline = Date.now() + (opts.timeoutMs ?? 5000);
  let problems: string[] = ['never read'];
  while (Date.now() < deadline) {
    problems = await read();
    if (problems.length === 0) {
      // Stable for a moment (no late marks arriving)?
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
