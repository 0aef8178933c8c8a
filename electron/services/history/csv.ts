/**
 * CSV export of history records (RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold
 * a comma, quote or line break, quotes doubled). Cells starting with = + - @ (or tab/CR) are prefixed with
 * a single quote so a spreadsheet never runs them as formulas (OWASP "CSV injection").
 */
import type { StoredRecord } from './schema';

const COLUMNS: Array<[string, (r: StoredRecord) => string | number | null]> = [
  ['id', (r) => r.id],
  ['created_at', (r) => r.createdAt],
  ['updated_at', (r) => r.updatedAt],
  ['occurred_at', (r) => r.incident.occurredAt],
  ['status', (r) => r.status],
  ['sent_at', (r) => r.sentAt],
  ['orange_ticket_ref', (r) => r.orangeTicketRef],
  ['sending_ips', (r) => r.incident.sendingIps.join(' ')],
  ['sending_hosts', (r) => r.incident.sendingHosts.join(' ')],
  ['sending_domain', (r) => r.incident.sendingDomain],
  ['recipient_domain', (r) => r.incident.recipientDomain],
  ['remote_host', (r) => r.incident.remoteHost],
  ['remote_ip', (r) => r.incident.remoteIp],
  ['code', (r) => r.incident.reply.code],
  ['enhanced', (r) => r.incident.reply.enhanced],
  ['orange_token', (r) => r.incident.orange?.token ?? null],
  ['orange_reason', (r) => r.incident.orange?.reason ?? null],
  ['orange_server', (r) => r.incident.orange?.server ?? null],
  ['reply', (r) => r.incident.reply.text],
  ['notes', (r) => r.notes],
  ['ticket_subject_fr', (r) => r.ticketSubjects.fr],
];

/** One CSV cell, neutralised against formula injection and quoted when needed. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The whole CSV file; starts with a byte-order mark so spreadsheet apps read the accents right. */
export function recordsToCsv(records: StoredRecord[]): string {
  const lines = [COLUMNS.map(([name]) => name).join(',')];
  for (const record of records) lines.push(COLUMNS.map(([, get]) => csvCell(get(record))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
