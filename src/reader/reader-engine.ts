/**
 * Wires the shared page engine (src/page/engine.ts) over the reader's own report DOM, with the reader's card.
 * Kept apart from index.tsx so the reader's page code does not depend on the engine's construction details.
 */
import type { RuntimeGlossary } from '../core/runtime-glossary.js';
import type { Settings } from '../core/settings/schema.js';
import type { CardHost } from '../page/card-host.js';

export interface ReaderEngine {
  reveal(id: string): void;
  update(settings: Settings, glossary: RuntimeGlossary): void;
}

export interface ReaderEngineOptions {
  root: HTMLElement;
  glossary: RuntimeGlossary;
  settings: Settings;
  card: CardHost;
}

/** Null until the page engine exists (it is being written in parallel: src/page/engine.ts). */
export function startReaderEngine(_opts: ReaderEngineOptions): ReaderEngine | null {
  return null;
}
