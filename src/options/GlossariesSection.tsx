/**
 * Options: "Glossaries" (issue 14 deliverable 4: turn each report's glossary on or off). Lists the bundled glossary
 * and the made ones, each with its switch and a link to its reader page, and links to the make page (where glossaries
 * are made, exported, imported and deleted). The list follows changes made elsewhere (make page, another options
 * tab) through the background's revision ping (src/shared/glossary-client.ts); the background is the one writer.
 */
import { useEffect, useState } from 'preact/hooks';
import { BUNDLED_ID, type GlossarySummary } from '../core/glossary-draft.js';
import type { Translate } from '../core/i18n.js';
import { onGlossaryChanged } from '../shared/glossary-client.js';
import { sendToBackground } from '../shared/messaging.js';

/** The reader page of a glossary: the bundled report's reader, or `reader.html?g=<id>` for a made one. */
const readerHref = (id: string) => (id === BUNDLED_ID ? 'reader.html' : `reader.html?g=${encodeURIComponent(id)}`);

export function GlossariesSection({ t }: { t: Translate }) {
  const [list, setList] = useState<GlossarySummary[] | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => onGlossaryChanged(() => setTick((n) => n + 1)), []);
  useEffect(() => {
    let alive = true;
    void sendToBackground('listGlossaries', {}).then((r) => alive && setList(r.glossaries));
    return () => {
      alive = false;
    };
  }, [tick]);

  const toggle = (g: GlossarySummary, enabled: boolean) =>
    void sendToBackground('setGlossaryEnabled', { id: g.id, enabled }).then(() => setTick((n) => n + 1));

  return (
    <section id="glossaries" aria-labelledby="glossaries-h">
      <h2 id="glossaries-h">{t('options_glossaries')}</h2>
      <p class="help">{t('options_glossaries_intro')}</p>
      {list === null ? (
        <p class="loading">{t('options_loading')}</p>
      ) : (
        <ul class="glossary-switches">
          {list.map((g) => (
            <li key={g.id} data-id={g.id}>
              <label>
                <input type="checkbox" name={`glossary-${g.id}`} checked={g.enabled} onChange={(e) => toggle(g, (e.target as HTMLInputElement).checked)} />{' '}
                <span class="g-title" id={`g-title-${g.id}`}>{g.title}</span>
              </label>{' '}
              <span class="g-meta">
                {g.date || t('make_undated')}
                {g.publisher && ` · ${g.publisher}`} · {t('make_terms', [g.entries])}
                {g.builtIn && ` · ${t('make_builtin')}`}
              </span>{' '}
              <a class="g-read" href={readerHref(g.id)} target="_blank" rel="noopener" aria-describedby={`g-title-${g.id}`}>
                {t('options_glossary_read')}
              </a>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a class="g-make" href="make.html" target="_blank" rel="noopener">
          {t('options_glossary_make')}
        </a>
      </p>
    </section>
  );
}
