/**
 * The card's footer (issue 12 deliverable 1: at most two controls): one small "Actions" menu — pin, "not this
 * meaning on this site", "don't mark this term" — and Close. The menu is a disclosure (button with aria-expanded
 * and the buttons it shows), so Tab reaches each action and screen readers need no menu keyboard model.
 */
import { useState } from 'preact/hooks';
import type { Translate } from '../core/i18n.js';

export interface TermCardActions {
  notThisMeaning?: (() => void) | undefined;
  dontMark?: (() => void) | undefined;
  pin?: (() => void) | undefined;
  close?: (() => void) | undefined;
  /** Opens the report reader at a sentence anchor ("p3s2"); null: the top of the report. */
  openQuote?: ((anchor: string) => void) | undefined;
}

export interface CardActionsRowProps {
  actions: TermCardActions;
  pinned: boolean;
  t: Translate;
  /** Shown at the end of the menu, as plain text ("Alt+Shift+. next term"). */
  shortcuts?: readonly { command: 'next-term' | 'previous-term'; keys: string }[] | undefined;
}

/** "Alt+Shift+Period" (Firefox's form) -> "Alt+Shift+."; Chrome already gives "Alt+Shift+.". */
function shortcutKeys(keys: string): string {
  return keys.replace(/\bPeriod\b/g, '.').replace(/\bComma\b/g, ',');
}

const ACTIONS_MENU_ID = 'cg-actions-menu';

export function CardActionsRow({ actions, pinned, t, shortcuts }: CardActionsRowProps) {
  const [open, setOpen] = useState(false);
  const { notThisMeaning, dontMark, pin, close } = actions;
  const hasMenu = Boolean(notThisMeaning || dontMark || pin);
  if (!hasMenu && !close) return null;
  return (
    <div class="cg-actions" role="group" aria-label={t('card_actions')}>
      {hasMenu && (
        <button
          type="button"
          class="cg-action cg-menu-toggle"
          data-action="menu"
          aria-expanded={open}
          aria-controls={ACTIONS_MENU_ID}
          onClick={() => setOpen(!open)}
        >
          {t('card_actions')} {open ? '▴' : '▾'}
        </button>
      )}
      {close && (
        <button type="button" class="cg-action cg-action-end" data-action="close" onClick={close}>
          {t('card_close')}
        </button>
      )}
      {hasMenu && (
        <div class="cg-menu" id={ACTIONS_MENU_ID} hidden={!open}>
          {pin && (
            <button type="button" class="cg-menu-item" data-action="pin" aria-pressed={pinned} onClick={pin}>
              {pinned ? t('card_unpin') : t('card_pin')}
            </button>
          )}
          {notThisMeaning && (
            <button type="button" class="cg-menu-item" data-action="not-this-meaning" onClick={notThisMeaning}>
              {t('card_not_this_meaning')}
            </button>
          )}
          {dontMark && (
            <button type="button" class="cg-menu-item" data-action="dont-mark" onClick={dontMark}>
              {t('card_dont_mark')}
            </button>
          )}
          {shortcuts && shortcuts.length > 0 && (
            <ul class="cg-shortcuts" data-shortcuts="" aria-label={t('card_shortcuts')}>
              {shortcuts.map((s) => (
                <li key={s.command}>
                  {s.keys
                    ? t(s.command === 'next-term' ? 'card_shortcut_next' : 'card_shortcut_previous', [shortcutKeys(s.keys)])
                    : t(s.command === 'next-term' ? 'card_shortcut_next_unset' : 'card_shortcut_previous_unset')}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
