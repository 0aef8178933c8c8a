/**
 * 1&1's and IONOS's notice (`SMTP error from remote server for RCPT TO command, host: aspmx.l.google.com
 * (142.250.123.27) reason: 550-5.2.1 ...`) cuts each line of the remote's reply every 74 characters,
 * wherever the cut falls: `... is disabled. Learn mor` / `e at` / `550 5.2.1  https://... h16si851737uar.`
 * / `253 - gsmtp` (Dada Mail's bounces-disabled.eml, 2021, for Gmail's two-line 550 5.2.1). A piece of
 * exactly 74 characters goes on, as it was, on the next line; a shorter one was the end of a reply line
 * (a cut that fell right after a space leaves 74 characters with the space, 73 when a copy dropped it:
 * the project's audit7/oneandone-notice-header-line.txt, where Orange's `OFR_416 [416]` follows).
 */
const CUT_WIDTH = 74;
/** The notice's own lines after a reply: the next recipient's, the returned copy's marker. */
const NOTICE_GOES_ON = /^(?:---|[^\s@]{1,64}@[^\s@]{1,253}:\s*$)/;

/** The remote's reply after `reason: ` with the pieces 1&1 cut joined again, each reply line on its own. */
export function joinIonosCuts(reply: string): string {
  const lines = reply.split('\n');
  // A reply line of exactly 74 characters ends there: the next one starts with the reply's own code,
  // or the notice goes on (the next recipient's `address:` line, `--- The header of the original ...`).
  const code = /^[245]\d\d(?=[ -])/.exec(lines[0] ?? '')?.[0];
  const out: string[] = [];
  let previous = -1;
  for (const line of lines) {
    const ownLine =
      line.trim() === '' ||
      NOTICE_GOES_ON.test(line) ||
      (code !== undefined && line.startsWith(code) && /^[ -]/.test(line.slice(3)));
    // A piece a little short of 74 was cut after spaces the paste dropped at its end (`... their network
    // is on ` / `our block list (S3150)`, Microsoft's S3150 reply in such a notice): it goes on too, after
    // the space it lost.
    const joiner =
      previous === CUT_WIDTH ? '' : previous >= CUT_WIDTH - 3 && previous < CUT_WIDTH ? ' ' : null;
    if (joiner !== null && !ownLine) out[out.length - 1] += `${joiner}${line}`;
    else out.push(line);
    previous = line.length;
  }
  return out.join('\n');
}
