/**
 * Where the message entered the remote, when the remote wrote the bounce after accepting the message
 * (a recipient's mailbox full or unknown at local delivery, Google Groups refusing a post, an iMail or
 * qmail server of the recipient's domain): the returned copy then carries the remote's own
 * `Received: from <client> (... [IP]) by <remote host>`, whose client is the host that handed the
 * message over and `IP` the address the remote saw, even when that client's name is not in the sending
 * domain (a hosting provider's relay, a mailing list server).
 *
 * Unlike exit-hop.ts (which trusts a client named in the sending domain), the receiving side must be
 * shown to be the remote: its registrable domain is the recipient's, or an SPF verdict in the copy
 * (`Received-SPF`, `Authentication-Results`, written by the receiver at its border) names the client's
 * address, or the bounce itself came back from the receiver to that client (bounce-from-receiver.ts).
 * Or the bounce's own From is at the recipient's registrable domain, not the sender's
 * (`From: postmaster@matro.com.mx` for a recipient at matro.com.mx, as Office 365 writes for its
 * tenants), and the copy's receiving hosts are that domain's, its hosted mail's (HOSTED_MAIL) or its
 * filtering service's: the recipient's side wrote it, about a copy it had received.
 * A last proof: the host that wrote the bounce received the copy (`Reporting-MTA` naming a `by` host of
 * the receiving side) and failed a mailbox of its own, naming no server further on (`maildir delivery
 * failed ... quota`, `550 5.1.1 User unknown` from an inner store): the caller passes that host; the
 * proof holds only when the hop's client did not itself receive the message from outside (relayedBelow).
 * The entry hop is the topmost one, below the receiver's internal hops, whose client is outside the
 * receiver's domain with a public address; an authenticated submission (`with ESMTPSA`)
 * is a client into its own provider, never that hop. Only the first 30 Received fields are read.
 */
import { getDomain } from 'tldts';
import { bounceCameFromReceiver } from './bounce-from-receiver';
import { AUTHENTICATED_SUBMISSION, type ExitHop, isWithin, receiverHops } from './exit-hop';
import { type Field, isHostName } from './header-block';
import { isInboundFilterHost } from './inbound-filters';
import { isNonPublicIp } from './ip';
import { fromNameOf, hopOf, type ReceivedHop, receivedByName } from './received';

const SPF_FIELDS = new Set(['received-spf', 'authentication-results', 'arc-authentication-results']);

/**
 * Where organisations' mailboxes are hosted under the operator's names: Exchange Online, Google Workspace.
 */
const HOSTED_MAIL = new Set(['outlook.com', 'office365.com', 'google.com']);

/**
 * True when an SPF verdict of the copy names `ip` as the client checked (`designates IP`, `client-ip=IP`).
 */
function spfNamesClient(fields: readonly Field[], ip: string): boolean {
  for (const field of fields) {
    if (!SPF_FIELDS.has(field.name)) continue;
    const value = field.value.toLowerCase();
    if (value.includes(`designates ${ip} as`) || value.includes(`client-ip=${ip};`)) return true;
    if (value.endsWith(`client-ip=${ip}`)) return true;
  }
  return false;
}

/**
 * The submissions AUTHENTICATED_SUBMISSION (`with ESMTPA`) does not name: over the web (`with HTTP`),
 * or told by a comment, Sendmail's `(authenticated bits=0)`, Postfix's `(Authenticated sender: ...)`.
 */
const OTHER_SUBMISSION = /\bwith\s{1,4}HTTPS?\b|\(authenticated\s{1,4}(?:bits=|sender:)/i;

/** A hop where a client handed the message to its own provider, never one between two MTAs. */
function isSubmission(value: string): boolean {
  return AUTHENTICATED_SUBMISSION.test(value) || OTHER_SUBMISSION.test(value);
}

/**
 * True when a hop below `field` (the next ten) shows a host that received the message from a public
 * address over SMTP: the entry's client was then itself a relay that the message reached from outside,
 * a filtering service of the receiver's (Trend Micro's `Prefilter-postMTA10.emailsecurity.trendmicro.eu`
 * in front of a town's Exchange) as well as a smarthost of the sender's, which the hops cannot tell
 * apart. A host with a local name (`by home`) is a sender's own machine taking a submission.
 */
function relayedBelow(fields: readonly Field[], field: Field): boolean {
  if (!fields.includes(field)) return true;
  for (const next of receivedBelow(fields, field, 10)) {
    const hop = hopOf(next);
    // The name as written: an internal one (`by prefilter-premta15.muc1`) is not a host name to hopOf.
    if (!hop.fromIp || isNonPublicIp(hop.fromIp) || !receivedByName(next.value)?.includes('.')) continue;
    if (!isSubmission(next.value)) return true;
  }
  return false;
}

/** The next `count` Received fields below `field` (none when it is not among `fields`). */
function* receivedBelow(fields: readonly Field[], field: Field, count: number): Generator<Field> {
  let below = fields.indexOf(field);
  for (let seen = 0; below >= 0 && ++below < fields.length && seen < count; ) {
    const next = fields[below] as Field;
    if (next.name !== 'received') continue;
    seen++;
    yield next;
  }
}

/**
 * True when a host of the client's registrable domain carried the bounce itself (a client of the
 * bounce's own Received fields): the client is then the receiver's provider, which took the message in
 * and sent the bounce out (`smtp05.telecomputing.no` into a hosted Exchange, the bounce leaving by
 * `norway3.telecomputing.no`), not the sender.
 */
function carriedBounce(bounceTop: readonly Field[], clientNames: readonly (string | null)[]): boolean {
  const bases = clientNames.map((n) => (n ? getDomain(n) : null)).filter((b): b is string => !!b);
  if (bases.length === 0) return false;
  for (const field of bounceTop) {
    if (field.name !== 'received') continue;
    const hop = hopOf(field);
    const names = [fromNameOf(hop), hop.fromRdns, hop.fromHelo];
    if (names.some((n) => bases.some((b) => isWithin(n, b)))) return true;
  }
  return false;
}

/**
 * When the entry hop's client is a recipient's filtering service (inbound-filters.ts), the hop into the
 * service, among the next five Received fields: its `by` host is the service's and its client, at a
 * public address, is not (`Received: from mail.sender.example (IP) by mx-gate81-hz2.hornetsecurity.com`
 * below `Received: from hsmx05.antispameurope.com (IP) by exchange.recipient.example`). A `by` host the
 * service names inside its own network (`by prefilter-premta15.muc1`, Trend Micro's, under `Received:
 * from hes.trendmicro.com (unknown [10.36.141.75]) by Prefilter-postMTA10.emailsecurity.trendmicro.eu`) is
 * the service's too when the hop above came from it: its client, the host that handed the message on, is
 * of the service and at a private address. Null when the copy does not show it: the service's address is
 * never the sender's.
 */
function hopIntoFilter(fields: readonly Field[], entry: Field): { hop: ReceivedHop; field: Field } | null {
  let above = hopOf(entry);
  for (const field of receivedBelow(fields, entry, 5)) {
    const hop = hopOf(field);
    const fromInside =
      !!above.fromIp &&
      isNonPublicIp(above.fromIp) &&
      [fromNameOf(above), above.fromRdns, above.fromHelo].some(isInboundFilterHost);
    above = hop;
    if (!isInboundFilterHost(hop.byHost) && !fromInside) continue;
    const names = [fromNameOf(hop), hop.fromRdns, hop.fromHelo];
    if (names.some(isInboundFilterHost)) continue;
    if (!hop.fromIp || isNonPublicIp(hop.fromIp) || isSubmission(field.value)) return null;
    return { hop, field };
  }
  return null;
}

/** The name the client gave (HELO), else its own name, else its reverse name; null when it gave none. */
function clientName(hop: ReceivedHop): string | null {
  const name = fromNameOf(hop) ?? null;
  return hop.fromHelo ?? (name && isHostName(name) ? name : null) ?? hop.fromRdns;
}

/**
 * The hop where the returned copy entered the remote (see above), or null. `recipientDomain` is the
 * incident's; `sendingBase` the registrable domain of its sending domain (a receiver in it is the
 * sender's own network), null when it has none; `bounceTop` the bounce's own header fields;
 * `mailboxWriter` the host that wrote a bounce for a mailbox it failed itself, naming no other server;
 * `recipientAuthored` whether the bounce's From is at the recipient's domain (see above).
 */
export function findRemoteEntryHop(
  fields: readonly Field[],
  sendingBase: string | null,
  recipientDomain: string | null,
  bounceTop: readonly Field[] = [],
  mailboxWriter: string | null = null,
  recipientAuthored = false,
): ExitHop | null {
  const recipientBase = recipientDomain ? getDomain(recipientDomain) : null;
  for (const { hop, field, receiver, inside } of receiverHops(fields, sendingBase)) {
    const names = [fromNameOf(hop), hop.fromRdns, hop.fromHelo];
    // A hop inside the receiver's network (its own hosts, a private or local address) is not the entry;
    // nor one from the recipient's own domain when it wrote the bounce (its MX handing the copy on).
    const authored =
      recipientAuthored &&
      (receiver === recipientBase || HOSTED_MAIL.has(receiver) || isInboundFilterHost(hop.byHost));
    const own = authored && recipientBase ? [...inside, recipientBase] : inside;
    if (names.some((n) => own.some((d) => isWithin(n, d)))) continue;
    if (!hop.fromIp || isNonPublicIp(hop.fromIp)) continue;
    if (isSubmission(field.value)) return null;
    const host = clientName(hop);
    // A filtering service's hop: the sender's is the one into the service (hopIntoFilter), below it.
    const into = [host, hop.fromRdns].some(isInboundFilterHost) ? hopIntoFilter(fields, field) : undefined;
    if (into === null) return null;
    // (The service took the message in from outside: whether the sender's own relay did is asked of the
    // hop into the service.)
    const client = into ?? { hop, field };
    const isRecipients = !!recipientBase && inside.includes(recipientBase);
    const shown =
      isRecipients ||
      authored ||
      (mailboxWriter !== null &&
        inside.some((d) => isWithin(mailboxWriter, d)) &&
        !relayedBelow(fields, client.field) &&
        !carriedBounce(bounceTop, [clientName(client.hop), client.hop.fromRdns])) ||
      spfNamesClient(fields, hop.fromIp) ||
      bounceCameFromReceiver(bounceTop, receiver, [host, hop.fromRdns]);
    if (!shown) return null;
    if (into) {
      const sender = clientName(into.hop);
      return { ...into, sendingHost: sender ?? '', receiverDomain: receiver, writtenByRemote: true };
    }
    // A client without a usable name (`from unknown [192.0.2.8]`) still gives the address.
    return { hop, field, sendingHost: host ?? '', receiverDomain: receiver, writtenByRemote: true };
  }
  return null;
}
