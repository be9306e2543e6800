// The one module that imports webextension-polyfill: every other module talks to the browser through this.
import browser from 'webextension-polyfill';

export { browser };
export type { Runtime, Tabs,  Menus } from 'webextension-polyfill';
