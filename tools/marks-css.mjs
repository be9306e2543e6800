// The marks stylesheet each browser's build ships (build.mjs writeStatic). extension/marks.css holds the default
// marks as bare `::highlight(name)` rules (= highlightCss(default settings), src/page/highlight-style.test.ts).
//
// Chromium gets them as `:root::highlight(name)` (issue 13, wave 10). A bare `::highlight()` rule is a universal
// rule (`*::highlight()`), matched for every element at every style recalculation: on the 1.1 MB Guardian page,
// where nothing is marked, the manifest's marks.css alone added 2-4.6 ms of UpdateLayoutTree per load (outside-in
// trace, an empty content script with and without it); the same rules on `:root` added none (-0.7 ms, noise). Chromium
// paints custom highlights with highlight inheritance (CSS Highlight API, "highlight inheritance"): a descendant's
// ::highlight() style inherits from its parent's, so the root's rules reach every text node (checked in a screenshot).
// The engine's own sheet for a non-default style still wins: its `:root *::highlight()` rules match descendants
// directly, which beats an inherited value (highlightCss `over`).
//
// Firefox keeps the bare rules: it does not implement highlight inheritance (Firefox ESR 153, screenshot: a
// `:root::highlight()` rule painted nothing on the text of a descendant).

/** `css` with each rule that starts a line with `::highlight(` put on `:root`. */
export function rootHighlightCss(css) {
  return css.replace(/^::highlight\(/gm, ':root::highlight(');
}

/** The marks.css `browser`'s build ships, from the text of extension/marks.css. */
export function marksCssFor(browser, css) {
  return browser === 'chrome' ? rootHighlightCss(css) : css;
}
