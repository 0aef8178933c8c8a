/** The Orange groups: IP, reason, first and last seen, count, an example reply, the 999's trigger. */
import { useState } from 'react';
import { exampleLineOf, type IncidentGroup } from '../../../core/summary';
import { assumedYearNote } from './assumed-year';
import { formatSeen, formatSeenParts } from './format';
import type { LargeLogMessages, ViewLang } from './messages';
import { formatCount } from './messages';

const FIRST_ROWS = 100;

interface Props {
  lang: ViewLang;
  t: LargeLogMessages;
  groups: IncidentGroup[];
  /** Shows only the groups whose IP, host, reason or token contains this text. */
  filter: string;
  onUse(group: IncidentGroup): void;
}

export function matchesFilter(group: IncidentGroup, filter: string): boolean {
  const needle = filter.trim().toLowerCase();
  if (!needle) return true;
  return [
    group.ip,
    group.host,
    group.reason === null ? null : String(group.reason),
    group.token,
    group.kind,
  ].some((value) => value?.toLowerCase().includes(needle));
}

function reasonOf(group: IncidentGroup, t: LargeLogMessages): string {
  if (group.reason !== null) return String(group.reason);
  return group.code !== null ? `${group.code} (${t.noReason})` : t.noReason;
}

/** A first or last date: its day and its time each on one line, and flagged when its year was assumed. */
function SeenCell({ iso, assumed, t }: { iso: string | null; assumed: boolean; t: LargeLogMessages }) {
  const [day, time] = formatSeenParts(iso);
  return (
    <td className="seen">
      <span>{day}</span> <span>{time}</span>
      {assumed && iso && <span className="assumed-year">{t.yearAssumed}</span>}
    </td>
  );
}

function TriggerCell({ group, t, lang }: { group: IncidentGroup; t: LargeLogMessages; lang: ViewLang }) {
  if (group.kind !== 'suspension') return null;
  const top = group.triggers[0];
  return (
    <div className="large-log-trigger">
      <strong>{t.triggeredBy}</strong>{' '}
      {top ? (
        <>
          {top.token ?? top.reason ?? ''} ×{formatCount(lang, top.count)} ·{' '}
          {formatSeen(top.example.occurredAt)} · {t.exampleLine(String(top.example.line))}
          <br />
          <code>{top.example.text}</code>
        </>
      ) : (
        t.noTrigger
      )}
      {top && group.untriggered > 0 && <div>{t.untriggered(formatCount(lang, group.untriggered))}</div>}
    </div>
  );
}

export function SummaryTable({ lang, t, groups: all, filter, onUse }: Props) {
  const [showAll, setShowAll] = useState(false);
  if (all.length === 0) return <p>{t.noOrange}</p>;
  const groups = all.filter((group) => matchesFilter(group, filter));
  if (groups.length === 0) return <p>{t.noMatch}</p>;
  const rows = showAll ? groups : groups.slice(0, FIRST_ROWS);
  return (
    <>
      <table className="large-log-groups">
        <thead>
          <tr>
            <th scope="col">{t.columns.ip}</th>
            <th scope="col">{t.columns.reason}</th>
            <th scope="col">{t.columns.first}</th>
            <th scope="col">{t.columns.last}</th>
            <th scope="col">{t.columns.count}</th>
            <th scope="col">{t.columns.reply}</th>
            <th scope="col">{t.columns.action}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((group) => {
            const ip = group.ip ?? (group.host ? `${t.hostPrefix} ${group.host}` : t.unknownIp);
            const reason = reasonOf(group, t);
            const line = exampleLineOf(group);
            const assumed = assumedYearNote(group) !== null;
            return (
              <tr key={group.id} className={`kind-${group.kind}`}>
                <th scope="row">
                  <code>{ip}</code>
                </th>
                <td>
                  {reason} <span className="kind">({t.kind[group.kind]})</span>
                </td>
                <SeenCell iso={group.firstSeen} assumed={assumed} t={t} />
                <SeenCell iso={group.lastSeen} assumed={assumed} t={t} />
                <td>{formatCount(lang, group.count)}</td>
                <td className="reply">
                  <code>{group.example.reply.text}</code>
                  {line && <div className="source">{t.exampleLine(String(line.line))}</div>}
                  <TriggerCell group={group} t={t} lang={lang} />
                </td>
                <td>
                  <button
                    type="button"
                    className="button"
                    aria-label={t.groupButtonLabel(ip, reason)}
                    onClick={() => onUse(group)}
                  >
                    {t.useGroup}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {!showAll && groups.length > FIRST_ROWS && (
        <button type="button" className="button" onClick={() => setShowAll(true)}>
          {t.showAll(formatCount(lang, groups.length))}
        </button>
      )}
    </>
  );
}
