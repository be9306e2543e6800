// The extension's one way to call the translation API (content script, popup, options, reader, background):
// keys typed from extension/_locales/en/messages.json by src/core/i18n.ts.
import type { Translate } from '../core/i18n.js';
import { browser } from './browser.js';

export const t: Translate = (key, substitutions) => {
  try {
    return browser.i18n.getMessage(key, substitutions?.map(String));
  } catch {
    // A content script outliving its extension (updated or reloaded) throws "Extension context invalidated":
    // an empty label beats an exception in the middle of rendering the card.
    return '';
  }
};
