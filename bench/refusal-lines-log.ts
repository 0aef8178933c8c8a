/**
 * A log made only of Postfix delivery lines that failed (`grep status= /var/log/mail.log | grep -v
 * status=sent`, or a Kibana export filtered on refusals): postfix/smtp `status=bounced` and
 * `status=deferred` lines, no qmgr `from=<...>` line and no `removed` line, so the scanner never learns
 * a sender nor sees a queue id leave. Forty MTAs, a new queue id for most lines and the same one
 * deferred again for the rest; Orange's replies (102, 100, 104, 999, 506) and Gmail's, Yahoo's and
 * Outlook's, with their texts as seen in real bounces (shared notes, section 2). Written as syslog lines
 * or as an Elasticsearch search response of one hit a line. Deterministic (xorshift32). Addresses are
 * documentation ranges; Orange's MX names and addresses are real facts.
 */
import { closeSync, openSync, renameSync, writeSync } from 'node:fs';
import { seededRandom } from './seeded-random';

const MB = 1024 * 1024;
const MTAS = 40;
const ORANGE_MX = ['smtp-in.orange.fr[193.252.22.65]', 'smtp-in.orange.fr[80.12.242.15]'];

/** The sending IP of MTA `i`: documentation ranges only. */
const mtaIp = (i: number) => (i < 20 ? `203.0.113.${10 + i}` : `198.51.100.${i - 10}`);

/** One failed delivery: the message part of the line (after `postfix/smtp[pid]: `). */
function refusal(qid: string, to: string, pick: number, ip: string): string {
  const head = `${qid}: to=<${to}`;
  const mx = ORANGE_MX[Math.floor(pick * 100) % ORANGE_MX.length] ?? ORANGE_MX[0];
  if (pick < 0.2)
    return `${head}@orange.fr>, relay=${mx}:25, delay=0.6, delays=0.1/0/0.3/0.2, dsn=5.0.0, status=bounced (host ${mx} said: 550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=${ip} [102] (in reply to MAIL FROM command))`;
  if (pick < 0.3)
    return `${head}@wanadoo.fr>, relay=${mx}:25, delay=0.5, delays=0.1/0/0.3/0.1, dsn=5.0.0, status=bounced (host ${mx} said: 550 opmta1mti07aub smtp.orange.fr EnJyw4MoQfspR Adresse IP source bloquee par Abusix. IP blocked by Abusix, OFR006_100 please visit https://lookup.abusix.com/search?q=${ip} [100] (in reply to MAIL FROM command))`;
  if (pick < 0.45)
    return `${head}@orange.fr>, relay=none, delay=0.3, delays=0.1/0/0.2/0, dsn=4.0.0, status=deferred (host ${mx} refused to talk to me: 421 mwinf5c10 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR005_104 [104])`;
  if (pick < 0.55)
    return `${head}@orange.fr>, relay=none, delay=0.3, delays=0.1/0/0.2/0, dsn=4.0.0, status=deferred (host ${mx} refused to talk to me: 421 mwinf5c77 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR_999 [999])`;
  if (pick < 0.6)
    return `${head}@orange.fr>, relay=${mx}:25, delay=1.1, delays=0.1/0/0.3/0.7, dsn=5.2.0, status=bounced (host ${mx} said: 550 5.2.0 mwinf5c21 ME Mail rejete. Mail rejected. ofr_506 [506] (in reply to end of DATA command))`;
  if (pick < 0.75) {
    const gmx = 'gmail-smtp-in.l.google.com[142.250.27.26]';
    return `${head}@gmail.com>, relay=${gmx}:25, delay=0.9, delays=0.1/0/0.3/0.5, dsn=5.7.1, status=bounced (host ${gmx} said: 550-5.7.1 [${ip}] Our system has detected that this message is likely unsolicited mail. To reduce the amount of spam sent to Gmail, this message has been blocked. (in reply to end of DATA command))`;
  }
  if (pick < 0.9) {
    const ymx = 'mta7.am0.yahoodns.net[98.136.216.22]';
    return `${head}@yahoo.fr>, relay=${ymx}:25, delay=0.5, delays=0.1/0/0.2/0.2, dsn=4.7.0, status=deferred (host ${ymx} said: 421 4.7.0 [TSS04] Messages from ${ip} temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes (in reply to MAIL FROM command))`;
  }
  const omx = 'outlook-com.olc.protection.outlook.com[52.101.42.0]';
  return `${head}@outlook.fr>, relay=${omx}:25, delay=0.7, delays=0.1/0/0.3/0.3, dsn=5.7.1, status=bounced (host ${omx} said: 550 5.7.1 Unfortunately, messages from [${ip}] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150). (in reply to MAIL FROM command))`;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * Writes about `targetBytes` of such lines to `path` (through a `.part` file): `shape` 'syslog' for
 * mail.log lines, 'search' for an Elasticsearch search response of one hit a line.
 */
export function generateRefusalLinesLog(path: string, targetBytes: number, shape: 'syslog' | 'search'): void {
  const rnd = seededRandom(20261207);
  const tmp = `${path}.part`;
  const fd = openSync(tmp, 'w');
  let written = 0;
  let text = '';
  let n = 0;
  const out = (s: string) => {
    text += s;
    if (text.length >= 4 * MB) {
      written += writeSync(fd, text, null, 'latin1');
      text = '';
    }
  };
  if (shape === 'search')
    out(
      '{"took":412,"timed_out":false,"_shards":{"total":3,"successful":3,"skipped":0,"failed":0},\n"hits":{"total":{"value":10000,"relation":"gte"},"max_score":null,"hits":[\n',
    );
  /** Queue ids deferred earlier, tried again later (a quarter of the lines). */
  const deferred: string[] = [];
  while (written + text.length < targetBytes) {
    n += 1;
    const second = Math.min(86_399, Math.floor(((written + text.length) / targetBytes) * 86_400));
    const mta = Math.floor(rnd() * MTAS);
    const again = deferred.length > 0 && rnd() < 0.25;
    const qid = again
      ? (deferred[Math.floor(rnd() * deferred.length)] as string)
      : `4P${n.toString(16).toUpperCase().padStart(9, '0')}`;
    if (!again && deferred.length < 5000) deferred.push(qid);
    else if (!again) deferred[n % deferred.length] = qid;
    const user = `u${(n * 7919) % 1_000_003}`;
    const pid = 10_000 + (n % 50_000);
    const message = refusal(qid, user, rnd(), mtaIp(mta));
    const hms = `${pad2(Math.floor(second / 3600))}:${pad2(Math.floor(second / 60) % 60)}:${pad2(second % 60)}`;
    if (shape === 'syslog') out(`Dec  6 ${hms} mx${mta}.example.com postfix/smtp[${pid}]: ${message}\n`);
    else
      out(
        `${n > 1 ? ',' : ''}{"_index":".ds-logs-system.syslog-default-2026.12.06-000001","_id":"r${n}","_score":null,"_source":{"@timestamp":"2026-12-06T${hms}.000Z","host":{"hostname":"mx${mta}.example.com"},"process":{"name":"postfix/smtp","pid":${pid}},"message":${JSON.stringify(message)}},"sort":[${Date.UTC(2026, 11, 6) + second * 1000}]}\n`,
      );
  }
  if (shape === 'search') out(']}}\n');
  if (text) writeSync(fd, text, null, 'latin1');
  closeSync(fd);
  renameSync(tmp, path);
}
