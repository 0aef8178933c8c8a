/**
 * Stalwart's webhook events (0.9 and later, stalw.art/docs/api/webhooks): `{"events": [{"id": ...,
 * "createdAt": "<RFC 3339>", "type": "delivery.dsn-perm-fail", "data": {...}}]}`, `data` holding the
 * event's keys as its text log writes them (`queueId`, `from`, `to`, `hostname`, `code`, `details`,
 * `remoteIp`, `localIp`). The reply is read as the log reader reads it (logs/formats/stalwart.ts): a
 * refusal's `code` and `details`, or the `Code: 550, Enhanced code: 5.7.1, Message: ...` status text.
 */
import { isStalwartFailureEvent, stalwartReply } from '../logs/formats/stalwart';
import type { EventFacts } from './event-facts';
import type { Json, Obj } from './json-value';

const EVENT_TYPE = /^delivery\.([a-z0-9-]{2,48})$/;

const isObject = (v: Json | undefined): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function text(o: Obj, key: string): string | null {
  const v = o[key];
  return typeof v === 'string' && v.trim() ? v : typeof v === 'number' ? String(v) : null;
}

/** The one address `to` names (a string, or the span's list of one); null for several. */
function oneRecipient(data: Obj): string | null {
  const to = data.to;
  const one = Array.isArray(to) ? (to.length === 1 ? to[0] : undefined) : to;
  return typeof one === 'string' && one.includes('@') ? one : null;
}

interface Read {
  name: string;
  data: Obj;
  queueId: string | null;
  recipient: string | null;
  reply: { reply: string; enhanced: string | null } | null;
}

/** The object as a Stalwart delivery event, read; null when it is none. */
function read(o: Json | undefined): Read | null {
  if (!isObject(o)) return null;
  const type = typeof o.type === 'string' ? EVENT_TYPE.exec(o.type) : null;
  const data = o.data;
  if (!type || !isObject(data) || typeof o.createdAt !== 'string') return null;
  const name = type[1] ?? '';
  return {
    name,
    data,
    queueId: text(data, 'queueId'),
    recipient: oneRecipient(data),
    reply: stalwartReply(name, text(data, 'code'), text(data, 'details')),
  };
}

const isDsn = (name: string) => name === 'dsn-perm-fail' || name === 'dsn-temp-fail';

interface BatchEvent {
  o: Obj;
  event: Read;
}

/**
 * Each Stalwart event seen in a list, and the events of that list that are the same refusal (one
 * message, one recipient, one reply), itself among them. One array per refusal, shared by its events: a
 * list of n events costs n entries, not n² (each event given the n - 1 others, a paste of 16,000 events
 * took 2 GB).
 */
const batches = new WeakMap<Obj, BatchEvent[]>();

/**
 * For each failure event of a batch, the `delivery.connect` event of its queue id that came last before
 * it: the only event naming the MX's address (`remoteIp`) and the bound local one (`localIp`), as the text
 * log reader reads them from the line above (logs/formats/stalwart.ts).
 */
const connectionOf = new WeakMap<Obj, Obj>();

/** What makes two events the same refusal; null without a queue id (the same as no other event then). */
const refusalKey = (event: Read): string | null =>
  event.queueId === null
    ? null
    : JSON.stringify([event.queueId, event.recipient, event.reply?.reply ?? null]);

/**
 * Notes the Stalwart events of a list (a webhook's `events`, the list itself pasted, NDJSON lines) as one
 * batch, before its events are read.
 */
export function rememberStalwartBatch(list: readonly Json[]): void {
  const events: BatchEvent[] = [];
  for (const v of list) {
    const event = isObject(v) ? read(v) : null;
    if (event && isObject(v)) events.push({ o: v, event });
  }
  if (events.length < 2) return;
  const lastConnect = new Map<string, Obj>();
  for (const { o, event } of events) {
    if (event.queueId === null) continue;
    if (event.name === 'connect') lastConnect.set(event.queueId, event.data);
    else {
      const connect = lastConnect.get(event.queueId);
      if (connect) connectionOf.set(o, connect);
    }
  }
  const byRefusal = new Map<string, BatchEvent[]>();
  for (const entry of events) {
    const key = refusalKey(entry.event);
    if (key === null) continue;
    let same = byRefusal.get(key);
    if (same === undefined) {
      same = [];
      byRefusal.set(key, same);
    }
    same.push(entry);
    batches.set(entry.o, same);
  }
}

/** The other events of the event's batch that are the same refusal as it. */
export const sameRefusalsOf = (o: Obj): Read[] =>
  (batches.get(o) ?? []).filter((other) => other.o !== o).map((other) => other.event);

/**
 * A DSN event repeating a refusal of the same batch (Stalwart logs the refusal, then the DSN for it, as
 * its text log does): that refusal, already read, the DSN's enhanced code with it.
 */
export function repeatsStalwartRefusal(o: Obj): boolean {
  const event = read(o);
  if (!event?.reply || !isDsn(event.name)) return false;
  return sameRefusalsOf(o).some((other) => !isDsn(other.name));
}

/**
 * The failure a Stalwart webhook event reports; null when the object is no such event (or reports no
 * failure: a delivery, a connection), an event without a reply included (`failureWithoutReply` says it).
 */
export function stalwartWebhookFacts(o: Obj): EventFacts | null {
  const event = read(o);
  // `failed`: the attempt's end, its status text in `details`.
  if (!event?.reply || (!isStalwartFailureEvent(event.name) && event.name !== 'failed')) return null;
  const { data, reply } = event;
  // A refusal's reply lacks the enhanced code (Stalwart keeps it apart); the DSN for it gives it.
  const enhanced =
    reply.enhanced ?? sameRefusalsOf(o).find((other) => isDsn(other.name))?.reply?.enhanced ?? null;
  const from = text(data, 'from');
  const hostname = text(data, 'hostname');
  // The connection's event, when it talked to the same MX (a retry may have gone to another).
  const connect = connectionOf.get(o);
  const connection = connect && (text(connect, 'hostname') ?? hostname) === hostname ? connect : undefined;
  const localIp = text(data, 'localIp') ?? (connection ? text(connection, 'localIp') : null);
  return {
    replyText: reply.reply,
    replyWritten: text(data, 'details'),
    enhanced,
    recipient: event.recipient,
    sender: from?.includes('@') ? from : null,
    time: typeof o.createdAt === 'string' ? o.createdAt : null,
    // The bound local address; 0.0.0.0 / :: when Stalwart let the system choose (no address then).
    sendingIp: localIp && localIp !== '0.0.0.0' && localIp !== '::' ? localIp : null,
    sendingHost: null,
    // `hostname` is the MX the delivery talked to (its `delivery.connect` names it with `remoteIp`).
    remoteHost: hostname,
    remoteIp: text(data, 'remoteIp') ?? (connection ? text(connection, 'remoteIp') : null),
    notSent: null,
    citeNearReply: true,
  };
}
