// The one module that imports webextension-polyfill: every other module talks to the browser through this.
import type { Browser } from 'webextension-polyfill';

// `require`, not `import browser from`: where the browser has a native promise-based `browser` (Firefox; Chromium
// since 2025) the polyfill's module.exports IS that native object, and the bundler's ESM interop (__toESM) copied
// its properties, reading every one of them: that instantiated every extension API binding (chrome.app, …) in every
// frame, 30-40 ms of main-thread time per page load in Chromium (a CPU profile of the content script on a page with
// nothing to mark; issue 13). esbuild bundles a require() of a CommonJS module without that interop.
declare const require: (id: 'webextension-polyfill') => Browser;
export const browser: Browser = require('webextension-polyfill');

export type { Runtime, Tabs, Menus } from 'webextension-polyfill';
