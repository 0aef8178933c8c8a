/**
 * The server a notice's own words say it could not reach, when no reply was read and nothing else named a
 * remote: Oracle Messaging Server's attempt history, `TCP active open: Failed connect() to TCP port 25 of
 * 192.0.2.240    Error: Connection timed out` (Sisimai's lhost-messagingserver-07), names the address it
 * tried, the remote's. Cited at the first line naming it.
 */
import type { Incident } from '../../types';
import { connectionFailure } from '../connection-failure';
import { isHostName } from '../header-block';
import { normalizeIp } from '../ip';
import type { RefOf } from './message-sender';

/** Lines of the notice looked at for the one naming the server. */
const MAX_LINES = 2000;

/** Names the remote that `words` (the notice's no-reply words, connection-failure.ts) say was tried. */
export function nameUnreachedRemote(
  incident: Incident,
  words: string,
  bodyLines: readonly string[],
  refOf: RefOf,
): void {
  if (incident.remoteHost || incident.remoteIp) return;
  const tried = connectionFailure(null, words);
  const named = tried?.ip ?? tried?.host;
  if (!tried || !named) return;
  const line = bodyLines.slice(0, MAX_LINES).find((l) => l.includes(named));
  if (!line) return;
  nameTriedServer(incident, tried.host, tried.ip, line, refOf);
}

/**
 * Names the server a notice says it tried as the remote, cited at `line`: its host when a host name (not
 * an address written as one), its address when a valid one (also Gmail's bracket, message-remote.ts).
 */
export function nameTriedServer(
  incident: Incident,
  host: string | null,
  ip: string | null,
  line: string | undefined,
  refOf: RefOf,
): void {
  if (host && !normalizeIp(host) && isHostName(host)) {
    incident.remoteHost = host.toLowerCase();
    refOf(incident, 'remoteHost', line);
  }
  const address = ip ? normalizeIp(ip) : null;
  if (address) {
    incident.remoteIp = address;
    refOf(incident, 'remoteIp', line);
  }
}
