// Worker of the make page (issue 14): the extraction of a large report, and the live preview's compilation of the
// reviewed draft, run here, off the page's main thread, so the page never has a long task. No browser APIs.
//   { kind: 'extract', text }        → the Extraction (src/core/extract)
//   { kind: 'compile', seq, draft }  → { seq, compiled, errors } (the draft compiled as saving would, or null and why)
import { extract } from '../core/extract/index.js';
import type { GlossaryDraft } from '../core/glossary-draft.js';
import { compileDraftLenient } from '../core/glossary-store.js';

type Request = { kind: 'extract'; text: string } | { kind: 'compile'; seq: number; draft: GlossaryDraft };

self.onmessage = (e: MessageEvent<Request>) => {
  const req = e.data;
  if (req.kind === 'compile') {
    const { result } = compileDraftLenient(req.draft);
    self.postMessage(result.ok ? { seq: req.seq, compiled: result.glossary, errors: [] } : { seq: req.seq, compiled: null, errors: result.errors });
  } else self.postMessage(extract(req.text, { maxCandidates: 60, maxSentences: 8 }));
};
