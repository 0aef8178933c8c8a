/**
 * The records by id: those of the file as loaded (a RecordTable, records made on first need) and, over
 * them, the records set since (saves, imports, purges). A change works on a `fork()`, which shares the
 * table, so a failed write leaves the committed records untouched.
 */
import type { RecordTable } from './record-table';
import type { StoredRecord } from './schema';

export class Records {
  /** Row of each id in the table, made on the first look-up by id (the list does not need it). */
  private rows: Map<string, number> | null = null;

  private constructor(
    /** Its ids are distinct (fast-check.ts). */
    private readonly table: RecordTable | null,
    /** Records set over the table's; null: removed. */
    private readonly changed: Map<string, StoredRecord | null>,
  ) {}

  static fromTable(table: RecordTable): Records {
    return new Records(table, new Map());
  }

  static fromList(records: Iterable<StoredRecord>): Records {
    const changed = new Map<string, StoredRecord | null>();
    for (const record of records) changed.set(record.id, record);
    return new Records(null, changed);
  }

  fork(): Records {
    const fork = new Records(this.table, new Map(this.changed));
    fork.rows = this.rows;
    return fork;
  }

  private rowOf(id: string): number | undefined {
    const { table } = this;
    if (!table) return undefined;
    if (!this.rows) {
      this.rows = new Map();
      for (let row = 0; row < table.size; row += 1) this.rows.set(table.id(row), row);
    }
    return this.rows.get(id);
  }

  get(id: string): StoredRecord | undefined {
    const changed = this.changed.get(id);
    if (changed !== undefined) return changed ?? undefined;
    const row = this.rowOf(id);
    return row === undefined ? undefined : this.table?.record(row);
  }

  set(id: string, record: StoredRecord): void {
    this.changed.set(id, record);
  }

  remove(id: string): void {
    this.changed.set(id, null);
  }

  /** Every record, the table's first (made now if not yet), in the order they were read or set. */
  *values(): IterableIterator<StoredRecord> {
    const { table, changed } = this;
    if (table) {
      for (let row = 0; row < table.size; row += 1) if (!changed.has(table.id(row))) yield table.record(row);
    }
    for (const record of changed.values()) if (record) yield record;
  }

  get size(): number {
    let size = 0;
    this.forEach(
      (table, skip) => {
        for (let row = 0; row < table.size; row += 1) if (!skip?.(row)) size += 1;
      },
      () => {
        size += 1;
      },
    );
    return size;
  }

  /**
   * Visits every record without making the table's: `visitRows(table, skip)` for the table's rows (but
   * those `skip` says were set over: `skip` is null when none was), then `visitRecord(record)` for each
   * record set over the table's.
   */
  forEach(
    visitRows: (table: RecordTable, skip: ((row: number) => boolean) | null) => void,
    visitRecord: (record: StoredRecord) => void,
  ): void {
    const { table, changed } = this;
    if (table) visitRows(table, changed.size === 0 ? null : (row) => changed.has(table.id(row)));
    for (const record of changed.values()) if (record) visitRecord(record);
  }

  /** The text packs the records name, read from the table without making its records. */
  packFiles(): Set<string> {
    const names = new Set<string>();
    if (this.table && this.changed.size === 0) return new Set(this.table.packFiles);
    this.forEach(
      (table, skip) => {
        for (let row = 0; row < table.size; row += 1) {
          if (skip?.(row)) continue;
          const file = table.packFile(row);
          if (file) names.add(file);
        }
      },
      ({ details }) => {
        if ('file' in details) names.add(details.file);
        else if ('v3texts' in details) names.add(details.v3texts.file);
      },
    );
    return names;
  }
}
