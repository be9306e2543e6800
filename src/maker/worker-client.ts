/**
 * The make page's side of extract-worker.js: one extraction per Worker, and one long-lived Worker for the live
 * preview's compilations (latest request wins: an answer to an older draft is dropped).
 */
import type { Extraction } from '../core/extract/index.js';
import type { GlossaryDraft } from '../core/glossary-draft.js';
import type { CompiledGlossary } from '../core/glossary-types.js';
import { browser } from '../shared/browser.js';

const workerUrl = () => browser.runtime.getURL('extract-worker.js');

/** Extraction in a Worker of this page: a 150 KB report takes about a second of CPU, never on the UI thread. */
export function extractInWorker(text: string): Promise<Extraction> {
  return new Promise((resolve, reject) => {
    const w = new Worker(workerUrl());
    w.onmessage = (e: MessageEvent<Extraction>) => {
      resolve(e.data);
      w.terminate();
    };
    w.onerror = (e) => {
      reject(new Error(e.message));
      w.terminate();
    };
    w.postMessage({ kind: 'extract', text });
  });
}

/** Compiles review drafts for the preview; `onCompiled` gets the newest draft's glossary, or null and the compiler's errors. */
export class PreviewCompiler {
  private worker: Worker | null = null;
  private seq = 0;

  constructor(private readonly onCompiled: (g: CompiledGlossary | null, errors: string[]) => void) {}

  compile(draft: GlossaryDraft): void {
    if (!this.worker) {
      this.worker = new Worker(workerUrl());
      this.worker.onmessage = (e: MessageEvent<{ seq: number; compiled: CompiledGlossary | null; errors: string[] }>) => {
        if (e.data.seq === this.seq) this.onCompiled(e.data.compiled, e.data.errors);
      };
      this.worker.onerror = (e) => console.warn('[context-glossary] make: preview worker failed', e.message);
    }
    this.worker.postMessage({ kind: 'compile', seq: ++this.seq, draft });
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
