/**
 * Wires the shared page engine (src/page/engine.ts) over the reader's own report DOM, with the reader's card:
 * the report's terms are marked by exactly the code that marks them on news sites.
 */
import type { RuntimeGlossary } from '../core/runtime-glossary.js';
import type { Settings } from '../core/settings/schema.js';
import type { CardHost } from '../page/card-host.js';
import { createPageEngine } from '../page/engine.js';

export interface ReaderEngine {
  reveal(id: string): void;
  update(settings: Settings, glossary: RuntimeGlossary): void;
  /** Stops marking and removes every mark (the make page's preview goes when its review does). */
  destroy(): void;
}

export interface ReaderEngineOptions {
  root: HTMLElement;
  glossary: RuntimeGlossary;
  settings: Settings;
  card: CardHost;
}

/** Site name for per-site rules: the reader is not a site, so no "not this meaning" rule can ever apply to it. */
const READER_SITE = 'context-glossary-reader.invalid';

export function startReaderEngine(opts: ReaderEngineOptions): ReaderEngine {
  const engine = createPageEngine({
    root: opts.root,
    glossary: opts.glossary,
    // The reader marks the report whatever the site list says (it is our own page), but keeps the user's
    // marking style and disabled entries.
    settings: readerSettings(opts.settings),
    card: opts.card,
    site: READER_SITE,
    // The report's date: no "this article is newer than the report" note on the report itself.
    articleDate: null,
  });
  engine.start();
  return {
    reveal: (id) => void engine.reveal(id),
    update: (settings, glossary) => engine.update(readerSettings(settings), glossary),
    destroy: () => engine.destroy(),
  };
}

function readerSettings(s: Settings): Settings {
  // Every mention, whatever the page setting says: the reader is the report itself, and its side list walks a
  // term's occurrences one after another (the first-per-page default would leave one to walk to).
  const marking = { ...s.marking, everyMention: true, mentions: 'every' as const };
  return { ...s, enabled: true, marking, sites: { ...s.sites, mode: 'all', allow: [], deny: [], languages: 'all' }, meaningRules: [] };
}
