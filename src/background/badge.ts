/** The toolbar badge: per tab, the number of distinct terms marked on its page (all frames); neutral colours. */
import { browser } from '../shared/browser.js';
import { badgeText } from './tab-terms.js';

// Neutral grey with white text: the count is information, not an alert (no red, no brand colour).
const BADGE_BACKGROUND = '#5f6368';
const BADGE_TEXT = '#ffffff';

export async function setBadge(tabId: number, count: number, enabled: boolean): Promise<void> {
  const text = enabled ? badgeText(count) : '';
  try {
    await browser.action.setBadgeText({ tabId, text });
    if (text) {
      await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_BACKGROUND });
      await browser.action.setBadgeTextColor?.({ tabId, color: BADGE_TEXT });
    }
  } catch {
    // The tab closed meanwhile: nothing to show.
  }
}
