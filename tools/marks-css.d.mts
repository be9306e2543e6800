// Types of marks-css.mjs (a plain module: build.mjs imports it).
export function rootHighlightCss(css: string): string;
export function marksCssFor(browser: 'chrome' | 'firefox', css: string): string;
