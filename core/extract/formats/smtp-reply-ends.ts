/**
 * The two ends of a pasted reply's connection, where the paste names them: the rejecting host and
 * address a notice's `Remote system:` block or PowerMTA's line gives, and the sending address and name.
 */

import type { Incident, SourceRef } from '../../types';
import { connectionAbove } from '../client-connection-above';
import type { ConnectionEnds } from '../connection-ends';
import { isHostName } from '../header-block';
import { addUnique, cite } from '../incident';
import { isNonPublicIp } from '../ip';
import { remoteSystem } from '../messaging-server';
import type { SourceText } from '../source-text';

/** Lines under a reply its notice's `Remote system:` line may be on. */
const REMOTE_SYSTEM_LINES = 4;

/**
 * The `Remote system: dns;mx.example.jp (TCP|local|port|remote|port)` line under a reply (messaging-
 * server.ts), or `Message rejected by: host`, within its block: the rejecting host and address, and the
 * local address the remote saw.
 */
export function fillRemoteSystem(incident: Incident, source: SourceText, lineIndex: number): void {
  let blank = false;
  for (let line = lineIndex + 1; line <= lineIndex + REMOTE_SYSTEM_LINES && line < source.lineCount; line++) {
    const ref = source.ref(line + 1);
    // One blank line may set the label apart from the reply, right after it; else it ends the block.
    if (ref.text.trim() === '') {
      if (blank) return;
      blank = true;
      continue;
    }
    const found = remoteSystem(ref.text);
    if (!found) {
      if (blank) return;
      continue;
    }
    setRemote(incident, found.host, found.remoteIp, ref);
    if (found.localIp && !isNonPublicIp(found.localIp)) {
      addUnique(incident.sendingIps, found.localIp);
      cite(incident, 'sendingIps', ref);
    }
    return;
  }
}

/** The ends of the connection PowerMTA names on the reply's line, where nothing else gave them. */
export function fillConnectionEnds(incident: Incident, ends: ConnectionEnds, ref: SourceRef): void {
  if (!incident.remoteHost && ends.remoteHost && isHostName(ends.remoteHost)) {
    incident.remoteHost = ends.remoteHost;
    cite(incident, 'remoteHost', ref);
  }
  if (!incident.remoteIp && ends.remoteIp) {
    incident.remoteIp = ends.remoteIp;
    cite(incident, 'remoteIp', ref);
  }
  if (ends.sendingIp && !isNonPublicIp(ends.sendingIp) && ends.sendingIp !== incident.remoteIp) {
    addUnique(incident.sendingIps, ends.sendingIp);
    cite(incident, 'sendingIps', ref);
  }
  if (ends.sendingHost && isHostName(ends.sendingHost)) {
    addUnique(incident.sendingHosts, ends.sendingHost);
    cite(incident, 'sendingHosts', ref);
  }
}

/** The server a sending program's log above the reply connected to (client-connection-above.ts). */
export function fillConnectionAbove(incident: Incident, source: SourceText, lineIndex: number): void {
  const found = connectionAbove((i) => source.line(i + 1), lineIndex);
  if (!found) return;
  setRemote(incident, found.host, found.ip, source.ref(found.lineIndex + 1));
}

/** The rejecting host and address a line names, each where given, cited to that line. */
function setRemote(
  incident: Incident,
  host: string | null | undefined,
  ip: string | null | undefined,
  at: SourceRef,
) {
  if (host) {
    incident.remoteHost = host;
    cite(incident, 'remoteHost', at);
  }
  if (ip) {
    incident.remoteIp = ip;
    cite(incident, 'remoteIp', at);
  }
}
