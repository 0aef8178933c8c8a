/**
 * Momentum (Ecelerity, SparkPost's on-premises MTA) writes `@`-separated records, the time first in Unix
 * seconds and the record type fifth (Momentum 4 reference, chapter 35 "Log Formats"):
 *
 *     mainlog, permanent failure (P) and transient failure (T):
 *     time@message-id@batch-id@connection-id@P@destination-domain@bytes@binding-group@binding@stage@retries@seconds@remote-ip@reply
 *     bouncelog, bounce (B) and transient failure (T):
 *     time@message-id@batch-id@connection-id@B@rcpt-localpart@rcpt-domain@sender-localpart@sender-domain@binding-group@binding@stage@class@size@remote-ip@reply
 *
 * The reply is the last field (it may hold `@` itself). `R` (reception), `D` (delivery), `X` (transfer)
 * and the `M` heartbeat are no refusals. Momentum's own failures are no remote's refusal: `[internal]`
 * in the reply (`554 5.4.7 [internal] exceeded max time without delivery`), `421 no adequate servers`
 * (no server of the domain could be reached). The records name binding groups, not the sending address.
 */
import type { Note } from '../../../types';
import type { FormatReader } from '../model';
import { refOf } from '../model';
import { baseRejection } from './common';

/** The fixed head of every record: Unix time, three ids (`00/00-25593-393A87F3`), the type. */
const HEAD =
  /^(\d{9,11})@(?:[0-9A-F]{2}\/[0-9A-F]{2}-\d{1,10}-[0-9A-F]{4,16})?@[^@\s]{0,40}@[^@\s]{0,40}@([A-Z]\d?)@/;
const IPV4_OR_6 = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f:]{2,45})$/;
const NUMBER = /^\d{1,12}(?:\.\d{1,6})?$/;
const OWN_FAILURE = /\[internal\]|^\s{0,4}4\d\d\s{1,4}no adequate servers\b/i;

const OWN_FAILURE_NOTE: Note = {
  code: 'momentum-own-failure',
  text: {
    fr: 'Des échecs du journal Momentum sont ceux de Momentum lui-même («\u00a0[internal]\u00a0», «\u00a0no adequate servers\u00a0»\u00a0: délai dépassé, aucun serveur joignable)\u00a0: aucun serveur distant n’a refusé ces messages.',
    en: 'Some failures in the Momentum log are Momentum’s own (“[internal]”, “no adequate servers”: time exceeded, no server reachable): no remote server refused those messages.',
  },
};

interface Fields {
  recipient: string | null;
  domain: string | null;
  sender: string | null;
  remoteIp: string | null;
  reply: string;
}

/** A mainlog P/T record's fields, or null when the values are not where the mainlog puts them. */
function mainlog(f: readonly string[]): Fields | null {
  if (f.length < 14 || !NUMBER.test(f[6] ?? '') || !IPV4_OR_6.test(f[12] ?? '')) return null;
  return {
    recipient: null,
    domain: f[5] || null,
    sender: null,
    remoteIp: f[12] ?? null,
    reply: f.slice(13).join('@'),
  };
}

/** A bouncelog B/T record's fields, or null when the values are not where the bouncelog puts them. */
function bouncelog(f: readonly string[]): Fields | null {
  if (f.length < 16 || !NUMBER.test(f[13] ?? '') || !IPV4_OR_6.test(f[14] ?? '')) return null;
  const sender = f[7] && f[8] ? `${f[7]}@${f[8]}` : null;
  return {
    recipient: f[5] && f[6] ? `${f[5]}@${f[6]}` : null,
    domain: f[6] || null,
    sender,
    remoteIp: f[14] ?? null,
    reply: f.slice(15).join('@'),
  };
}

export const momentumReader: FormatReader = {
  format: 'momentum',
  claimsBare: (text) => HEAD.test(text),
  read(record, _syslog, ctx) {
    const head = HEAD.exec(record.text);
    if (!head) return;
    const type = head[2];
    if (type === 'D' || type === 'X') return ctx.count('delivered');
    if (type !== 'P' && type !== 'T' && type !== 'B') return;
    const fields = record.text.split('@');
    const read =
      (type === 'P' ? mainlog(fields) : type === 'B' ? bouncelog(fields) : null) ??
      (type === 'T' ? (bouncelog(fields) ?? mainlog(fields)) : null);
    if (!read || !/^\s{0,4}[245]\d\d\b/.test(read.reply)) return ctx.count('failure-without-reply');
    if (OWN_FAILURE.test(read.reply)) {
      ctx.warnOnce(OWN_FAILURE_NOTE);
      return ctx.count('failure-without-reply');
    }
    const ref = refOf(record);
    const rejection = baseRejection(
      'momentum',
      ref,
      { kind: 'epoch', seconds: Number(head[1]) },
      read.reply.trim(),
    );
    rejection.recipient = read.recipient ?? (read.domain ? `@${read.domain}` : null);
    if (read.sender) rejection.sender = { value: read.sender, ref };
    rejection.remoteIp = read.remoteIp;
    ctx.emit(rejection);
  },
};
