/** The bar at the top: product name, the views, new incident, help and the interface language. */
import type { KeyboardEvent } from 'react';
import type { Lang } from '../../../core/types';
import { useI18n } from '../i18n';

export type View = 'incident' | 'history' | 'logs';
const VIEWS: View[] = ['incident', 'history', 'logs'];

interface Props {
  view: View;
  onView(view: View): void;
  uiLang: Lang;
  onUiLang(lang: Lang): void;
  onNew(): void;
  onHelp(): void;
}

export function TopBar({ view, onView, uiLang, onUiLang, onNew, onHelp }: Props) {
  const { t } = useI18n();
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const step = event.key === 'ArrowRight' ? 1 : -1;
    const next = VIEWS[(VIEWS.indexOf(view) + step + VIEWS.length) % VIEWS.length] ?? 'incident';
    onView(next);
    document.getElementById(`view-tab-${next}`)?.focus();
  };
  return (
    <header className="topbar">
      <div className="brand">
        <h1>{t('app.title')}</h1>
        <p className="tagline">{t('app.tagline')}</p>
      </div>
      <nav aria-label={t('nav.label')}>
        <div className="views" role="tablist" aria-label={t('nav.label')}>
          {VIEWS.map((v) => (
            <button
              key={v}
              id={`view-tab-${v}`}
              type="button"
              role="tab"
              aria-selected={v === view}
              aria-controls="main"
              tabIndex={v === view ? 0 : -1}
              className="view-tab"
              onClick={() => onView(v)}
              onKeyDown={onKey}
            >
              {t(`nav.${v}`)}
            </button>
          ))}
        </div>
      </nav>
      <div className="topbar-actions">
        <button type="button" className="button" onClick={onNew} aria-keyshortcuts="Control+N Meta+N">
          {t('toolbar.new')}
        </button>
        <button type="button" className="button" onClick={onHelp} aria-keyshortcuts="F1">
          {t('toolbar.help')}
        </button>
        <fieldset className="lang-switch">
          <legend className="visually-hidden">{t('toolbar.uiLang')}</legend>
          {(['fr', 'en'] as const).map((lang) => (
            <button
              key={lang}
              type="button"
              lang={lang}
              className="lang-option"
              aria-pressed={lang === uiLang}
              onClick={() => onUiLang(lang)}
            >
              {lang.toUpperCase()}
              <span className="visually-hidden"> {t(`lang.${lang}`)}</span>
            </button>
          ))}
        </fieldset>
      </div>
    </header>
  );
}
