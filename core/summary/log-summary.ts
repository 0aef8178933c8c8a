/**
 * A log line by line in, its summary out: the streaming log scanner (core/extract/logs) keeping no
 * incident itself, each incident handed to the summariser. Shared by the UI's worker, the CLI and the
 * benchmark. While the log's first lines may still show the year and zone its syslog stamps lack
 * (log-clocks.ts), the incidents that assumed them are held (MAX_HELD at most), then dated and summarised
 * in the order they came.
 */
import { createLogScanner, type LogScanCounts, type LogSegment } from '../extract/logs';
import type { ExtractOptions, Incident, InputFormat, Note } from '../types';
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
  const clocks = createClockWatch(options);
  const held: Incident[] = [];
  let incidents = 0;
  let orangeIncidents = 0;
  const add = (incident: Incident) => {
    clocks.date(incident);
    incident.occurredAt = withOffset(incident.occurredAt);
    if (incident.trigger) incident.trigger.occurredAt = withOffset(incident.trigger.occurredAt);
    summary.add(incident);
    onIncident?.(incident);
  };
  const release = () => {
    for (const incident of held) add(incident);
    held.length = 0;
  };
  const scanner = createLogScanner({
    ...options,
    keep: 'none',
    onIncident(incident) {
      incidents += 1;
      if (incident.isOrange) orangeIncidents += 1;
      const assumed = incident.assumptions.some((a) => a.code === 'assumed-year-and-zone');
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
  return {
    push(line, lineNo) {
      if (clocks.watching) clocks.see(`${line}\n`, lineNo);
      scanner.push(line, lineNo);
      settle();
    },
    pushText(text) {
      if (clocks.watching) clocks.see(text, scanner.lines + 1);
      scanner.pushText(text);
      settle();
    },
    addTruncatedLines: (n) => scanner.addTruncatedLines(n),
    absorb(segment) {
      // The segment's lines were read elsewhere: no clock of theirs is known here.
      clocks.stop();
      release();
      return scanner.absorb(segment);
    },
    finish() {
      const scan = scanner.finish();
      clocks.stop();
      release();
      return {
        summary: summary.result(),
        counts: scan.counts,
        formats: scan.formats,
        warnings: scan.warnings,
      };
    },
    get lines() {
      return scanner.lines;
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
