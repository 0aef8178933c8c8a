/**
 * Both ends of the connection PowerMTA names after a reply, in its log and its web monitor's "Last
 * Errors" (`Error: "421 4.7.0 ..." while connected from mta1.example.com (192.0.2.1) to
 * mx.example.net (198.51.100.2)`): the sending MTA's name and address, then the remote's.
 */
import { normalizeIp } from './ip';

export interface ConnectionEnds {
  sendingHost: string | null;
  sendingIp: string | null;
  remoteHost: string | null;
  remoteIp: string | null;
}

// Each end: a name then its address in parentheses, or the address alone. Bounded, no nesting.
const END = String.raw`(?:([A-Za-z0-9][A-Za-z0-9.-]{0,252})\s{1,4}\(([0-9A-Fa-f:.]{2,45})\)|([0-9A-Fa-f:.]{2,45}))`;
const CONNECTED = new RegExp(String.raw`\bwhile connected from\s{1,4}${END}\s{1,4}to\s{1,4}${END}`, 'i');

/** The two ends, or null when the line names none. */
export function connectionEnds(line: string): ConnectionEnds | null {
  const m = CONNECTED.exec(line);
  if (!m) return null;
  const ip = (v: string | undefined) => (v ? normalizeIp(v) : null);
  const host = (v: string | undefined) => (v && !ip(v) ? v.toLowerCase() : null);
  return {
    sendingHost: host(m[1]),
    sendingIp: ip(m[2] ?? m[3]),
    remoteHost: host(m[4]),
    remoteIp: ip(m[5] ?? m[6]),
  };
}

/** A cheap look for such a line. */
export const NAMES_CONNECTION_ENDS = /\bwhile connected from\s/i;
