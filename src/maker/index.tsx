// Make page entry (make.html): make, review and manage glossaries from the reader's own reports (issue 14).
import { render } from 'preact';
import { MakeApp } from './MakeApp.js';

const root = document.getElementById('root');
if (root) render(<MakeApp />, root);
