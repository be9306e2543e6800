/**
 * The CSS of our marks (pure: builds text from settings; tested in node). Documented names, so a user stylesheet
 * can restyle them: `::highlight(context-glossary-<category>)` for each category and `::highlight(context-glossary-flash)`
 * for the brief flash after "reveal"/keyboard navigation.
 *
 * ::highlight() accepts only color, background-color, text-decoration*, text-shadow (CSS Highlight API spec,
 * "Styling Highlights"); no layout, no cursor.
 */
import { CATEGORIES, type Category } from '../core/glossary-types.js';
import type { MarkStyle } from '../core/settings/schema.js';
import { HIGHLIGHT_PREFIX } from './card-api.js';

export const FLASH_NAME = `${HIGHLIGHT_PREFIX}-flash`;
/** The term whose card was opened by keyboard or lookup, while the card is open (issue 12: focus-visible). */
export const CURRENT_NAME = `${HIGHLIGHT_PREFIX}-current`;
/** Its colour: >= 3:1 against white and against dark page backgrounds (contrast.test.ts checks it). */
export const CURRENT_COLOUR = '#3b6fe0';
export const highlightName = (category: Category): string => `${HIGHLIGHT_PREFIX}-${category}`;

const HEX = /^#[0-9a-fA-F]{6}$/;

/**
 * One rule per category. Colours come from validated settings; anything else falls back to currentColor.
 * `highlightCss` of the default settings is `extension/marks.css`, which the manifest injects with the content script
 * (present from the start, so attaching it costs no restyle; a test keeps the two equal).
 */
export function highlightCss(style: MarkStyle, colors: Record<Category, string>, over = false): string {
  // `over`: a sheet that must win over marks.css. Firefox cascades a content script's manifest CSS after the
  // document's own and adopted sheets, so equal specificity is not enough (the e2e test with style "none" showed the
  // underline): `:root *` / `:root` outrank the bare pseudo-element; the bare form still serves shadow roots (no :root).
  const sel = (name: string) => (over ? `::highlight(${name}), :root::highlight(${name}), :root *::highlight(${name})` : `::highlight(${name})`);
  const rules: string[] = [];
  for (const c of CATEGORIES) {
    const colour = HEX.test(colors[c] ?? '') ? colors[c] : 'currentColor';
    rules.push(`${sel(highlightName(c))} { ${declarations(style, colour)} }`);
  }
  // The flash must read on light and dark pages: a translucent warm background over whatever is there.
  rules.push(`::highlight(${FLASH_NAME}) { background-color: rgba(250, 204, 21, 0.55); }`);
  // Focus-visible for a term (WCAG 2.4.7/1.4.11): a solid 3px line in a colour with >= 3:1 on light and dark pages,
  // over a faint tint; a highlight cannot draw an outline (only colours and decorations are allowed).
  rules.push(
    `::highlight(${CURRENT_NAME}) { text-decoration-line: underline; text-decoration-style: solid; ` +
      `text-decoration-color: ${CURRENT_COLOUR}; text-decoration-thickness: 3px; text-underline-offset: 3px; ` +
      `background-color: rgba(59, 111, 224, 0.16); }`,
  );
  return rules.join('\n');
}

function declarations(style: MarkStyle, colour: string): string {
  // A 2px underline offset below the baseline stays clear of descenders and of the page's own link underline; the
  // category colours are mid-tone so a dotted line reads on white and on dark grey alike, and the thickness keeps
  // dots visible on dark pages where thin lines vanish.
  const line = (kind: string) =>
    `text-decoration-line: underline; text-decoration-style: ${kind}; text-decoration-color: ${colour}; ` +
    `text-decoration-thickness: 2px; text-underline-offset: 3px;`;
  switch (style) {
    case 'dotted':
      return line('dotted');
    case 'solid':
      return line('solid');
    case 'wavy':
      return line('wavy');
    case 'background':
      // Translucent: the page's own text colour stays readable over it on light and dark backgrounds. The line is
      // reset: this sheet may sit on top of the content script's marks.css (the default underline; see highlights.ts).
      return `background-color: color-mix(in srgb, ${colour} 22%, transparent); text-decoration-line: none;`;
    case 'none':
      return 'text-decoration-line: none;';
  }
}
