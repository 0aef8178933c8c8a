/** A link opened in the system browser through the main process (which checks its allow-list). */
import type { MouseEvent, ReactNode } from 'react';
import { useApi } from '../api/services';
import { useI18n } from '../i18n';
import { useNotify } from './Notices';

export function ExternalLink({
  url,
  children,
  className,
}: {
  url: string;
  children: ReactNode;
  className?: string;
}) {
  const api = useApi();
  const { t } = useI18n();
  const notify = useNotify();
  const open = async (event: MouseEvent) => {
    event.preventDefault();
    try {
      const outcome = await api.app.openExternal({ url });
      if (outcome.ok) notify(t('advice.linkOpened'), 'info');
      else notify(t('advice.linkRefused', { reason: outcome.reason ?? url }), 'error');
    } catch (e) {
      notify(t('advice.linkRefused', { reason: e instanceof Error ? e.message : String(e) }), 'error');
    }
  };
  return (
    <a href={url} className={className ?? 'external'} onClick={open} rel="noreferrer">
      {children}
      <span aria-hidden="true"> ↗</span>
    </a>
  );
}
