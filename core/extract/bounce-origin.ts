/**
 * The host that wrote a bounce when it names itself `localhost` in its own Received line (OpenSMTPD
 * before 6.x: `Received: from localhost (localhost [local]); by localhost (OpenSMTPD) ...`), as no
 * Reporting-MTA or text names it either. The bounce left that host on the hop right above, into the
 * sender's mail server: `Received: from mta.example.com (rdns.example.net [192.0.2.1]) by
 * mx.example.org`, whose client is the host under the name it gave itself. (Shape seen in the Sisimai
 * corpus: lhost-opensmtpd-01 to -05.)
 */
import { type Field, isHostName } from './header-block';
import { fromNameOf, hopOf, receivedByName } from './received';

const MAX_HOPS = 30;

/** The hop out of a bounce's `localhost` origin and the name its client gave, or null. */
export function localhostOriginExit(top: readonly Field[]): { host: string; field: Field } | null {
  const received: Field[] = [];
  for (const field of top) {
    if (field.name === 'received') received.push(field);
    if (received.length === MAX_HOPS) break;
  }
  // The bounce's origin: the lowest Received naming its receiving host.
  for (let i = received.length - 1; i >= 1; i--) {
    const by = receivedByName((received[i] as Field).value);
    if (!by) continue;
    if (by !== 'localhost') return null;
    const above = received[i - 1] as Field;
    const name = fromNameOf(hopOf(above)) ?? '';
    return isHostName(name) ? { host: name, field: above } : null;
  }
  return null;
}
