/** The card's actions: not this meaning on this site, don't mark this term, pin, close. Each only when wired. */
import type { Translate } from '../core/i18n.js';

export interface TermCardActions {
  notThisMeaning?: (() => void) | undefined;
  dontMark?: (() => void) | undefined;
  pin?: (() => void) | undefined;
  close?: (() => void) | undefined;
  /** Opens the report reader at a sentence anchor ("p3s2"). */
  openQuote?: ((anchor: string) => void) | undefined;
}

export interface CardActionsRowProps {
  actions: TermCardActions;
  pinned: boolean;
  t: Translate;
}

export function CardActionsRow({ actions, pinned, t }: CardActionsRowProps) {
  const { notThisMeaning, dontMark, pin, close } = actions;
  if (!notThisMeaning && !dontMark && !pin && !close) return null;
  return (
    <div class="cg-actions" role="group" aria-label={t('card_actions')}>
      {notThisMeaning && (
        <button type="button" class="cg-action" data-action="not-this-meaning" onClick={notThisMeaning}>
          {t('card_not_this_meaning')}
        </button>
      )}
      {dontMark && (
        <button type="button" class="cg-action" data-action="dont-mark" onClick={dontMark}>
          {t('card_dont_mark')}
        </button>
      )}
      {pin && (
        <button type="button" class="cg-action cg-action-end" data-action="pin" aria-pressed={pinned} onClick={pin}>
          {pinned ? t('card_unpin') : t('card_pin')}
        </button>
      )}
      {close && (
        <button type="button" class={pin ? 'cg-action' : 'cg-action cg-action-end'} data-action="close" onClick={close}>
          {t('card_close')}
        </button>
      )}
    </div>
  );
}
