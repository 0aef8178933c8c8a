/**
 * A reply in a row of a CSV export whose first line names its columns (an ESP's or a sending platform's
 * log downloaded as CSV: Copernica's `id,time,type,status,description,code,content,email,...`, a
 * dashboard's `"date","email","status","error"`): the row's date, recipient, sender domain and the
 * addresses it went from and to are in the columns the header names, often after the reply, where no
 * other reader looks.
 *
 * Only a date written year first (`2024-03-14 09:12:44`, ISO 8601) or with its month named (RFC 5322) is
 * read: a `14/03/2024` or `03/04/2024` column may be either order and stays empty. Only the file's first
 * line counts as the header, read once per text.
 *
 * The one reader of table rows: a table copied from a hosting panel's page (a tab per cell: cPanel's Track
 * Delivery and WHM's Mail Delivery Reports, Webmin's Postfix queue, MailWizz's bounce log, SEPPmail's queue
 * details) is also read after every reader, for the refusals any of them found in its rows, under its
 * header wherever it is (panel-detail-fields.ts, which reads a panel's `Label<TAB>value` detail view
 * itself). Never read: the panel's `Sender IP`, `Sender Host` and `Sender IP Address`, the client that
 * handed the message to the panel's server, not the address it was sent from.
 */
import type { ExtractOptions, FieldName, Incident, SourceRef } from '../types';
import { clientDateIn } from './client-date';
import { parseDateIn } from './dates';
import { domainOf, isHostName } from './header-block';
import { cite } from './incident';
import { isNonPublicIp, isOrangeIp, normalizeIp } from './ip';
import { parseCsvRow } from './logs/formats/csv';
import { markdownCells, markdownHeader } from './markdown-table';
import { NOTES } from './notes';
import { SFMC_CST_NOTE, SFMC_ZONE } from './sfmc-bounce-export';
import type { SourceText } from './source-text';
import { type Columns, columnsOf, MAX_TABLE_ROWS, mayBeHeaderRow, REPLY_CODE } from './table-columns';
import { fieldsDirective } from './w3c-fields-directive';

/**
 * Year first: `2024-03-14 09:12:44`, `2024-03-14T09:12:44Z`, `2024-03-14T09:12:44+01:00`, also with slashes
 * (ActivMail's `2002/01/31 19:54:48`: no order but year, month, day is written year first).
 */
const YEAR_FIRST = /^\d{4}([-/])\d{2}\1\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
/**
 * RFC 5322, the month by its name: `Thu, 14 Mar 2024 09:12:44 UTC` (Mailgun's bounce list as CSV,
 * `address,code,error,created_at`).
 */
const NAMED_MONTH = /^(?:[A-Za-z]{3},\s{1,2})?\d{1,2}\s[A-Za-z]{3}\s\d{4}\s\d{2}:\d{2}(?::\d{2})?(?:\s|$)/;
/** Longest row read (each incident of a row reads it once). */
const MAX_ROW = 20_000;
const DOMAIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.){1,10}[A-Za-z]{2,63}$/;

/**
 * The header's separator: a tab (a table of a web page copied from the browser, a cell per tab: cPanel's
 * Track Delivery report, as mailcow's log table, mailcow-ui-row.ts), a comma, or a semicolon in a header
 * without commas (a spreadsheet set to French or German writes `Date;Email;Statut;Erreur`, the comma
 * being its decimal mark).
 */
function separatorOf(header: string): string | null {
  if (header.includes('\t')) return '\t';
  if (header.includes(',')) return ',';
  return header.includes(';') ? ';' : null;
}

/** The header's columns by text: read once, though every incident of the file asks. */
const headers = new WeakMap<SourceText, Columns | null>();

function headerColumns(source: SourceText): Columns | null {
  let columns = headers.get(source);
  if (columns === undefined) {
    columns = readHeader(source);
    headers.set(source, columns);
  }
  return columns;
}

/** The columns the file's header names, or null when its first line is no CSV header. */
function readHeader(source: SourceText): Columns | null {
  // (A copied table's first cell may be empty, an icon's: its tab is kept. A W3C-style log's `#Fields:`
  // directive names its columns below its other directives.)
  const first = (fieldsDirective(source) ?? source.line(1)).replace(/^ +/, '').trimEnd();
  if (!mayBeHeaderRow(first)) return null;
  const separator = separatorOf(first);
  if (!separator) return null;
  const columns = columnsOf(cellsOf(first, separator), separator);
  if (columns.count < 3 || (columns.date < 0 && columns.recipient < 0)) return null;
  return columns;
}

/**
 * A row's cells: a copied table's are cut at each tab (a browser quotes none), a Markdown table's at its
 * pipes (markdown-table.ts), a CSV file's as CSV.
 */
function cellsOf(row: string, separator: string): string[] {
  if (separator === '|') return markdownCells(row);
  return separator === '\t' ? row.split('\t') : parseCsvRow(row, separator);
}

/**
 * True when the text opens with the header of a table copied from a web page (its cells separated by
 * tabs, naming a date or recipient column): its rows are read as rows, even when a row quotes a notice's
 * words (cPanel's Track Delivery: `SMTP error from remote mail server after ...`).
 */
export function isCopiedTable(source: SourceText): boolean {
  return headerColumns(source)?.separator === '\t';
}

/**
 * The header of the copied table the row at `line` belongs to, wherever it is (a table pasted under a few
 * words): the nearest line above, among the table's tab-separated lines, that names a reply column and a
 * record's own (its recipient, cPanel's `Out Time`, Webmin's `Mail ID`).
 */
function tableHeaderAbove(source: SourceText, line: number): Columns | null {
  for (let above = line - 1; above >= Math.max(1, line - MAX_TABLE_ROWS); above--) {
    const text = source.line(above);
    if (text.trim() === '' || !text.includes('\t')) return null;
    if (!mayBeHeaderRow(text)) continue;
    const columns = columnsOf(text.split('\t'), '\t');
    if (columns.count >= 3 && columns.replies.length > 0 && (columns.recipient >= 0 || columns.record))
      return columns;
  }
  return null;
}

/**
 * Fills the incident's empty date, sending domain and remote, and its recipient, from its row's columns:
 * under the text's first line as the CSV reader reads it, or (`copiedTable`) under a copied table's
 * header, wherever it is, for a refusal any reader found in its row, or (`markdown`) under a Markdown
 * table's. Returns the fields it filled.
 */
function fillFromRow(
  incident: Incident,
  source: SourceText,
  options: ExtractOptions,
  table: 'csv' | 'copied' | 'markdown',
): FieldName[] {
  // (A Markdown table's row is read as a copied table's: its reply in the reply column.)
  const copiedTable = table !== 'csv';
  const filled: FieldName[] = [];
  const line = incident.sources.reply?.line;
  if (!line || line < 2 || line > source.lineCount) return filled;
  const columns =
    table === 'markdown'
      ? markdownHeader(source, line)
      : copiedTable
        ? tableHeaderAbove(source, line)
        : headerColumns(source);
  if (!columns) return filled;
  const ref: SourceRef = source.ref(line);
  // (A row is a record, not a megabyte: a longer line is read by no column.)
  if (ref.text.length > MAX_ROW) return filled;
  if (table === 'copied' && !ref.text.includes('\t')) return filled;
  const fields = cellsOf(ref.text, columns.separator);
  // A copied table row may lose its empty last cells (an icon's, a button's): the others keep their place.
  const complete =
    fields.length === columns.count || (columns.separator === '\t' && fields.length < columns.count);
  if (!complete) return filled;
  // (A copied table's row has its reply in a reply column, or it is no row of that table.)
  const replyAt = fields.findIndex((cell) => REPLY_CODE.test(cell));
  if (copiedTable && !columns.replies.includes(replyAt)) return filled;
  const value = (at: number) => (at >= 0 ? (fields[at] ?? '').trim() : '');
  const fill = (name: FieldName) => {
    cite(incident, name, ref);
    filled.push(name);
  };
  const written = value(columns.attempt) || value(columns.date);
  // (Marketing Cloud's dates: its fixed zone, written on a date that names none.)
  const date = columns.sfmc && ZONELESS_YEAR_FIRST.test(written) ? `${written}${SFMC_ZONE}` : written;
  const parsed = incident.occurredAt ? null : rowDate(date, options, copiedTable);
  if (parsed) {
    incident.occurredAt = parsed.iso;
    fill('occurredAt');
    if (date !== written) incident.assumptions = [...incident.assumptions, SFMC_CST_NOTE];
    else if (!parsed.hadZone)
      incident.assumptions = [...incident.assumptions, NOTES.noZone(options.assumeZone?.trim() || 'UTC')];
  } else if (!incident.occurredAt && SLASHED_NUMBERS.test(date) && !saysAmbiguous(incident)) {
    // Left empty, with the reason: the date is there but may be read either way round.
    incident.assumptions = [...incident.assumptions, NOTES.ambiguousRowDate(date)];
  }
  // The row's own column wins over a recipient read elsewhere: on another line (the row above's, whose
  // address comes after its reply and so right before this row's), or on this one from another column
  // (`date,from,to,...`: the sender's address, first on the line).
  // (Marketing Cloud's data view names the bounced address's domain only, in `Domain`.)
  const sfmcDomain = columns.sfmc && DOMAIN.test(value(columns.domain)) ? value(columns.domain) : '';
  const recipient = domainOf(value(columns.recipient)) ?? (sfmcDomain.toLowerCase() || null);
  if (recipient && recipient !== incident.recipientDomain) {
    incident.recipientDomain = recipient;
    incident.sources = { ...incident.sources, recipientDomain: ref };
    filled.push('recipientDomain');
  } else if (recipient && !copiedTable) {
    incident.sources = { ...incident.sources, recipientDomain: ref };
  }
  // A public address, not Orange's, the delivery went from; and the server's it went to.
  const from = normalizeIp(value(columns.sendingIp));
  if (from && incident.sendingIps.length === 0 && !isNonPublicIp(from) && !isOrangeIp(from)) {
    incident.sendingIps = [from];
    fill('sendingIps');
  }
  const to = normalizeIp(value(columns.remoteIp));
  if (to && !incident.remoteIp) {
    incident.remoteIp = to;
    fill('remoteIp');
  }
  const host = value(columns.remoteHost).toLowerCase().replace(/\.$/, '');
  if (host && !incident.remoteHost && isHostName(host)) {
    incident.remoteHost = host;
    fill('remoteHost');
  }
  // A `Domain` is the sender's (cPanel's) unless it is the recipient's: Marketing Cloud's, or the row's
  // recipient's own domain.
  const domain = value(columns.domain);
  const recipientsDomain = columns.sfmc || domain.toLowerCase() === (recipient ?? incident.recipientDomain);
  const sender =
    value(columns.senderDomain) || domainOf(value(columns.sender)) || (recipientsDomain ? '' : domain);
  if (!incident.sendingDomain && DOMAIN.test(sender)) {
    incident.sendingDomain = sender.toLowerCase();
    fill('sendingDomain');
  }
  return filled;
}

/**
 * A date written with its year: year first or its month named (RFC 5322), as an export writes it; in a
 * panel's table read after every reader (`asShown`), also as the panel shows it to its user, the month
 * first (cPanel's `Dec 3, 2026 4:12:55 PM`). Null for a yearless one (Webmin's `Thu Dec 3 16:12:55`) or
 * one in numbers only (`3/12/24`: either order).
 */
function rowDate(date: string, options: ExtractOptions, asShown: boolean) {
  if (YEAR_FIRST.test(date))
    return parseDateIn(
      date.replace(/^(\d{4})\/(\d{2})\/(\d{2})/, '$1-$2-$3').replace(' ', 'T'),
      options.assumeZone,
    );
  if (NAMED_MONTH.test(date)) return parseDateIn(date, options.assumeZone);
  const shown = asShown && /^[A-Za-z]/.test(date) && /\b\d{4}\b/.test(date);
  return shown ? clientDateIn(date, options.assumeZone) : null;
}

/**
 * A date in numbers with slashes (`3/12/24, 10:14:57 AM` in a copied cPanel Track Delivery table, `03/04/2024
 * 09:12` in an export): month/day in an American interface, day/month in a European one. cPanel's
 * documentation of Track Delivery and WHM's Mail Delivery Reports says only what `Sent Time` holds (the
 * date and time the user sent the message), not how it is written; only WHM's search form is said to take
 * MM/DD/YYYY, which is the form's, not the table's.
 */
const SLASHED_NUMBERS = /^\d{1,2}\/\d{1,2}\/\d{2}(?:\d{2})?\b/;
/** A year-first date that names no zone. */
const ZONELESS_YEAR_FIRST = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?$/;

const saysAmbiguous = (incident: Incident) => incident.assumptions.some((a) => a.code === 'date.ambiguous');

/** Fills the incident's empty fields, and its recipient, from its row under the text's first line. */
export function fillFromCsvRow(incident: Incident, source: SourceText, options: ExtractOptions): void {
  fillFromRow(incident, source, options, 'csv');
  if (!incident.occurredAt) fillFromRow(incident, source, options, 'markdown');
}

/**
 * Fills `incident` (a copy: its arrays and sources are replaced, not changed) from the row of a table
 * copied from a panel it was read from, whichever reader read it; returns the fields it filled.
 */
export function fillFromTableRow(
  incident: Incident,
  source: SourceText,
  options: ExtractOptions,
): FieldName[] {
  incident.sources = { ...incident.sources };
  return fillFromRow(incident, source, options, 'copied');
}
