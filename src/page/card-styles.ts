/**
 * Puts the card's stylesheet into its shadow root. Preferred: a constructed stylesheet in `adoptedStyleSheets`
 * (not subject to the page's CSP `style-src`, shared parse). Firefox content scripts run in an Xray sandbox
 * where a sheet constructed from the sandbox's CSSStyleSheet may be rejected by the page's shadow root (see
 * https://bugzilla.mozilla.org/show_bug.cgi?id=1751346), so the sheet is constructed from the host document's
 * own window; if adoption still fails we fall back to a <style> element inside the shadow root.
 */

export type StyleMode = 'adopted' | 'style-element';

/** `:host` rules win over the page's own rules for our host element: in the cascade, `!important` declarations
 *  of the inner (shadow) context beat the outer context's (CSS Scoping §3.3), whatever the page's specificity. */
export const HOST_CSS = `
:host {
  all: initial !important;
  display: block !important;
  position: fixed !important;
  top: 0 !important;
  left: 0 !important;
  width: 0 !important;
  height: 0 !important;
  margin: 0 !important;
  padding: 0 !important;
  border: 0 !important;
  overflow: visible !important;
  visibility: visible !important;
  opacity: 1 !important;
  transform: none !important;
  filter: none !important;
  clip-path: none !important;
  z-index: 2147483647 !important;
  pointer-events: none !important;
}
.cg-layer {
  position: fixed;
  top: 0;
  left: 0;
  margin: 0;
  pointer-events: auto;
  outline: none;
  border-radius: 0.6em;
}
.cg-layer[hidden] { display: none; }
.cg-layer:focus-visible { outline: 2px solid #0b57d0; outline-offset: 2px; }
.cg-layer .cg-card { max-height: var(--cg-max-height, 70vh); }
.cg-live {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
  overflow: hidden; clip-path: inset(50%); white-space: nowrap;
}
`;

/** Adopts `css` into `root`; returns how it did so (tests and the bench read it from the shadow root). */
export function applyStyles(root: ShadowRoot, css: string): StyleMode {
  const win = root.ownerDocument.defaultView;
  try {
    const Ctor = (win?.CSSStyleSheet ?? CSSStyleSheet) as typeof CSSStyleSheet;
    const sheet = new Ctor();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
    if (root.adoptedStyleSheets.length === 1) return 'adopted';
  } catch {
    // fall through: constructed stylesheets unavailable or rejected in this context
  }
  const style = root.ownerDocument.createElement('style');
  style.textContent = css;
  root.prepend(style);
  return 'style-element';
}
