/**
 * A connection opened by hand with netcat instead of telnet, its `-v` line before the server's greeting:
 * OpenBSD's netcat (Debian's `netcat-openbsd`, macOS's `nc`) writes `Connection to HOST (IP) PORT port
 * [tcp/SERVICE] succeeded!`, the address only where it differs from what was typed and older releases
 * without it (its netcat.c, `report_connect`); Nmap's ncat writes `Ncat: Connected to IP:PORT.`.
 * The host and address are the server's, never the sender's.
 */
import { normalizeIp } from './ip';

const OPENBSD =
  /^\s{0,4}Connection to\s([A-Za-z0-9][A-Za-z0-9.:-]{0,252}?)\.?(?:\s\(([0-9A-Fa-f:.]{2,45})\))?\s\d{1,5}\sport\s\[tcp\/[\w*-]{1,32}\]\ssucceeded!\s*$/;
const NCAT =
  /^\s{0,4}Ncat: Connected to\s(?:\[([0-9A-Fa-f:]{2,45})\]|(\d{1,3}(?:\.\d{1,3}){3})):\d{1,5}\.\s*$/;

export interface NetcatConnection {
  host: string | null;
  ip: string | null;
}

/** The server netcat's `-v` line says it connected to, or null when the line is none. */
export function netcatConnection(line: string): NetcatConnection | null {
  // Most lines are none: one search for the words both write before any pattern.
  if (!line.includes('onnect')) return null;
  const openbsd = OPENBSD.exec(line);
  if (openbsd?.[1]) {
    const typedIp = normalizeIp(openbsd[1]);
    return {
      host: typedIp ? null : openbsd[1].toLowerCase(),
      ip: typedIp ?? (openbsd[2] ? normalizeIp(openbsd[2]) : null),
    };
  }
  const ncat = NCAT.exec(line);
  if (ncat) return { host: null, ip: normalizeIp(ncat[1] ?? ncat[2] ?? '') };
  return null;
}
