// The outside-in bench's "many glossaries" rows (issue 14 must-show: with 5 glossaries of 200 terms each enabled, the
// page's added cost stays within 10% of the bundled glossary alone). Made glossaries are generated here as the make
// page would send them (a report's paragraphs + reviewed terms through the same termsToEntries), and seeded into the
// bench's extension profile through the extension's own message API (saveGlossary from an extension page): the
// background compiles, stores in IndexedDB and merges them exactly as for a reader's reports. No test hook.
//
// Terms look like a real report's: two- and three-word names of people (some with a title), organizations with their
// acronym, places, and a few capitalized phrases taken from the measured topic pages themselves, so the pages really
// hold some of the new terms (the prefilter hits, the engine loads, and the new terms are marked).
import type { GlossaryDraft } from '../../src/core/glossary-draft.js';
import { draftDefinition, termsToEntries, type ReviewedTerm } from '../../src/core/glossary-store-draft.js';
import type { ExtensionBrowser } from '../../tests/e2e/harness/launch.js';
import { rng } from './bench-data.js';
import type { OutsideRow } from './outside-pages.js';
import type { ChromiumRowResult, FirefoxRowResult } from './outside-report.js';

export const USER_GLOSSARIES = 5;
export const USER_TERMS = 200;

const FIRST = 'Abdul Ahmad Akbar Amir Asad Bilal Farooq Ghulam Habib Hamid Haroon Imran Ishaq Javed Kamran Khalid Latif Mansoor Nasir Omar Qasim Rashid Saeed Salman Shahid Tariq Usman Waqar Yasin Zahid'.split(' ');
const LAST = 'Afridi Baloch Bangash Chaudhry Durrani Ghazi Hotak Jadoon Kakar Khattak Lodhi Marwat Mohmand Niazi Orakzai Popalzai Qureshi Rind Safi Shinwari Tanoli Turi Wardak Wazir Yousafzai Zadran Achakzai Bugti Gandapur Mengal'.split(' ');
const TITLES = ['', '', '', 'Maulana ', 'General ', 'Senator ', 'Commander '];
const ORG_A = 'National Provincial Federal Joint United Regional Frontier Democratic Tribal Independent'.split(' ');
const ORG_B = 'Security Development Reform Defence Relief Unity Justice Trade Water Border'.split(' ');
const ORG_C = 'Council Authority Movement Front Commission Alliance Board League Forum Directorate'.split(' ');
const PLACE_A = 'Shawal Tirah Kurram Bajaur Zhob Chitral Lakki Tank Karak Hangu Datta Mirali Sararogha Makeen Ladha'.split(' ');
const PLACE_B = ['Valley', 'District', 'Pass', 'Tehsil', 'Agency'];

/** Capitalized two- and three-word phrases of a page's visible text, most frequent first ("Imran Khan"). */
export function pagePhrases(html: string, max: number): string[] {
  const text = html
    .replace(/<(script|style|noscript)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ');
  const counts = new Map<string, number>();
  // A sentence's first word is not part of a name: "The Prime Minister" gives "Prime Minister".
  const skip = '(?!(?:The|This|That|And|But|For|With|From|Read|More|Share|Home|Click)\\b)';
  for (const m of text.matchAll(new RegExp(`\\b${skip}[A-Z][a-z]{2,}(?: [A-Z][a-z]{2,}){1,2}\\b`, 'g'))) {
    counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, max).map(([p]) => p);
}

interface Term {
  name: string;
  acronym?: string;
  category: ReviewedTerm['category'];
}

/** Every spelling used so far across all generated glossaries (lower case): no two terms share one. */
function generateTerms(n: number, fromPage: readonly string[], used: Set<string>, r: () => number): Term[] {
  const pick = <T,>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  const out: Term[] = [];
  const take = (t: Term) => {
    const spellings = [t.name, t.acronym].filter((s): s is string => !!s).map((s) => s.toLowerCase());
    if (spellings.some((s) => used.has(s))) return;
    spellings.forEach((s) => used.add(s));
    out.push(t);
  };
  for (const p of fromPage) if (out.length < n) take({ name: p, category: 'concept' });
  for (let guard = 0; out.length < n && guard < n * 50; guard++) {
    const k = r();
    if (k < 0.5) take({ name: `${pick(TITLES)}${pick(FIRST)} ${pick(LAST)}`.trim(), category: 'person' });
    else if (k < 0.8) {
      const name = `${pick(ORG_A)} ${pick(ORG_B)} ${pick(ORG_C)}`;
      const acronym = name.split(' ').map((w) => w[0]).join('');
      take(used.has(acronym.toLowerCase()) ? { name, category: 'organization' } : { name, acronym, category: 'organization' });
    } else take({ name: `${pick(PLACE_A)} ${pick(PLACE_B)}`, category: 'place' });
  }
  return out;
}

/** A sentence or two of the report for a term (its acronym defined on first use, then used alone). */
function sentencesOf(t: Term, i: number): string[] {
  const verbs = ['was named in the monitoring report', 'met provincial officials on Tuesday', 'was cited by analysts in Peshawar', 'appeared in the talks again'];
  if (t.acronym) return [`The ${t.name} (${t.acronym}) ${verbs[i % verbs.length]}.`, `Officials said the ${t.acronym} would respond within a week.`];
  return [`${t.name} ${verbs[i % verbs.length]}.`];
}

/**
 * `count` drafts of `terms` entries each, dated one month apart; `pagePhrases` are spread over them (each page phrase
 * in one glossary only). Deterministic.
 */
export function userGlossaryDrafts(pageTerms: readonly string[], count = USER_GLOSSARIES, terms = USER_TERMS): GlossaryDraft[] {
  const r = rng(14);
  const used = new Set<string>();
  const drafts: GlossaryDraft[] = [];
  for (let g = 0; g < count; g++) {
    const mine = pageTerms.filter((_, i) => i % count === g);
    const list = generateTerms(terms, mine, used, r);
    const reviewed: ReviewedTerm[] = list.map((t, i) => {
      const sentences = sentencesOf(t, i);
      const aliases: ReviewedTerm['aliases'] = [{ text: t.name, case: 'proper' }];
      if (t.acronym) aliases.push({ text: t.acronym, case: 'exact' });
      return { name: t.name, aliases, category: t.category, requires: [], definition: draftDefinition(t.name, sentences), sentences };
    });
    const sentences = list.flatMap(sentencesOf);
    const paragraphs: string[] = [];
    for (let i = 0; i < sentences.length; i += 6) paragraphs.push(sentences.slice(i, i + 6).join(' '));
    drafts.push({
      meta: { title: `Bench report ${g + 1}`, date: `2025-0${(g % 9) + 1}-15`, publisher: 'Bench', source: `bench-${g + 1}.txt` },
      paragraphs,
      entries: termsToEntries(reviewed),
    });
  }
  return drafts;
}

/**
 * Saves the drafts in the profile through the extension's own message API, as the make page does, and waits for each
 * answer (the background has then compiled, stored and merged). Returns the entries kept per glossary.
 */
export async function seedUserGlossaries(b: ExtensionBrowser, drafts: readonly GlossaryDraft[]): Promise<number[]> {
  const page = await b.openExtensionPage('make.html');
  try {
    const kept: number[] = [];
    for (const draft of drafts) {
      const r = (await page.evaluate((draft: GlossaryDraft) => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        return api.runtime.sendMessage({ type: 'saveGlossary', payload: { draft } }) as Promise<unknown>;
      }, draft)) as { ok: boolean; dropped?: string[]; errors?: string[] };
      if (!r.ok) throw new Error(`saveGlossary refused a generated glossary: ${(r.errors ?? []).slice(0, 3).join('; ')}`);
      kept.push(draft.entries.length - (r.dropped?.length ?? 0));
    }
    return kept;
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** The pages measured with and without the made glossaries: two topic pages and one with nothing to mark. */
const USER_ROW_PAGES = ['topic-small', 'topic-large', 'none-small'];
export const USER_SUFFIX = '-user5x200';

/** For each page: its row with the bundled glossary alone, then the same page with the made glossaries enabled. */
export function userRows(rows: readonly OutsideRow[]): OutsideRow[] {
  return USER_ROW_PAGES.flatMap((id) => {
    const row = rows.find((r) => r.id === id);
    if (!row) return [];
    return [row, { ...row, id: `${id}${USER_SUFFIX}`, label: `${row.label}, + ${USER_GLOSSARIES} made glossaries × ${USER_TERMS} terms`, glossary: 'user-5x200' as const }];
  });
}

/**
 * A row measured with another build (outside.ts `--base`): with the made glossaries, that build's profile holding
 * them too, its id `<page>-base-user5x200` so it pairs with `<page>-base` as the new build's rows pair.
 */
export function baseRow(r: OutsideRow, baseDist: string): OutsideRow {
  const user = r.id.endsWith(USER_SUFFIX);
  const id = user ? `${r.id.slice(0, -USER_SUFFIX.length)}-base${USER_SUFFIX}` : `${r.id}-base`;
  return { ...r, id, label: `${r.label} — base build (${baseDist})`, glossary: user ? 'base-user-5x200' : 'base' };
}

const fmt = (n: number | null | undefined, d = 1) => (n === null || n === undefined ? 'n/a' : n.toFixed(d));
const ratio = (a: number | null, b: number | null) => (a === null || b === null || a <= 0 ? 'n/a' : `${((b / a - 1) * 100).toFixed(0)} %`);

export const USER_SECTION_BEGIN = '<!-- user-glossaries bench: begin (written by tools/bench/outside.ts --user-glossaries) -->';
export const USER_SECTION_END = '<!-- user-glossaries bench: end -->';

/** The section of bench/RESULTS.md: each page with the bundled glossary alone vs with the made glossaries. */
export function userMarkdown(
  r: { date: string; machine: Record<string, string | number | null>; chromium: ChromiumRowResult[]; firefox: FirefoxRowResult[] },
  kept: number[],
  how: { pairs: number; pageTerms: boolean },
): string {
  const m = r.machine;
  const lines = [
    `## Many glossaries: ${USER_GLOSSARIES} made glossaries × ${USER_TERMS} terms vs the bundled glossary alone (issue 14)`,
    '',
    `${r.date} — ${m.cpu}, ${m.cores} cores, Chromium ${m.chromium ?? 'not run'}, Firefox ${m.firefox ?? 'not run'}; load average ${m.loadStart} → ${m.loadEnd}. ` +
      `\`npm run bench:outside -- --user-glossaries\`: the rows of the outside-in bench (same pages, same method: ${how.pairs} interleaved pairs with a clean profile, median of paired differences), ` +
      `measured with the shipped build's bundled glossary alone and, in another profile of the same build, with ${USER_GLOSSARIES} generated glossaries enabled ` +
      `(entries kept by the compiler: ${kept.join(', ') || 'n/a'}; people, organizations with acronyms, places${how.pageTerms ? ', and capitalized phrases of the two topic pages' : '; none taken from the pages (`--no-page-terms`)'}) ` +
      'saved through the extension\'s own `saveGlossary` message before measuring. "More" is the with-glossaries figure over the bundled-alone one; the target is ≤ 10 %.',
    '',
  ];
  if (r.chromium.length) {
    lines.push('| page (Chromium) | added main-thread ms, bundled alone | with made glossaries | more | our script ms | first marked frame ms | heap added MB |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const a of r.chromium.filter((x) => !x.row.id.endsWith(USER_SUFFIX))) {
      const b = r.chromium.find((x) => x.row.id === `${a.row.id}${USER_SUFFIX}`);
      lines.push(`| ${a.row.label} | ${fmt(a.addedMs)} | ${fmt(b?.addedMs)} | ${ratio(a.addedMs, b?.addedMs ?? null)} | ${fmt(a.extensionScriptMs)} → ${fmt(b?.extensionScriptMs)} | ${fmt(a.firstFrameMs, 0)} → ${fmt(b?.firstFrameMs, 0)} | ${fmt(a.heapAddedMB, 2)} → ${fmt(b?.heapAddedMB, 2)} |`);
    }
  }
  if (r.firefox.length) {
    lines.push('', '| page (Firefox) | blocked ms added, bundled alone | with made glossaries | more | first marked frame ms |', '| --- | ---: | ---: | ---: | ---: |');
    for (const a of r.firefox.filter((x) => !x.row.id.endsWith(USER_SUFFIX))) {
      const b = r.firefox.find((x) => x.row.id === `${a.row.id}${USER_SUFFIX}`);
      lines.push(`| ${a.row.label} | ${fmt(a.blockedAddedMs)} | ${fmt(b?.blockedAddedMs)} | ${ratio(a.blockedAddedMs, b?.blockedAddedMs ?? null)} | ${fmt(a.firstFrameMs, 0)} → ${fmt(b?.firstFrameMs, 0)} |`);
    }
  }
  return lines.join('\n');
}
