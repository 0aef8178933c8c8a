/**
 * Forward Email's refusal names, in quotes, what it connected for: `<jean@orange.fr> (host 'orange.fr'
 * [80.12.24.83]:25: 550 opmta1mti07aub smtp.orange.fr ...` (forwardemail/forwardemail.net, its
 * get-bounce-info test). That `orange.fr` is the recipient's domain whose MX it looked up, not the
 * server's name: 80.12.24.83 is one of Orange's inbound MX addresses (the shared notes: 80.12.24.x,
 * smtp-in.orange.fr serves orange.fr), and Orange's reply names its server `smtp.orange.fr`. A domain can
 * be its own MX, but nothing in the text tells which it is: the name is left out (an empty field with a
 * warning, the ticket leaves the optional field out), the address it connected to kept. Exchange Online's lead
 * naming the bare recipient domain is left out alike (formats/message-exchange-rejecter.ts). Postfix's
 * unquoted `host example.com[192.0.2.1] said:` names the MX it resolved, and stays.
 */
import { domainOf } from './header-block';

/** `host 'NAME'`: the name in single quotes, as Forward Email writes it (Postfix's is bare). */
const QUOTED_NAME = /^host\s{1,12}'/i;

/** `host`, or null when the quoted name is exactly the recipient's domain. */
export function hostUnlessRecipientDomain(
  matched: string,
  host: string | null,
  recipient: string | null,
): string | null {
  if (!host || !recipient || !QUOTED_NAME.test(matched)) return host;
  const domain = domainOf(recipient);
  return domain !== null && host.toLowerCase().replace(/\.$/, '') === domain ? null : host;
}
