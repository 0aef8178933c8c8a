/**
 * The in-memory index behind search, filters, recurrence and stats: one entry per live record with its
 * sort date and a lower-cased text of everything searchable, kept sorted newest first. Entries are
 * cached per record object (records are immutable) and per row of the table loaded from the file, so a
 * save only re-indexes what it changed. An entry makes its record object only when something reads it
 * (opening lists the first page without making the others). The searchable text is built on first need
 * (the first query) or ahead of it by `warm()` after opening, so the list shows without waiting for it.
 */
import { HistoryError } from './errors';
import { RecordTable } from './record-table';
import type { Records } from './records';
import type { HistoryFilter, HistorySummary, Status, StoredRecord } from './schema';

export class IndexEntry {
  /** Lower-cased searchable text; null until a query or `warm()` needs it (see `haystackOf`). */
  haystack: string | null = null;

  constructor(
    /** The record, or the table holding it at `row`. */
    private readonly source: StoredRecord | RecordTable,
    private readonly row: number,
    /** Sort and filter date, ms: the incident's own date when known, else when it was recorded. */
    readonly at: number,
    /** Whether `at` is the incident's own date (else when it was recorded). */
    private readonly occurred: boolean,
  ) {}

  get record(): StoredRecord {
    const { source } = this;
    return source instanceof RecordTable ? source.record(this.row) : source;
  }

  get id(): string {
    const { source } = this;
    return source instanceof RecordTable ? source.id(this.row) : source.id;
  }

  get createdAt(): string {
    const { source } = this;
    return source instanceof RecordTable ? source.createdAt(this.row) : source.createdAt;
  }

  /** The sort date as written in the record (keeps the incident's own UTC offset). */
  get atText(): string {
    const { source } = this;
    const occurredAt =
      source instanceof RecordTable ? source.occurredAt(this.row) : source.incident.occurredAt;
    return this.occurred ? (occurredAt as string) : this.createdAt;
  }
}

export function haystackOf(entry: IndexEntry): string {
  entry.haystack ??= searchableText(entry.record);
  return entry.haystack;
}

const DAY_MS = 86_400_000;

/**
 * The entry of a record: its sort date is the incident's own date when known and valid, else its
 * creation (the same rule as RecordTable.sortDates for the rows of a table).
 */
function entry(record: StoredRecord): IndexEntry {
  const { occurredAt } = record.incident;
  const occurred = occurredAt ? Date.parse(occurredAt) : Number.NaN;
  if (!Number.isNaN(occurred)) return new IndexEntry(record, -1, occurred, true);
  const created = Date.parse(record.createdAt);
  return new IndexEntry(record, -1, Number.isNaN(created) ? 0 : created, false);
}

/** What the query text is matched against: IPs, hosts, domains, codes, token, reason, reply, notes. */
function searchableText(record: StoredRecord): string {
  const { incident } = record;
  const parts: Array<string | number | null | undefined> = [
    ...incident.sendingIps,
    ...incident.sendingHosts,
    incident.sendingDomain,
    incident.recipientDomain,
    incident.remoteHost,
    incident.remoteIp,
    incident.reply.code,
    incident.reply.enhanced,
    incident.reply.text,
    incident.orange?.token,
    incident.orange?.reason != null ? `[${incident.orange.reason}]` : null,
    incident.orange?.server,
    incident.trigger?.text,
    record.orangeTicketRef,
    record.notes,
    record.ticketSubjects.fr,
    record.ticketSubjects.en,
  ];
  return parts
    .filter((p) => p !== null && p !== undefined && p !== '')
    .join('\n')
    .toLowerCase();
}

function parseBound(value: string | undefined, endOfDay: boolean): number | null {
  if (!value) return null;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new HistoryError('invalid', {
      en: `"${value}" is not a date.`,
      fr: `«\u00a0${value}\u00a0» n’est pas une date.`,
    });
  }
  // A date without a time as upper bound means "up to the end of that day".
  return endOfDay && /^\d{4}-\d{2}-\d{2}$/.test(value) ? ms + DAY_MS - 1 : ms;
}

/** A filter compiled once per query; null when it keeps every entry (no query, no condition). */
export function compileFilter(filter: HistoryFilter): ((entry: IndexEntry) => boolean) | null {
  const tokens = (filter.query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const statuses: Status[] | null = filter.status?.length ? filter.status : null;
  const reason = filter.reason ?? null;
  const from = parseBound(filter.from, false);
  const to = parseBound(filter.to, true);
  if (tokens.length === 0 && !statuses && reason === null && from === null && to === null) return null;
  return (entry) => {
    if (statuses && !statuses.includes(entry.record.status)) return false;
    if (reason !== null && entry.record.incident.orange?.reason !== reason) return false;
    if (from !== null && entry.at < from) return false;
    if (to !== null && entry.at > to) return false;
    if (tokens.length === 0) return true;
    const haystack = haystackOf(entry);
    for (const token of tokens) if (!haystack.includes(token)) return false;
    return true;
  };
}

export class SearchIndex {
  private readonly cache = new WeakMap<StoredRecord, IndexEntry>();
  /** Entries of the loaded table's rows, by row. */
  private readonly rowCache = new WeakMap<RecordTable, IndexEntry[]>();
  private sorted: IndexEntry[] | null = null;
  /** The last search, reused while typing: a query that extends it can only narrow its matches. */
  private last: { key: string; query: string; matches: IndexEntry[] } | null = null;

  constructor(private records: Records) {}

  /** Points the index at the committed records after a write. */
  reset(records: Records): void {
    this.records = records;
    this.sorted = null;
    this.last = null;
  }

  /** Live (not deleted) records, newest first. */
  live(): IndexEntry[] {
    if (!this.sorted) {
      const entries: IndexEntry[] = [];
      this.records.forEach(
        (table, skip) => {
          const cached = this.rowCache.get(table) ?? [];
          this.rowCache.set(table, cached);
          const { at, occurred } = table.sortDates();
          for (let row = 0; row < table.size; row += 1) {
            if (skip?.(row) || table.isDeleted(row)) continue;
            const e = cached[row] ?? new IndexEntry(table, row, at[row] as number, occurred[row] === 1);
            cached[row] = e;
            entries.push(e);
          }
        },
        (record) => {
          if (record.deletedAt !== null) return;
          let e = this.cache.get(record);
          if (!e) {
            e = entry(record);
            this.cache.set(record, e);
          }
          entries.push(e);
        },
      );
      entries.sort(
        (a, b) =>
          b.at - a.at ||
          (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0) ||
          (a.id < b.id ? 1 : -1),
      );
      this.sorted = entries;
    }
    return this.sorted;
  }

  /**
   * Builds the searchable texts of all live entries in slices of `slice`, yielding to the event loop
   * between slices, so the first keystroke finds them ready. Safe at any time: entries are immutable
   * apart from this cache.
   */
  async warm(slice = 1_000): Promise<void> {
    const pause = () => new Promise<void>((resolve) => setImmediate(resolve));
    await pause();
    const entries = this.live();
    for (let start = 0; start < entries.length; start += slice) {
      if (start > 0) await pause();
      for (const entry of entries.slice(start, start + slice)) haystackOf(entry);
    }
  }

  filter(filter: HistoryFilter): IndexEntry[] {
    const matches = compileFilter(filter);
    const query = (filter.query ?? '').toLowerCase();
    const key = JSON.stringify([
      filter.status ?? null,
      filter.reason ?? null,
      filter.from ?? null,
      filter.to ?? null,
    ]);
    // Every token of "<previous><more>" contains a token of "<previous>" (or is new): matches only shrink.
    const base =
      this.last && this.last.key === key && query.startsWith(this.last.query)
        ? this.last.matches
        : this.live();
    const result = matches ? base.filter(matches) : base.slice();
    this.last = { key, query, matches: result };
    return result;
  }
}

export function summarize(entry: IndexEntry): HistorySummary {
  const { record } = entry;
  const { incident } = record;
  return {
    id: entry.id,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    at: entry.atText,
    status: record.status,
    sentAt: record.sentAt,
    orangeTicketRef: record.orangeTicketRef,
    notes: record.notes,
    sendingIps: incident.sendingIps,
    sendingHosts: incident.sendingHosts,
    sendingDomain: incident.sendingDomain,
    recipientDomain: incident.recipientDomain,
    code: incident.reply.code,
    enhanced: incident.reply.enhanced,
    token: incident.orange?.token ?? null,
    reason: incident.orange?.reason ?? null,
    replyText: incident.reply.text.slice(0, 300),
  };
}
