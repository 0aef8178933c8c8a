/**
 * A "remote" that is this machine: a content filter or local delivery agent the MTA hands mail to on a
 * loopback address or a local socket. Seen in real logs: Postfix to amavisd-new
 * (`relay=127.0.0.1[127.0.0.1]:10024 ... said: 451 4.5.0 Error in processing`), Postfix to Dovecot LMTP
 * (`relay=mx1.example.net[private/dovecot-lmtp] ... said: 550 5.1.1 <rcpt> User doesn't exist`),
 * sendmail's submission program to the local MTA (`mailer=relay, relay=[127.0.0.1] [127.0.0.1]`).
 * Their refusals are local errors, not rejections by a remote server.
 * Not applied to Exim: its test suite (../shared/corpus/logs/exim-2.log) plays remote servers on
 * 127.0.0.1, and Exim setups hand mail to filters through routers rather than SMTP to loopback.
 */
import { isLoopbackIp } from '../ip';

/**
 * True when the next hop is this machine: a loopback address, or a Postfix local socket written where
 * the address would be (`host[private/dovecot-lmtp]`, a path).
 */
export function isLocalPeer(hostAndAddress: string, ip: string | null): boolean {
  return isLoopbackIp(ip) || /\[[^\]]{0,64}\//.test(hostAndAddress);
}
