/** Reading `Received:` headers: the host that received (`by`), the client (`from ... [ip]`). */
import { type Field, isHostName } from './header-block';
import { normalizeIp } from './ip';

export interface ReceivedHop {
  /** Host name after `from` (the client's HELO or name). */
  fromName: string | null;
  /** Reverse name in the parentheses, `(rdns.example.net [192.0.2.1])`. */
  fromRdns: string | null;
  /** The name the client gave, when written apart: qmail `(HELO name)`, Exim `(helo=name)`. */
  fromHelo: string | null;
  fromIp: string | null;
  byHost: string | null;
  /** An IP the receiving host wrote for itself, `by mx.example.com (192.0.2.9)`. */
  byIp: string | null;
}

// `from NAME (COMMENT)` and qmail's second comment, `from NAME (HELO name) (IP)`.
const FROM_PART =
  /^\s*from\s{1,8}([^\s()]{1,253})(?:\s{1,8}\(([^()]{0,400})\))?(?:\s{1,8}\(([^()]{0,400})\))?/i;
const BY_PART = /\bby\s{1,8}([A-Za-z0-9][A-Za-z0-9.-]{0,252})(?:\s{1,8}\(\[?([0-9A-Fa-f:.]{2,45})\]?\))?/i;
const BRACKET_IP = /\[(?:IPv6:)?([0-9A-Fa-f:.]{2,45})\]/i;
// A comment that is an address alone, maybe with more words: Exchange `(192.0.2.9)`, qmail
// `(192.0.2.9)` or `(192.0.2.9 with plain)`.
const BARE_IP = /^\s{0,4}(?:IPv6:)?([0-9A-Fa-f:.]{2,45})(?:\s|$)/i;
// iMail writes the address right after the name, outside any comment: `from mx.example.net [192.0.2.9] by`.
const NAME_THEN_BRACKET_IP = /^\s*from\s{1,8}[^\s()[\]]{1,253}\s{1,8}\[(?:IPv6:)?([0-9A-Fa-f:.]{2,45})\]/i;
const HELO = /(?:^|\s)(?:HELO|EHLO)\s{1,4}([^\s()]{1,253})|\bhelo=([^\s()]{1,253})/i;

function heloName(comment: string): string | null {
  const m = HELO.exec(comment);
  const name = (m?.[1] ?? m?.[2] ?? '').replace(/\.$/, '').toLowerCase();
  return isHostName(name) ? name : null;
}

function commentIp(comment: string): string | null {
  const ip = BRACKET_IP.exec(comment)?.[1] ?? BARE_IP.exec(comment)?.[1];
  return ip ? normalizeIp(ip) : null;
}

export function parseReceived(value: string): ReceivedHop {
  const from = FROM_PART.exec(value);
  const inParens = from?.[2] ?? '';
  const second = from?.[3] ?? '';
  const rdns = /^([A-Za-z0-9][A-Za-z0-9.-]{0,252})/.exec(inParens.trim())?.[1] ?? null;
  const by = BY_PART.exec(value);
  const fromName = from?.[1]?.replace(/^\[|\]$/g, '') ?? null;
  // qmail writes the address the client connected from in the last comment: it wins over a name
  // that merely looks like an address (`from 127.0.0.1 (EHLO mx.example.com) (192.0.2.8)`).
  const ip =
    commentIp(second) ??
    commentIp(inParens) ??
    (BRACKET_IP.exec(from?.[1] ?? '')?.[1]
      ? normalizeIp(BRACKET_IP.exec(from?.[1] ?? '')?.[1] ?? '')
      : null) ??
    (fromName ? normalizeIp(fromName) : null) ??
    normalizeIp(NAME_THEN_BRACKET_IP.exec(value)?.[1] ?? '');
  return {
    fromName,
    fromRdns: rdns && isHostName(rdns) ? rdns.replace(/\.$/, '').toLowerCase() : null,
    fromHelo: heloName(inParens) ?? heloName(second),
    fromIp: ip,
    byHost: by?.[1] && isHostName(by[1]) ? by[1].replace(/\.$/, '').toLowerCase() : null,
    byIp: by?.[2] ? normalizeIp(by[2]) : null,
  };
}

/**
 * Hops already read, per Received field object. Several readers walk the same returned copy (the top
 * hop, the exit hop, the remote's entry hop, the relay hops), once per incident of the message: each
 * field is parsed once. Field objects belong to one message, so entries go with it.
 */
const hops = new WeakMap<Field, ReceivedHop>();

/** `parseReceived(field.value)`, parsed once per field. */
export function hopOf(field: Field): ReceivedHop {
  let hop = hops.get(field);
  if (hop === undefined) {
    hop = parseReceived(field.value);
    hops.set(field, hop);
  }
  return hop;
}

/** The client's name as written after `from`, without its final dot, lower-cased; null without one. */
export function fromNameOf(hop: ReceivedHop): string | null {
  return hop.fromName?.replace(/\.$/, '').toLowerCase() ?? null;
}

/** The receiving host's name as written after `by`, lower-cased, `localhost` included; null without one. */
export function receivedByName(value: string): string | null {
  return BY_PART.exec(value)?.[1]?.replace(/\.$/, '').toLowerCase() ?? null;
}
