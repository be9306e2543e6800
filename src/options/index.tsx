/**
 * Options page entry: binds the store (requests to the background, store-api.ts), the compiled glossary and the
 * translations to OptionsApp. `?add=<text>` opens the "add your own entry" form prefilled (context menu).
 */
import { render } from 'preact';
import glossary from 'virtual:glossary';
import { sendToBackground } from '../shared/messaging.js';
import { loadSnapshot, onSnapshotChanged, requestChange } from '../shared/settings-client.js';
import type { Settings } from '../core/settings/schema.js';
import type { UserGlossary } from '../core/user-glossary.js';
import { backgroundStore } from './store-api.js';
import { OptionsApp } from './OptionsApp.js';
import { t } from '../shared/i18n.js';
import { loadShortcuts } from '../shared/shortcuts.js';
import { TERM_CARD_CSS } from '../ui/term-card-css.js';

// The real card (the appearance preview) brings its stylesheet, adopted as the popup does (no inline styles: CSP).
const sheet = new CSSStyleSheet();
sheet.replaceSync(TERM_CARD_CSS);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

const root = document.getElementById('root');
if (!root) throw new Error('options.html has no #root');
document.title = t('options_title');

const add = new URLSearchParams(location.search).get('add');
const store = backgroundStore({ loadSnapshot, requestChange, getStorageState: () => sendToBackground('getStorageState', {}) });
const load = () => loadSnapshot().then(({ settings, userGlossary }) => ({ settings, user: userGlossary }));
const subscribe = (onSettings: (s: Settings) => void, onUser: (u: UserGlossary) => void) =>
  onSnapshotChanged(({ settings, userGlossary }) => {
    onSettings(settings);
    onUser(userGlossary);
  });

render(
  <OptionsApp glossary={glossary} store={store} load={load} subscribe={subscribe} addPrefill={add === null ? null : add.slice(0, 200)}
    loadShortcuts={loadShortcuts} t={t} />,
  root,
);
if (add !== null) document.getElementById('glossary')?.scrollIntoView();
