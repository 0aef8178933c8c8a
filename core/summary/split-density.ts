/**
 * How much a worker's segment would hold for each byte of log it reads, judged on the log's start: a
 * log made of nothing but failed deliveries (`grep status= mail.log`, a search export filtered on
 * refusals) records an event of several hundred bytes for each line of a few hundred, so a worker's
 * budget (split-scan.ts) stops it after a few MB, having held that budget (and a second thread) while
 * this thread read its whole part: the memory of two threads for the speed of one. Measured on a 200 MB
 * log of Postfix delivery lines only (bench/refusal-lines-log.ts): ~3.9 bytes held per byte read, the
 * worker stopped 3 MB into its 96 MB, 215-237 MB at peak against 182 MB on one thread; on
 * generate-postfix.ts's log dense in refusals, 0.27.
 */
import { createLogScanner } from '../extract/logs';

/**
 * Bytes held per character of the log's first 64 KB from which a log is read on one thread. The start
 * of a log overstates what a whole segment holds (its first lines' queue ids are all unknown to the
 * segment): measured on the first 64 KB, 4.0 on the delivery-lines-only log above (3.9 over the
 * worker's 3 MB), 1.23 on generate-postfix.ts's log (0.27 over a whole segment) and 1.18 on
 * bench/large-log.bench.ts's, both of which a worker reads far into.
 */
export const DENSE_SEGMENT_RATIO = 2;

/** The bytes a segment scanner records for each character of `lines` (the log's start, whole lines). */
export function segmentRatio(lines: string[]): number {
  const scanner = createLogScanner({ keep: 'none', segment: true });
  let chars = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    chars += line.length + 1;
    scanner.push(line, i + 1);
  }
  return chars === 0 ? 0 : scanner.segmentBytes / chars;
}
