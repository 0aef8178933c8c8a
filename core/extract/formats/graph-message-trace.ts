/**
 * Microsoft Graph's message trace of Exchange Online (`GET /admin/exchange/tracing/messageTraces/{id}/
 * getDetailsByRecipient(...)`, resource exchangeMessageTraceDetail): `{"value": [{"dateTime": ...,
 * "event": "Fail", "action": ..., "description": ..., "data": ..., "messageId": ...}]}`, the events
 * Get-MessageTraceDetail prints. A Fail or Defer event's `description` is the tagged status
 * (`Reason: [{LED=550 ...};{MSG=};{FQDN=host};{IP=ip};{LRT=}]. OutboundProxyTargetIP: ...`) and its
 * `dateTime` is UTC ("The timestamp is in UTC format", the resource's reference). The trace's summary
 * (exchangeMessageTrace) names the addresses, when it is pasted around the details.
 */

import { trackingStatus } from '../exchange-status';
import type { EventFacts } from './event-facts';
import { type Obj, str } from './json-value';

/** The refusal a trace detail event holds, or null when it is none (or Exchange's own status). */
export function graphTraceDetail(o: Obj, parents: readonly Obj[], base: EventFacts): EventFacts | null {
  const description = str(o, 'description');
  if (!description?.includes('{LED=') || typeof o.event !== 'string') return null;
  const status = trackingStatus(description);
  if (!status || typeof status === 'string') return null;
  const summary = parents.find((p) => typeof p.recipientAddress === 'string');
  const time = str(o, 'dateTime');
  return {
    ...base,
    replyText: status.reply,
    replyWritten: status.reply,
    remoteHost: status.remoteHost,
    remoteIp: status.remoteIp,
    time:
      time && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,7})?$/.test(time) ? `${time}Z` : (time ?? base.time),
    recipient: base.recipient ?? (summary ? str(summary, 'recipientAddress') : null),
    sender: base.sender ?? (summary ? str(summary, 'senderAddress') : null),
  };
}
