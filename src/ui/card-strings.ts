/**
 * Every string the card (and the report reader) shows, by message key. The same keys live in
 * extension/_locales/en/messages.json (a unit test keeps both in step); a context passes its own `t` —
 * the content script wraps `browser.i18n.getMessage`, the popup and tests can use `englishT`.
 * `$1`, `$2` are positional substitutions, as in WebExtension messages.
 */

export const CARD_STRINGS = {
  card_category_person: 'Person',
  card_category_organization: 'Organization',
  card_category_place: 'Place',
  card_category_event: 'Event',
  card_category_concept: 'Concept',
  card_beyond_report: 'Beyond the report',
  card_in_report: 'In the report',
  card_mentions_one: '1 mention',
  card_mentions: '$1 mentions',
  card_show_all: 'Show all $1 sentences',
  card_show_fewer: 'Show fewer',
  card_open_in_reader: 'Open this sentence in the report',
  card_not_in_report: 'Not mentioned in the report.',
  card_background: 'Background entry',
  card_related: 'Related',
  card_back: 'Back',
  card_back_to: 'Back to $1',
  card_source: 'From: $1 ($2)',
  card_newer_note: 'This article ($1) is newer than the report ($2).',
  card_own_entry: 'Your entry',
  card_own_quotes: 'Your quotes',
  card_not_this_meaning: 'Not this meaning on this site',
  card_dont_mark: "Don't mark this term",
  card_pin: 'Pin',
  card_unpin: 'Unpin',
  card_close: 'Close',
  card_announce: '$1: $2',
  card_actions: 'Card actions',
  reader_page_title: 'Report — Context Glossary',
  reader_terms: 'Terms in this report',
  reader_mentions: '$1 mentions',
  reader_mentions_one: '1 mention',
  reader_skip_to_terms: 'Skip to the list of terms',
  reader_no_sentence: 'There is no sentence $1 in the report.',
} as const;

export type CardStringKey = keyof typeof CARD_STRINGS;

/** Looks a string up by key with positional substitutions. */
export type Translate = (key: CardStringKey, substitutions?: readonly (string | number)[]) => string;

/** Replaces $1..$9 in `template` with the substitutions (a missing one becomes empty). */
export function substitute(template: string, substitutions: readonly (string | number)[] = []): string {
  return template.replace(/\$([1-9])/g, (_, n: string) => String(substitutions[Number(n) - 1] ?? ''));
}

/** The English strings, without a browser: popup tests, node tests, fallback when i18n has no message. */
export const englishT: Translate = (key, substitutions) => substitute(CARD_STRINGS[key], substitutions);

/**
 * Wraps a WebExtension-style `getMessage(key, subs)` (browser.i18n.getMessage) into a Translate, falling back to
 * English when it returns "" (unknown key: e.g. a locale file behind the code).
 */
export function translateWith(getMessage: (key: string, subs?: string[]) => string): Translate {
  return (key, substitutions) => {
    const subs = substitutions?.map(String);
    const msg = getMessage(key, subs);
    return msg || englishT(key, substitutions);
  };
}

/** "1 mention" / "N mentions". */
export function mentionsLabel(t: Translate, n: number, prefix: 'card' | 'reader' = 'card'): string {
  if (n === 1) return t(prefix === 'card' ? 'card_mentions_one' : 'reader_mentions_one');
  return t(prefix === 'card' ? 'card_mentions' : 'reader_mentions', [n]);
}
