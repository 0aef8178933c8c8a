/** One incident in the history list: when, who sent, what the server replied, its status, and what to do. */
import type { HistorySummary, Status } from '../../../electron/services/history/schema';
import { STATUSES } from '../../../electron/services/history/schema';
import { formatShortDate } from '../i18n/format';
import { type HistoryLang, MESSAGES } from './messages';

const NEXT: Record<Status, Status | null> = {
  draft: 'sent',
  sent: 'resolved',
  resolved: 'closed',
  closed: null,
};

interface Props {
  item: HistorySummary;
  lang: HistoryLang;
  busy: boolean;
  onOpen(id: string): void;
  onStatus(id: string, status: Status): void;
  onDelete(id: string): void;
}

export function HistoryRow({ item, lang, busy, onOpen, onStatus, onDelete }: Props) {
  const t = MESSAGES[lang];
  const next = NEXT[item.status];
  const nextLabel = t.nextStep[item.status];
  const where = item.sendingIps[0] ?? item.sendingHosts[0] ?? '—';
  const reply = [item.code, item.token ?? item.enhanced].filter((x) => x !== null).join(' ');
  return (
    <tr data-id={item.id}>
      <td>
        <time dateTime={item.at}>{formatShortDate(item.at, lang) ?? item.at}</time>
      </td>
      <td>
        <code>{item.sendingIps.join(', ') || '—'}</code>
      </td>
      <td>{item.sendingDomain ?? '—'}</td>
      <td>
        <span className="history-reply" title={item.replyText}>
          {reply || item.replyText.slice(0, 60)}
          {item.reason !== null ? <> · [{item.reason}]</> : null}
        </span>
      </td>
      <td>
        <span className={`history-status history-status--${item.status}`}>{t.statusName[item.status]}</span>
        {item.sentAt ? <small> · {t.sentOn(formatShortDate(item.sentAt, lang) ?? item.sentAt)}</small> : null}
        {item.orangeTicketRef ? <small> · {t.ticketRef(item.orangeTicketRef)}</small> : null}
      </td>
      <td className="history-actions">
        {next && nextLabel ? (
          <button type="button" className="button" disabled={busy} onClick={() => onStatus(item.id, next)}>
            {nextLabel}
            <span className="visually-hidden"> ({where})</span>
          </button>
        ) : null}
        <label className="visually-hidden" htmlFor={`status-${item.id}`}>
          {t.status} ({where})
        </label>
        <select
          id={`status-${item.id}`}
          value={item.status}
          disabled={busy}
          onChange={(e) => onStatus(item.id, e.target.value as Status)}
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t.statusName[s]}
            </option>
          ))}
        </select>
        <button type="button" className="button" onClick={() => onOpen(item.id)}>
          {t.open}
          <span className="visually-hidden"> ({where})</span>
        </button>
        <button
          type="button"
          className="button button--quiet"
          disabled={busy}
          onClick={() => onDelete(item.id)}
        >
          {t.remove}
          <span className="visually-hidden"> ({where})</span>
        </button>
      </td>
    </tr>
  );
}
