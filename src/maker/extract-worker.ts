// Worker of the make page (issue 14): the extraction of a large report runs here, off the page's main thread, so
// the page never has a long task. Receives { text }, answers the Extraction (src/core/extract). No browser APIs.
import { extract } from '../core/extract/index.js';

self.onmessage = (e: MessageEvent<{ text: string }>) => {
  self.postMessage(extract(e.data.text, { maxCandidates: 60, maxSentences: 8 }));
};
