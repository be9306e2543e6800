/**
 * Options page entry: binds the real store (src/shared/settings-store.ts), the compiled glossary and the
 * translations to OptionsApp. `?add=<text>` opens the "add your own entry" form prefilled (context menu).
 */
import { render } from 'preact';
import glossary from 'virtual:glossary';
import * as store from '../shared/settings-store.js';
import { OptionsApp } from './OptionsApp.js';
import { t } from '../shared/i18n.js';

const root = document.getElementById('root');
if (!root) throw new Error('options.html has no #root');
document.title = t('options_title');

const add = new URLSearchParams(location.search).get('add');
const load = () => Promise.all([store.loadSettings(), store.loadUserGlossary()]).then(([settings, user]) => ({ settings, user }));
const subscribe = (onSettings: Parameters<typeof store.onSettingsChanged>[0], onUser: Parameters<typeof store.onUserGlossaryChanged>[0]) => {
  const a = store.onSettingsChanged(onSettings);
  const b = store.onUserGlossaryChanged(onUser);
  return () => {
    a();
    b();
  };
};

render(
  <OptionsApp glossary={glossary} store={store} load={load} subscribe={subscribe} addPrefill={add === null ? null : add.slice(0, 200)} t={t} />,
  root,
);
if (add !== null) document.getElementById('glossary')?.scrollIntoView();
