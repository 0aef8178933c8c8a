/**
 * Postfix's SMTP client writes its conversation to the log when the remote is in `debug_peer_list` (or the
 * client runs with `-v`): `< ` before each reply line it reads, `> ` before each command it sends, then the
 * peer as `name[address]:port` (smtp_chat.c): `postfix/smtp[9911]: < smtp-in.orange.fr[193.252.22.84]:25:
 * 250-mwinf5c21 hello [203.0.113.7], pleased to meet you`. The remote's answer to EHLO names the client's
 * address as the remote saw it, the sending IP Postfix otherwise never logs. A delivery agent process
 * delivers one message at a time: the address is kept for its process and remote until the status line
 * that ends the delivery, and forgotten at the next greeting (a new connection).
 */
import { BoundedMap } from '../bounded-map';
import { detach, type Found, type LogRecord, refOf, type ScanContext } from '../model';
import { hostAndIp } from './common';

/** A reply line read: the peer (`name[address]`, its port left out), then the reply. */
const REPLY_READ = /^< ([^[\s]{1,255}\[[^\]\s]{1,64}\])(?::\d{1,5})?: /;
/** A remote's EHLO reply naming the client's address: `hello [192.0.2.7]`, `Hello name [192.0.2.7]`. */
const SEEN_AS =
  /^250[ -][^[\n]{0,255}\bhello\b[^[\n]{0,255}\[(\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f:.]{2,45})\]/i;

const KEY = 'postfix.seenAs';

interface SeenAs {
  remoteIp: string;
  address: Found<string>;
}

/**
 * Reads a line of the conversation (its message after the program's pid) for the client's address; true
 * when the line is one (no other reading of it is due: the status line repeats a refusal it shows).
 */
export function readChatLine(
  message: string,
  process: string | undefined,
  record: LogRecord,
  ctx: ScanContext,
): boolean {
  if (message.startsWith('> ')) return true;
  const m = REPLY_READ.exec(message);
  if (!m) return false;
  if (!process) return true;
  const reply = message.slice(m[0].length);
  const seen = ctx.formatState.get(KEY) as BoundedMap<string, SeenAs> | undefined;
  if (reply.startsWith('220')) {
    seen?.delete(process);
    return true;
  }
  const client = SEEN_AS.exec(reply)?.[1];
  const remoteIp = hostAndIp(m[1] ?? '').ip;
  if (!client || !remoteIp) return true;
  let map = seen;
  if (!map) {
    map = new BoundedMap<string, SeenAs>(ctx.senders.cap);
    ctx.formatState.set(KEY, map);
  }
  map.set(process, { remoteIp, address: { value: detach(client), ref: refOf(record) } });
  return true;
}

/** The client's address the remote `remoteIp` named to `process` in its EHLO reply, if one was logged. */
export function seenAsBy(
  ctx: ScanContext,
  process: string | undefined,
  remoteIp: string | null,
): Found<string> | null {
  const seen = ctx.formatState.get(KEY) as BoundedMap<string, SeenAs> | undefined;
  if (!seen || !process || !remoteIp) return null;
  const entry = seen.get(process);
  return entry?.remoteIp === remoteIp ? entry.address : null;
}
