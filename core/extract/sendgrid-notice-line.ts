/**
 * SendGrid's own notice of 2012-2013 (`This is an automatically generated message from SendGrid.`),
 * one line per failed recipient: the recipient, the address SendGrid sent from, the MX and its address,
 * then the reply and the command it answered:
 * `kijitora:000000:<kijitora@example.jp> : 192.0.2.250 : mx.example.jp:[192.0.2.153] : 550 5.1.1 ... in RCPT TO`
 * (Sisimai's lhost-sendgrid-01 and -02). The returned copy's hops end where SendGrid took the message in
 * (`by None (SG)`): the hosts before it are the customer's, which the remote never saw.
 */
import type { Incident } from '../types';
import type { RefOf } from './formats/message-sender';
import { isPublicSendingIp } from './formats/message-sending-ip';
import { domainOf } from './header-block';
import { normalizeIp } from './ip';

/** The notice's opening sentence, in its first lines. */
const SENDGRID_NOTICE = 'automatically generated message from SendGrid';

/** The recipient's line: recipient, sending address, MX name and address, each between ` : `. */
const RECIPIENT_LINE =
  /^[^\s:<>]{1,64}:\d{1,20}:<([^\s<>@]{1,64}@[A-Za-z0-9.-]{1,253})> : ([0-9A-Fa-f:.]{2,45}) : ([A-Za-z0-9.-]{1,253}):\[([0-9A-Fa-f:.]{2,45})\] : \S/;

/**
 * Sets the remote and the sending address the recipient's line of SendGrid's notice gives: the address
 * is SendGrid's own saying which of its addresses the remote saw, so the returned copy's host names (the
 * customer's server that handed the message to SendGrid) are no sending host.
 */
export function applySendGridLine(incident: Incident, bodyLines: readonly string[], refOf: RefOf): void {
  const head = Math.min(bodyLines.length, 40);
  let isNotice = false;
  for (let i = 0; i < head && !isNotice; i++) isNotice = (bodyLines[i] as string).includes(SENDGRID_NOTICE);
  if (!isNotice) return;
  const last = Math.min(bodyLines.length, 200);
  for (let i = 0; i < last; i++) {
    const line = bodyLines[i] as string;
    if (line.length > 2000 || !line.includes(' : ')) continue;
    const m = RECIPIENT_LINE.exec(line);
    const remoteIp = m ? normalizeIp(m[4] as string) : null;
    const ip = m ? normalizeIp(m[2] as string) : null;
    if (!m || !remoteIp || !ip || domainOf(m[1] as string) !== incident.recipientDomain) continue;
    if (!incident.remoteHost) {
      incident.remoteHost = (m[3] as string).replace(/\.$/, '').toLowerCase();
      refOf(incident, 'remoteHost', line);
    }
    if (!incident.remoteIp) {
      incident.remoteIp = remoteIp;
      refOf(incident, 'remoteIp', line);
    }
    incident.sendingHosts = [];
    delete incident.sources.sendingHosts;
    incident.sendingIps = [];
    delete incident.sources.sendingIps;
    if (isPublicSendingIp(incident, ip)) {
      incident.sendingIps.push(ip);
      refOf(incident, 'sendingIps', line);
    }
    return;
  }
}
