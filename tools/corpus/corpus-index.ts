// Reads ../shared/corpus/INDEX.tsv (see its README.md): one saved news page a row, with the glossary words the
// corpus builder counted in the page's visible text and in its raw HTML, and a category.
// Pure (no fs): check-corpus.ts reads the file and hands the text here, so this is unit-tested on strings.

type CorpusCategory = 'topic-strong' | 'topic-incidental' | 'terms-hidden-only' | 'general' | 'edge-case';

export interface CorpusPage {
  /** Path relative to the corpus directory, e.g. 'mozilla-readability/yahoo-2.html'. */
  path: string;
  source: string;
  license: string;
  /** Bytes of the saved HTML. */
  size: number;
  /** Word label (as INDEX.tsv writes it, e.g. 'Siraj(uddin) Haqqani') -> count in visible text. */
  termsVisible: Record<string, number>;
  /** Same, counted in the raw HTML (scripts, JSON, attributes included). */
  termsRaw: Record<string, number>;
  /** A row may carry several, joined by '+' ('terms-hidden-only+general'). */
  categories: CorpusCategory[];
  url: string;
  title: string;
  scripts: number;
  iframes: number;
  notes: string;
}

const COLUMNS = [
  'path', 'source', 'license', 'size', 'terms_visible', 'terms_raw_html', 'category', 'url', 'title', 'scripts',
  'iframes', 'notes',
] as const;

const KNOWN_CATEGORIES = new Set<string>(['topic-strong', 'topic-incidental', 'terms-hidden-only', 'general', 'edge-case']);

/** 'Pakistan=3;Afghanistan=1' -> { Pakistan: 3, Afghanistan: 1 }; '-' or '' -> {}. */
export function parseTermCounts(cell: string): Record<string, number> {
  const out: Record<string, number> = {};
  const s = cell.trim();
  if (s === '' || s === '-') return out;
  for (const part of s.split(';')) {
    const eq = part.lastIndexOf('=');
    if (eq <= 0) throw new Error(`bad term count "${part}"`);
    const label = part.slice(0, eq).trim();
    const n = Number(part.slice(eq + 1));
    if (!Number.isInteger(n) || n < 0) throw new Error(`bad count in "${part}"`);
    out[label] = (out[label] ?? 0) + n;
  }
  return out;
}

/**
 * The spellings an INDEX label stands for. Labels are the corpus builder's shorthand:
 *   'Siraj(uddin) Haqqani'          -> Siraj Haqqani, Sirajuddin Haqqani   (optional part in parentheses)
 *   'Hibatullah(token)'             -> Hibatullah                           ('(token)': counted as a bare token)
 *   'Tehreek/Tehrik-e/i-Taliban'    -> Tehreek-e-Taliban, Tehreek-i-Taliban, Tehrik-e-Taliban, Tehrik-i-Taliban
 */
export function labelSpellings(label: string): string[] {
  const base = label.replace(/\(token\)/g, '').trim();
  // Optional parenthesised parts: with and without.
  let forms = [base];
  for (;;) {
    const next: string[] = [];
    let changed = false;
    for (const f of forms) {
      const m = /\(([^)]*)\)/.exec(f);
      if (!m) {
        next.push(f);
        continue;
      }
      changed = true;
      next.push(f.slice(0, m.index) + f.slice(m.index + m[0].length), f.slice(0, m.index) + m[1] + f.slice(m.index + m[0].length));
    }
    forms = next;
    if (!changed) break;
  }
  // Slash alternatives bind to the word piece they sit in: 'Tehreek/Tehrik-e/i-Taliban' splits on '-' first.
  const out = new Set<string>();
  for (const f of forms) {
    const pieces = f.split('-').map((p) => p.split('/'));
    let acc = [''];
    pieces.forEach((alts, i) => {
      acc = acc.flatMap((a) => alts.map((alt) => (i === 0 ? alt : `${a}-${alt}`)));
    });
    for (const a of acc) out.add(a.replace(/\s+/g, ' ').trim());
  }
  return [...out].filter((s) => s.length > 0);
}

/** Parses INDEX.tsv; throws with the line number on a malformed row (the corpus is data we check, not trust). */
export function parseCorpusIndex(tsv: string): CorpusPage[] {
  const lines = tsv.split(/\r?\n/);
  const header = (lines[0] ?? '').split('\t');
  COLUMNS.forEach((c, i) => {
    if (header[i] !== c) throw new Error(`INDEX.tsv: column ${i + 1} is "${header[i] ?? ''}", expected "${c}"`);
  });
  const pages: CorpusPage[] = [];
  lines.slice(1).forEach((line, i) => {
    if (line.trim() === '') return;
    const f = line.split('\t');
    const at = `INDEX.tsv line ${i + 2}`;
    if (f.length < 11) throw new Error(`${at}: ${f.length} columns, expected ${COLUMNS.length}`);
    const cats = (f[6] ?? '').split('+').map((c) => c.trim());
    for (const c of cats) if (!KNOWN_CATEGORIES.has(c)) throw new Error(`${at}: unknown category "${c}"`);
    try {
      pages.push({
        path: f[0] ?? '',
        source: f[1] ?? '',
        license: f[2] ?? '',
        size: Number(f[3]),
        termsVisible: parseTermCounts(f[4] ?? ''),
        termsRaw: parseTermCounts(f[5] ?? ''),
        categories: cats as CorpusCategory[],
        url: f[7] ?? '',
        title: f[8] ?? '',
        scripts: Number(f[9] ?? 0),
        iframes: Number(f[10] ?? 0),
        notes: f[11] ?? '',
      });
    } catch (err) {
      throw new Error(`${at}: ${(err as Error).message}`);
    }
  });
  return pages;
}
