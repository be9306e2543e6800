/**
 * The extension's keyboard shortcuts as the browser has them bound now (manifest `commands`; a user may rebind or
 * clear them at chrome://extensions/shortcuts or about:addons), for the popup and options to show. Issue 12
 * deliverable 3: "the shortcuts are shown in the popup, the card's menu, options and README".
 */
import type { MessageKey } from '../core/i18n.js';
import { browser } from './browser.js';

export interface Shortcut {
  /** What the shortcut does, as a message key. */
  label: MessageKey;
  /** The key combination ("Alt+Shift+G"), or '' when the user has none bound. */
  keys: string;
}

/** manifest command name -> what it does. `_execute_action` opens the popup with focus in "On this page". */
const LABELS: Record<string, MessageKey> = {
  _execute_action: 'shortcut_open_popup',
  'next-term': 'commandNextTerm',
  'previous-term': 'commandPreviousTerm',
};

export async function loadShortcuts(): Promise<Shortcut[]> {
  try {
    const commands = await browser.commands.getAll();
    return Object.entries(LABELS).map(([name, label]) => ({ label, keys: commands.find((c) => c.name === name)?.shortcut ?? '' }));
  } catch {
    return [];
  }
}
