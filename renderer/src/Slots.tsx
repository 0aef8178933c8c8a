/**
 * Places where other parts of the app mount their views. Each slot shows a short note until the
 * component it awaits exists (history: renderer/src/history, pre-flight: renderer/src/preflight,
 * large logs: renderer/src/logs).
 */
import type { Incident } from '../../core/types';
import { useI18n } from './i18n';

export function HistorySlot() {
  const { t } = useI18n();
  return (
    <section className="panel slot" aria-label={t('nav.history')} data-slot="history">
      <p className="hint">{t('history.slot')}</p>
    </section>
  );
}

export function PreflightSlot(_props: { incident: Incident; rawText: string }) {
  const { t } = useI18n();
  return (
    <section className="panel slot" aria-label={t('preflight.slot')} data-slot="preflight">
      <p className="hint">{t('preflight.slot')}</p>
    </section>
  );
}

export function LogsSlot() {
  const { t } = useI18n();
  return (
    <section className="panel slot" aria-label={t('nav.logs')} data-slot="logs">
      <p className="hint">{t('logs.slot')}</p>
    </section>
  );
}
