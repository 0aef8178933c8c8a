/**
 * Cisco IronPort (AsyncOS, also Amazon SES's DSNs of 2011, which it wrote) quotes the remote's reply
 * inside its own status in its notices and their Diagnostic-Code:
 *
 *     5.3.0 - Other mail system problem 550-'SPF check failed [... IP: 203.116.38.243]. http://...' (delivery attempts: 0)
 *     5.1.0 - Unknown address error 554-'5.4.0 Error: too many hops'
 *     5.1.0 - Unknown address error 550-"5.1.1 The email account ... Please try\n5.1.1 double-checking ... - gsmtp"
 *
 * Its enhanced code and words before the reply are its own classing, the dash after the code and the
 * quotes are its writing, `(delivery attempts: N)` its count: the remote said `550 SPF check failed
 * [...]`. The quotes count only with IronPort's status before them or its count after them, and when the
 * closing quote ends the text (a reply of the remote's own that opens with a quote is left as it is).
 */

/** IronPort's status, then the remote's code, IronPort's dash and its opening quote. */
const HEAD = /(?:^|\s)([245]\.\d{1,3}\.\d{1,3}\s{1,2}-\s{1,2}[A-Za-z][A-Za-z ]{0,60}\s)?([245]\d\d)-(['"])/;
/** The closing quote, then IronPort's count of attempts, at the end of the text. */
const TAIL = /(['"])(\s{0,4}\(delivery attempts:\s{0,2}\d{1,6}\))?$/;

/** The remote's reply inside IronPort's status (`550 SPF check failed ...`), or null when not so wrapped. */
export function ironPortInnerReply(text: string): string | null {
  if (!text.includes("-'") && !text.includes('-"')) return null;
  const head = HEAD.exec(text);
  if (!head?.[2]) return null;
  const from = head.index + head[0].length;
  const tail = TAIL.exec(text.slice(from).trimEnd());
  if (!tail || tail[1] !== head[3] || (!head[1] && !tail[2])) return null;
  const inner = text.slice(from, from + tail.index).trim();
  return inner ? `${head[2]} ${inner}` : null;
}
