/**
 * The host an old Sendmail wrote its notice on, when neither a Reporting-MTA nor a sentence of the notice
 * names it. Sendmail 5 stamps a message made on the host itself with a Received field naming that host
 * alone, `Received: by mx5.example.com; (5.65/1.37) id 0000000;` (no `from`: no client handed it over),
 * and its notice's Message-Id ends with the same name, `<0000000000.0000000@mx5.example.com>`. The
 * `Transcript of session follows` below is that host's own account of its delivery attempts: a line
 * naming another destination (`421 example.com (smtp)... Deferred: Connection timed out during user open
 * with example.com`, `While talking to mx.example.org:`) shows it was the client of the attempt, the
 * host the remote saw or would have seen, whatever domain its name is in.
 * (Shape of Sisimai's set-of-emails, lhost-v5sendmail-01 to -07.)
 */
import { type Field, fieldValue, isHostName } from './header-block';
import { SENDMAIL_HOST_LINE } from './sendmail-v5-lines';

/** `Received: by HOST; ...`: the whole of the hop's route is its receiving host. */
const BY_ALONE = /^\s{0,8}by\s{1,8}([A-Za-z0-9][A-Za-z0-9.-]{0,252})\s{0,8};/i;
const MESSAGE_ID_HOST = /@([A-Za-z0-9][A-Za-z0-9.-]{0,252})>\s{0,8}$/;
const TRANSCRIPT = /^\s{0,8}-{3,8} Transcript of session follows -{3,8}\s{0,8}$/i;
const TALKING_TO = /^\s{0,8}While talking to ([A-Za-z0-9][A-Za-z0-9.-]{0,252}?)\.?:\s{0,8}$/i;
const DESTINATION = /^\s{0,8}[245]\d\d ([A-Za-z0-9.-]{1,253}) \(/;

/** The host a Sendmail 5 notice was written on and the Received field naming it, or null. */
export function sendmailNoticeHost(
  top: readonly Field[],
  bodyLines: readonly string[],
): { host: string; field: Field } | null {
  let lowest: Field | null = null;
  for (const field of top) if (field.name === 'received') lowest = field;
  const host = lowest ? BY_ALONE.exec(lowest.value)?.[1]?.replace(/\.$/, '').toLowerCase() : undefined;
  if (!lowest || !host || !isHostName(host)) return null;
  const id = fieldValue(top, 'message-id');
  if (MESSAGE_ID_HOST.exec(id?.value.trim() ?? '')?.[1]?.toLowerCase() !== host) return null;
  return triedAnotherHost(bodyLines, host) ? { host, field: lowest } : null;
}

/** The transcript (in the first 500 lines) names a destination other than `host` that it tried. */
function triedAnotherHost(lines: readonly string[], host: string): boolean {
  const n = Math.min(lines.length, 500);
  let inTranscript = false;
  for (let i = 0; i < n; i++) {
    const line = lines[i] as string;
    if (line.length > 600) continue;
    if (!inTranscript) {
      inTranscript = TRANSCRIPT.test(line);
      continue;
    }
    const tried =
      TALKING_TO.exec(line)?.[1] ?? (SENDMAIL_HOST_LINE.test(line) ? DESTINATION.exec(line)?.[1] : null);
    if (tried && tried.replace(/\.$/, '').toLowerCase() !== host) return true;
  }
  return false;
}
