/**
 * Postfix's own refusal to send a message larger than the remote said it would take (the SIZE keyword
 * of its EHLO reply, RFC 1870): `message size 18876259 exceeds size limit 10485760 of server
 * cluster.thor.test.co[82.197.78.148]`, as an `X-Postfix;` diagnostic (BounceParser's
 * message-too-large-2 sample) or a log's status. The message was never sent, so there is no reply to
 * quote; the server that announced the limit is the remote.
 */
import type { Incident } from '../types';
import { nameRemote, withoutReply } from './connection-failure';
import { isHostName } from './header-block';
import { normalizeIp } from './ip';

const SIZE_LIMIT =
  /\bmessage size (\d{1,12}) exceeds size limit (\d{1,12}) of server ([A-Za-z0-9][A-Za-z0-9.-]{0,252})\[([0-9A-Fa-f:.]{2,45})\]/i;

export interface AnnouncedSizeLimit {
  /** The message's size and the remote's limit, in bytes. */
  size: number;
  limit: number;
  host: string | null;
  ip: string | null;
}

/** The size limit `text` says the remote announced, or null. */
export function announcedSizeLimit(text: string): AnnouncedSizeLimit | null {
  const m = text.length < 4096 ? SIZE_LIMIT.exec(text) : null;
  if (!m) return null;
  const host = (m[3] as string).replace(/\.$/, '').toLowerCase();
  return {
    size: Number(m[1]),
    limit: Number(m[2]),
    host: isHostName(host) ? host : null,
    ip: normalizeIp(m[4] as string),
  };
}

/**
 * The incident of such a message: the server that announced the limit is the remote (where nothing
 * else named one), cited at the reply's line, and the reply is emptied (the words go into a note).
 */
export function settleSizeLimit(incident: Incident, limit: AnnouncedSizeLimit): void {
  nameRemote(incident, limit.host, limit.ip);
  withoutReply(incident);
}
