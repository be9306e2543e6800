// Popup entry: the card's stylesheet is adopted (constructable sheets are not inline styles, so the extension
// pages' CSP needs no 'unsafe-inline'), then the app renders into #root.
import { render } from 'preact';
import { TERM_CARD_CSS } from '../ui/term-card-css.js';
import { App } from './App.js';

const sheet = new CSSStyleSheet();
sheet.replaceSync(TERM_CARD_CSS);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

const root = document.getElementById('root');
if (root) render(<App />, root);
