/**
 * Exchange message tracking logs: a W3C-style header (`#Software: Microsoft Exchange Server`,
 * `#Fields: date-time,client-ip,...,event-id,...,recipient-address,recipient-status,...,sender-address`)
 * then CSV rows. A FAIL (or DEFER) event's recipient-status holds the remote reply, either plain
 * (`550 5.7.1 ...`) or tagged as in Exchange 2013 and later:
 * `[{LED=550 5.7.1 ...};{MSG=};{FQDN=host};{IP=ip};{LRT=}]`, the shape Get-MessageTrackingLog and delivery
 * reports show (`RecipientStatus : {[{LED=550-5.7.26 ...`); `[{LED}=...];[{FQDN}=...]` is read as well.
 * The remote host and address are read only from those tags; client-ip/server-ip are left alone because
 * their meaning changes with the event and the source.
 */
import { cultureDate, EXCHANGE_OWN_STATUS, statusRemote, statusTag as tag } from '../../exchange-status';
import { exchangeInnerReply } from '../../exchange-wrapper';
import { NOTES } from '../../notes';
import type { FormatReader } from '../model';
import { refOf } from '../model';
import { baseRejection } from './common';
import { parseCsvRow } from './csv';
import { extendedReportColumns, isExtendedReportHeader } from './exchange-online-report';
import { isMessageTraceCsvHeader, messageTraceCsvColumns } from './message-trace-csv';

export const exchangeReader: FormatReader = {
  format: 'exchange',
  read(record, _syslog, ctx) {
    const text = record.text;
    if (text.startsWith('#Fields:')) {
      ctx.formatState.set(
        'exchange.columns',
        text
          .slice(8)
          .trim()
          .split(',')
          .map((c) => c.trim()),
      );
      return;
    }
    if (isExtendedReportHeader(text)) {
      ctx.formatState.set('exchange.columns', extendedReportColumns(text));
      return;
    }
    if (isMessageTraceCsvHeader(text)) {
      ctx.formatState.set('exchange.columns', messageTraceCsvColumns(text));
      return;
    }
    if (text.startsWith('#')) return;
    const columns = ctx.formatState.get('exchange.columns') as string[] | undefined;
    if (!columns) return;
    const fields = parseCsvRow(text);
    const get = (name: string) => {
      const i = columns.indexOf(name);
      return i < 0 ? undefined : fields[i]?.trim() || undefined;
    };
    const event = get('event-id')?.toUpperCase();
    if (event === 'DELIVER' || event === 'SEND') return ctx.count('delivered');
    if (event !== 'FAIL' && event !== 'DEFER') return;
    const status = get('recipient-status') ?? '';
    const logged = tag(status, 'LED') ?? status;
    const reply = exchangeInnerReply(logged) ?? logged;
    if (!/^[245]\d\d[ -]/.test(reply) || EXCHANGE_OWN_STATUS.test(reply))
      return ctx.count('failure-without-reply');
    const ref = refOf(record);
    // A message trace's Date, in UTC, read only where its culture leaves one order (cultureDate).
    const traced = get('trace-date-utc');
    const tracedTime = traced ? cultureDate(traced) : null;
    const when = get('date-time') ?? (tracedTime ? `${tracedTime}Z` : undefined);
    const rejection = baseRejection('exchange', ref, when ? { kind: 'iso', text: when } : null, reply);
    // (Day and month both 12 or less in a culture's numbers, `04/03/2024 09:12:02`: said, not guessed.)
    if (traced && !tracedTime && /^\d{1,2}\/\d{1,2}\/\d{4}\b/.test(traced))
      rejection.stampNote = NOTES.ambiguousRowDate(traced);
    rejection.recipient = get('recipient-address')?.split(';')[0] ?? null;
    const sender = get('sender-address');
    if (sender) rejection.sender = { value: sender, ref };
    // A refusal at connection quotes the remote's reply in Exchange's own (exchange-wrapper.ts); the
    // remote is named by the tags or the last endpoint (statusRemote).
    const remote = statusRemote(status, logged);
    rejection.remoteHost = remote.host;
    rejection.remoteIp = remote.ip;
    ctx.emit(rejection);
  },
};
