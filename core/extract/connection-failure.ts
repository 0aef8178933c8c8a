/**
 * A bounce that reports no reply at all: the sending MTA never spoke SMTP with the remote (its
 * connection was refused or timed out, the name did not resolve, the line dropped before the greeting).
 * Its Diagnostic-Code then holds the MTA's own words, which are no reply of the remote's: quoting them
 * to Orange's abuse desk as "the SMTP reply" would be wrong, so a note says so. Wordings as the MTAs
 * write them (Postfix's X-Postfix diagnostics, qmail's `Sorry, I wasn't able to establish an SMTP
 * connection`, Sendmail's `Deferred: Connection timed out with ...`, Amazon SES's `Bad destination
 * host`, Exim's MX wording).
 */
const NO_REPLY =
  /\b(?:connect to \S{1,300}: (?:Connection (?:timed out|refused)|No route to host|Network is unreachable|Operation timed out)|Connection (?:timed out|refused) (?:with|by) |lost connection with \S{1,300} while (?:receiving the initial server greeting|performing the EHLO handshake)|conversation with \S{1,300} timed out while receiving the initial server greeting|Host or domain name not found|Name service error for|Host unknown \(Name server|wasn't able to establish an SMTP connection|couldn't find any host named|Bad destination host|all relevant MX records point to non-existent hosts|Domain does not exist)/i;

/** `connect to mx.example.net[192.0.2.1]:25: ...`: the server the MTA could not reach. */
const CONNECT_TO = /\bconnect to ([A-Za-z0-9][A-Za-z0-9._-]{0,252})\[([0-9A-Fa-f:.]{2,45})\]/i;

export interface ConnectionFailure {
  /** The MTA's own words, on one line. */
  words: string;
  /** The server it could not reach, when named. */
  host: string | null;
  ip: string | null;
}

/** What the text says when it says no server replied; null when the text may hold a reply. */
export function connectionFailure(text: string): ConnectionFailure | null {
  if (!NO_REPLY.test(text.slice(0, 2000))) return null;
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const target = CONNECT_TO.exec(oneLine);
  return {
    words: oneLine.length > 300 ? `${oneLine.slice(0, 300)}…` : oneLine,
    host: target?.[1]?.toLowerCase() ?? null,
    ip: target?.[2] ?? null,
  };
}
