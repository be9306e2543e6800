/**
 * "In the report": the entry's most telling verbatim sentence first, then "N mentions · Open in the report"; the
 * next sentences and the expander for all sit in a part shown only when the card's "More" is open (issue 12:
 * without scrolling the card shows at least the best report sentence).
 */
import { useState } from 'preact/hooks';
import type { Quote } from '../core/glossary-types.js';
import { mentionsLabel, type Translate } from '../core/i18n.js';
import { quoteAnchor, segmentQuote } from './quote-segments.js';

export interface QuoteListProps {
  quotes: readonly Quote[];
  mentions: number;
  t: Translate;
  /** How many to show before "Show all" (the 2–3 most telling; quotes arrive ranked). */
  visible?: number;
  /** Opens the report reader at the sentence; absent (e.g. a context without a reader) the quotes are plain text. */
  openQuote?: ((anchor: string) => void) | undefined;
  /** The link target for a sentence (the reader's URL where known); the click itself goes to `openQuote`. */
  quoteHref?: ((anchor: string) => string) | undefined;
  /** Own entries: the user's quotes (no report sentence, maybe a source link) under another title, no count. */
  own?: boolean | undefined;
  /** The card's "More" is open: the quotes after the first show. */
  more?: boolean | undefined;
}

/** Id of the part holding the quotes after the first (the card's "More" toggle controls it). */
export const MORE_QUOTES_ID = 'cg-more-quotes';

/** A quote's own source link (user quotes carry `sourceUrl`); only http(s) is ever made a link. */
function sourceUrlOf(q: Quote): string | null {
  const url = (q as Quote & { sourceUrl?: unknown }).sourceUrl;
  return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null;
}

/** A made glossary's quote names its report (issue 14, src/core/glossary-store-merge.ts); the bundled one's omit it. */
function fromOf(q: Quote): { glossary: string; title: string; date: string } | null {
  const from = (q as Quote & { from?: unknown }).from;
  return typeof from === 'object' && from !== null ? (from as { glossary: string; title: string; date: string }) : null;
}

/** The PDF page of a made glossary's quote ("p. 4", spelled out as its title); nothing for quotes without a page. */
export function PageLabel({ page, t }: { page: number | undefined; t: Translate }) {
  if (!page) return null;
  return (
    <abbr class="cg-quote-page" title={t('card_quote_page_long', [page])} data-page={page}>
      {t('card_quote_page', [page])}
    </abbr>
  );
}

/** One quote with the entry's mentions emphasized by <mark> elements built from the offsets (never HTML). */
function QuoteText({ quote }: { quote: Quote }) {
  return (
    <>
      {segmentQuote(quote.text, quote.marks).map((seg, i) => (seg.marked ? <mark key={i}>{seg.text}</mark> : seg.text))}
    </>
  );
}

export function QuoteList({ quotes, mentions, t, visible = 3, openQuote, quoteHref, own, more = false }: QuoteListProps) {
  const [expanded, setExpanded] = useState(false);
  const shown = expanded ? quotes : quotes.slice(0, visible);
  const first = quotes[0];
  return (
    <section class="cg-in-report" aria-label={own ? t('card_own_quotes') : t('card_in_report')}>
      {own && <h3 class="cg-section-title">{t('card_own_quotes')}</h3>}
      {quotes.length === 0 ? (
        <p class="cg-empty">{t('card_not_in_report')}</p>
      ) : (
        <ol class="cg-quotes">
          {shown.slice(0, 1).map(renderQuote)}
        </ol>
      )}
      {!own && (
        <p class="cg-count-line">
          <span class="cg-count" data-mentions={mentions}>
            {mentionsLabel(t, mentions)}
          </span>
          {openQuote && first && !fromOf(first) && (
            <>
              {' · '}
              <a
                class="cg-open-report"
                href={quoteHref ? quoteHref(quoteAnchor(first)) : `#${quoteAnchor(first)}`}
                onClick={(e) => {
                  e.preventDefault();
                  openQuote(quoteAnchor(first));
                }}
              >
                {t('card_open_report')}
              </a>
            </>
          )}
        </p>
      )}
      <div class="cg-more-quotes" id={MORE_QUOTES_ID} hidden={!more}>
        {shown.length > 1 && <ol class="cg-quotes">{shown.slice(1).map(renderQuote)}</ol>}
        {quotes.length > visible && (
          <button type="button" class="cg-expander" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
            {expanded ? t('card_show_fewer') : t('card_show_all', [quotes.length])}
          </button>
        )}
      </div>
    </section>
  );

  function renderQuote(q: Quote) {
    const anchor = quoteAnchor(q);
    const external = q.paragraph < 1 ? sourceUrlOf(q) : null;
    const from = fromOf(q);
    if (from) {
      // Another report's sentence: named and dated, linked into that report's own reader (`<id>/p3s2`, issue 14).
      const target = `${from.glossary}/${anchor}`;
      return (
        <li key={`${from.glossary}-${anchor}`}>
          {openQuote ? (
            <a
              class="cg-quote"
              href={quoteHref ? quoteHref(target) : `#${anchor}`}
              title={t('card_open_in_reader')}
              data-quote=""
              data-anchor={target}
              onClick={(e) => {
                e.preventDefault();
                openQuote(target);
              }}
            >
              <QuoteText quote={q} />
            </a>
          ) : (
            <span class="cg-quote" data-quote="">
              <QuoteText quote={q} />
            </span>
          )}{' '}
          <cite class="cg-quote-from">
            {from.title} · {from.date || t('make_undated')}
            {q.page ? ' · ' : ''}
            <PageLabel page={q.page} t={t} />
          </cite>
        </li>
      );
    }
    return (
      <li key={q.paragraph < 1 ? `own-${q.text}` : anchor}>
        {q.paragraph < 1 ? (
          external ? (
            <a class="cg-quote" href={external} target="_blank" rel="noopener noreferrer" data-quote="">
              <QuoteText quote={q} />
            </a>
          ) : (
            <span class="cg-quote" data-quote="">
              <QuoteText quote={q} />
            </span>
          )
        ) : openQuote ? (
          <a
            class="cg-quote"
            href={quoteHref ? quoteHref(anchor) : `#${anchor}`}
            title={t('card_open_in_reader')}
            data-quote=""
            data-anchor={anchor}
            onClick={(e) => {
              e.preventDefault();
              openQuote(anchor);
            }}
          >
            <QuoteText quote={q} />
          </a>
        ) : (
          <span class="cg-quote" data-quote="" data-anchor={anchor}>
            <QuoteText quote={q} />
          </span>
        )}
        {q.page ? ' ' : ''}
        <PageLabel page={q.page} t={t} />
      </li>
    );
  }
}
