/**
 * Which elements the page engine reads and how it groups their text: decisions on tag names only (pure, tested in
 * node), so the collector's hot loop does a Set lookup per element and never calls getComputedStyle.
 */

/**
 * Elements whose subtree is never read or marked. Form controls and editors (typing must never be disturbed), code
 * (identifiers are not prose), non-rendered or non-text content, and interactive controls where a card would be
 * noise. `svg`/`math`: their text is labels and formulas laid out by other rules; marking it gave no value and risks
 * odd underlines, so we skip it (a missed mark is better than a false one).
 */
export const SKIPPED_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'optgroup', 'datalist',
  'code', 'pre', 'kbd', 'samp', 'var', 'tt', 'head', 'title', 'iframe', 'frame', 'frameset', 'object', 'embed',
  'canvas', 'video', 'audio', 'svg', 'math', 'button', 'noembed', 'noframes', 'xmp', 'listing', 'plaintext',
]);

/**
 * Elements that are inline by default: text inside them joins its neighbours into one block ("<a>Noor Wali</a>
 * Mehsud" is one mention). Everything else — including custom elements, whose display we do not know without
 * layout — is a block boundary: joining text that is visually apart could make a false mark; splitting only
 * risks a missed one.
 */
export const INLINE_TAGS: ReadonlySet<string> = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'cite', 'data', 'del', 'dfn', 'em', 'font', 'i', 'img', 'ins',
  'label', 'mark', 'nobr', 'q', 'rb', 'rp', 'rt', 'rtc', 'ruby', 's', 'small', 'span', 'strike', 'strong', 'sub',
  'sup', 'time', 'u', 'wbr', 'slot', 'output', 'blink',
]);

/**
 * The only elements a shadow root can be attached to (DOM standard, attachShadow; declarative shadow roots too),
 * custom elements aside: for any other the collector skips the `shadowRoot` read (a DOM call per element of the
 * walk; most elements of a long page are links, list items, cells: issue 13).
 */
const SHADOW_HOST_TAGS: ReadonlySet<string> = new Set([
  'article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'main',
  'nav', 'p', 'section', 'span',
]);

/** True when an element with this tag may host a shadow root (a custom element's name has a hyphen). */
export function mayHostShadow(tag: string): boolean {
  return SHADOW_HOST_TAGS.has(tag) || tag.includes('-');
}

/** Tags that break a block's text into separate segments without being blocks themselves. */
export const BREAK_TAGS: ReadonlySet<string> = new Set(['br', 'hr']);

/** True for an element whose subtree is skipped, given its tag and the attributes that matter. */
export function isSkippedElement(tag: string, contentEditable: string | null, hidden: boolean, ourHost: boolean): boolean {
  if (ourHost || hidden) return true;
  if (SKIPPED_TAGS.has(tag)) return true;
  // contenteditable="" / "true" / "plaintext-only" make an editor; only an explicit "false" does not.
  return contentEditable !== null && contentEditable.toLowerCase() !== 'false';
}

/** Language gate: scan pages in the glossary's language (en, en-GB, …) or without a declared language. */
export function languageAllowed(lang: string | null | undefined, mode: 'glossary' | 'all', glossaryLang = 'en'): boolean {
  if (mode === 'all') return true;
  const l = (lang ?? '').trim().toLowerCase();
  if (l === '') return true;
  return l === glossaryLang || l.startsWith(glossaryLang + '-') || l.startsWith(glossaryLang + '_');
}

/** True when a text contains something other than whitespace (a cheap char loop: no allocation). */
export function hasVisibleText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 32 && c !== 160 && c !== 0x200b && c !== 0xfeff) return true;
  }
  return false;
}
