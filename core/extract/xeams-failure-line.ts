/**
 * Xeams' OutboundAuditTrailFailure.log, as Synametrics documents it (https://www.xeams.com/outbound-failure-log.htm):
 *
 *     2020-12-28 15:30:23,390 - [ 5862768] 123.45.67.890,john@mycompany.com,sales@synametrics.com,5878,[Failure reason: ...
 *
 * the time, the connection's LCID in brackets, then "the IP address or hostname of the recipient's SMTP
 * server followed by the recipient address and the sender address", then the reason. The third field is
 * the sender: no word labels it, only its place on the line.
 */

const FAILURE_LINE =
  /^\s{0,4}\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} - \[\s{0,12}\d{1,12}\] [^,\s]{1,255},[^,\s@]{1,64}@[^,\s@]{1,253},([^,\s@]{1,64}@[A-Za-z0-9.-]{1,253}[A-Za-z0-9]),\d{1,12},\[Failure reason: /;

/** The sender Xeams' failure line names third, or null for any other line. */
export function xeamsFailureSender(line: string): string | null {
  if (!line.includes(',[Failure reason: ')) return null;
  return FAILURE_LINE.exec(line.slice(0, 2000))?.[1] ?? null;
}
