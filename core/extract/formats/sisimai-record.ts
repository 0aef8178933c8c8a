import { domainOf } from '../header-block';
import { isMaskedDomain } from '../redaction';
import { replySenderDomain } from '../reply-sender-domain';
import { type EventFacts, givenEnhanced } from './event-facts';
import { type Obj, str } from './json-value';

/**
 * Keys only a Sisimai record has beside its `diagnosticcode` (Sisimai's Fact, dumped as JSON by its
 * `dump` method; the members pasted in sisimai/p5-sisimai issues 189 and 395).
 */
const SISIMAI_KEYS = ['rhost', 'lhost', 'destination', 'smtpagent', 'softbounce', 'diagnostictype'];

/** The domain of an address, unless a redaction masked it (redaction.ts). */
function unmaskedDomain(address: string | null): string | null {
  const domain = address ? domainOf(address) : null;
  return domain && !isMaskedDomain(domain) ? domain : null;
}

/**
 * A Sisimai record (or members of one pasted alone): the remote's reply in `diagnosticcode`, its enhanced
 * code in `deliverystatus`, the remote in `rhost`, the MTA that reported the bounce in `lhost`, the
 * recipient's domain in `destination` (only where no `recipient` is pasted: a recipient the poster masked
 * stays unknown), the sender in `addresser` or `senderdomain`, else the envelope sender the reply refuses
 * by name. An `rhost` equal to `lhost` names the reporting MTA again (Sisimai writes both from it when the
 * bounce names no remote), not the remote. Null for any other object.
 */
export function sisimaiRecord(o: Obj, base: EventFacts): EventFacts | null {
  const diagnostic = str(o, 'diagnosticcode');
  if (!diagnostic || !SISIMAI_KEYS.some((key) => o[key] !== undefined)) return null;
  const lhost = str(o, 'lhost');
  const rhost = str(o, 'rhost');
  const addresser = base.sender ?? str(o, 'addresser');
  const senderDomain = str(o, 'senderdomain');
  const sender = unmaskedDomain(addresser) ? addresser : null;
  return {
    ...base,
    replyText: diagnostic,
    replyWritten: diagnostic,
    enhanced: givenEnhanced(str(o, 'deliverystatus'), diagnostic),
    recipientDomain: o.recipient === undefined ? str(o, 'destination') : null,
    sender,
    senderDomain:
      sender || (senderDomain && !isMaskedDomain(senderDomain))
        ? senderDomain
        : replySenderDomain(diagnostic),
    sendingHost: base.sendingHost ?? lhost,
    remoteHost: rhost && rhost.toLowerCase() !== lhost?.toLowerCase() ? rhost : null,
  };
}
