/**
 * Seconds in brackets at the start of a log line are the time since the host booted in the kernel's
 * ring buffer and `journalctl -o short-monotonic` (`[ 8812.713201] mail postfix/smtp[2231]: ...`), but
 * the seconds since the Unix epoch where a syslog template or a script writes them so (syslog-ng's
 * `${UNIXTIME}` macro, `1733412131` or `1733412131.123` with its fraction digits, put in brackets as
 * Nagios writes its own log, `[1733412131] SERVICE ALERT: ...`). No host stays up for 24 years: a count
 * from 2001 on is the epoch's, in UTC, as long as it is no more than a day past now (a clock slightly
 * ahead); a later one is neither, and the date is left empty.
 */

/** 2001-01-01T00:00:00Z in seconds: 31 years of uptime, which no host has. */
const EPOCH_FLOOR = Date.UTC(2001, 0, 1) / 1000;
const DAY = 86_400;

/** What a bracketed count of seconds is: seconds since boot, a time since the epoch, or neither. */
export function bracketedSecondsKind(seconds: number, now: Date | undefined): 'boot' | 'epoch' | 'neither' {
  if (!(seconds >= EPOCH_FLOOR)) return 'boot';
  const nowSeconds = (now?.getTime() ?? Date.now()) / 1000;
  return seconds <= nowSeconds + DAY ? 'epoch' : 'neither';
}
