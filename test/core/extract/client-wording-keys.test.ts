/**
 * client-ip.ts runs a wording only on a reply holding one of its keys (words each of its matches holds):
 * a key missing from a text a wording matches would lose that reply's client address. Each wording is
 * checked on a sample of its own, and every wording on the text of every fixture of this repository.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CLIENT_IP_WORDINGS, CLIENT_NAME_WORDINGS, type Wording } from '../../../core/extract/client-ip';

const WORDINGS: Wording[] = [...CLIENT_IP_WORDINGS, ...CLIENT_NAME_WORDINGS];

// One sample at least for each wording (the shapes its comment in client-ip.ts quotes).
const SAMPLES = [
  '554 5.7.1 <mta1.example.com[192.0.2.10]>: Client host rejected: Access denied',
  '554 5.7.1 Service unavailable; Client host [192.0.2.11] blocked using zen.spamhaus.org',
  '550 5.7.1 Rejected: sending IP [192.0.2.12] is listed; client-ip=192.0.2.13',
  '550 Mail rejected, IP=[192.0.2.13] refused',
  '421 4.7.0 The mail server [192.0.2.14] has been rate limited',
  '421 4.7.0 [TSS04] Messages from 192.0.2.15 temporarily deferred due to user complaints',
  '550 mail not accepted from blacklisted IP address [192.0.2.16]',
  '550 This system is configured to reject mail from 192.0.2.1 [192.0.2.1] (Host blacklisted)',
  '550 5.7.25 Fix reverse DNS for 192.0.2.17; Reverse DNS required: 192.0.2.17',
  '450 4.7.1 Client name lookup failed [192.0.2.18]',
  '5.7.1 <DATA>: Data command rejected: missing reverse DNS [192.0.2.40]',
  '550 inconsistent or no DNS PTR record for 192.0.2.43',
  'your host [192.0.2.42] is blacklisted by sbl-xbl.example.com',
  'JunkMail rejected - so254-12.example.net [192.0.2.1]:16742 is in an RBL',
  'JunkMail rejected - ec2-192-0-2-1.compute.example.com (helo.example.org) [192.0.2.1]:34032 is in an RBL',
  '450 4.7.1 Client host rejected: cannot find your reverse hostname, [192.0.2.30]',
  '554 192.0.2.19 is not allowed to send mail from example.com',
  'Connection refused - IB116. 192.0.2.1 Senderscore too low',
  '550-5.7.1 [192.0.2.20 12] Our system has detected an unusual rate of unsolicited mail',
  '550 [192.0.2.21] The IP address sending this message does not have a PTR record',
  '550-5.7.1 [192.0.2.26] Our system has detected that this message is likely unsolicited mail. - gsmtp',
  '550-5.7.1 [192.0.2.5] Messages with multiple addresses in From: header are not accepted. a1si1 - gsmtp',
  "553 5.7.1 [TSS07] Connections will not be accepted from 192.0.2.1, because the ip is in Spamhaus's list",
  '554 The IP address of the sender (192.0.2.1) was found in a blocklist',
  '501 This system is not configured to relay mail to <a@example.com> for 192.0.2.1',
  'Mail from 192.0.2.1 refused by Proofpoint Reputation Services',
  'MAIL REFUSED - IP (192.0.2.1) is in black list',
  '5.7.1 H:M11 [192.0.2.1] Connection refused due to abuse. Please see https://mailspike.example/',
  '550 support.example.net [192.0.2.1] is currently not permitted to relay',
  '450 service permits 2 unverifyable sending IPs - mail.example.com is not 192.0.2.48',
  '553 5.7.1 Hello [192.0.2.1], for your MAIL FROM address <a@example.org> policy analysis reported',
  '550 5.1.1 Hi [192.0.2.47], No such address: <ana@example.com.ar>.',
  '554 Hi [192.0.2.1], 5.0.0 unresolvable address: <a@example.org>; nosuchuser',
  "571 Email from 192.0.2.28 is currently blocked by Verizon Online's anti-spam system.",
  '550 5.7.1 Service unavailable; Client host 192.0.2.29 blocked using Blocklist 1',
  '554 resimta-po-01v.sys.comcast.net comcast 192.0.2.22 Comcast requires that all mail servers',
  '421 smtp.orange.fr [192.0.2.1] Emetteur invalide, Veuillez verifier la configuration SPF/DNS',
  '550 5.7.1 Bad SPF records for [example.org:192.0.2.23]',
  '550 rejected H=mta1.example.com [192.0.2.24] by content filter',
  '451 too many errors detected from your IP (192.0.2.27), please visit http://postmaster.example.fr/',
  '451 4.7.500 Server busy. Please try again later from [192.0.2.1]. (AS843)',
  '451 4.7.1 Received too many messages from a new or untrusted IP: 192.0.2.1 (Z27/1)',
  'but I have not been configured to let you [192.0.2.32, mta.example.com] do this.',
  '550 5.7.0 Mail relay denied [192.0.2.1]; 550 5.7.1 Invalid credentials for relay [192.0.2.2]',
  '550 Mail content denied. [MPdC3ariWK7GabcdefghijklmnopqrXYZ1xQ== IP: 192.0.2.1]',
  '554 Reject by behaviour spam at Rcpt State(Connection IP address:192.0.2.1)ANTISPAM_BAT[01]',
  '550 5.7.1 listed, see https://check.spamhaus.org/query/ip/192.0.2.25',
  '550-Blocked by ivmSIP and/or ivmSIP/24 - see 550 https://www.invaluement.com/lookup/?item=192.0.2.44',
];

/** True when each text the wording matches holds one of its keys (the texts it does not match prove nothing). */
function keysHold(wording: Wording, text: string): boolean {
  wording.pattern.lastIndex = 0;
  const matched = wording.pattern.test(text);
  wording.pattern.lastIndex = 0;
  const lower = text.toLowerCase();
  return !matched || wording.keys.some((key) => lower.includes(key));
}

function fixtureTexts(dir: string, out: { name: string; text: string }[] = []): typeof out {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) fixtureTexts(path, out);
    else if (stat.size > 0 && stat.size < 4 * 1024 * 1024)
      out.push({ name: path, text: readFileSync(path, 'latin1') });
  }
  return out;
}

describe('the keys a wording is run on', () => {
  it('are lower case (the reply is looked at in lower case)', () => {
    for (const w of WORDINGS) for (const key of w.keys) expect(key).toBe(key.toLowerCase());
  });

  it.each(WORDINGS.map((w, i) => [i, w] as const))(
    'wording %i matches a sample, which holds a key',
    (_, w) => {
      const matching = SAMPLES.filter((s) => {
        w.pattern.lastIndex = 0;
        const found = w.pattern.test(s);
        w.pattern.lastIndex = 0;
        return found;
      });
      expect(matching.length).toBeGreaterThan(0);
      for (const sample of matching) expect(keysHold(w, sample)).toBe(true);
    },
  );

  it('hold in every fixture text any wording matches', () => {
    const texts = fixtureTexts(join(__dirname, '../../fixtures'));
    expect(texts.length).toBeGreaterThan(100);
    const missed: string[] = [];
    let matchedSomewhere = 0;
    for (const { name, text } of texts) {
      // Wordings are read in a reply's first 8,192 characters; whole lines of the fixture stand for replies.
      for (const line of text.split(/\r\n|\r|\n/)) {
        if (line.length > 8192) continue;
        WORDINGS.forEach((w, i) => {
          if (!keysHold(w, line)) missed.push(`${name}: wording ${i}: ${line.slice(0, 120)}`);
          else if (w.keys.length > 0) {
            w.pattern.lastIndex = 0;
            if (w.pattern.test(line)) matchedSomewhere++;
            w.pattern.lastIndex = 0;
          }
        });
      }
    }
    expect(missed).toEqual([]);
    expect(matchedSomewhere).toBeGreaterThan(50);
  });
});
