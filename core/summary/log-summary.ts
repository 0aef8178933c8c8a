/**
 * A log line by line in, its summary out: the streaming log scanner (core/extract/logs) keeping no
 * incident itself, each incident handed to the summariser. Shared by the UI's worker, the CLI and the
 * benchmark. While the log's first lines may still show the year and zone its syslog stamps lack
 * (log-clocks.ts), the incidents that assumed them are held (MAX_HELD at most), then dated and summarised
 * in the order they came. `journalctl -o export` (a unit's journal exported whole, `journalctl -u postfix -o
 * export > x`) is read entry by entry as the log lines its entries stand for (journal-export.ts), as extract
 * reads it: one entry held at a time; so are `journalctl -o verbose` (journal-verbose.ts) and a log search
 * tool's CSV export (Graylog's, Splunk's: log-csv-export.ts), one row at a time; a search response or a
 * JSON array (Kibana's, an ESP's export) one hit or element at a time (json-document-records.ts), an
 * ESP's events read as extract reads them (logs/formats/esp-event.ts). A terminal's colours
 * (`grep --color=always`) are removed (colour-strip.ts).
 */
import {
  createJournalExportReader,
  JOURNAL_EXPORT_HINT,
  type JournalExportReader,
} from '../extract/journal-export';
import { createJournalVerboseReader, JOURNAL_VERBOSE_HINT } from '../extract/journal-verbose';
import { createLogCsvReader, isLogExport, LOG_CSV_HINT } from '../extract/log-csv-export';
import { createLineSplitter, createLogScanner, type LogScanCounts, type LogSegment } from '../extract/logs';
import { createJsonDocumentRecords, JSON_DOCUMENT_HINT } from '../extract/logs/json-document-records';
import { type FullHostNames, hasShortSyslogHost, withFullHostName } from '../extract/logs/made-id-host';
import { withSendingIpsMissing } from '../extract/logs/scan-notes';
import type { ExtractOptions, Incident, InputFormat, Note } from '../types';
import { createColourStripper } from './colour-strip';
import { createLateTriggers } from './late-triggers';
import { createClockWatch } from './log-clocks';
import { createIncidentSummary, type SummaryOptions } from './summary';
import type { IncidentSummary } from './types';

export interface LogSummaryResult {
  summary: IncidentSummary;
  counts: LogScanCounts;
  formats: InputFormat[];
  warnings: Note[];
}

export interface LogSummarySession {
  /** One line (no journal export is recognised this way: use pushText). */
  push(line: string, lineNo: number): void;
  /** Decoded text of any size and line ends (scanner.pushText: faster than splitting and push). */
  pushText(text: string): void;
  /** Lines read so far. */
  readonly lines: number;
  /** Over-long lines cut so far. */
  readonly truncatedLines: number;
  /** Lines the splitter cut (reported in the warnings). */
  addTruncatedLines(n: number): void;
  finish(): LogSummaryResult;
  /** The lines after those pushed, scanned as a segment elsewhere (see scanner.absorb); false: push them. */
  absorb(segment: LogSegment): boolean;
  readonly incidents: number;
  readonly orangeIncidents: number;
}

/**
 * Incidents held at most while the watch lasts (its WATCHED_LINES lines hold fewer on most logs); past
 * it they are summarised with the clocks seen so far, and the next are held again. Some 10 MB.
 */
export const MAX_HELD = 5000;

/** Characters of the log's start looked at for journalctl's export format, as extract does (read-paste.ts). */
const HEAD_CHARS = 4096;
/** Characters of the log's start a CSV export's header is looked for in, as extract does (read-paste.ts). */
const CSV_HEADER_CHARS = 512;
/** Characters of the log's start whose rows tell whether a CSV export is one of log lines. */
const CSV_TRIAL_CHARS = 64 * 1024;

/**
 * The reader of the lines the log's start shows to stand for other log lines, as extract reads them
 * (read-paste.ts readRecast, in its order), or null for a log read as it is: a CSV export's whole rows in
 * `head` must be mostly log lines, as logCsvText asks of all of them.
 */
function recastReader(
  head: string,
  whole: boolean,
  onLine: (line: string, lineNo: number) => void,
): JournalExportReader | null {
  if (LOG_CSV_HINT.test(head.slice(0, CSV_HEADER_CHARS))) {
    // The rows that end in the head's first CSV_TRIAL_CHARS (all of a log shorter than that).
    const start = head.slice(0, CSV_TRIAL_CHARS);
    const rows = (
      whole && start.length === head.length ? start : start.slice(0, start.lastIndexOf('\n'))
    ).split(/\r?\n/);
    const trial = createLogCsvReader(() => {});
    for (let i = 0; i < rows.length; i++) trial.line(rows[i] ?? '', i + 1);
    if (isLogExport(trial)) {
      const reader = createLogCsvReader(onLine);
      return { line: reader.line, end() {} };
    }
  }
  const start = head.slice(0, HEAD_CHARS);
  if (JOURNAL_EXPORT_HINT.test(start)) return createJournalExportReader(onLine);
  if (JOURNAL_VERBOSE_HINT.test(start)) return createJournalVerboseReader(onLine);
  return null;
}

/** A date in UTC written with its offset, as extract writes it (after-reading.ts): `+00:00`, not `Z`. */
const withOffset = (date: string | null): string | null =>
  date?.endsWith('Z') ? `${date.slice(0, -1)}+00:00` : date;

/**
 * `onIncident` (for tests and diagnosis) hears of each incident as it is summarised: dated as the summary
 * has it.
 */
export function createLogSummary(
  options: ExtractOptions & SummaryOptions = {},
  onIncident?: (incident: Incident) => void,
): LogSummarySession {
  const summary = createIncidentSummary(options);
  /** The full names of the syslog hosts (made-id-host.ts), seen while the clocks are watched. */
  const names: FullHostNames = new Map();
  const clocks = createClockWatch(options, names);
  const held: Incident[] = [];
  let incidents = 0;
  let orangeIncidents = 0;
  const late = createLateTriggers();
  /** Incidents summarised without a sending IP (the scan's note on them is said again once 999s got one). */
  let withoutIp = 0;
  const summarise = (incident: Incident) => {
    if (incident.sendingIps.length === 0) withoutIp++;
    summary.add(incident);
    onIncident?.(incident);
  };
  const add = (incident: Incident) => {
    clocks.date(incident);
    withFullHostName(incident, names);
    incident.occurredAt = withOffset(incident.occurredAt);
    if (incident.trigger) incident.trigger.occurredAt = withOffset(incident.trigger.occurredAt);
    if (late.hold(incident)) return;
    late.see(incident);
    summarise(incident);
  };
  const release = () => {
    for (const incident of held) add(incident);
    held.length = 0;
  };
  const scanner = createLogScanner({
    ...options,
    keep: 'none',
    // An ESP's export too large to paste: its events read as extract reads them (formats/esp-event.ts).
    espEvents: true,
    onIncident(incident) {
      incidents += 1;
      if (incident.isOrange) orangeIncidents += 1;
      // (A short syslog host waits as well, for a line of the watch to give its full name.)
      const assumed =
        incident.assumptions.some((a) => a.code === 'assumed-year-and-zone') || hasShortSyslogHost(incident);
      if (clocks.watching && (held.length > 0 || assumed)) {
        held.push(incident);
        if (held.length >= MAX_HELD) release();
      } else add(incident);
    },
  });
  /** The watch ended: what it held is summarised. */
  const settle = () => {
    if (!clocks.watching) release();
  };
  /** The log's start, held until HEAD_CHARS tell whether it is a journal export; then null. */
  let head: string | null = '';
  /** A journal export: its lines split here and read as entries (then its lines read so far, and its end). */
  let exported: { push(text: string): void; lines: number; end(): void } | null = null;
  const scanText = (text: string) => {
    if (clocks.watching) clocks.see(text, scanner.lines + 1);
    scanner.pushText(text);
    settle();
  };
  const colours = createColourStripper();
  const read = (text: string) => (exported ? exported.push(text) : scanText(text));
  const route = (chunk: string) => read(colours.strip(chunk));
  /** `whole`: the log ended (its start is all of it). */
  const decide = (whole = false) => {
    if (head === null) return;
    const text = head;
    head = null;
    const reader = recastReader(text, whole, (line, lineNo) => {
      scanner.push(line, lineNo);
      settle();
    });
    if (reader) exported = exportReader(reader);
    else if (JSON_DOCUMENT_HINT.test(text)) exported = documentReader();
    route(text);
  };
  /**
   * The export's entries (or rows) to the scanner as log lines, each numbered by its line in the export
   * (an entry's MESSAGE's).
   */
  const exportReader = (reader: JournalExportReader) => {
    let lines = 0;
    const splitter = createLineSplitter((line, lineNo) => {
      lines = lineNo;
      reader.line(line, lineNo);
    });
    return {
      push: (text: string) => splitter.push(text),
      get lines() {
        return lines;
      },
      end() {
        splitter.end();
        reader.end();
        scanner.addTruncatedLines(splitter.truncatedLines);
      },
    };
  };
  /**
   * A search response or a JSON array (json-document-records.ts): each hit or element to the scanner as
   * one record, numbered by the line it opens on.
   */
  const documentReader = () => {
    const records = createJsonDocumentRecords((record, lineNo) => {
      scanner.push(record, lineNo);
      settle();
    });
    return {
      push: (text: string) => records.push(text),
      get lines() {
        return records.lines;
      },
      end() {
        records.end();
        // A hit too long to be a record is said as a line cut.
        scanner.addTruncatedLines(records.oversized);
      },
    };
  };
  return {
    push(line, lineNo) {
      if (clocks.watching) clocks.see(`${line}\n`, lineNo);
      scanner.push(line, lineNo);
      settle();
    },
    pushText(text) {
      if (head === null) route(text);
      else {
        head += text;
        if (head.length >= HEAD_CHARS) decide();
      }
    },
    addTruncatedLines: (n) => scanner.addTruncatedLines(n),
    absorb(segment) {
      decide();
      // A segment is a log's own lines, never an export's.
      if (exported) return false;
      // The segment's lines were read elsewhere: no clock of theirs is known here.
      clocks.stop();
      release();
      return scanner.absorb(segment);
    },
    finish() {
      decide(true);
      // An escape the input ended on (no sequence): read as it is.
      const rest = colours.flush();
      if (rest) read(rest);
      exported?.end();
      const scan = scanner.finish();
      clocks.stop();
      release();
      // The 999s whose trigger came below them (late-triggers.ts), and the note on the refusals without a
      // sending IP, counted again when some got their trigger's (as extract says it).
      const linked = late.end();
      for (const incident of linked.incidents) summarise(incident);
      const warnings =
        linked.ipsFilled === 0 ? scan.warnings : withSendingIpsMissing(scan.warnings, withoutIp);
      // An export's lines are the file's, not the log lines its entries stand for.
      const counts = exported ? { ...scan.counts, lines: exported.lines } : scan.counts;
      return { summary: summary.result(), counts, formats: scan.formats, warnings };
    },
    get lines() {
      return exported ? exported.lines : scanner.lines;
    },
    get truncatedLines() {
      return scanner.truncatedLines;
    },
    get incidents() {
      return incidents;
    },
    get orangeIncidents() {
      return orangeIncidents;
    },
  };
}
