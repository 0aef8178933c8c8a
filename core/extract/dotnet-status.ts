/**
 * .NET's System.Net.Mail drops the basic code of the reply it quotes and writes, instead, the words of
 * its status for that code before `The server response was: ...` (`Mailbox unavailable. The server
 * response was: 5.7.1 Service refuse ...`). The words give the code back. Source: the SmtpStatusCode
 * values and their messages in dotnet/runtime (src/libraries/System.Net.Mail, Strings.resx).
 * `Mailbox unavailable.` is the message of both 450 (MailboxBusy) and 550 (MailboxUnavailable): the
 * enhanced code's class decides, and without one the code stays unknown.
 */

const STATUS_WORDS: readonly [words: string, code: number | 'mailbox'][] = [
  ['Service not available, closing transmission channel.', 421],
  ['Mailbox unavailable.', 'mailbox'],
  ['Error in processing.', 451],
  ['Insufficient system storage.', 452],
  ['Client does not have permission to submit mail to this server.', 454],
  ['Syntax error, command unrecognized.', 500],
  ['Syntax error in parameters or arguments.', 501],
  ['Command not implemented.', 502],
  ['Bad sequence of commands.', 503],
  ['Command parameter not implemented.', 504],
  ['User not local; please try a different path.', 551],
  ['Exceeded storage allocation.', 552],
  ['Mailbox name not allowed.', 553],
  ['Transaction failed.', 554],
  // The same in .NET's Chinese (Simplified) resources.
  ['事务失败。', 554],
];

/** .NET's marker, right after its status words (in English, or in Chinese: `服务器响应为:`). */
const MARKER = /^(?:The server response was\b|服务器响应为)/;

export interface DotnetStatus {
  code: number;
  /** .NET's words, as written before the marker. */
  words: string;
}

/** The status words .NET wrote before its marker, when the marker found (`marker`) is .NET's. */
function statusBefore(before: string, marker: string): (typeof STATUS_WORDS)[number] | null {
  if (!MARKER.test(marker)) return null;
  const tail = before.trimEnd();
  return STATUS_WORDS.find(([words]) => tail.endsWith(words)) ?? null;
}

/**
 * The code .NET's words give, when the quote marker found (`marker`) is .NET's and the text before it
 * (`before`) ends with them; `enhanced` is the quoted reply's enhanced code, if any.
 */
export function dotnetStatus(before: string, marker: string, enhanced: string | null): DotnetStatus | null {
  const status = statusBefore(before, marker);
  if (!status) return null;
  const [words, code] = status;
  if (code !== 'mailbox') return { code, words };
  const klass = enhanced?.charAt(0);
  return klass === '4' ? { code: 450, words } : klass === '5' ? { code: 550, words } : null;
}

/**
 * True when the quote marker is .NET's and its status words stand before it, whatever the code: .NET
 * throws its SmtpException only for a refusal (`Mailbox unavailable.` is 450 or 550, so without an
 * enhanced code the code stays unknown, but the reply is a refusal all the same).
 */
export function isDotnetRefusal(before: string, marker: string): boolean {
  return statusBefore(before, marker) !== null;
}
