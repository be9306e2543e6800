// The options page's one translation function (browser-bound; the components get it from here).
import { browser } from '../shared/browser.js';
import { optionsTranslateWith } from './options-strings.js';

export const t = optionsTranslateWith((key, subs) => browser.i18n.getMessage(key, subs));
