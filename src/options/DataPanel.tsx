/**
 * Data (pure form): export, import (errors or a preview, then apply), reset with confirmation and undo, notes on
 * where settings are stored and on unreadable copies. All state comes in as props; all actions go out as callbacks.
 */
import type { FieldError } from '../core/settings/issues.js';
import type { ImportPreview } from '../core/export-import.js';
import type { CorruptCopy, SettingsStorageInfo } from '../core/settings/settings-service.js';
import { settingLabels } from './setting-labels.js';
import type { Translate } from '../core/i18n.js';

export type ImportState = { kind: 'idle' } | { kind: 'errors'; errors: FieldError[] } | { kind: 'preview'; preview: ImportPreview } | { kind: 'done' };
export type ResetState = { kind: 'idle' } | { kind: 'confirm' } | { kind: 'done'; canUndo: boolean };

export interface DataPanelProps {
  importState: ImportState;
  resetState: ResetState;
  resetEntriesToo: boolean;
  exportWarning: string | null;
  storageInfo: SettingsStorageInfo | null;
  corrupt: { settings: CorruptCopy | null; userGlossary: CorruptCopy | null };
  onExport: () => void;
  onImportFile: (file: File) => void;
  onApplyImport: () => void;
  onCancelImport: () => void;
  onResetEntriesToo: (v: boolean) => void;
  onAskReset: () => void;
  onConfirmReset: () => void;
  onCancelReset: () => void;
  onUndo: () => void;
  onDownloadCorrupt: (which: 'settings' | 'userGlossary') => void;
  onDiscardCorrupt: (which: 'settings' | 'userGlossary') => void;
  t: Translate;
}

export function DataPanel(p: DataPanelProps) {
  const { t } = p;
  return (
    <div class="form-grid">
      {p.storageInfo?.area === 'local' && <p class="note" role="status" data-testid="storage-local">{t('options_storage_local', [p.storageInfo.reason ?? ''])}</p>}
      {p.storageInfo?.area === 'sync' && p.storageInfo.chunks > 1 && <p class="note">{t('options_storage_chunked', [p.storageInfo.chunks])}</p>}
      {(['settings', 'userGlossary'] as const).map((which) => {
        const c = p.corrupt[which];
        if (!c) return null;
        return (
          <div class="note warning" key={which} data-testid={`corrupt-${which}`}>
            <p>{t('options_corrupt', [t(which === 'settings' ? 'options_corrupt_settings' : 'options_corrupt_entries'), c.savedAt.slice(0, 10), c.error.slice(0, 200)])}</p>
            <button type="button" onClick={() => p.onDownloadCorrupt(which)}>{t('options_corrupt_download')}</button>
            <button type="button" onClick={() => p.onDiscardCorrupt(which)}>{t('options_corrupt_discard')}</button>
          </div>
        );
      })}

      <fieldset>
        <legend>{t('options_export')}</legend>
        <p class="help">{t('options_export_help')}</p>
        <button type="button" onClick={p.onExport} data-testid="export">{t('options_export')}</button>
        {p.exportWarning && <p class="warning">{t('options_export_warning', [p.exportWarning])}</p>}
      </fieldset>

      <fieldset>
        <legend>{t('options_import')}</legend>
        <label class="field">
          <span>{t('options_import_choose')}</span>
          <input type="file" accept="application/json,.json" data-testid="import-file"
            onChange={(e) => {
              const input = e.currentTarget as HTMLInputElement;
              const f = input.files?.[0];
              if (f) p.onImportFile(f);
              input.value = '';
            }} />
        </label>
        {p.importState.kind === 'errors' && (
          <div class="error-box" role="alert" data-testid="import-errors">
            <p>{t('options_import_errors')}</p>
            <ul>
              {p.importState.errors.slice(0, 50).map((e, i) => (
                <li key={i}>
                  {e.path && <code>{e.path}</code>}
                  {e.path ? ': ' : ''}
                  {e.message}
                </li>
              ))}
            </ul>
          </div>
        )}
        {p.importState.kind === 'preview' && <Preview preview={p.importState.preview} onApply={p.onApplyImport} onCancel={p.onCancelImport} t={t} />}
        {p.importState.kind === 'done' && <p role="status" data-testid="import-done">{t('options_import_done')}</p>}
      </fieldset>

      <fieldset>
        <legend>{t('options_reset')}</legend>
        <label class="choice">
          <input type="checkbox" checked={p.resetEntriesToo} onChange={(e) => p.onResetEntriesToo((e.currentTarget as HTMLInputElement).checked)} />
          {t('options_reset_entries_too')}
        </label>
        {p.resetState.kind === 'confirm' ? (
          <div class="confirm" role="alertdialog" aria-labelledby="reset-q">
            <p id="reset-q">{t('options_reset_confirm')}</p>
            <button type="button" class="danger" autoFocus onClick={p.onConfirmReset} data-testid="reset-yes">{t('options_reset_yes')}</button>
            <button type="button" onClick={p.onCancelReset}>{t('options_cancel')}</button>
          </div>
        ) : (
          <button type="button" onClick={p.onAskReset} data-testid="reset">{t('options_reset')}</button>
        )}
        {p.resetState.kind === 'done' && (
          <p role="status">
            {t('options_reset_done')}{' '}
            {p.resetState.canUndo && <button type="button" onClick={p.onUndo} data-testid="undo">{t('options_undo')}</button>}
          </p>
        )}
      </fieldset>
    </div>
  );
}

function Preview({ preview: pv, onApply, onCancel, t }: { preview: ImportPreview; onApply: () => void; onCancel: () => void; t: Translate }) {
  const lines: string[] = [];
  const add = (key: Parameters<Translate>[0], list: string[]) => list.length && lines.push(t(key, [list.join(', ')]));
  add('options_import_added', pv.own.added);
  add('options_import_updated', pv.own.updated);
  add('options_import_removed', pv.own.removed);
  add('options_import_ov_added', pv.overrides.added);
  add('options_import_ov_updated', pv.overrides.updated);
  add('options_import_ov_removed', pv.overrides.removed);
  add('options_import_settings', settingLabels(pv.settings, t));
  return (
    <div class="preview-box" data-testid="import-preview">
      <p>{t('options_import_preview')}</p>
      <ul>{pv.unchanged ? <li>{t('options_import_unchanged')}</li> : lines.map((l, i) => <li key={i}>{l}</li>)}</ul>
      <button type="button" class="primary" onClick={onApply} data-testid="import-apply">{t('options_import_apply')}</button>
      <button type="button" onClick={onCancel}>{t('options_cancel')}</button>
    </div>
  );
}
