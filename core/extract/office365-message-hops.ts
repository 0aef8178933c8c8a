/**
 * Office 365's notice lists the servers the message went through inside Microsoft under "Message Hops":
 * a header row `HOP  TIME (UTC)  FROM  TO  WITH  RELAY TIME`, then one row per hop, its time broken after
 * its date when the notice is copied from Outlook (`2  4/21/2024` / `1:47:35 PM  AMS0EPF…  …`,
 * test/fixtures/extract/audit14/o365-ndr-hop-count-stamp.txt). The times are UTC, as the header says.
 *
 * The last hop is the last transfer inside Microsoft before the delivery that was refused: with no other
 * date (the notice's `Created Date` cut off), its time dates the refusal, which came then or later. The
 * order of day and month is the Created Date's (office365-created-date.ts): AM/PM is en-US's, month first;
 * a 24-hour time day first. The servers of the table are Microsoft's own or the ones that handed the
 * message to Microsoft, never the one that met the remote: no sending host is read from them.
 */
import { wallClockText } from './dates';

const HOPS_HEADER = /^\s{0,12}HOP\s+TIME\s+\(UTC\)\s+FROM\s+TO\s+WITH\s+RELAY\s+TIME\s*$/i;

/** A hop row's start: its number, its date, and its time on the same line or the next. */
const HOP_ROW =
  /^\s{0,12}(\d{1,2})\s+(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s?([AP])M)?\b)?/i;
const HOP_TIME = /^\s{0,12}(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s?([AP])M)?\b/i;

/** The table's rows after its header, at most this many lines (Microsoft lists about ten hops). */
const MAX_ROW_LINES = 60;

/** The UTC time of the last hop (`YYYY-MM-DDTHH:MM:SSZ`) and the line holding its time, or null. */
export function lastHopTime(lines: readonly string[]): { text: string; line: string } | null {
  const start = lines.findIndex((line) => line.length < 200 && HOPS_HEADER.test(line));
  if (start < 0) return null;
  let last: { text: string; line: string } | null = null;
  const end = Math.min(lines.length, start + 1 + MAX_ROW_LINES);
  for (let i = start + 1; i < end; i++) {
    const row = HOP_ROW.exec(lines[i] as string);
    if (!row) continue;
    const next = lines[i + 1] ?? '';
    const time = row[5] ? null : HOP_TIME.exec(next);
    const [hour, minute, second, meridiem] = row[5]
      ? [row[5], row[6], row[7], row[8]]
      : [time?.[1], time?.[2], time?.[3], time?.[4]];
    if (hour === undefined || minute === undefined) continue;
    const [a, b, year] = [Number(row[2]), Number(row[3]), Number(row[4])];
    const [month, day] = meridiem ? [a, b] : [b, a];
    const wall = wallClockText(
      year,
      month,
      day,
      Number(hour),
      Number(minute),
      Number(second ?? 0),
      meridiem ? `${meridiem}M` : undefined,
    );
    if (wall) last = { text: `${wall}Z`, line: row[5] ? (lines[i] as string) : next };
  }
  return last;
}
