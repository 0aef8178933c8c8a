/**
 * "This IP was already blocked by Orange 3 times in the last 30 days": shown beside an incident when its
 * sending IP or domain is already in the history, with links to those incidents.
 */
import { useEffect, useState } from 'react';
import type { Api } from '../../../electron/contract';
import type { HistoryRecord, Recurrence } from '../../../electron/services/history/schema';
import { type HistoryLang, MESSAGES } from './messages';

export interface RecurrenceHintProps {
  api: Api['history'];
  lang: HistoryLang;
  ip?: string | null;
  domain?: string | null;
  /** The incident on screen, once saved: left out of its own count. */
  excludeId?: string;
  days?: number;
  onOpen(record: HistoryRecord): void;
}

export function RecurrenceHint({ api, lang, ip, domain, excludeId, days = 30, onOpen }: RecurrenceHintProps) {
  const t = MESSAGES[lang];
  const [recurrence, setRecurrence] = useState<Recurrence | null>(null);

  useEffect(() => {
    if (!ip && !domain) {
      setRecurrence(null);
      return;
    }
    let current = true;
    api
      .recurrence({ ip: ip ?? null, domain: domain ?? null, days, ...(excludeId ? { excludeId } : {}) })
      .then((r) => current && setRecurrence(r))
      // A hint only: when the history cannot answer, say nothing rather than get in the way.
      .catch(() => current && setRecurrence(null));
    return () => {
      current = false;
    };
  }, [api, ip, domain, excludeId, days]);

  const open = async (id: string) => {
    const record = await api.get({ id });
    if (record) onOpen(record);
  };

  const lines = [
    recurrence?.ip && recurrence.ip.count > 0
      ? {
          key: 'ip',
          text: t.recurrenceIp(recurrence.ip.value, recurrence.ip.count, recurrence.days),
          ids: recurrence.ip.ids,
        }
      : null,
    recurrence?.domain && recurrence.domain.count > 0
      ? {
          key: 'domain',
          text: t.recurrenceDomain(recurrence.domain.value, recurrence.domain.count, recurrence.days),
          ids: recurrence.domain.ids,
        }
      : null,
  ].filter((line) => line !== null);
  if (lines.length === 0) return null;

  return (
    <aside className="history-recurrence" aria-live="polite">
      {lines.map((line) => (
        <p key={line.key}>
          {line.text}{' '}
          {line.ids.slice(0, 5).map((id, i) => (
            <button key={id} type="button" className="button button--quiet" onClick={() => void open(id)}>
              {t.recurrenceLink(i + 1)}
            </button>
          ))}
        </p>
      ))}
    </aside>
  );
}
