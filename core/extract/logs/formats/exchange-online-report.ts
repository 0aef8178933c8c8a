/**
 * Exchange Online's extended message trace report (downloaded from the admin center as CSV): the
 * tracking log's fields under their own names, quoted, with underscores and the date in UTC
 * (`"date_time_utc","client_ip",...,"event_id",...,"recipient_address","recipient_status",...,
 * "sender_address",...`), as Microsoft's "Message trace" page lists them. Its rows read as a tracking
 * log's once the names are the tracking log's (`date-time`, `event-id`, ...).
 */
import { parseCsvRow } from './csv';

/** True for the report's header row. */
export function isExtendedReportHeader(text: string): boolean {
  return /^"?date_time_utc"?,/.test(text) && text.includes('event_id') && text.includes('recipient_status');
}

/** The report's columns under the tracking log's names. */
export function extendedReportColumns(text: string): string[] {
  return parseCsvRow(text).map((name) => {
    const column = name.trim().replace(/_/g, '-');
    return column === 'date-time-utc' ? 'date-time' : column;
  });
}
