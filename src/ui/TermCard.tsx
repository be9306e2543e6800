/**
 * The one card: what a term is and what the report says about it. A pure component (no browser APIs): the
 * content script's card host, the report reader and the popup all render it, passing data and callbacks in.
 */
import { useState } from 'preact/hooks';
import type { CompiledEntry } from '../core/glossary-types.js';
import type { Theme } from '../core/settings/schema.js';
import { CardActionsRow, type TermCardActions } from './CardActionsRow.js';
import type { Translate } from '../core/i18n.js';
import { MORE_QUOTES_ID, QuoteList } from './QuoteList.js';
import { beyondReportText, firstSentence } from './quote-segments.js';
import { RelatedLinks } from './RelatedLinks.js';
import { FactSources } from './FactSources.js';
import { cardReport } from './card-report.js';
import { type ReportLine, SourceLine } from './SourceLine.js';

export interface TermCardProps {
  entry: CompiledEntry;
  /** The report's name and date; its publisher, origin and text source when the caller has them (issue 12 d5). */
  report: ReportLine;
  /** Looks related entries up (ids the glossary doesn't have are skipped). */
  resolveEntry: (id: string) => CompiledEntry | undefined;
  t: Translate;
  /** Date of the article being read (ISO), for the "newer than the report" note. */
  articleDate?: string | null | undefined;
  /** Switches the card to a related entry; without it related entries show as plain text. */
  onNavigate?: ((id: string) => void) | undefined;
  /** Back to the previous entry (present only when there is one) and that entry's name. */
  onBack?: (() => void) | undefined;
  backTo?: string | undefined;
  actions?: TermCardActions | undefined;
  pinned?: boolean | undefined;
  theme?: Theme | undefined;
  /** Id of the name heading (the host's dialog is labelled by it). */
  nameId?: string | undefined;
  /** Link target for a quote's sentence (the reader's URL); clicks go to actions.openQuote. */
  quoteHref?: ((anchor: string) => string) | undefined;
  /** How many quotes before "Show all" (default 3). */
  visibleQuotes?: number | undefined;
  /** Fade in on mount (skipped under prefers-reduced-motion by the stylesheet). */
  animate?: boolean | undefined;
  /** Next/previous-term shortcuts, listed in the Actions menu (issue 12 d3: no screen mentioned them). */
  shortcuts?: readonly { command: 'next-term' | 'previous-term'; keys: string }[] | undefined;
  /** The mention the card was opened from was told apart on weak evidence (issue 11's flag): one plain line says so. */
  weak?: boolean | undefined;
}

/** Id of the "More" part (the toggle's aria-controls; the e2e helper opens it to reach what is inside). */
const MORE_ID = 'cg-more';

/**
 * Issue 12 deliverable 1: without scrolling the card shows the name, a one- or two-line gist, the best report
 * sentence verbatim with the term marked and "N mentions · Open in the report"; the full definition, more
 * quotes, related terms, beyond the report and the source line open on request ("More"), in the card.
 */
export function TermCard(props: TermCardProps) {
  const { entry, t, actions = {}, theme = 'system' } = props;
  const [more, setMore] = useState(false);
  const classes = `cg-card theme-${theme}${props.animate ? ' cg-animate' : ''}`;
  const gist = firstSentence(entry.definition);
  const notes = typeof (entry as { notes?: unknown }).notes === 'string' ? (entry as { notes?: string }).notes : '';
  return (
    <div class={classes} data-entry={entry.id} data-category={entry.category}>
      <div class="cg-head">
        <p class="cg-kicker">
          <span class="cg-category">{t(`card_category_${entry.category}`)}</span>
          {entry.own && <span class="cg-own"> · {t('card_own_entry')}</span>}
          {props.onBack && (
            <button
              type="button"
              class="cg-back"
              data-action="back"
              aria-label={props.backTo ? t('card_back_to', [props.backTo]) : t('card_back')}
              onClick={props.onBack}
            >
              ← {t('card_back')}
            </button>
          )}
        </p>
        <h2 class="cg-name" id={props.nameId}>
          {entry.name}
          {entry.short && entry.short !== entry.name && <span class="cg-short"> {entry.short}</span>}
        </h2>
      </div>
      <div class={more ? 'cg-body cg-body-open' : 'cg-body'}>
        <p class="cg-gist">{gist}</p>
        {props.weak && (
          <p class="cg-weak" data-weak-note="">
            {t('card_weak_evidence')}
          </p>
        )}
        {entry.background ? (
          // A background entry is not in the report: say so plainly instead of "0 mentions" under the report's name.
          <p class="cg-background-note" data-background-note="">
            {t('card_background_note', [entry.name])}
          </p>
        ) : (
          (!entry.own || entry.quotes.length > 0) && (
            <QuoteList
              key={entry.id}
              quotes={entry.quotes}
              mentions={entry.mentions}
              t={t}
              visible={props.visibleQuotes}
              openQuote={actions.openQuote}
              quoteHref={props.quoteHref}
              own={entry.own}
              more={more}
            />
          )
        )}
        <button
          type="button"
          class="cg-more-toggle"
          data-action="more"
          aria-expanded={more}
          aria-controls={`${MORE_ID} ${MORE_QUOTES_ID}`}
          onClick={() => setMore(!more)}
        >
          {more ? t('card_less') : t('card_more', [entry.name])}
        </button>
        <div class="cg-more" id={MORE_ID} hidden={!more}>
          <p class="cg-definition">{entry.definition}</p>
          {notes && <p class="cg-beyond">{notes}</p>}
          {entry.beyondReport && (
            <p class="cg-beyond" data-beyond-report="">
              <strong>{t('card_beyond_report')}:</strong> {beyondReportText(entry.beyondReport)}
            </p>
          )}
          {entry.beyondReport && entry.beyondSources && <FactSources sources={entry.beyondSources} t={t} />}
          <RelatedLinks ids={entry.related} resolveEntry={props.resolveEntry} onNavigate={props.onNavigate} t={t} />
          {!entry.own && !entry.background && <SourceLine report={cardReport(entry.quotes, props.report)} articleDate={props.articleDate} t={t} />}
        </div>
      </div>
      <div class="cg-foot">
        <CardActionsRow actions={actions} pinned={props.pinned ?? false} t={t} shortcuts={props.shortcuts} />
      </div>
    </div>
  );
}
