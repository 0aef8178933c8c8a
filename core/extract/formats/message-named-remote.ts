/** The remote host or address a bounce names, where the reading of remoteHost/remoteIp does not look. */
import type { Incident } from '../../types';
import { normalizeIp } from '../ip';

// A remote the bounce names where the reading of remoteHost/remoteIp does not look: Postfix's
// `connect to mx.example.org[192.0.2.1]:25`, `lost connection with mx[IP]`, qmail's
// `192.0.2.1 failed after I sent the message`, `192.0.2.1 does not like recipient`, Sendmail's
// `... while talking to mx.example.org.:`, CommuniGate Pro's `host 10.2.9.112 says:`.
const NAMED_REMOTE =
  /\b(?:connect to|connection with)\s{1,4}([A-Za-z0-9][A-Za-z0-9.-]{0,252})\[|(?:^|\s)([0-9A-Fa-f:.]{3,45})\s{1,4}(?:failed after I sent the message|does not like recipient)|\b(?:Giving up on|Connected to)\s{1,4}([0-9A-Fa-f:.]{3,45})|\bwhile talking to\s{1,4}([A-Za-z0-9][A-Za-z0-9.-]{0,252}?)\.?:|\bhost\s{1,4}([0-9A-Fa-f:.]{3,45})\s{1,4}says:/i;

/**
 * Words each wording of NAMED_REMOTE holds: a line without any is passed over by a plain search, not by
 * NAMED_REMOTE's alternatives tried at each space (twice as fast over the lines of Sisimai's set).
 */
const NAMED_REMOTE_WORDS = /connect|failed after|does not like|giving up|talking to|says:/i;

export interface NamedRemote {
  host: string | null;
  ip: string | null;
}

/** The remote host or address the bounce names: its Remote-MTA or reply host, else its body. */
export function namedRemote(incident: Incident, bodyLines: readonly string[]): NamedRemote {
  if (incident.remoteHost || incident.remoteIp) return { host: incident.remoteHost, ip: incident.remoteIp };
  const count = Math.min(bodyLines.length, 200);
  for (let i = -1; i < count; i++) {
    const line = i < 0 ? incident.reply.text : (bodyLines[i] as string);
    const m = line.length < 4096 && NAMED_REMOTE_WORDS.test(line) ? NAMED_REMOTE.exec(line) : null;
    if (m)
      return { host: (m[1] ?? m[4])?.toLowerCase() ?? null, ip: normalizeIp(m[2] ?? m[3] ?? m[5] ?? '') };
  }
  return { host: null, ip: null };
}
