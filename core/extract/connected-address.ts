/**
 * The address and port of the server an MTA was talking to, right before the reply it quotes: Forward
 * Email's `(host 'mx.example.net' [192.0.2.1]:25: 450 4.2.1 ...)`, cut before the address by whoever
 * quoted it (`"...com' [138.197.213.185]:25: 450 4.2.1 Message was greylisted ..."`, forwardemail.net
 * issue #554), or before Orange's reply (`[80.12.24.83]:25: 550 opmta1mti07aub smtp.orange.fr ...`). A
 * port is named: the MTA connected to it.
 */
import { isNonPublicIp, normalizeIp } from './ip';

const CONNECTED_ADDRESS = /\[([0-9A-Fa-f:.]{2,45})\]:\d{1,5}:[ \t]{1,4}$/;

/** The public address CONNECTED_ADDRESS finds right before `from` in `text`, on its line, or null. */
export function connectedAddressBefore(text: string, from: number): string | null {
  const ip = normalizeIp(CONNECTED_ADDRESS.exec(text.slice(Math.max(0, from - 60), from))?.[1] ?? '');
  return ip && !isNonPublicIp(ip) ? ip : null;
}
