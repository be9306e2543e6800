/**
 * The one card: what a term is and what the report says about it. A pure component (no browser APIs): the
 * content script's card host, the report reader and the popup all render it, passing data and callbacks in.
 */
import type { CompiledEntry, ReportMeta } from '../core/glossary-types.js';
import type { Theme } from '../core/settings/schema.js';
import { CardActionsRow, type TermCardActions } from './CardActionsRow.js';
import type { Translate } from '../core/i18n.js';
import { QuoteList } from './QuoteList.js';
import { beyondReportText } from './quote-segments.js';
import { RelatedLinks } from './RelatedLinks.js';
import { SourceLine } from './SourceLine.js';

export type { TermCardActions } from './CardActionsRow.js';

export interface TermCardProps {
  entry: CompiledEntry;
  report: Pick<ReportMeta, 'title' | 'date' | 'displayDate'>;
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
}

export function TermCard(props: TermCardProps) {
  const { entry, t, actions = {}, theme = 'system' } = props;
  const classes = `cg-card theme-${theme}${props.animate ? ' cg-animate' : ''}`;
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
      <div class="cg-body">
      <p class="cg-definition">{entry.definition}</p>
      {typeof (entry as { notes?: unknown }).notes === 'string' && (entry as { notes?: string }).notes && (
        <p class="cg-beyond">{(entry as { notes?: string }).notes}</p>
      )}
      {entry.beyondReport && (
        <p class="cg-beyond" data-beyond-report="">
          <strong>{t('card_beyond_report')}:</strong> {beyondReportText(entry.beyondReport)}
        </p>
      )}
      {(!entry.own || entry.quotes.length > 0) && (
        <QuoteList
          key={entry.id}
          quotes={entry.quotes}
          mentions={entry.mentions}
          t={t}
          visible={props.visibleQuotes}
          openQuote={actions.openQuote}
          quoteHref={props.quoteHref}
          own={entry.own}
        />
      )}
      <RelatedLinks ids={entry.related} resolveEntry={props.resolveEntry} onNavigate={props.onNavigate} t={t} />
      </div>
      <div class="cg-foot">
        {!entry.own && <SourceLine report={props.report} articleDate={props.articleDate} t={t} />}
        <CardActionsRow actions={actions} pinned={props.pinned ?? false} t={t} />
      </div>
    </div>
  );
}
