/**
 * MTA logs to incidents: the module's entry. The streaming scanner is scanner.ts (createLogScanner);
 * extractFromLog and scanLogText scan a whole text at once.
 */
import type { ExtractionResult, ExtractOptions } from '../../types';
import { firstLines } from '../first-lines';
import { MAX_LINES as JOURNAL_LINES, withJournalSpan } from './journal-header-clock';
import { withFullHostNames } from './made-id-host';
import { MAX_LINES as MESSAGE_ID_LINES, withHostClocks } from './message-id-clock';
import { MAX_LINES as PMG_LINES } from './pmg-tracker-clock';
import { withoutSameRefusalTwice } from './same-refusal-two-mtas';
import { withSendingIpsMissing } from './scan-notes';
import { createLogScanner } from './scanner';
import type { LogScanOptions, LogScanResult } from './scanner-api';
import { withTriggersBelow } from './trigger-below';

export { detectLogFormat } from './detect';
export { createLineSplitter, type LineSplitter } from './lines';
export { createLogScanner } from './scanner';
export type { LogScanCounts, LogScanner, LogScanOptions, LogScanResult } from './scanner-api';
export type { LogSegment } from './segment';

/** Lines the passes after a scan look at, each from the log's start (its clocks, hosts, journal headers). */
const PASSES_LINES = Math.max(MESSAGE_ID_LINES, JOURNAL_LINES, PMG_LINES);

/** Whole-text convenience: splits CRLF/LF/CR lines itself and scans them. */
export function extractFromLog(text: string, options: ExtractOptions = {}): ExtractionResult {
  // One refusal two MTAs of the paste logged (same-refusal-two-mtas.ts) is one incident.
  const result = withoutSameRefusalTwice(scanLogText(text, options));
  // The passes below read the text's first lines again: split once, when one of them needs them.
  let lines: readonly string[] | null = null;
  const linesOf = () => {
    lines ??= firstLines(text, PASSES_LINES);
    return lines;
  };
  // A Postfix-made Message-ID gives its host's year and zone (message-id-clock.ts).
  withHostClocks(result.incidents, text, linesOf);
  // … and its host's full name, where syslog wrote the short one (made-id-host.ts).
  withFullHostNames(result.incidents, text, linesOf);
  // journalctl's `-- Logs begin at …, end at … --` line gives the year and zone of its lines.
  withJournalSpan(result.incidents, text, options.assumeZone, linesOf);
  // A 999 whose trigger is printed below it (grep over rotated logs, newest file first); the note on the
  // rejections without a sending IP counts again those it gave one.
  if (withTriggersBelow(result.incidents) === 0)
    return { incidents: result.incidents, warnings: result.warnings };
  const withoutIp = result.incidents.filter((i) => i.sendingIps.length === 0).length;
  return { incidents: result.incidents, warnings: withSendingIpsMissing(result.warnings, withoutIp) };
}

/** Like extractFromLog, with the counts. */
export function scanLogText(text: string, options: LogScanOptions = {}): LogScanResult {
  const scanner = createLogScanner(options);
  scanner.pushText(text);
  return scanner.finish();
}
