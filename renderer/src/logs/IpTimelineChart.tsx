/** One small stacked bar chart per IP, in plain SVG: deferrals, bounces and suspensions per bucket. */
import type { Timeline } from '../../../core/summary';
import { formatBucketStart } from './format';
import type { LargeLogMessages, ViewLang } from './messages';
import { formatCount } from './messages';

const BAR = 10;
const GAP = 2;
const HEIGHT = 48;
const MAX_IPS_SHOWN = 20;

interface Props {
  lang: ViewLang;
  t: LargeLogMessages;
  timeline: Timeline;
  /** Keeps the rows whose IP or host contains this text (all of them when none does). */
  filter?: string;
}

export function IpTimelineChart({ lang, t, timeline, filter = '' }: Props) {
  const needle = filter.trim().toLowerCase();
  const matching = needle ? timeline.ips.filter((row) => row.ip.toLowerCase().includes(needle)) : [];
  const shown = (matching.length > 0 ? matching : timeline.ips).slice(0, MAX_IPS_SHOWN);
  if (shown.length === 0 || timeline.start === null || timeline.end === null) return null;
  const peak = Math.max(
    1,
    ...shown.flatMap((ip) => ip.buckets.map((b) => b.deferred + b.bounced + b.suspended)),
  );
  const scale = (n: number) => (n / peak) * HEIGHT;
  const first = formatBucketStart(timeline.start);
  const last = formatBucketStart(timeline.end);
  return (
    <section className="large-log-timeline">
      <h3>{t.timelineHeading}</h3>
      <p className="large-log-legend">
        <span className="swatch deferred" /> {t.legend.deferred} <span className="swatch bounced" />{' '}
        {t.legend.bounced} <span className="swatch suspended" /> {t.legend.suspended}
      </p>
      {shown.map((row) => {
        const width = row.buckets.length * (BAR + GAP);
        return (
          <figure key={row.ip}>
            <figcaption>
              <code>{row.ip}</code> · {formatCount(lang, row.total)}
            </figcaption>
            <svg
              role="img"
              aria-label={t.timelineLabel(row.ip, formatCount(lang, row.total))}
              width={width}
              height={HEIGHT + 2}
              viewBox={`0 0 ${width} ${HEIGHT + 2}`}
            >
              {row.buckets.map((b, i) => {
                const x = i * (BAR + GAP);
                const hD = scale(b.deferred);
                const hB = scale(b.bounced);
                const hS = scale(b.suspended);
                return (
                  <g key={b.start}>
                    <title>
                      {t.bucket(
                        formatBucketStart(b.start),
                        formatCount(lang, b.deferred),
                        formatCount(lang, b.bounced),
                        formatCount(lang, b.suspended),
                      )}
                    </title>
                    <rect x={x} y={0} width={BAR} height={HEIGHT} className="bucket-bg" />
                    {hD > 0 && <rect x={x} y={HEIGHT - hD} width={BAR} height={hD} className="deferred" />}
                    {hB > 0 && (
                      <rect x={x} y={HEIGHT - hD - hB} width={BAR} height={hB} className="bounced" />
                    )}
                    {hS > 0 && (
                      <rect x={x} y={HEIGHT - hD - hB - hS} width={BAR} height={hS} className="suspended" />
                    )}
                  </g>
                );
              })}
            </svg>
            <div className="large-log-axis" style={{ width: Math.max(width, 320) }}>
              <span>{first}</span>
              <span>{last}</span>
            </div>
          </figure>
        );
      })}
    </section>
  );
}
