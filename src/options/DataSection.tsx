/**
 * Data section (connected): builds the export and downloads it (Blob URL + <a download>), validates an imported
 * file and applies it after the preview, resets with a confirmation and keeps the previous state for Undo.
 */
import { useEffect, useState } from 'preact/hooks';
import {
  DEFAULT_IMPORT_LIMITS,
  applyImport,
  buildExport,
  exportFileName,
  serializeExport,
  validateImport,
  type ExportFile,
} from '../core/export-import.js';
import type { CompiledGlossary } from '../core/glossary-types.js';
import { errorsToText } from '../core/settings/issues.js';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings/schema.js';
import type { CorruptCopy, SettingsStorageInfo } from '../core/settings/settings-service.js';
import { emptyUserGlossary, type UserGlossary } from '../core/user-glossary.js';
import { DataPanel, type ImportState, type ResetState } from './DataPanel.js';
import type { Translate } from '../core/i18n.js';
import type { Notify, OptionsStore } from './store-api.js';

export interface DataSectionProps {
  glossary: CompiledGlossary;
  settings: Settings;
  user: UserGlossary;
  store: OptionsStore;
  notify: Notify;
  /** Writes any settings edit still waiting, so a reset or import is not overtaken by it. */
  beforeWrite: () => Promise<void>;
  t: Translate;
}

function download(text: string, name: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke after the click has been handled (an immediate revoke cancels the download in some browsers).
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function DataSection({ glossary, settings, user, store, notify, beforeWrite, t }: DataSectionProps) {
  const [importState, setImportState] = useState<ImportState>({ kind: 'idle' });
  const [pending, setPending] = useState<ExportFile | null>(null);
  const [resetState, setResetState] = useState<ResetState>({ kind: 'idle' });
  const [resetEntriesToo, setResetEntriesToo] = useState(false);
  const [undo, setUndo] = useState<{ settings: Settings; user: UserGlossary } | null>(null);
  const [exportWarning, setExportWarning] = useState<string | null>(null);
  const [storageInfo, setStorageInfo] = useState<SettingsStorageInfo | null>(null);
  const [corrupt, setCorrupt] = useState<{ settings: CorruptCopy | null; userGlossary: CorruptCopy | null }>({ settings: null, userGlossary: null });
  const builtInIds = new Set(glossary.entries.map((e) => e.id));

  useEffect(() => {
    store.getSettingsStorageInfo().then(setStorageInfo, () => undefined);
    store.loadCorruptCopies().then(setCorrupt, () => undefined);
  }, [settings, user, store]);

  const fail = (e: unknown) => notify(t('options_save_failed', [e instanceof Error ? e.message : String(e)]), 'error');

  return (
    <DataPanel
      importState={importState}
      resetState={resetState}
      resetEntriesToo={resetEntriesToo}
      exportWarning={exportWarning}
      storageInfo={storageInfo}
      corrupt={corrupt}
      onExport={() => {
        const text = serializeExport(buildExport(settings, user));
        // Self-check: text typed in the options form may hold markup the import refuses; say so now, not later.
        const check = validateImport(text, DEFAULT_IMPORT_LIMITS, { builtInIds });
        setExportWarning(check.ok ? null : errorsToText(check.errors.slice(0, 5)));
        download(text, exportFileName());
      }}
      onImportFile={(file) => {
        setPending(null);
        if (file.size > DEFAULT_IMPORT_LIMITS.maxBytes) {
          setImportState({ kind: 'errors', errors: [{ path: '', message: `the file is too large (${Math.ceil(file.size / 1024)} KB; the limit is 1024 KB)` }] });
          return;
        }
        file.text().then(
          (text) => {
            const r = validateImport(text, DEFAULT_IMPORT_LIMITS, { builtInIds, current: { settings, userGlossary: user } });
            if (!r.ok) return setImportState({ kind: 'errors', errors: r.errors });
            setPending(r.value);
            setImportState({ kind: 'preview', preview: r.preview });
          },
          (e: unknown) => setImportState({ kind: 'errors', errors: [{ path: '', message: `the file could not be read (${String(e)})` }] }),
        );
      }}
      onApplyImport={() => {
        if (!pending) return;
        beforeWrite().then(() => applyImport(store, pending)).then(() => {
          setPending(null);
          setImportState({ kind: 'done' });
          notify(t('options_import_done'));
        }, fail);
      }}
      onCancelImport={() => {
        setPending(null);
        setImportState({ kind: 'idle' });
      }}
      onResetEntriesToo={setResetEntriesToo}
      onAskReset={() => setResetState({ kind: 'confirm' })}
      onCancelReset={() => setResetState({ kind: 'idle' })}
      onConfirmReset={() => {
        const previous = { settings, user };
        beforeWrite().then(() => Promise.all([
          store.saveSettings(structuredClone(DEFAULT_SETTINGS)),
          resetEntriesToo ? store.saveUserGlossary(emptyUserGlossary()) : Promise.resolve(),
        ])).then(() => {
          setUndo(previous);
          setResetState({ kind: 'done', canUndo: true });
          notify(t('options_reset_done'));
        }, fail);
      }}
      onUndo={() => {
        if (!undo) return;
        Promise.all([store.saveSettings(undo.settings), store.saveUserGlossary(undo.user)]).then(() => {
          setUndo(null);
          setResetState({ kind: 'done', canUndo: false });
          notify(t('options_undo_done'));
        }, fail);
      }}
      onDownloadCorrupt={(which) => {
        const c = corrupt[which];
        if (c) download(JSON.stringify(c, null, 2) + '\n', `context-glossary-unreadable-${which}.json`);
      }}
      onDiscardCorrupt={(which) => {
        store.clearCorruptCopy(which).then(() => setCorrupt((c) => ({ ...c, [which]: null })), fail);
      }}
      t={t}
    />
  );
}
