/**
 * The records of a history.json that passed the load check, kept by column as read: a record object is
 * made only when something needs that record (the first page of the list, an opened incident, a search),
 * then kept. Every value here was checked by fast-check.ts before the table was made, ids distinct.
 */
import type { Columns } from './hot-file';
import type { StoredRecord } from './schema';
import type { StringTable } from './string-table';

type Reply = StoredRecord['incident']['reply'];
type Orange = NonNullable<StoredRecord['incident']['orange']>;
type Subjects = StoredRecord['ticketSubjects'];
type Ref = number;

/** The checked tables, as read (see hot-file.ts). */
export interface CheckedTables {
  strings: StringTable;
  lists: ReadonlyArray<readonly Ref[]>;
  replies: ReadonlyArray<readonly [number | null, Ref | null, Ref]>;
  oranges: ReadonlyArray<readonly [Ref | null, number | null, Ref | null]>;
  subjects: ReadonlyArray<readonly [Ref, Ref]>;
}

/** Table entries decoded on first need, then shared (frozen) by every record that names them. */
function decodedOnce<T>(decode: (n: number) => T): (n: number) => T {
  const done: T[] = [];
  return (n) => {
    let value = done[n];
    if (value === undefined) {
      value = Object.freeze(decode(n));
      done[n] = value;
    }
    return value;
  };
}

export class RecordTable {
  readonly size: number;
  private readonly made: Array<StoredRecord | undefined>;

  constructor(
    private readonly tables: CheckedTables,
    private readonly columns: Columns,
    /** Every text pack the rows name (the version 3 pack for texts not moved yet included). */
    readonly packFiles: readonly string[],
  ) {
    this.size = columns.id.length;
    this.made = new Array(this.size);
  }

  private readonly at = (ref: Ref | null): string | null =>
    ref === null ? null : this.tables.strings.get(ref);
  private readonly list = decodedOnce((n) =>
    (this.tables.lists[n] ?? []).map((ref) => this.at(ref) as string),
  );
  private readonly reply = decodedOnce((n): Reply => {
    const [code, enhanced, text] = this.tables.replies[n] ?? [null, null, 0];
    return { code, enhanced: this.at(enhanced), text: this.at(text) as string };
  });
  private readonly orange = decodedOnce((n): Orange => {
    const [token, reason, server] = this.tables.oranges[n] ?? [null, null, null];
    return { token: this.at(token), reason, server: this.at(server) };
  });
  private readonly subjects = decodedOnce((n): Subjects => {
    const [fr, en] = this.tables.subjects[n] ?? [0, 0];
    return { fr: this.at(fr) as string, en: this.at(en) as string };
  });

  private text(column: keyof Columns, row: number): string | null {
    const ref = this.columns[column][row];
    return ref === null ? null : this.tables.strings.get(ref as number);
  }

  // The columns the index reads for every record, read directly.
  id(row: number): string {
    return this.tables.strings.get(this.columns.id[row] as number);
  }
  createdAt(row: number): string {
    return this.tables.strings.get(this.columns.createdAt[row] as number);
  }
  isDeleted(row: number): boolean {
    return this.columns.deletedAt[row] !== null;
  }
  deletedAt(row: number): string | null {
    const ref = this.columns.deletedAt[row];
    return ref === null ? null : this.tables.strings.get(ref as number);
  }
  occurredAt(row: number): string | null {
    const ref = this.columns.occurredAt[row];
    return ref === null ? null : this.tables.strings.get(ref as number);
  }

  private dates: { at: Float64Array; occurred: Uint8Array } | null = null;

  /**
   * Each row's sort date, in ms: the incident's own date when known and valid (`occurred` 1), else when
   * it was recorded (0 if that is not a date either). Computed once, in one pass.
   */
  sortDates(): { at: Float64Array; occurred: Uint8Array } {
    if (!this.dates) {
      const at = new Float64Array(this.size);
      const occurred = new Uint8Array(this.size);
      const { occurredAt, createdAt } = this.columns;
      const { strings } = this.tables;
      for (let row = 0; row < this.size; row += 1) {
        const ref = occurredAt[row];
        let ms = ref === null ? Number.NaN : Date.parse(strings.get(ref as number));
        if (!Number.isNaN(ms)) occurred[row] = 1;
        else {
          ms = Date.parse(strings.get(createdAt[row] as number));
          if (Number.isNaN(ms)) ms = 0;
        }
        at[row] = ms;
      }
      this.dates = { at, occurred };
    }
    return this.dates;
  }

  /** The text pack a row's details are in (the version 3 pack for texts not moved yet), if any. */
  packFile(row: number): string | null {
    const details = this.columns.details[row];
    if (typeof details === 'number') return this.tables.strings.get(details);
    const v3 = (details as { v3texts?: { file: string } }).v3texts;
    return v3 ? v3.file : null;
  }

  /** The record of a row, made on first need. */
  record(row: number): StoredRecord {
    let record = this.made[row];
    if (!record) {
      record = this.make(row);
      this.made[row] = record;
    }
    return record;
  }

  private make(row: number): StoredRecord {
    const c = this.columns;
    const trigger = c.trigger[row] as [number, number, number | null, number | null, number | null] | null;
    const details = c.details[row];
    const { at } = this;
    return {
      id: this.id(row),
      createdAt: this.createdAt(row),
      updatedAt: this.text('updatedAt', row) as string,
      status: this.text('status', row) as StoredRecord['status'],
      sentAt: this.text('sentAt', row),
      orangeTicketRef: this.text('orangeTicketRef', row),
      notes: this.text('notes', row) as string,
      deletedAt: this.deletedAt(row),
      ticketSubjects: this.subjects(c.subjects[row] as number),
      incident: {
        occurredAt: this.occurredAt(row),
        sendingIps: this.list(c.sendingIps[row] as number) as string[],
        sendingHosts: this.list(c.sendingHosts[row] as number) as string[],
        sendingDomain: this.text('sendingDomain', row),
        recipientDomain: this.text('recipientDomain', row),
        remoteHost: this.text('remoteHost', row),
        remoteIp: this.text('remoteIp', row),
        reply: this.reply(c.reply[row] as number),
        orange: c.orange[row] === null ? null : this.orange(c.orange[row] as number),
        isOrange: c.isOrange[row] as boolean,
        format: this.text('format', row) as StoredRecord['incident']['format'],
        trigger: trigger && {
          line: trigger[0],
          text: at(trigger[1]) as string,
          occurredAt: at(trigger[2]),
          token: at(trigger[3]),
          reason: trigger[4],
        },
      },
      details:
        typeof details === 'number'
          ? {
              file: at(details) as string,
              offset: c.detailsOffset[row] as number,
              length: c.detailsLength[row] as number,
            }
          : (details as StoredRecord['details']),
    };
  }
}
