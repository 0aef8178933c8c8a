/**
 * The shape of history.json, version 4: only the records' list fields (their details live in text packs,
 * see texts.ts), stored by column, and every value repeated across records stored once in a table and
 * named by its number. The same IP, domain, MX, reply or subject is then stored, parsed and held in
 * memory once, and JSON.parse makes one string and a few dozen arrays of small integers
 * instead of hundreds of thousands of keyed values; checking a column is one short loop. Written as pure
 * ASCII (other characters as \u escapes) so it loads as a one-byte string.
 *
 *   { "schemaVersion": 4,
 *     "text": "…", "ends": [e, …],              distinct strings, one after the other in "text", each
 *                                                ending at its "ends" offset; "s" below numbers one
 *     "lists": [[s, …]],                         lists of strings (sending IPs, sending hosts)
 *     "replies": [[code, enhanced s, text s]],   SMTP replies
 *     "oranges": [[token s, reason, server s]],  Orange's reply references
 *     "subjects": [[fr s, en s]],                ticket subjects
 *     "columns": { "id": [s, …], "createdAt": [s, …], …one entry per record in each column } }
 *
 * Nullable values are JSON null. `trigger` entries are null or [line, text s, occurredAt s, token s,
 * reason]. `details` entries are the pack file (s), with `detailsOffset` and `detailsLength`, or the
 * object of the other kinds of details (then both are null). `decodeLenient` turns a document into
 * records without judging them (a bad reference becomes undefined) for zod to judge; the load check
 * (fast-check.ts) checks every column and gives up (to zod) at the first doubt.
 */
import { z } from 'zod';
import { CURRENT_SCHEMA_VERSION, type StoredRecord, StoredRecordSchema } from './schema';
import { joinStrings, splitLenient } from './string-table';

export const COLUMNS = [
  'id',
  'createdAt',
  'updatedAt',
  'status',
  'sentAt',
  'orangeTicketRef',
  'notes',
  'deletedAt',
  /** into `subjects` */
  'subjects',
  'occurredAt',
  /** into `lists` */
  'sendingIps',
  /** into `lists` */
  'sendingHosts',
  'sendingDomain',
  'recipientDomain',
  'remoteHost',
  'remoteIp',
  /** into `replies` */
  'reply',
  /** into `oranges`, or null */
  'orange',
  'isOrange',
  'format',
  'trigger',
  'details',
  'detailsOffset',
  'detailsLength',
] as const;
export type ColumnName = (typeof COLUMNS)[number];
export type Columns = Record<ColumnName, unknown[]>;

export const FRAME_KEYS = [
  'schemaVersion',
  'text',
  'ends',
  'lists',
  'replies',
  'oranges',
  'subjects',
  'columns',
] as const;

/** The document's frame: the version, the tables and columns as arrays; their content is judged decoded. */
export const HotFileFrameSchema = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  text: z.string(),
  ends: z.array(z.unknown()),
  lists: z.array(z.unknown()),
  replies: z.array(z.unknown()),
  oranges: z.array(z.unknown()),
  subjects: z.array(z.unknown()),
  columns: z
    .strictObject(
      Object.fromEntries(COLUMNS.map((name) => [name, z.array(z.unknown())])) as Record<
        ColumnName,
        z.ZodArray<z.ZodUnknown>
      >,
    )
    .refine((columns) => COLUMNS.every((name) => columns[name].length === columns.id.length), {
      message: 'every column must have one entry per record',
    }),
});
export type HotFileFrame = z.infer<typeof HotFileFrameSchema>;

/** What zod says about decoded records: the authority when the load check does not accept them. */
export const DecodedRecordsSchema = z.object({ records: z.array(StoredRecordSchema) });

const tuple = (v: unknown, length: number): v is unknown[] => Array.isArray(v) && v.length === length;

/** Records from a document of the right frame, without judging them: zod does (DecodedRecordsSchema). */
export function decodeLenient(frame: HotFileFrame): unknown[] {
  const strings = splitLenient(frame.text, frame.ends);
  const str = (v: unknown): unknown => (typeof v === 'number' ? strings[v] : v === null ? null : undefined);
  const entry = (table: unknown[], v: unknown): unknown => (typeof v === 'number' ? table[v] : undefined);
  const list = (v: unknown) => {
    const refs = entry(frame.lists, v);
    return Array.isArray(refs) ? refs.map(str) : undefined;
  };
  const c = frame.columns;
  return c.id.map((_, i) => {
    const subjects = entry(frame.subjects, c.subjects[i]);
    const reply = entry(frame.replies, c.reply[i]);
    const orange = c.orange[i] === null ? null : entry(frame.oranges, c.orange[i]);
    const trigger = c.trigger[i];
    const details = c.details[i];
    return {
      id: str(c.id[i]),
      createdAt: str(c.createdAt[i]),
      updatedAt: str(c.updatedAt[i]),
      status: str(c.status[i]),
      sentAt: str(c.sentAt[i]),
      orangeTicketRef: str(c.orangeTicketRef[i]),
      notes: str(c.notes[i]),
      deletedAt: str(c.deletedAt[i]),
      ticketSubjects: tuple(subjects, 2) ? { fr: str(subjects[0]), en: str(subjects[1]) } : undefined,
      incident: {
        occurredAt: str(c.occurredAt[i]),
        sendingIps: list(c.sendingIps[i]),
        sendingHosts: list(c.sendingHosts[i]),
        sendingDomain: str(c.sendingDomain[i]),
        recipientDomain: str(c.recipientDomain[i]),
        remoteHost: str(c.remoteHost[i]),
        remoteIp: str(c.remoteIp[i]),
        reply: tuple(reply, 3) ? { code: reply[0], enhanced: str(reply[1]), text: str(reply[2]) } : undefined,
        orange:
          orange === null
            ? null
            : tuple(orange, 3)
              ? { token: str(orange[0]), reason: orange[1], server: str(orange[2]) }
              : undefined,
        isOrange: c.isOrange[i],
        format: str(c.format[i]),
        trigger:
          trigger === null
            ? null
            : tuple(trigger, 5)
              ? {
                  line: trigger[0],
                  text: str(trigger[1]),
                  occurredAt: str(trigger[2]),
                  token: str(trigger[3]),
                  reason: trigger[4],
                }
              : undefined,
      },
      details:
        typeof details === 'number'
          ? { file: str(details), offset: c.detailsOffset[i], length: c.detailsLength[i] }
          : c.detailsOffset[i] === null && c.detailsLength[i] === null
            ? details
            : undefined,
    };
  });
}

/** A table of distinct values, each numbered by first appearance. */
class Table<T> {
  readonly values: T[] = [];
  private readonly numbers = new Map<string, number>();
  add(key: string, value: () => T): number {
    let n = this.numbers.get(key);
    if (n === undefined) {
      n = this.values.length;
      this.values.push(value());
      this.numbers.set(key, n);
    }
    return n;
  }
}

/** Records to a version 4 document. */
export function encodeDocument(records: Iterable<StoredRecord>): HotFileFrame {
  const strings = new Table<string>();
  const lists = new Table<number[]>();
  const replies = new Table<unknown[]>();
  const oranges = new Table<unknown[]>();
  const subjects = new Table<number[]>();
  const s = (v: string | null): number | null => (v === null ? null : strings.add(v, () => v));
  const list = (items: string[]): number => {
    const refs = items.map((item) => s(item) as number);
    return lists.add(refs.join(','), () => refs);
  };
  const c = Object.fromEntries(COLUMNS.map((name) => [name, [] as unknown[]])) as Columns;
  for (const r of records) {
    const { incident: inc, details } = r;
    c.id.push(s(r.id));
    c.createdAt.push(s(r.createdAt));
    c.updatedAt.push(s(r.updatedAt));
    c.status.push(s(r.status));
    c.sentAt.push(s(r.sentAt));
    c.orangeTicketRef.push(s(r.orangeTicketRef));
    c.notes.push(s(r.notes));
    c.deletedAt.push(s(r.deletedAt));
    const subject = [s(r.ticketSubjects.fr), s(r.ticketSubjects.en)] as number[];
    c.subjects.push(subjects.add(subject.join(','), () => subject));
    c.occurredAt.push(s(inc.occurredAt));
    c.sendingIps.push(list(inc.sendingIps));
    c.sendingHosts.push(list(inc.sendingHosts));
    c.sendingDomain.push(s(inc.sendingDomain));
    c.recipientDomain.push(s(inc.recipientDomain));
    c.remoteHost.push(s(inc.remoteHost));
    c.remoteIp.push(s(inc.remoteIp));
    const reply = [inc.reply.code, s(inc.reply.enhanced), s(inc.reply.text)];
    c.reply.push(replies.add(JSON.stringify(reply), () => reply));
    const { orange } = inc;
    const orangeRow = orange && [s(orange.token), orange.reason, s(orange.server)];
    c.orange.push(orangeRow && oranges.add(JSON.stringify(orangeRow), () => orangeRow));
    c.isOrange.push(inc.isOrange);
    c.format.push(s(inc.format));
    const t = inc.trigger;
    c.trigger.push(t && [t.line, s(t.text), s(t.occurredAt), s(t.token), t.reason]);
    const inPack = 'file' in details;
    c.details.push(inPack ? s(details.file) : details);
    c.detailsOffset.push(inPack ? details.offset : null);
    c.detailsLength.push(inPack ? details.length : null);
  }
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    ...joinStrings(strings.values),
    lists: lists.values,
    replies: replies.values,
    oranges: oranges.values,
    subjects: subjects.values,
    columns: c,
  };
}

/** Records to the version 4 document text, pure ASCII. */
export function serializeHistory(records: Iterable<StoredRecord>): string {
  return JSON.stringify(encodeDocument(records)).replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
