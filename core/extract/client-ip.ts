/**
 * The sending IP a remote server writes in its own reply: many refusals name the connecting client
 * (`Client host [IP] blocked using ...`, `banned sending IP [IP]`, `Messages from IP temporarily
 * deferred`, `Fix reverse DNS for IP`, a lookup link `...?ip=IP`). That is exactly the address the
 * remote saw, the one a postmaster puts in a ticket.
 *
 * Only wordings that say the address is the client's are read: a reply (or a bounce's line around it)
 * also names the remote's own address (`connect to mx[IP]`, `remote host IP said`, `Giving up on IP`)
 * and internal ones (Yahoo's `- 4.16.55.1`). Wordings seen in real replies (Postfix, Exim, Sendmail,
 * Microsoft, Gmail, Yahoo, Comcast, GoDaddy, Tencent, GMX/Proofpoint/Facebook links).
 */
import { isHostName } from './header-block';
import { isNonPublicIp, normalizeIp } from './ip';
import { allMatches } from './matches';

// An address candidate (IPv4 or IPv6), validated afterwards by normalizeIp.
const IP = '([0-9A-Fa-f:.]{2,45})';
/** After Exim's `H=host [IP]`: not its log of a delivery, whose `H=` is the remote that answered. */
const NOT_EXIM_DELIVERY = '(?![^\\n]{0,600}SMTP error from remote)';

/**
 * A wording and the words (in lower case) of which each of its matches holds one: it is run only on a
 * reply that has one. Most replies use none of the wordings, and an expression is compiled the first time
 * it runs: one built of them all, tested first, took 20 ms to compile and cost every first refusal of a
 * scan or paste that (measured on a generated mail.log: 13 % of its first 3 MB).
 */
export interface Wording {
  readonly keys: readonly string[];
  readonly pattern: RegExp;
}

const wording = (keys: readonly string[], pattern: RegExp): Wording => ({ keys, pattern });

/** Each expression captures the client's address in group 1. Bounded quantifiers only. */
export const CLIENT_IP_WORDINGS: readonly Wording[] = [
  // Postfix: `<name[IP]>: Client host rejected`, `Client host [IP] blocked using`, `client [IP] blocked`.
  wording(
    ['client host rejected'],
    new RegExp(`<[^<>\\s\\[\\]]{0,253}\\[${IP}\\]>:\\s{0,4}Client host rejected`, 'gi'),
  ),
  // Microsoft also writes the name it found: `Client host [192.0.2.1 <-- mail.example.com] blocked`.
  wording(
    ['client'],
    new RegExp(`\\bclient(?:\\s{1,4}host)?\\s{0,4}\\[${IP}(?:\\s{1,4}<--\\s{1,4}[^\\s\\]]{1,253})?\\]`, 'gi'),
  ),
  // `client ip 192.0.2.1`, `client-ip=192.0.2.1`, `sending IP [192.0.2.1]`, `with the ip: [192.0.2.1]`,
  // Gmail's `SPF check for [example.com] does not pass with ip: [192.0.2.1]`.
  wording(
    ['client', 'sending', 'with'],
    new RegExp(
      `\\b(?:client|sending|with(?: the)?)[ -]?ip(?:\\s{1,4}address)?\\s{0,4}[:=]?\\s{0,4}\\[?${IP}`,
      'gi',
    ),
  ),
  // `IP=[192.0.2.1]`, `IP=192.0.2.1` written as a phrase; not a link parameter (`?ip=`, see reply.ts
  // for the sites whose links are trusted) nor a tag of a log record (Exchange's `{IP=remote}`). An
  // editor's autolinker may have made a link of the address (T-Online's `554 IP=http://192.0.2.1/ -
  // Dialup/transient IP not allowed`, pasted in a GitHub issue).
  wording(['ip'], new RegExp(`(?<![A-Za-z0-9?&/{;])ip\\s{0,2}=\\s{0,2}(?:https?://)?\\[?${IP}`, 'gi')),
  // `The mail server [IP] has been rate limited`, `your mail server (IP)`, `from mail server [IP]`.
  wording(['mail server'], new RegExp(`\\bmail server\\s{0,4}[[(]${IP}[\\])]`, 'gi')),
  // Yahoo, Microsoft: `Messages from 192.0.2.1 temporarily deferred`, `messages from IP weren't sent`
  // (in French, `les messages de [IP] n'ont pas été envoyés`); Yahoo's older `Message from (IP) temporarily
  // deferred`.
  wording(['message'], new RegExp(`\\bmessages? (?:from|de)\\s{1,4}[[(]?${IP}`, 'gi')),
  // `Blocked IP 192.0.2.1` (Tencent), `550 mail not accepted from blacklisted IP address [192.0.2.1]`.
  wording(
    ['blocked ip', 'listed ip'],
    new RegExp(`\\b(?:blocked|blacklisted|blocklisted) ip(?:\\s{1,4}address)?\\s{1,4}\\[?${IP}`, 'gi'),
  ),
  // Exim's and Barracuda's host refusals: `550 This system is configured to reject mail from 192.0.2.1
  // [192.0.2.1] (Host blacklisted ...)`.
  wording(
    ['configured to reject mail from'],
    new RegExp(`\\bconfigured to reject mail from\\s{1,4}\\[?${IP}`, 'gi'),
  ),
  // Reverse DNS refusals: `Fix reverse DNS for IP`, `Reverse DNS lookup for host IP failed`,
  // `Missing reverse DNS for IP`, `Reverse DNS required: IP`, `IP name lookup failed [IP]`.
  wording(
    ['reverse dns'],
    new RegExp(
      `\\breverse DNS(?:\\s{1,4}lookup)?\\s{1,4}(?:for(?:\\s{1,4}host)?|required:)\\s{1,4}\\[?${IP}`,
      'gi',
    ),
  ),
  wording(['name lookup failed'], new RegExp(`\\bname lookup failed\\s{0,4}\\[${IP}\\]`, 'gi')),
  // `Data command rejected: ... missing reverse DNS [192.0.2.1]`; freenet's `550 inconsistent or no DNS
  // PTR record for 192.0.2.1`.
  wording(['reverse dns'], new RegExp(`\\breverse DNS\\s{0,4}\\[${IP}\\]`, 'gi')),
  wording(['ptr record for'], new RegExp(`\\bPTR record for\\s{1,4}\\[?${IP}`, 'gi')),
  // Blocklist refusals: `your host [192.0.2.1] is blacklisted by ...`, cPanel's `Message rejected
  // because [192.0.2.1]:10503 is blacklisted`.
  wording(['your host'], new RegExp(`\\byour host\\s{0,4}\\[${IP}\\]`, 'gi')),
  // Also `so254-12.mailgun.net [192.0.2.1]:16742 is in an RBL` (a JunkMail filter).
  wording(
    ['is blacklisted', 'is blocklisted', 'is listed', 'is in a'],
    new RegExp(
      `\\[${IP}\\](?::\\d{1,5})?\\s{1,4}is (?:blacklisted|blocklisted|listed|in an? (?:RBL|DNSBL|black ?list|block ?list))\\b`,
      'gi',
    ),
  ),
  // Postfix's reject_unknown_(reverse_)client_hostname: `Client host rejected: cannot find your
  // reverse hostname, [192.0.2.1]`, `cannot find your hostname, [192.0.2.1]`.
  wording(
    ['cannot find your'],
    new RegExp(`\\bcannot find your (?:reverse )?hostname,?\\s{0,4}\\[${IP}\\]`, 'gi'),
  ),
  // GoDaddy, Microsoft: `192.0.2.1 is not allowed to send`, `192.0.2.1 has sent to too many`, GoDaddy's
  // `IB103. Connection refused. 192.0.2.1 has a poor reputation on Cloudmark Sender Intelligence (CSI)`, a
  // local block list: `192.0.2.1 blocked by ...`, Telstra: `Connection refused - IB116. 192.0.2.1
  // Senderscore too low`, NiX Spam's users: `rejected because 192.0.2.1 is in a black list at
  // ix.dnsbl.manitu.net`, a greylisting policy server: `451-192.0.2.1 is not yet authorized to deliver mail
  // from <a@x> to <b@y>`.
  wording(
    [
      'is not allowed to send',
      'is not yet authorized',
      'has sent to too many',
      'has a poor reputation',
      'blocked by',
      'senderscore too low',
      'is in a',
    ],
    new RegExp(
      `(?<![0-9A-Fa-f:.])${IP}\\s{1,4}(?:is not allowed to send|is not yet authorized to deliver mail|has sent to too many|has a poor reputation|blocked by|Senderscore too low|is in an? (?:RBL|DNSBL|black ?list|block ?list))\\b`,
      'gi',
    ),
  ),
  // Gmail: `550 5.7.1 [192.0.2.1 18] Our system ...`, `[192.0.2.1] The IP address sending this message`.
  wording(['['], new RegExp(`\\[${IP}\\s{1,2}\\d{1,3}\\]`, 'g')),
  wording(['the ip address sending'], new RegExp(`\\[${IP}\\]\\s{1,4}The IP address sending`, 'gi')),
  // Gmail without the count: `550-5.7.1 [192.0.2.1] Our system has detected that this message is`,
  // `550-5.7.1 [2001:db8::1] The IP you're using to send mail is not authorized`, since 2024 `[IP] Gmail
  // has detected that this message is likely suspicious`, `[IP] This mail has been blocked because the
  // sender is unauthenticated`, `[IP] This message does not have authentication information`, `[IP]
  // Messages missing a valid messageId header are not accepted` (`Message-ID header` since 2024).
  wording(
    [
      'our system has detected',
      'gmail has detected',
      'the ip you',
      'this mail has been blocked',
      'this message does not have authentication',
      'messages missing a valid',
    ],
    new RegExp(
      `\\[${IP}\\]\\s{0,4}[*_]{0,3}(?:Our system has detected|Gmail has detected|The IP you.re using to send|This mail has been blocked|This message does not have authentication|Messages missing a valid)`,
      'gi',
    ),
  ),
  // Gmail's other wordings, and those to come, put the client right after the codes of the reply's line,
  // before a sentence: `550-5.7.1 [192.0.2.1] Messages with multiple addresses in From: header are not
  // accepted. ... - gsmtp`. The reply must be Gmail's (its `gsmtp` end, or its help link when a notice cut
  // the end off): elsewhere such an address may be the server's own.
  wording(
    ['gsmtp', 'support.google.com/'],
    new RegExp(
      `\\b[45]\\d\\d[ -][45]\\.\\d{1,3}\\.\\d{1,3}\\s{1,4}\\[${IP}\\]\\s{1,4}[*_]{0,3}[A-Z][a-z](?=[\\s\\S]{0,4000}(?:\\s-\\sgsmtp\\b|support\\.google\\.com/))`,
      'g',
    ),
  ),
  // Yahoo: `553 5.7.1 [TSS07] Connections will not be accepted from 192.0.2.1, because the ip is in
  // Spamhaus's list`.
  wording(
    ['connections will not be accepted from'],
    new RegExp(`\\bConnections will not be accepted from\\s{1,4}\\[?${IP}`, 'gi'),
  ),
  // A blocklist refusal naming the sender in parentheses: `554 The IP address of the sender
  // (192.0.2.1) was found in a [blocklist]` (pasted in a Microsoft Q&A thread).
  wording(['ip address of the sender'], new RegExp(`\\bIP address of the sender\\s{0,4}\\(${IP}\\)`, 'gi')),
  // Sendmail-style relay refusal: `501 This system is not configured to relay mail to <a@example.com>
  // for 192.0.2.1` (also `... from <b@example.org> to <a@example.com> for 192.0.2.1`).
  wording(
    ['not configured to relay mail'],
    new RegExp(
      `\\bnot configured to relay mail (?:from <[^<>\\s]{0,300}> )?to <[^<>\\s]{0,300}> for\\s{1,4}\\[?${IP}`,
      'gi',
    ),
  ),
  // Reputation services: `Mail from 192.0.2.1 refused by Proofpoint Reputation Services`, `Mail from
  // 192.0.2.1 has been blocked by Trend Micro Email Reputation Service`, `Mail from 192.0.2.1 rejected by
  // Abusix blacklist`.
  wording(
    ['mail from'],
    new RegExp(
      `\\bMail from\\s{1,4}${IP}\\s{1,4}(?:refused|rejected|blocked|has been (?:blocked|rejected|refused)|is (?:blocked|listed))\\b`,
      'gi',
    ),
  ),
  // `MAIL REFUSED - IP (192.0.2.1) is in black list` (a Chinese provider's, in SparkPost's sample events).
  wording(
    ['is in '],
    new RegExp(
      `\\bIP\\s{0,2}\\(${IP}\\)\\s{1,4}is in (?:an? )?(?:RBL|DNSBL|black ?list|block ?list)\\b`,
      'gi',
    ),
  ),
  // Mailspike's refusal (a GitLab handbook quoting Mailgun's event): `5.7.1 H:M11 [192.0.2.1] Connection
  // refused due to abuse. Please see https://mailspike.org/iplookup.html ...`.
  wording(
    ['connection refused due to abuse'],
    new RegExp(`\\bH:[A-Z]\\d{1,3}\\s{1,4}\\[${IP}\\]\\s{1,4}Connection refused due to abuse\\b`, 'g'),
  ),
  // Exim's relay refusal naming the client: `550 support.example.net [192.0.2.1] is currently not
  // permitted to relay` (as SendGrid's bounce list quotes it).
  wording(
    ['not permitted to relay'],
    new RegExp(`\\[${IP}\\]\\s{1,4}is (?:currently )?not permitted to relay\\b`, 'gi'),
  ),
  // A check of the client's name against its address: `450 service permits 2 unverifyable sending IPs -
  // neko.example.com is not 192.0.2.1` (Sisimai's lhost-exim-38.eml, its spelling).
  wording(
    ['unverifyable sending ip', 'unverifiable sending ip'],
    new RegExp(
      `\\bunverif[iy]able sending IPs?\\s{1,4}-\\s{1,4}[^\\s]{1,253}\\s{1,4}is not\\s{1,4}\\[?${IP}`,
      'gi',
    ),
  ),
  // ZMailer's policy refusals (vger.kernel.org's): `553 5.7.1 Hello [192.0.2.1], for your MAIL FROM address
  // <a@x> policy analysis reported: ...`.
  wording(['hello'], new RegExp(`\\bHello\\s{1,4}\\[${IP}\\],\\s{1,4}for your\\b`, 'g')),
  // A greeting to the client before the refusal (Fibertel's, in PHP-Bounce-Handler's eml/14.eml): `550 5.1.1
  // Hi [192.0.2.1], No such address: <a@x>.`.
  wording(['hi'], new RegExp(`\\bHi\\s{1,4}\\[${IP}\\],\\s{1,4}(?=[A-Z])`, 'g')),
  // ZMailer's (vger.kernel.org's) refusal of a recipient greets the client before its status: `554 Hi
  // [192.0.2.1], 5.0.0 unresolvable address: <a@vger.kernel.org>; nosuchuser; ...` (a qmail notice on
  // linux-kernel, 2004). Read only right after the reply's code, where the greeting is the refuser's own.
  wording(
    ['hi'],
    new RegExp(`\\b[45]\\d\\d[ -]Hi\\s{1,4}\\[${IP}\\],\\s{1,4}(?=[245]\\.\\d{1,3}\\.\\d{1,3}\\s)`, 'g'),
  ),
  // Verizon: `571 Email from 192.0.2.1 is currently blocked by Verizon Online's anti-spam system`.
  wording(['email from'], new RegExp(`\\bEmail from\\s{1,4}${IP}\\s{1,4}is currently blocked`, 'gi')),
  // Microsoft FOPE, without brackets: `Client host 192.0.2.1 blocked using Blocklist 1`.
  wording(['blocked using'], new RegExp(`\\bClient host\\s{1,4}${IP}\\s{1,4}blocked using`, 'gi')),
  // Comcast: `554 mta1.comcast.net comcast 192.0.2.1 Comcast requires ...`.
  wording(['comcast'], new RegExp(`\\bcomcast\\s{1,4}${IP}\\s{1,4}Comcast\\b`, 'gi')),
  // Orange's SPF refusal, which has no token, names the client whose address SPF was checked against:
  // `421 smtp.orange.fr [192.0.2.1] Emetteur invalide, Veuillez verifier la configuration SPF/DNS ...`
  // (as Sisimai's FrancePTT module quotes it).
  wording(
    ['emetteur invalide'],
    new RegExp(`\\bsmtp\\.orange\\.fr\\s{1,4}\\[${IP}\\]\\s{1,4}Emetteur invalide\\b`, 'gi'),
  ),
  // SPF: `Bad SPF records for [example.org:192.0.2.1]`.
  wording(['spf records for'], new RegExp(`\\bSPF records for\\s{0,4}\\[[^\\]:\\s]{1,253}:${IP}\\]`, 'gi')),
  // Exim-style log of the client in a reply: `H=mail.example.com [192.0.2.1]`; not in Exim's own log of a
  // delivery, where `H=` is the remote that answered (`H=mx.example.net [IP] ...: SMTP error from remote`).
  wording(['h='], new RegExp(`\\bH=[^\\s\\[\\]]{1,253}\\s{1,4}\\[${IP}\\]${NOT_EXIM_DELIVERY}`, 'g')),
  // Free: `451 too many errors detected from your IP (192.0.2.1), please visit http://postmaster.free.fr/`.
  // Exim ACLs: `"Your IP: 192.0.2.1 : Your domain example.com is not allowed in header From"`.
  wording(
    ['your ip'],
    new RegExp(`\\b(?:from )?your ip(?:\\s{1,4}address)?\\s{0,4}:?\\s{0,4}[([]?${IP}`, 'gi'),
  ),
  // Microsoft's throttling: `451 4.7.500 Server busy. Please try again later from [192.0.2.1]. (AS843)`.
  wording(['try again later from'], new RegExp(`\\btry again later from\\s{0,4}\\[${IP}\\]`, 'gi')),
  // Rackspace: `451 4.7.1 Received too many messages from a new or untrusted IP: 192.0.2.1 (Z27/...)`.
  wording(['untrusted ip'], new RegExp(`\\buntrusted IP:?\\s{1,4}\\[?${IP}`, 'gi')),
  // MessageLabs: `you are trying to use me [server-9.tower-181.messagelabs.com] as a relay, but I have
  // not been configured to let you [192.0.2.1, mta.example.com] do this`.
  wording(['to let you'], new RegExp(`\\bto let you\\s{1,4}\\[${IP},`, 'gi')),
  // Google Workspace's SMTP relay: `550 5.7.0 Mail relay denied [192.0.2.1]`, `550 5.7.1 Invalid
  // credentials for relay [192.0.2.1]`.
  wording(
    ['mail relay denied', 'invalid credentials for relay'],
    new RegExp(`\\b(?:Mail relay denied|Invalid credentials for relay)\\s{0,4}\\[${IP}\\]`, 'gi'),
  ),
  // QQ Mail ends its refusals with a token and the client's address: `[MPdC3ariWK7G...1xQ== IP: 192.0.2.1]`.
  wording(['ip:'], new RegExp(`\\[[A-Za-z0-9+/]{16,200}={0,2}\\s{1,2}IP:\\s{1,2}${IP}\\]`, 'g')),
  // Alibaba Mail's anti-spam: `554 Reject by behaviour spam at Rcpt State(Connection IP
  // address:192.0.2.1)ANTISPAM_BAT[...]`.
  wording(['connection ip address'], new RegExp(`\\bConnection IP address\\s{0,2}:\\s{0,2}${IP}`, 'gi')),
  // Spamhaus lookup path: `https://check.spamhaus.org/query/ip/192.0.2.1`.
  wording(['/query/ip/'], new RegExp(`/query/ip/${IP}`, 'gi')),
  // invaluement's sender-IP list: `550-Blocked by ivmSIP and/or ivmSIP/24 - see
  // https://www.invaluement.com/lookup/?item=192.0.2.1` (an o2switch notice, pastebin iAp1b4gm). Only
  // after `ivmSIP`: its URI list (ivmURI) looks up the addresses written in the message's links.
  wording(['ivmsip'], new RegExp(`\\bivmSIP\\b[^\\n]{0,120}?invaluement\\.com/lookup/\\?item=${IP}`, 'gi')),
];

/** Longest part of a reply looked at: the wordings come in its first lines. */
const MAX_TEXT = 8192;

// Cheap test run first: most replies hold no address at all.
const ANY_ADDRESS = /\d\.\d{1,3}\.\d|[0-9A-Fa-f]:[0-9A-Fa-f]{0,4}:/;

/**
 * What `read` takes from each match of the wordings in the reply's head, in order of appearance, each
 * value once (null: the match does not count).
 */
function valuesInOrder(
  text: string,
  wordings: readonly Wording[],
  read: (m: RegExpExecArray) => string | null,
): string[] {
  const head = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  if (!ANY_ADDRESS.test(head)) return [];
  const lower = head.toLowerCase();
  const found: { at: number; value: string }[] = [];
  for (const { keys, pattern } of wordings) {
    if (!keys.some((key) => lower.includes(key))) continue;
    for (const m of allMatches(pattern, head)) {
      const value = read(m);
      if (value) found.push({ at: m.index, value });
    }
  }
  found.sort((a, b) => a.at - b.at);
  const values: string[] = [];
  for (const f of found) if (!values.includes(f.value)) values.push(f.value);
  return values;
}

/** Public addresses the reply says are the connecting client's, in order of appearance. */
export function findClientIps(text: string): string[] {
  return valuesInOrder(text, CLIENT_IP_WORDINGS, (m) => {
    // The address as written, else without the sentence's punctuation after it (`... for 192.0.2.1.`);
    // an IPv6 address may end with `::` (`[2001:db8:1000:16da::]`).
    const raw = m[1] ?? '';
    const ip = normalizeIp(raw) ?? normalizeIp(raw.replace(/[.:]+$/, ''));
    return ip && !isNonPublicIp(ip) ? ip : null;
  });
}

/**
 * Wordings naming the client by its name beside its address, the name captured in group 1: Postfix's
 * `<mta.example.com[IP]>: Client host rejected` (the reverse name the remote found) and the Exim-style
 * `H=mta.example.com [IP]` some filters quote (the name it resolved, its HELO following in `HELO=`).
 */
export const CLIENT_NAME_WORDINGS: readonly Wording[] = [
  wording(
    ['client host rejected'],
    new RegExp(`<([^<>\\s\\[\\]]{1,253})\\[${IP}\\]>:\\s{0,4}Client host rejected`, 'gi'),
  ),
  wording(['h='], new RegExp(`\\bH=([^\\s\\[\\]]{1,253})\\s{1,4}\\[${IP}\\]${NOT_EXIM_DELIVERY}`, 'g')),
  // A JunkMail filter's RBL refusal: `JunkMail rejected - ec2-192-0-2-1.compute.example.com
  // (helo.example.org) [192.0.2.1]:34032 is in an RBL` (the reverse name, then the HELO in parentheses).
  wording(
    ['junkmail rejected'],
    new RegExp(
      `\\bJunkMail rejected - ([^\\s()\\[\\]]{1,253})\\s{1,4}\\([^()\\s]{0,253}\\)\\s{1,4}\\[${IP}\\]`,
      'gi',
    ),
  ),
];

/**
 * Barracuda names the client by its reverse name alone: `Client host [mail.example.com] blocked using
 * Barracuda Reputation`.
 */
const CLIENT_NAME_ALONE = /\bClient host \[([A-Za-z0-9][A-Za-z0-9.-]{0,252}\.[A-Za-z]{2,63})\] blocked\b/i;

/** Host names the reply gives to the connecting client (public address only), in order of appearance. */
export function findClientHosts(text: string): string[] {
  const hosts = valuesInOrder(text, CLIENT_NAME_WORDINGS, (m) => {
    const host = (m[1] ?? '').replace(/\.$/, '').toLowerCase();
    const ip = normalizeIp(m[2] ?? '');
    return ip && !isNonPublicIp(ip) && isHostName(host) ? host : null;
  });
  const alone = text.includes('Client host [')
    ? CLIENT_NAME_ALONE.exec(text.slice(0, MAX_TEXT))?.[1]?.toLowerCase()
    : null;
  if (alone && isHostName(alone) && !hosts.includes(alone)) hosts.push(alone);
  return hosts;
}
