/**
 * The client address a reply names, through every wording client-ip.ts reads. A wording is run only
 * on a reply holding one of its keys, looked for in lower case: each reply here must still give its
 * address, and the case-sensitive wordings must stay case-sensitive.
 */
import { findClientHosts, findClientIps } from '../../../core/extract/client-ip';

// Real wordings (Postfix, Exim, Gmail, Yahoo, Microsoft, Comcast, GoDaddy, Tencent, Spamhaus), with
// documentation addresses.
const REPLIES: [string, string][] = [
  ['554 5.7.1 <mta1.example.com[192.0.2.10]>: Client host rejected: Access denied', '192.0.2.10'],
  ['554 5.7.1 Service unavailable; Client host [192.0.2.11] blocked using zen.spamhaus.org', '192.0.2.11'],
  // Free (forum and issue pastes of Postfix logs).
  [
    '451 too many errors detected from your IP (192.0.2.27), please visit http://postmaster.free.fr/',
    '192.0.2.27',
  ],
  // Microsoft with the name it found (a Haraka log line in a forum post).
  [
    '550 5.7.1 Service unavailable; Client host [192.0.2.26 <-- mail.example.com] blocked using FBLW15',
    '192.0.2.26',
  ],
  ['550 5.7.1 Rejected: sending IP [192.0.2.12] is listed', '192.0.2.12'],
  ['550 Mail rejected, IP=[192.0.2.13] refused', '192.0.2.13'],
  ['421 4.7.0 The mail server [192.0.2.14] has been rate limited', '192.0.2.14'],
  ['421 4.7.0 [TSS04] Messages from 192.0.2.15 temporarily deferred due to user complaints', '192.0.2.15'],
  ['550 Mail content denied. Blocked IP 192.0.2.16 http://service.mail.qq.com/', '192.0.2.16'],
  ['550 5.7.25 Fix reverse DNS for 192.0.2.17', '192.0.2.17'],
  ['450 4.7.1 Client name lookup failed [192.0.2.18]', '192.0.2.18'],
  ['554 192.0.2.19 is not allowed to send mail from example.com', '192.0.2.19'],
  ['550-5.7.1 [192.0.2.20 12] Our system has detected an unusual rate of unsolicited mail', '192.0.2.20'],
  ['550 [192.0.2.21] The IP address sending this message does not have a PTR record', '192.0.2.21'],
  [
    '554 resimta-po-01v.sys.comcast.net comcast 192.0.2.22 Comcast requires that all mail servers',
    '192.0.2.22',
  ],
  ['550 5.7.1 Bad SPF records for [example.org:192.0.2.23]', '192.0.2.23'],
  ['550 rejected H=mta1.example.com [192.0.2.24] by content filter', '192.0.2.24'],
  ['550 5.7.1 listed, see https://check.spamhaus.org/query/ip/192.0.2.25', '192.0.2.25'],
  // Gmail without the count, Verizon, Microsoft FOPE without brackets (shapes from real-world log audits).
  [
    '550-5.7.1 [192.0.2.26] Our system has detected that this message is 550-5.7.1 likely unsolicited mail. a1si123.12 - gsmtp',
    '192.0.2.26',
  ],
  [
    "550-5.7.1 [2001:db8::27] The IP you're using to send mail is not authorized to 550-5.7.1 send email directly to our servers. - gsmtp",
    '2001:db8::27',
  ],
  [
    "571 Email from 192.0.2.28 is currently blocked by Verizon Online's anti-spam system. The email sender may visit http://www.verizon.net/whitelist",
    '192.0.2.28',
  ],
  [
    '550 5.7.1 Service unavailable; Client host 192.0.2.29 blocked using Blocklist 1; To request removal from this list',
    '192.0.2.29',
  ],
  // Postfix's reject_unknown_reverse_client_hostname, as a Sympa list's bounces quote it (osm-fr
  // infrastructure issue 603), and reject_unknown_client_hostname.
  ['450 4.7.1 Client host rejected: cannot find your reverse hostname, [192.0.2.30]', '192.0.2.30'],
  ['450 4.7.1 Client host rejected: cannot find your hostname, [192.0.2.31]', '192.0.2.31'],
  // Gmail's SPF refusal (5.7.26), as a Postfix log quoted it in stephane-klein/backlog issue 149.
  [
    '550-5.7.26 This message does not pass authentication checks (SPF and DKIM both do not pass). SPF check for [example.com] does not pass with ip: [192.0.2.33].',
    '192.0.2.33',
  ],
  // MessageLabs refusing to relay (Mail-DeliveryStatus-BounceParser's t/corpus/not-a-relay.msg).
  [
    '553-you are trying to use me [server-9.tower-181.messagelabs.com] as a relay, but I have not been configured to let you [192.0.2.32, mta.example.com] do this.',
    '192.0.2.32',
  ],
  // Wordings from audit 11's samples (vmail's Postfix, cPanel's Exim, wavecable, freenet, a hosting
  // provider's Exim ACL, Microsoft's S3140 in a French translation).
  [
    '5.7.1 <DATA>: Data command rejected: Suspicious HELO [[192.168.1.4]] and missing reverse DNS [192.0.2.40]',
    '192.0.2.40',
  ],
  ['550-Message rejected because [192.0.2.41]:10503 is blacklisted see Blocked -', '192.0.2.41'],
  ['your host [192.0.2.42] is blacklisted by sbl-xbl.wavecable.com', '192.0.2.42'],
  ['550 inconsistent or no DNS PTR record for 192.0.2.43', '192.0.2.43'],
  ['550-"Your IP: 192.0.2.44 : Your domain example.com is not allowed in header From"', '192.0.2.44'],
  ["550 5.7.1 Malheureusement, les messages de [192.0.2.45] n'ont pas été envoyés.", '192.0.2.45'],
  // Yahoo's older wording, in a Postfix log of a forum thread (audit 11).
  [
    '421 Message from (192.0.2.46) temporarily deferred - 4.16.50. Please refer to http://postmaster.yahoo.com/errors/postmaster-21.html',
    '192.0.2.46',
  ],
  // Fibertel's greeting to the client (PHP-Bounce-Handler's eml/14.eml, audit 28cf).
  ['550 5.1.1 Hi [192.0.2.47], No such address: <ana@example.com.ar>.', '192.0.2.47'],
];

describe('client address wordings in a reply', () => {
  it.each(REPLIES)('reads %s', (reply, ip) => {
    expect(findClientIps(reply)).toEqual([ip]);
  });

  it('finds nothing in a reply naming only the remote', () => {
    expect(
      findClientIps('550 5.1.1 <user@example.org>: host mx.example.org[198.51.100.7] said: unknown'),
    ).toEqual([]);
    // A bracketed address before other words, or an unbracketed one not followed by `blocked using`.
    expect(findClientIps('421 4.3.2 [198.51.100.8] Service not available, closing channel')).toEqual([]);
    expect(findClientIps('550 Client host 198.51.100.9 said: mailbox unavailable')).toEqual([]);
  });

  it('keeps the case-sensitive wordings case-sensitive', () => {
    // `H=` is Exim's own spelling; a lower-case `h=` is some other parameter.
    expect(findClientIps('550 rejected h=mta1.example.com [192.0.2.24] by content filter')).toEqual([]);
    expect(findClientHosts('550 rejected h=mta1.example.com [192.0.2.24] by content filter')).toEqual([]);
    expect(findClientHosts('550 rejected H=mta1.example.com [192.0.2.24] by content filter')).toEqual([
      'mta1.example.com',
    ]);
  });

  it('reads every wording of a reply, in order of appearance', () => {
    const reply =
      '550 5.7.1 Client host [192.0.2.30] blocked; Messages from 203.0.113.31 temporarily deferred';
    expect(findClientIps(reply)).toEqual(['192.0.2.30', '203.0.113.31']);
  });
});
