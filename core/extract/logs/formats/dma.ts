/**
 * The DragonFly Mail Agent (dma: the small MTA of DragonFly BSD, packaged by Debian for web servers'
 * outgoing mail) as it logs to syslog. Its ident carries the queue id where a pid would be, the mail's
 * (`dma[1a2f3]`) then, per recipient, with a second part (`dma[1a2f3.55d8c6f2a0c0]`); its lines, as
 * dma.c, spool.c and net.c write them:
 *
 *     Dec  5 10:12:00 web1 dma[1a2f3]: new mail from user=www-data uid=33 envelope_from=<noreply@example.com>
 *     Dec  5 10:12:00 web1 dma[1a2f3]: mail to=<lea@orange.fr> queued as 1a2f3.55d8c6f2a0c0
 *     Dec  5 10:12:00 web1 dma[1a2f3.55d8c6f2a0c0]: <lea@orange.fr> trying delivery
 *     Dec  5 10:12:00 web1 dma[1a2f3.55d8c6f2a0c0]: trying delivery to smtp-in.orange.fr [193.252.22.65] pref 10
 *     Dec  5 10:12:01 web1 dma[1a2f3.55d8c6f2a0c0]: remote delivery to smtp-in.orange.fr [193.252.22.65] failed after connect: 550 ...
 *
 * A refusal is `remote delivery to HOST [IP] failed after CMD: REPLY` (5xx) or `remote delivery
 * deferred: HOST [IP] failed after CMD: REPLY` (4xx); older releases name no host there
 * (`remote delivery failed after RCPT TO: REPLY`), which the `trying remote delivery to HOST [IP] pref N
 * using EHLO` line before it names. The MX is the remote, never the sender.
 */
import type { BoundedMap } from '../bounded-map';
import type { FormatReader, ScanContext } from '../model';
import { detach, refOf, rememberSender } from '../model';
import { baseRejection, boundedState, hostAndIp, syslogHost } from './common';

const NEW_MAIL = /^new mail from user=\S{0,64} uid=\d{1,10} envelope_from=<([^<>\s]{0,512})>/;
const QUEUED = /^mail to=<([^<>\s]{1,512})> queued as ([0-9a-f]{1,16}\.[0-9a-f]{1,16})/;
const TRYING_RECIPIENT = /^<([^<>\s]{1,512})> trying delivery$/;
const TRYING_HOST = /^trying (?:remote )?delivery to (\S{1,255}) \[([^\]\s]{1,64})\] pref \d{1,5}/;
const REFUSED =
  /^remote delivery (?:to (\S{1,255}) \[([^\]\s]{1,64})\] failed|deferred: (?:(\S{1,255}) \[([^\]\s]{1,64})\] )?failed|failed) after ([A-Za-z ]{2,20}): (?=[245]\d\d)/;

interface Delivery {
  recipient: string | null;
  host: string | null;
  ip: string | null;
}

function deliveries(ctx: ScanContext): BoundedMap<string, Delivery> {
  return boundedState<Delivery>(ctx, 'dma.deliveries');
}

function delivery(ctx: ScanContext, id: string): Delivery {
  const map = deliveries(ctx);
  let known = map.get(id);
  if (!known) {
    known = { recipient: null, host: null, ip: null };
    map.set(detach(id), known);
  }
  return known;
}

export const dmaReader: FormatReader = {
  format: 'dma',
  claimsSyslog: (syslog) => syslog.program === 'dma',
  read(record, syslog, ctx) {
    if (!syslog?.pid) return;
    const id = syslog.pid;
    const mailId = id.split('.')[0] ?? id;
    const text = syslog.message;
    const from = NEW_MAIL.exec(text);
    if (from) {
      rememberSender(ctx, `dma:${mailId}`, from[1] ?? '', record);
      return;
    }
    const queued = QUEUED.exec(text);
    if (queued) {
      delivery(ctx, queued[2] ?? '').recipient = detach(queued[1] ?? '');
      return;
    }
    const recipient = TRYING_RECIPIENT.exec(text);
    if (recipient) {
      delivery(ctx, id).recipient = detach(recipient[1] ?? '');
      return;
    }
    const trying = TRYING_HOST.exec(text);
    if (trying) {
      const known = delivery(ctx, id);
      known.host = detach(trying[1] ?? '');
      known.ip = detach(trying[2] ?? '');
      return;
    }
    if (/^<[^<>\s]{1,512}> delivery successful$/.test(text)) {
      ctx.count('delivered');
      return;
    }
    const refused = REFUSED.exec(text);
    if (!refused) return;
    const ref = refOf(record);
    const rejection = baseRejection('dma', ref, syslog.stamp, text.slice(refused[0].length));
    const known = deliveries(ctx).get(id);
    const host = refused[1] ?? refused[3] ?? known?.host ?? null;
    const ip = refused[2] ?? refused[4] ?? known?.ip ?? null;
    if (host) rejection.remoteHost = hostAndIp(host).host;
    if (ip) rejection.remoteIp = hostAndIp(`x[${ip}]`).ip;
    rejection.recipient = known?.recipient ?? null;
    rejection.sender = ctx.senders.get(`dma:${mailId}`) ?? null;
    rejection.senderKey = `dma:${mailId}`;
    rejection.sendingHost = syslogHost(syslog, ref);
    ctx.emit(rejection);
  },
};
