/** Several incidents in one paste: pick one (identical rejections are already merged into one entry). */
import type { Incident } from '../../../core/types';
import { useI18n } from '../i18n';
import { dateSpan, type IncidentGroup } from '../session/merge';

interface Props {
  groups: IncidentGroup[];
  edited: Incident[];
  selected: number;
  allInTicket: boolean;
  onSelect(index: number): void;
  onAllInTicket(value: boolean): void;
}

function summary(incident: Incident, unknown: { ip: string; code: string }) {
  const ip = incident.sendingIps.join(', ') || unknown.ip;
  const code = incident.orange?.token ?? incident.reply.code?.toString() ?? unknown.code;
  return { ip, code };
}

export function IncidentList({ groups, edited, selected, allInTicket, onSelect, onAllInTicket }: Props) {
  const { t, plural, shortDate } = useI18n();
  if (groups.length < 2) return null;
  const merged = groups.some((g) => g.occurrences.length > 1);
  return (
    <section className="panel incident-list" aria-labelledby="incidents-title">
      <header className="panel-header">
        <h2 id="incidents-title">
          {t('incidents.title')} <span className="count">{plural('incidents.count', groups.length)}</span>
        </h2>
      </header>
      {merged && <p className="hint">{t('incidents.merged')}</p>}
      <ul className="incident-options" aria-label={t('incidents.title')}>
        {groups.map((group, index) => {
          const incident = edited[index] ?? group.incident;
          const { ip, code } = summary(incident, { ip: t('incidents.noIp'), code: t('incidents.noCode') });
          const span = dateSpan(group);
          // Repeats within the same minute read as one moment, not "from 09:12 to 09:12".
          const first = span ? shortDate(span.first) : null;
          const last = span ? shortDate(span.last) : null;
          const when = span
            ? first === last
              ? first
              : t('incidents.between', { first: first ?? '', last: last ?? '' })
            : t('incidents.noDate');
          return (
            <li key={group.key}>
              <button
                type="button"
                className={`incident-option${index === selected ? ' is-selected' : ''}`}
                aria-pressed={index === selected}
                onClick={() => onSelect(index)}
              >
                <span className="incident-code">{code}</span>
                <span className="incident-ip">{ip}</span>
                <span className="incident-when">{when}</span>
                {group.occurrences.length > 1 && (
                  <span className="badge">{plural('incidents.occurrences', group.occurrences.length)}</span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
      <label className="check">
        <input type="checkbox" checked={allInTicket} onChange={(e) => onAllInTicket(e.target.checked)} />
        {t('incidents.allInTicket')}
      </label>
    </section>
  );
}
