import type { Translate } from '../core/i18n.js';
/** The footer: the site switch, the global pause, and links to the options page and the report reader. */
export interface SiteControlsProps {
  host: string | null;
  switchable: boolean;
  siteOn: boolean;
  paused: boolean;
  t: Translate;
  onSiteOn: (on: boolean) => void;
  onPause: (paused: boolean) => void;
  onOptions: () => void;
  onReader: () => void;
}

export function SiteControls(props: SiteControlsProps) {
  const { t } = props;
  return (
    <footer class="controls">
      {props.switchable && (
        <label class="switch">
          <input
            type="checkbox"
            role="switch"
            id="cg-site-switch"
            checked={props.siteOn}
            onChange={(e) => props.onSiteOn(e.currentTarget.checked)}
          />
          <span>{t('popup_site_switch', [props.host ?? t('popup_site_unknown')])}</span>
        </label>
      )}
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          id="cg-pause"
          checked={props.paused}
          onChange={(e) => props.onPause(e.currentTarget.checked)}
        />
        <span>{t('popup_pause')}</span>
      </label>
      <nav class="links">
        <button type="button" class="link" id="cg-open-options" onClick={props.onOptions}>
          {t('popup_options')}
        </button>
        <button type="button" class="link" id="cg-open-reader" onClick={props.onReader}>
          {t('popup_reader')}
        </button>
      </nav>
    </footer>
  );
}
