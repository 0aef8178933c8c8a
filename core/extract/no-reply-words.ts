/**
 * A bounce that reports no reply at all: the sending MTA never spoke SMTP with the remote (its connection was
 * refused or timed out, the name did not resolve, the line dropped before the greeting or in the middle of
 * the session: Postfix's `lost connection with mx[IP] while sending RCPT TO`). Its Diagnostic-Code then holds
 * the MTA's own words, which are no reply of the remote's: quoting them to Orange's abuse desk as "the SMTP
 * reply" would be wrong, so a note says so. Wordings as the MTAs write them (Postfix's X-Postfix diagnostics,
 * qmail's `Sorry, I wasn't able to establish an SMTP connection`, Sendmail's `Deferred: Connection
 * timed out with ...`, Amazon SES's `Bad destination host` and its `5.4.7 - Delivery expired (message too
 * old) 'no valid ip addresses'` (it found no address to try: OTRS's test bounce of 2012,
 * scripts/test/PostMaster/BounceEmail.t), Exim's MX wording, Gmail's `The recipient server did not accept our
 * requests to connect` and its `DNS Error: Domain name not found`, Hotmail's notice of 2015 `Unable to deliver
 * message to the following recipients, due to being unable to connect successfully to the destination
 * mail server.` (Sisimai's set-of-emails, rhost-outlook-07.eml, a DSN with no Diagnostic-Code) (since about 2017 `DNS Error: 80335577 DNS
 * type 'mx' lookup of example.jp responded with code NXDOMAIN`, or `NOERROR` above its null MX or `had no
 * relevant answers`: no server to connect to, Sisimai's rfc3464-52 to 64), its `The outbound connection was
 * established ... but was unable to complete the message transaction, either because of time-out, or
 * inadequate connection quality`, Zoho's `Diagnostic-Code: Host not reachable.`, Postfix's short
 * `X-Postfix; Host not found`, Verizon's `Host vger.kernel.org not found`, Yahoo's `unable to connect to
 * remote server [192.0.2.1:25]: Operation timed out`), and on a line of its own under the address, Exim's
 * `Unrouteable address` and 1&1's (web.de, kundenserver.de) `no valid MX hosts found`. In logs: Exim's
 * deferral `== a@example.net R=dnslookup T=remote_smtp defer (111): Connection refused` (its test suite
 * writes `(dd)` for the number, test/log/0099), Haraka's `Remote end 173.194.219.27:25 closed connection
 * while we were processing mail` (Haraka issue #2520), and Haraka's `Too many failures (Tried all MXs)` in
 * its notice (Haraka issue #568): outbound.js fails with `Tried all MXs` when no MX is left to try, each
 * having failed to connect (a refusal by one would be the reason given instead), and Postfix's
 * `Domain example.com does not accept mail (nullMX)`: the recipient's domain publishes a null MX (RFC 7505),
 * so no server was tried (a Postfix notice in frappe/erpnext's issues; maddy's queue says it with a code
 * of its own, `"reason":"Domain does not accept email (null MX)","smtp_code":556`, foxcpp/maddy issue 328),
 * and Postfix's resolver's words for a next hop in brackets that has no address, `[dest.example.com]: Name
 * or service not known`
 * (Mail-DeliveryStatus-BounceParser's postfix-host-unknown.msg). Postfix's own TLS failures too
 * (smtp_proto.c): `Cannot start TLS: handshake failure` (the session broke off in the handshake) and
 * `TLS is required, but was not offered by host X[ip]` (the remote announced no STARTTLS, which its policy
 * requires): the remote said no error, and Postfix wrote no reply of its own.
 * Also SendGrid's notice of 2013, `Diagnostic-Code: Connection timed out` (no code: its words alone) and
 * `kijitora:00000:<a@example.org> : Connection timed out in connect` above it; Sendmail's `<a@example.co.jp>...
 * Deferred: Name server: example.co.jp.: host name lookup failure` (a DSN with no Diagnostic-Code: the
 * name did not resolve, its Remote-MTA naming the domain looked up); and the X3 MTA's `Routing: Could not
 * find a gateway for a@example.co.jp` (Sisimai's set-of-emails, lhost-sendgrid-03, lhost-sendmail-11 and
 * lhost-x3-02). Exim 3's list of failed addresses, `kijitora@neko.nyaan.example.com ... unknown host` under
 * `Failed addresses follow:`: the recipient's domain did not resolve, no server was tried (Sisimai's
 * rfc3464-37, found by audit60). The DragonFly Mail Agent's (dma) `DNS lookup failure: host cx.example.org not
 * found` under `There was an error delivering your mail to <a@x>.`: the name did not resolve (Sisimai's
 * lhost-dragonfly-04, found by audit61). Oracle Messaging Server's attempt history, `TCP active open: Failed
 * connect() to TCP port 25 of 192.0.2.240    Error: Connection timed out` (messaging-server.ts). OpenSMTPD's
 * own words when no MX could be reached (smtpd/mta.c's relay failstr): `neko@nyaan.jp: No MX found for
 * domain`, `Network error on destination MXs` (Sisimai's lhost-opensmtpd-12 and -04, found by audit65).
 */
export const NO_REPLY =
  /\b(?:connect to \S{1,300}: (?:Connection (?:timed out|refused)|No route to host|Network is unreachable|Operation timed out)|Connection (?:timed out|refused|reset) (?:with|by) |(?:lost connection with|conversation with) \S{1,300}\s{1,4}(?:timed out\s{1,4})?while (?:receiving|sending|performing) |Host or domain name not found|Name service error for|\]:\s{0,4}(?:Name or service not known|Temporary failure in name resolution)|Name server reports domain name unknown|Host unknown \(Name server|wasn't able to establish an SMTP connection|couldn't find any host (?:named|by that name)|Bad destination host|Delivery expired \(message too old\) 'no valid ip addresses'|all relevant MX records point to non-existent hosts|Domain does not exist|The recipient server did not accept our requests to connect|due to being unable to connect successfully to the destination mail server|but was unable to complete the message transaction|DNS Error:\s{0,4}(?:Domain name not found|DNS server returned answer with no data|Address resolution of|\d{1,12}\s{1,4}DNS type '?(?:mx|a|aaaa)'? lookup of [A-Za-z0-9._-]{1,253} (?:responded with code|had no relevant answers))|^\s{0,4}(?:Host not (?:reachable|found)|Connection (?:timed out|refused))\.?\s*$|\bConnection timed out in connect\b|Name server: [A-Za-z0-9._-]{1,253}: host name lookup failure|\bCould not find a gateway for\b|(?<=^\s{0,12})(?:Unrouteable address|no valid MX hosts found)\.?\s*$|(?<=^\s{0,12})Host [A-Za-z0-9.-]{1,253} not found\.?\s*$|unable to connect to remote server \[[0-9A-Fa-f:.]{2,51}\]:\s{0,4}(?:Operation timed out|Connection (?:timed out|refused)|No route to host|Network is unreachable)|\bdefer \((?:\d{1,4}|dd)\): (?:Connection (?:timed out|refused)|No route to host|Network is unreachable)|\bRemote end \S{1,300} closed connection while |\bTried all MXs\b|\b(?:No MX found for (?:domain|destination)|Network error on destination MXs|Temporary failure in MX lookup|No valid route to (?:remote MX|destination)|All routes to destination blocked)\b|\bdoes not accept e?mail \(null ?MX\)|\bCannot start TLS: handshake failure|\bTLS is required, but was not offered by host |(?<=^\s{0,12})\w\S{0,319}\s{1,4}\.\.\.\s{1,4}unknown host\.?\s*$|\bDNS lookup failure: host [A-Za-z0-9._-]{1,253} not found|\bTCP active open:\s{0,4}Failed connect\(\)(?: to TCP port \d{1,5} of [0-9A-Fa-f:.]{2,45})?\s{1,12}Error:\s{0,4}(?:Connection (?:timed out|refused)|No route to host|Network is unreachable))/im;
