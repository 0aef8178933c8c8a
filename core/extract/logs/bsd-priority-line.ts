/**
 * A classic syslog line as FreeBSD's syslogd writes it with `-v` (the facility and level as numbers) or
 * `-vv` (as names), between the stamp and the host: `Jan 21 19:06:28 <mail.info> mx1 postfix/smtp[812]:
 * ...` (syslogd(8); a FreeBSD sample, `Jan 21 19:06:28 <mail.info> xyz dovecot: imap-login: ...`, in the
 * punnsilm log monitor's example configuration), `Jan 21 19:06:28 <2.6> mx1 postfix/smtp[812]: ...`.
 * Read as the classic line it is without them; tried only when that line was not recognised.
 */
import { parseSyslog, type SyslogLine } from './syslog';

const STAMP_THEN_PRIORITY =
  /^([A-Za-z\u00e4\u00e9\u00fb]{3,5}\.? {1,2}\d{1,2} \d\d:\d\d:\d\d(?:\.\d{1,6})?) <(?:[a-z]{2,8}[0-7]?\.[a-z]{3,7}|\d{1,2}\.[0-7])> (?=\S)/;

/** The classic line behind FreeBSD's `<facility.level>`, or null when `text` is none. */
export function parseBsdPriorityLine(text: string): SyslogLine | null {
  const m = STAMP_THEN_PRIORITY.exec(text);
  return m ? parseSyslog(`${m[1]} ${text.slice(m[0].length)}`) : null;
}
