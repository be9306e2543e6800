/**
 * The one i18n contract (issue 10, deliverable 5). Message keys are typed from the English locale file itself
 * (`import type` of extension/_locales/en/messages.json: no hand-kept key list, and no string ends up in a bundle),
 * so a typo or a removed message is a type error at every call site. Every context gets a `Translate`:
 * extension pages and the content script from src/shared/i18n.ts (browser.i18n.getMessage), node tests from
 * `translateFrom(messages.json)` (tests/support/i18n.ts). Components in src/ui take `t` as input. Pure.
 *
 * `$1`..`$9` in a message are positional substitutions, as WebExtension `getMessage` does them (Chrome and Firefox
 * both replace `$n` with the n-th substitution when the message has no named placeholders; ours have none).
 */
import type enMessages from '../../extension/_locales/en/messages.json';

export type MessageKey = keyof typeof enMessages;
export type Substitutions = readonly (string | number)[];
export type Translate = (key: MessageKey, substitutions?: Substitutions) => string;

/** A messages.json-shaped table (what `translateFrom` reads). */
export type MessageTable = Readonly<Record<string, { readonly message: string }>>;

/** Replaces $1..$9 in `template` with the substitutions (a missing one becomes empty), as getMessage does. */
export function substitute(template: string, substitutions: Substitutions = []): string {
  return template.replace(/\$([1-9])/g, (_, n: string) => String(substitutions[Number(n) - 1] ?? ''));
}

/** A Translate over a message table: node tests build theirs from the same messages.json the browser reads. */
export function translateFrom(messages: MessageTable): Translate {
  return (key, substitutions) => substitute(messages[key]?.message ?? '', substitutions);
}

/** "1 mention" / "N mentions" (the card's or the reader's wording). */
export function mentionsLabel(t: Translate, n: number, prefix: 'card' | 'reader' = 'card'): string {
  if (n === 1) return t(prefix === 'card' ? 'card_mentions_one' : 'reader_mentions_one');
  return t(prefix === 'card' ? 'card_mentions' : 'reader_mentions', [n]);
}
