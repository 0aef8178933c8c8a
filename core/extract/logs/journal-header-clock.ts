/**
 * journalctl (systemd up to 249) opens its output with the span of the journal it read, written in the
 * zone it prints every line in: `-- Logs begin at Tue 2026-11-24 08:01:13 CET, end at Fri 2026-12-04
 * 10:15:02 CET. --` (systemd 247 to 249: `-- Journal begins at …, ends at … --`). Its default lines
 * (`Dec 04 10:12:18 host postfix/smtp[…]: …`) give neither year nor zone; that line gives both, for the
 * lines below it: the year that puts a line inside the span, and the zone when both ends have the same
 * one and the span is too short (120 days) to hold a clock change and its way back (else the zone stays
 * the assumed one: `begins at … EDT, ends at … EST` says the clocks changed, not when). Each line takes the
 * header nearest above it: runs of journalctl appended to one file each print their own.
 */
import type { Incident, Note } from '../../types';
import { parseDateIn } from '../dates';
import { splitLines } from '../header-block';
import { NOTES } from '../notes';
import { formatOffset, pad, parseOffset, zoneAbbreviationOffset } from './offset-text';
import { parseSyslog } from './syslog';
import { isoAt, wallTimeMs } from './wall-time';

const STAMP = String.raw`[A-Z][a-z]{2} (\d{4})-(\d\d)-(\d\d) (\d\d:\d\d:\d\d) ([A-Za-z]{1,6}|[+-]\d{4})`;
const HEADER = new RegExp(
  String.raw`^-- (?:Logs begin at|Journal begins at) ${STAMP}, (?:end at|ends at) ${STAMP}\. --\s*$`,
);
/** Longest span whose two ends in the same zone abbreviation rule out a clock change between them. */
const MAX_SPAN_MS = 120 * 24 * 3_600_000;
/** A line may be written a little outside the span the header gives (it is read as the output starts). */
const MARGIN_MS = 24 * 3_600_000;
/** Lines looked at for the header (the streaming summary looks at as many). */
export const MAX_LINES = 200_000;

export interface JournalSpan {
  /** The header's line number (1-based). */
  line: number;
  text: string;
  beginMs: number;
  endMs: number;
  /** Minutes east of UTC, when every line of the span was written in it; else null. */
  offset: number | null;
  zone: string;
}

/** The wall time of one end of the span, as milliseconds of a UTC date with that wall time. */
function endMs(m: RegExpExecArray, at: number): number | null {
  return wallTimeMs(Number(m[at]), Number(m[at + 1]), Number(m[at + 2]), m[at + 3] ?? '');
}

/**
 * Headers kept at most: a file that appends journalctl's output hour after hour holds one per run; the
 * streaming summary keeps as many.
 */
export const MAX_SPANS = 1024;

/**
 * The journalctl header lines of `lines` (in its first MAX_LINES), in order: several runs of journalctl
 * written to one file each open with their own (the journal's span when each ran), a log pasted above
 * them has none.
 */
export function journalSpans(lines: readonly string[]): JournalSpan[] {
  const spans: JournalSpan[] = [];
  const count = Math.min(lines.length, MAX_LINES);
  for (let i = 0; i < count && spans.length < MAX_SPANS; i++) {
    const line = lines[i] as string;
    const span = line.startsWith('-- ') ? journalSpanOf(line, i + 1) : null;
    if (span) spans.push(span);
  }
  return spans;
}

/**
 * The span of the nearest header above line `lineNo` (the run of journalctl that printed it), or null:
 * a line of a later run is dated by that run's header, not by the first one's span, which ended before.
 */
export function spanAbove(spans: readonly JournalSpan[], lineNo: number): JournalSpan | null {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((spans[mid]?.line ?? 0) < lineNo) low = mid + 1;
    else high = mid;
  }
  return spans[low - 1] ?? null;
}

/** The span a journalctl header line gives (`lineNo` its number), or null for any other line. */
export function journalSpanOf(line: string, lineNo: number): JournalSpan | null {
  if (!line.startsWith('-- ')) return null;
  const m = HEADER.exec(line);
  if (!m) return null;
  const begin = endMs(m, 1);
  const end = endMs(m, 6);
  const zone = m[5] ?? '';
  const offsetText = zoneAbbreviationOffset(zone);
  const offset = offsetText === null ? null : parseOffset(offsetText);
  if (begin === null || end === null || end < begin) return null;
  const settled = zone === m[10] && end - begin <= MAX_SPAN_MS ? offset : null;
  return { line: lineNo, text: line, beginMs: begin, endMs: end, offset: settled, zone };
}

/**
 * Gives each incident below a header whose year and zone were assumed the journal's, as the nearest header
 * above it gives them.
 */
export function withJournalSpan(
  incidents: Incident[],
  text: string,
  assumeZone?: string,
  linesOf: () => readonly string[] = () => splitLines(text),
): void {
  if (!text.includes('-- Logs begin at ') && !text.includes('-- Journal begins at ')) return;
  if (!incidents.some((i) => i.assumptions.some((a) => a.code === 'assumed-year-and-zone'))) return;
  const spans = journalSpans(linesOf());
  if (spans.length === 0) return;
  const changed = new Map<number, string>();
  for (const incident of incidents) {
    const span = spanAbove(spans, incident.sources.occurredAt?.line ?? 0);
    const iso = span ? withJournalYear(incident, span, assumeZone) : null;
    if (iso) changed.set(incident.sources.reply?.line ?? -1, iso);
  }
  // A suspension's trigger was linked while scanning, with its error's date as then assumed.
  for (const incident of incidents) {
    const iso = incident.trigger ? changed.get(incident.trigger.line) : undefined;
    if (incident.trigger && iso) incident.trigger.occurredAt = iso;
  }
}

/**
 * Dates one incident below the header whose year and zone were assumed by the journal's span: its new
 * date, or null (left as it was). Shared with the streaming summary.
 */
export function withJournalYear(incident: Incident, span: JournalSpan, assumeZone?: string): string | null {
  const at = incident.assumptions.findIndex((a) => a.code === 'assumed-year-and-zone');
  const source = incident.sources.occurredAt;
  if (at < 0 || !source || source.line <= span.line) return null;
  const time = journalTimeOf(source.text, span, assumeZone);
  if (!time) return null;
  incident.occurredAt = time.iso;
  incident.assumptions.splice(at, 1, ...time.assumptions);
  return time.iso;
}

/** The date a log line's syslog stamp has in the journal's span (with the notes saying so), or null. */
export function journalTimeOf(
  line: string,
  span: JournalSpan,
  assumeZone?: string,
): { iso: string; assumptions: Note[] } | null {
  const stamp = parseSyslog(line.trimStart())?.stamp;
  if (stamp?.kind !== 'syslog') return null;
  const first = new Date(span.beginMs).getUTCFullYear();
  const last = new Date(span.endMs).getUTCFullYear();
  const years: number[] = [];
  for (let year = first; year <= last; year++) {
    const ms = wallTimeMs(year, stamp.month, stamp.day, stamp.time);
    if (ms !== null && ms >= span.beginMs - MARGIN_MS && ms <= span.endMs + MARGIN_MS) years.push(year);
  }
  const year = years.length === 1 ? years[0] : undefined;
  if (year === undefined) return null;
  if (span.offset !== null) {
    const iso = isoAt(wallTimeMs(year, stamp.month, stamp.day, stamp.time) ?? 0, span.offset);
    return { iso, assumptions: [journalNote(span, span.offset)] };
  }
  const wall = `${year}-${pad(stamp.month)}-${pad(stamp.day)}T${stamp.time}`;
  const parsed = parseDateIn(wall, assumeZone);
  if (!parsed) return null;
  return {
    iso: parsed.iso,
    assumptions: [journalNote(span, null), NOTES.noZone(assumeZone?.trim() || 'UTC')],
  };
}

function journalNote(span: JournalSpan, offsetMinutes: number | null) {
  if (offsetMinutes === null)
    return {
      code: 'year-from-journal-header',
      text: {
        fr: `La ligne de journal n’indique pas l’année\u00a0: elle vient de la ligne d’en-tête de journalctl (ligne ${span.line}), qui donne la période du journal. Le fuseau horaire ne peut en être tiré, la période pouvant couvrir un changement d’heure.`,
        en: `The log line gives no year: it comes from journalctl's header line (line ${span.line}), which gives the journal's span. The time zone cannot be taken from it, as the span may cover a clock change.`,
      },
    };
  const offset = formatOffset(offsetMinutes);
  return {
    code: 'year-and-zone-from-journal-header',
    text: {
      fr: `La ligne de journal n’indique ni l’année ni le fuseau horaire\u00a0: tous deux viennent de la ligne d’en-tête de journalctl (ligne ${span.line}), qui donne la période du journal en ${span.zone}, soit un décalage de ${offset}.`,
      en: `The log line gives neither the year nor the time zone: both come from journalctl's header line (line ${span.line}), which gives the journal's span in ${span.zone}, an offset of ${offset}.`,
    },
  };
}
