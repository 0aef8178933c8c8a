/**
 * A notice whose server gives only its own reason for a recipient of its own, under the heading its
 * software writes for it, and quotes no other server's reply: the mailbox is one it delivers to itself,
 * the message having been accepted, so no server refused it over SMTP.
 * - Biglobe's notice: `----- Non-delivered information -----`, then its reason (`The number of messages
 *   in recipient's mailbox exceeded the local limit.`, Sisimai's lhost-biglobe-01).
 * - Gmail's older notice: `Technical details of permanent failure:`, then its reason (`Storage quota
 *   exceeded`, Sisimai's lhost-gmail-19), where a remote's refusal reads `Google tried to deliver your
 *   message, but it was rejected by the server for the recipient domain ...` and quotes its reply, and a
 *   failed connection `The recipient server did not accept our requests to connect.` (read first, by
 *   connection-failure.ts).
 * - Lotus Notes (Domino): `------- Failure Reasons  --------`, then its reason (`User  not listed in
 *   public Name & Address Book`, a Japanese `ディレクトリのリストにありません`, Sisimai's lhost-notes-02,
 *   -03), then the failed address on a line of its own, where the reason ends.
 * - Lotus Domino's plain notice: `was not delivered to:`, the address, then `because:` on a line of its own
 *   above its reason (`User some.name (a@example.jp) not listed in Domino Directory`, Sisimai's
 *   lhost-domino-01, found by audit65); a remote's refusal there reads `Error transferring to X; SMTP
 *   Protocol Returned a Permanent Error 550 ...` and holds its code.
 * A reason with a reply code, an IP address, those sentences or words of routing or connecting in it
 * (the sending server's own failure to reach a remote) is no reason of its own.
 */

/** The heading lines the reason follows. */
const HEADINGS = [
  /^\s{0,8}-{3,9}\s?Non-delivered information\s?-{3,9}\s*$/,
  /^\s{0,8}Technical details of (?:permanent|temporary) failure:\s*$/,
  /^\s{0,8}-{3,9}\s?Failure Reasons\s{0,3}-{3,9}\s*$/,
  /^\s{0,8}because:\s*$/,
];

/** An address alone on its line (Notes' failed recipient under its reason): the reason has ended. */
const ADDRESS_LINE = /^<?[^\s@<>]{1,64}@[^\s@<>]{1,253}>?$/;

/** Words a remote server's reply or an attempt to reach it would show. */
const REMOTE_WORDS =
  /\b[245]\d\d[\s-]|\b\d{1,3}(?:\.\d{1,3}){3}\b|Google tried|did not accept|rejected by|said:|returned was|\broute\b|connect|DNS|lookup|resolv|timed? ?out/i;

/** Lines looked through, and the reason's lines at most. */
const SCAN = 300;
const MAX_REASON_LINES = 3;

/** The server's own reason under its heading in the notice's first lines, its lines joined; or null. */
export function receiverOwnReason(lines: readonly string[]): string | null {
  const n = Math.min(lines.length, SCAN);
  for (let i = 0; i < n; i++) {
    if (!HEADINGS.some((heading) => heading.test(lines[i] as string))) continue;
    let k = i + 1;
    while (k < lines.length && k < i + 3 && (lines[k] as string).trim() === '') k++;
    const words: string[] = [];
    for (; k < lines.length && words.length < MAX_REASON_LINES; k++) {
      const line = (lines[k] as string).trim();
      if (line === '' || line.startsWith('--') || ADDRESS_LINE.test(line)) break;
      words.push(line);
    }
    const reason = words.join(' ');
    if (reason === '' || reason.length > 300 || REMOTE_WORDS.test(reason)) return null;
    return reason;
  }
  return null;
}
