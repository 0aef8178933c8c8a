/** Incidents per week per IP or reason: stacked bars in plain SVG, with the figures as a table beside. */
import { useEffect, useId, useState } from 'react';
import type { Api } from '../../../electron/contract';
import type { WeeklyStats } from '../../../electron/services/history/schema';
import { formatShortDate } from '../i18n/format';
import { errorText, type HistoryLang, MESSAGES } from './messages';
import { type HistoryFilterState, toApiFilter } from './useHistorySearch';

const WEEKS = 12;
const BAR = 18;
const GAP = 6;
const HEIGHT = 80;
/** Distinct in both themes and for the common colour-vision deficiencies (Okabe–Ito palette). */
const COLOURS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#8a8a8a'];

interface Props {
  api: Api['history'];
  lang: HistoryLang;
  filter: HistoryFilterState;
  /** Changes whenever the history changes, so the chart follows. */
  version: number;
}

export function WeeklyChart({ api, lang, filter, version }: Props) {
  const t = MESSAGES[lang];
  const titleId = useId();
  const [by, setBy] = useState<'ip' | 'reason'>('ip');
  const [stats, setStats] = useState<WeeklyStats | null>(null);
  const [error, setError] = useState<unknown>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the reload trigger
  useEffect(() => {
    let current = true;
    api
      .stats({ ...toApiFilter(filter), by, weeks: WEEKS, top: 5 })
      .then((s) => {
        if (!current) return;
        setStats(s);
        setError(null);
      })
      .catch((e: unknown) => current && setError(e));
    return () => {
      current = false;
    };
  }, [api, filter, by, version]);

  const label = (key: string) =>
    key === 'other' ? t.other : key === 'none' ? t.none : by === 'reason' ? `[${key}]` : key;
  const total = stats ? stats.series.reduce((n, s) => n + s.total, 0) : 0;
  const peak = stats
    ? Math.max(1, ...stats.weeks.map((_, i) => stats.series.reduce((n, s) => n + (s.counts[i] ?? 0), 0)))
    : 1;
  const week = (iso: string) => formatShortDate(`${iso}T00:00:00`, lang)?.replace(/ 00:00$/, '') ?? iso;

  return (
    <section className="history-chart" aria-labelledby={titleId}>
      <div className="history-chart-header">
        <h3 id={titleId}>{t.chartTitle}</h3>
        <fieldset className="history-chart-by">
          <legend>{t.chartBy}</legend>
          {(['ip', 'reason'] as const).map((option) => (
            <label key={option}>
              <input
                type="radio"
                name={`${titleId}-by`}
                checked={by === option}
                onChange={() => setBy(option)}
              />{' '}
              {option === 'ip' ? t.chartByIp : t.chartByReason}
            </label>
          ))}
        </fieldset>
      </div>
      {error ? <p role="alert">{t.failed(errorText(error, lang))}</p> : null}
      {stats && total === 0 ? <p className="hint">{t.chartEmpty}</p> : null}
      {stats && total > 0 ? (
        <>
          <svg
            role="img"
            aria-label={`${t.chartTitle}: ${t.chartSummary(WEEKS, total)}`}
            viewBox={`0 0 ${stats.weeks.length * (BAR + GAP)} ${HEIGHT + 2}`}
            width={stats.weeks.length * (BAR + GAP)}
            height={HEIGHT + 2}
          >
            {stats.weeks.map((w, i) => {
              let y = HEIGHT;
              return (
                <g key={w}>
                  <title>{`${t.weekOf(week(w))}: ${stats.series.reduce((n, s) => n + (s.counts[i] ?? 0), 0)}`}</title>
                  {stats.series.map((s, k) => {
                    const h = ((s.counts[i] ?? 0) / peak) * HEIGHT;
                    y -= h;
                    return h > 0 ? (
                      <rect
                        key={s.key}
                        x={i * (BAR + GAP)}
                        y={y}
                        width={BAR}
                        height={h}
                        fill={COLOURS[k % COLOURS.length]}
                      />
                    ) : null;
                  })}
                </g>
              );
            })}
            <line
              x1={0}
              x2={stats.weeks.length * (BAR + GAP)}
              y1={HEIGHT + 1}
              y2={HEIGHT + 1}
              className="history-chart-axis"
            />
          </svg>
          <ul className="history-chart-legend">
            {stats.series.map((s, k) => (
              <li key={s.key}>
                <span
                  className="history-swatch"
                  style={{ background: COLOURS[k % COLOURS.length] }}
                  aria-hidden="true"
                />
                <code>{label(s.key)}</code> {s.total}
              </li>
            ))}
          </ul>
          <p className="hint">
            {week(stats.weeks[0] ?? '')} → {week(stats.weeks.at(-1) ?? '')} · {t.chartSummary(WEEKS, total)}
          </p>
        </>
      ) : null}
    </section>
  );
}
