/**
 * The place where the history view (renderer/src/history, issue 6) mounts; a short note until it exists.
 */
import { useI18n } from './i18n';

export function HistorySlot() {
  const { t } = useI18n();
  return (
    <section className="panel slot" aria-label={t('nav.history')} data-slot="history">
      <p className="hint">{t('history.slot')}</p>
    </section>
  );
}
