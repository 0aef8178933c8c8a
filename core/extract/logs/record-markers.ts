/**
 * The log scanner's cheap pre-filter (record-reader.ts) for records that are not Postfix syslog lines: a
 * record none of the readers could use skips the syslog parsing and dispatch. Each marker is one that some
 * reader needs (`@P@`: Momentum's record types; `Smtp;`, `SMTP;`: the diagnostic's type as some PowerMTA
 * records write it, `Smtp;550 5.7.1 ...`; `onnecting `: OpenSMTPD's `mta connecting` and
 * `smtp-out: Connecting to` lines, which name the remote of a session; `outgoing connect`: sendmail's line
 * naming the local interface of a delivery; `(delivery.`: Stalwart's delivery events,
 * `... (delivery.dsn-perm-fail) queueId = ...`; `] Connected to `, `] Sending message `: the lines of
 * Postal's sender log that name a session's remote and recipient, `Net::SMTP`, its refusals, and
 * `# Logfile created`, the header that names their zone; ` OutboundConnectionResponse, `: Windows' SMTP
 * service in the IIS log file format, its fields parted by commas; `Delivering message from `: hMailServer's
 * delivery manager naming a message's sender and recipient before its session; `origin=outbound `,
 * `origin=core `: Haraka's logfmt lines, `source=` in its documentation, and its JSON lines'
 * `"origin":"outbound"`; `(connect to `, `(Deferred: `: a mail queue listing's entry whose only reason is a
 * connection that failed, Postfix's `(connect to HOST[IP]:25: Connection timed out)` and Sendmail's
 * `(Deferred: Connection timed out with HOST.)`, which formats/queue-entry.ts counts as no server's reply);
 * `{"msg_id"`, `{"local_addr"`: maddy's records of a message, its sender's and its connections'
 * (formats/maddy-message-records.ts).
 *
 * One regular expression of literals: faster than a chain of includes() on every line.
 */
export const MARKERS =
  /from=|to=<|F=<|stat|said|refused|reject| \*\* | == | <= | => | H=|delivery |info msg|\[outbound\]|\] \[core\] |(?:origin|source)=(?:outbound|core) |"(?:origin|source)":"(?:outbound|core)"|smtp;|Smtp;|SMTP;|@P@|@T@|@B@|SMTP error | Received from |^"SMTPC"|Delivering message from |Sender|onnecting |outgoing connect|\(delivery\.|\dZ,[^,\n]{0,256},[0-9A-F]{16},| OutboundConnection(?:Command|Response)(?: |, )|\] Connected to |\] Sending message |Net::SMTP|^# Logfile created |\(connect to |\(Deferred: |\{"msg_id"|\{"local_addr"/;
