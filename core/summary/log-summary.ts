/**
 * A log line by line in, its summary out: the streaming log scanner (core/extract/logs) keeping no
 * incident itself, each incident handed to the summariser. Shared by the UI's worker, the CLI and the
 * benchmark.
 */
import { createLogScanner, type LogScanCounts, type LogSegment } from '../extract/logs';
import type { ExtractOptions, InputFormat, Note } from '../types';
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

export function createLogSummary(options: ExtractOptions & SummaryOptions = {}): LogSummarySession {
  const summary = createIncidentSummary(options);
  let incidents = 0;
  let orangeIncidents = 0;
  const scanner = createLogScanner({
    ...options,
    keep: 'none',
    onIncident(incident) {
      incidents += 1;
      if (incident.isOrange) orangeIncidents += 1;
      summary.add(incident);
    },
  });
  return {
    push: (line, lineNo) => scanner.push(line, lineNo),
    pushText: (text) => scanner.pushText(text),
    addTruncatedLines: (n) => scanner.addTruncatedLines(n),
    absorb: (segment) => scanner.absorb(segment),
    finish() {
      const scan = scanner.finish();
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
