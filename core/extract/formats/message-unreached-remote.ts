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
  const host = tried.host && isHostName(tried.host) ? tried.host : null;
  const ip = tried.ip ? normalizeIp(tried.ip) : null;
  if (host) {
    incident.remoteHost = host;
    refOf(incident, 'remoteHost', line);
  }
  if (ip) {
    incident.remoteIp = ip;
    refOf(incident, 'remoteIp', line);
  }
}
