/** Copying through the main process (the renderer has no clipboard access), with visible confirmation. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '../api/services';
import { useI18n } from '../i18n';
import { useNotify } from './Notices';

export const COPIED_MS = 2000;

export function useCopy() {
  const api = useApi();
  const { t } = useI18n();
  const notify = useNotify();
  const [copied, setCopied] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  /** `done`: the confirmation, when it says more than « Copié » (which language's text, for the ticket). */
  const copy = useCallback(
    async (text: string, id: string, done?: string) => {
      try {
        await api.app.copyText({ text });
        setCopied(id);
        notify(done ?? t('ticket.copied'));
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => setCopied(null), COPIED_MS);
        return true;
      } catch (e) {
        notify(t('ticket.copyFailed', { reason: e instanceof Error ? e.message : String(e) }), 'error');
        return false;
      }
    },
    [api, notify, t],
  );

  return { copy, copied };
}
