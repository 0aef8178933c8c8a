/**
 * A qmail notice whose failed recipient carries only the exit status of the program that delivered to the
 * mailbox and its words (`<rcpt>:` / `child status 100...The e-mail message could not be delivered because
 * the user's mailfolder is full.`, GoDaddy's qmail, Sisimai's lhost-x4-01). In qmail an exit status is how
 * a delivery program of the mailbox's own machine reports (dot-qmail(5): 100 is a permanent failure, the
 * message bounced; 111 a temporary one); a remote server's refusal comes through qmail-remote, which
 * reports by its words instead, naming the server and quoting its reply (qmail-remote(8); qmail-send's
 * notice: `Connected to 192.0.2.1 but …`, `192.0.2.1 does not like recipient.` / `Remote host said: 550
 * …`). A status line with none of those below the recipient: no server replied over SMTP.
 *
 * The same holds for the words of vpopmail's vdelivermail, the program a `.qmail-default` file pipes a
 * virtual domain's mail to on qmail's own machine, under the recipient (`vdelivermail: account is locked
 * email bounced <rcpt>`, Sisimai's lhost-qmail-10, found by left62): its name starts its line, and no
 * exit status is given.
 */

/** qmail's line for a failed recipient: the address in angle brackets, then `:` alone. */
export const QMAIL_RECIPIENT = /^<[^\s<>]{1,320}@[^\s<>]{1,253}>:\s*$/;
/** The delivery program's exit status, then its words. */
export const CHILD_STATUS = /^child status (\d{1,3})\.{3}\s{0,2}(\S.{0,500})$/;
/** The words of a local delivery program that names itself (vpopmail's vdelivermail). */
const LOCAL_PROGRAM = /^vdelivermail: \S.{0,500}$/;
/** qmail-remote's words, or an address: a remote server was involved. */
const REMOTE_WORDS =
  /Remote host said|Connected to|does not like recipient|Giving up on|couldn't find any host|\b\d{1,3}(?:\.\d{1,3}){3}\b|\b[245]\d\d[\s-]/i;

export interface QmailChildStatus {
  /** The exit status (`100`), or null for a program that gave its words only (vdelivermail). */
  status: string | null;
  /** The program's words, their lines joined. */
  words: string;
}

/**
 * The status and words under the recipient line `lines[at]`, to the block's end (a blank line), when
 * none of its lines names a remote server; else null.
 */
export function childStatusBelow(lines: readonly string[], at: number): QmailChildStatus | null {
  if (!QMAIL_RECIPIENT.test(lines[at] ?? '')) return null;
  const below = lines[at + 1] ?? '';
  const first = CHILD_STATUS.exec(below);
  if (!first && !LOCAL_PROGRAM.test(below)) return null;
  const words = [first ? (first[2] as string) : below.trim()];
  for (let k = at + 2; k < lines.length && k < at + 12; k++) {
    const line = (lines[k] as string).trim();
    if (line === '') break;
    words.push(line);
  }
  const text = words.join(' ');
  return REMOTE_WORDS.test(text) ? null : { status: first ? (first[1] as string) : null, words: text };
}

/** The first failed recipient's child status in a notice's first lines, or null. */
export function qmailChildStatus(lines: readonly string[]): QmailChildStatus | null {
  const n = Math.min(lines.length, 300);
  for (let i = 0; i < n; i++) {
    const found = childStatusBelow(lines, i);
    if (found) return found;
  }
  return null;
}
