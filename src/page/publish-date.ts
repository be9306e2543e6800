/**
 * The article's publish date, for the card's "this article is newer than the report" note. Sources, in order:
 * <meta property="article:published_time">, <meta name="date|pubdate|publishdate|…">, JSON-LD datePublished
 * (nested @graph and arrays), the first <time datetime> inside <article> or <main>.
 * The string parsing is pure (tested in node); readPublishDate only gathers strings from the DOM.
 */

/** Normalizes a date string to ISO "YYYY-MM-DD" (the calendar date as written), or null when it is not a date. */
export function normalizeDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim();
  if (s.length === 0 || s.length > 64) return null;
  // ISO-like first: keep the date as the publisher wrote it (no time-zone shift).
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (iso) return validYmd(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const compact = /^(\d{4})\/(\d{1,2})\/(\d{1,2})\b/.exec(s);
  if (compact) return validYmd(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  // Anything else Date can read unambiguously with a month name ("Jan 31, 2022", "31 January 2022").
  if (!/[a-z]{3}/i.test(s) || !/\d{4}/.test(s)) return null;
  const t = Date.parse(s);
  if (Number.isNaN(t)) return null;
  const d = new Date(t);
  return validYmd(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

function validYmd(y: number, m: number, d: number): string | null {
  if (y < 1990 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** datePublished from one JSON-LD script's text (hostile input: bounded size and depth, never throws). */
export function jsonLdDatePublished(text: string): string | null {
  if (text.length > 500_000) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  const seen = { n: 0 };
  return findDate(data, 0, seen);
}

function findDate(v: unknown, depth: number, seen: { n: number }): string | null {
  if (depth > 8 || ++seen.n > 2000 || v === null || typeof v !== 'object') return null;
  if (Array.isArray(v)) {
    for (const item of v) {
      const d = findDate(item, depth + 1, seen);
      if (d) return d;
    }
    return null;
  }
  const rec = v as Record<string, unknown>;
  const direct = rec.datePublished;
  if (typeof direct === 'string') {
    const d = normalizeDate(direct);
    if (d) return d;
  }
  for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'itemListElement']) {
    if (key in rec) {
      const d = findDate(rec[key], depth + 1, seen);
      if (d) return d;
    }
  }
  return null;
}

/** Meta names that carry a publish date (lower-case). */
const DATE_META_NAMES = ['date', 'pubdate', 'publishdate', 'publish-date', 'dc.date', 'dc.date.issued', 'sailthru.date', 'parsely-pub-date'];

/** Reads the publish date of a document (cheap: a few selectors; call lazily, e.g. when a card first opens). */
export function readPublishDate(doc: Document): string | null {
  const meta = doc.querySelector('meta[property="article:published_time" i], meta[itemprop="datePublished" i]');
  const fromMeta = normalizeDate(meta?.getAttribute('content') ?? meta?.getAttribute('datetime'));
  if (fromMeta) return fromMeta;
  for (const m of Array.from(doc.querySelectorAll('meta[name]'))) {
    if (DATE_META_NAMES.includes((m.getAttribute('name') ?? '').toLowerCase())) {
      const d = normalizeDate(m.getAttribute('content'));
      if (d) return d;
    }
  }
  const scripts = doc.querySelectorAll('script[type="application/ld+json" i]');
  for (let i = 0; i < scripts.length && i < 20; i++) {
    const d = jsonLdDatePublished(scripts[i]!.textContent ?? '');
    if (d) return d;
  }
  const time = doc.querySelector('article time[datetime], main time[datetime]');
  return normalizeDate(time?.getAttribute('datetime'));
}
