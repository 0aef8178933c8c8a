/** Reading `Received:` headers: the host that received (`by`), the client (`from ... [ip]`). */
import { isHostName } from './header-block';
import { normalizeIp } from './ip';

export interface ReceivedHop {
  /** Host name after `from` (the client's HELO or name). */
  fromName: string | null;
  /** Reverse name in the parentheses, `(rdns.example.net [192.0.2.1])`. */
  fromRdns: string | null;
  fromIp: string | null;
  byHost: string | null;
  /** An IP the receiving host wrote for itself, `by mx.example.com (192.0.2.9)`. */
  byIp: string | null;
}

const FROM_PART = /^\s*from\s{1,8}([^\s()]{1,253})(?:\s{1,8}\(([^()]{0,400})\))?/i;
const BY_PART = /\bby\s{1,8}([A-Za-z0-9][A-Za-z0-9.-]{0,252})(?:\s{1,8}\(\[?([0-9A-Fa-f:.]{2,45})\]?\))?/i;
const BRACKET_IP = /\[(?:IPv6:)?([0-9A-Fa-f:.]{2,45})\]/i;

export function parseReceived(value: string): ReceivedHop {
  const from = FROM_PART.exec(value);
  const inParens = from?.[2] ?? '';
  const bracket = BRACKET_IP.exec(inParens) ?? BRACKET_IP.exec(from?.[1] ?? '');
  const rdns = /^([A-Za-z0-9][A-Za-z0-9.-]{0,252})/.exec(inParens.trim())?.[1] ?? null;
  const by = BY_PART.exec(value);
  const fromName = from?.[1]?.replace(/^\[|\]$/g, '') ?? null;
  return {
    fromName,
    fromRdns: rdns && isHostName(rdns) ? rdns.replace(/\.$/, '').toLowerCase() : null,
    fromIp: bracket?.[1] ? normalizeIp(bracket[1]) : fromName ? normalizeIp(fromName) : null,
    byHost: by?.[1] && isHostName(by[1]) ? by[1].replace(/\.$/, '').toLowerCase() : null,
    byIp: by?.[2] ? normalizeIp(by[2]) : null,
  };
}
