/**
 * Every glossary, the bundled one first: on/off, export, delete, and import with a preview (issue 14 deliverables
 * 4 and 5). An import file is checked completely in this page first (src/core/glossary-store-file.ts) and again by
 * the background when saved; a bad file shows its errors and changes nothing.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '../core/i18n.js';
import type { GlossarySummary } from '../core/glossary-draft.js';
import { glossaryFileName, readGlossaryFile, serializeGlossaryFile, type GlossaryImport } from '../core/glossary-store-file.js';
import { sendToBackground } from '../shared/messaging.js';

interface Props {
  t: Translate;
  /** Bumped by the page after a save, to list again. */
  revision: number;
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function GlossaryList({ t, revision }: Props) {
  const [list, setList] = useState<GlossarySummary[]>([]);
  const [pending, setPending] = useState<GlossaryImport | null>(null);
  const [tick, setTick] = useState(0);
  const refresh = () => setTick((n) => n + 1);

  useEffect(() => {
    void sendToBackground('listGlossaries', {}).then((r) => setList(r.glossaries));
  }, [revision, tick]);

  const toggle = (g: GlossarySummary) => void sendToBackground('setGlossaryEnabled', { id: g.id, enabled: !g.enabled }).then(refresh);
  const remove = (g: GlossarySummary) => void sendToBackground('deleteGlossary', { id: g.id }).then(refresh);
  const exportOne = async (g: GlossarySummary) => {
    const { glossary } = await sendToBackground('getStoredGlossary', { id: g.id });
    if (glossary) download(glossaryFileName(glossary.meta.title), serializeGlossaryFile(glossary));
  };
  const pick = async (e: Event) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (file) setPending(readGlossaryFile(await file.text()));
  };
  const confirm = async () => {
    if (!pending?.ok) return;
    const r = await sendToBackground('saveGlossary', { draft: pending.draft });
    setPending(r.ok ? null : { ok: false, errors: r.errors });
    refresh();
  };

  return (
    <section aria-labelledby="glossaries-title">
      <h2 id="glossaries-title">{t('make_glossaries')}</h2>
      <ul class="glossaries">
        {list.map((g) => (
          <li key={g.id} data-id={g.id}>
            <label>
              <input type="checkbox" checked={g.enabled} onChange={() => toggle(g)} /> {t('make_enabled')}
            </label>{' '}
            <strong class="g-title">{g.title}</strong> <span>{g.date || t('make_undated')}</span>
            {g.publisher && <span> · {g.publisher}</span>} · <span class="g-count">{t('make_terms', [g.entries])}</span>
            {g.builtIn ? (
              <span class="badge"> · {t('make_builtin')}</span>
            ) : (
              <>
                {' '}
                <button type="button" class="export" onClick={() => void exportOne(g)}>
                  {t('make_export')}
                </button>{' '}
                <button type="button" class="delete" onClick={() => remove(g)}>
                  {t('make_delete')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      <label>
        {t('make_import')} <input type="file" name="import" accept=".json,application/json" onChange={(e) => void pick(e)} />
      </label>
      {pending?.ok === true && (
        <p class="import-preview">
          {t('make_import_preview', [pending.preview.title, pending.preview.date || t('make_undated'), pending.preview.paragraphs, pending.preview.names.length, pending.preview.names.slice(0, 12).join(', ')])}{' '}
          <button type="button" class="import-confirm" onClick={() => void confirm()}>
            {t('make_import_confirm')}
          </button>
        </p>
      )}
      {pending?.ok === false && (
        <div class="import-error" role="alert">
          <p>{t('make_import_error')}</p>
          <ul>
            {pending.errors.slice(0, 10).map((e) => (
              <li>{e}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
