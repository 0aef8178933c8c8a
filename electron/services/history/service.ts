/**
 * The incident history service: the store's operations over the committed records, with every change
 * serialised through one write queue. Changes that arrive while a write is running are applied together
 * and written once (group commit); a call resolves only once its change is on disk, and a failed write
 * changes nothing in memory. Pure Node: no Electron import, the folder and clock are injected.
 */
import { randomUUID } from 'node:crypto';
import type { GroupImpl } from '../../contract/define';
import type { historyContract } from '../../contract/history';
import { recordsToCsv } from './csv';
import { conflict, describeWriteError, HistoryError, notFound, readOnly } from './errors';
import { historyFiles, loadHistory, writeHistory } from './file-store';
import { type HistoryFs, nodeFs } from './fs';
import { mergeImport, parseImport, recordsToJson } from './import';
import { maskRecipients } from './mask';
import { Records } from './records';
import { findRecurrence, weeklyStats } from './recurrence';
import type { HistoryRecord, StoredRecord, StoreEvent } from './schema';
import { SearchIndex, summarize } from './search-index';
import { toStored } from './stored';
import { deleteTextFiles, hydrate } from './texts';

export interface HistoryServiceOptions {
  /** The folder holding history.json (the app's user-data folder in production). */
  dir: string;
  now?: () => Date;
  /** Replaces some file operations (tests simulate a full disk or a read-only folder). */
  fs?: Partial<HistoryFs>;
}

export type HistoryService = GroupImpl<typeof historyContract> & {
  /** Resolves once the file is loaded (every operation waits for it anyway). */
  ready: Promise<void>;
  /** Resolves once every change requested so far is written (or has failed). */
  idle(): Promise<void>;
};

type Draft = Records;
interface PendingChange {
  apply(draft: Draft): unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

const MAX_WRITE_EVENTS = 10;
/** Deleted incidents can be restored (undo) for this long; after that they are removed for good. */
export const PURGE_AFTER_DAYS = 7;

/** Removes records deleted before `before` (ms) for good; returns how many. */
function purgeDeleted(records: Records, before: number): number {
  const old: string[] = [];
  const isOld = (deletedAt: string | null) => deletedAt !== null && Date.parse(deletedAt) < before;
  records.forEach(
    (table, skip) => {
      for (let row = 0; row < table.size; row += 1) {
        if (!skip?.(row) && isOld(table.deletedAt(row))) old.push(table.id(row));
      }
    },
    (record) => {
      if (isOld(record.deletedAt)) old.push(record.id);
    },
  );
  for (const id of old) records.remove(id);
  return old.length;
}

export function createHistoryService(options: HistoryServiceOptions): HistoryService {
  const fs: HistoryFs = { ...nodeFs, ...options.fs };
  const now = options.now ?? (() => new Date());
  const files = historyFiles(options.dir);

  let committed: Draft = Records.fromList([]);
  const index = new SearchIndex(committed);
  let loadEvents: StoreEvent[] = [];
  const writeEvents: StoreEvent[] = [];
  let blocked: HistoryError | null = null;

  const ready = loadHistory(fs, files, now).then((loaded) => {
    const purgeBefore = now().getTime() - PURGE_AFTER_DAYS * 86_400_000;
    committed = loaded.records;
    knownTextFiles = committed.packFiles();
    diskTextFiles = knownTextFiles;
    const purged = purgeDeleted(committed, purgeBefore);
    index.reset(committed);
    loadEvents = loaded.events;
    if (purged > 0) {
      // Removed from memory now, from the file at the next save.
      loadEvents.push({
        code: 'purged',
        level: 'info',
        at: now().toISOString(),
        text: {
          en: `${purged} incident(s) deleted more than ${PURGE_AFTER_DAYS} days ago were removed for good.`,
          fr: `${purged} incident(s) supprimé(s) il y a plus de ${PURGE_AFTER_DAYS} jours ont été effacé(s) définitivement.`,
        },
      });
    }
    blocked = loaded.blocked ? readOnly(loaded.blocked) : null;
    // After the list is available: the searchable texts, so the first keystroke does not build them.
    void index.warm();
  });

  /** A timestamp later than `previous`, so every change of a record gets a distinct updatedAt. */
  const stampAfter = (previous?: string): string => {
    const current = now().getTime();
    const last = previous ? Date.parse(previous) : Number.NaN;
    return new Date(Number.isNaN(last) || current > last ? current : last + 1).toISOString();
  };

  const pending: PendingChange[] = [];
  let flushing: Promise<void> | null = null;

  async function writeBatch(batch: PendingChange[]): Promise<void> {
    if (blocked) {
      for (const change of batch) change.reject(blocked);
      return;
    }
    const draft: Draft = committed.fork();
    const applied: Array<[PendingChange, unknown]> = [];
    for (const change of batch) {
      try {
        applied.push([change, change.apply(draft)]);
      } catch (error) {
        change.reject(error);
      }
    }
    if (applied.length === 0) return;
    let written: StoredRecord[];
    try {
      written = (await writeHistory(fs, files, [...draft.values()])).records;
    } catch (cause) {
      const error = new HistoryError('write-failed', describeWriteError(cause, files.main), { cause });
      writeEvents.push({ code: 'write-failed', level: 'error', text: error.text, at: now().toISOString() });
      if (writeEvents.length > MAX_WRITE_EVENTS) writeEvents.shift();
      for (const [change] of applied) change.reject(error);
      return;
    }
    committed = Records.fromList(written);
    index.reset(committed);
    for (const [change, result] of applied) change.resolve(result);
    await dropUnreferencedTexts();
  }

  /**
   * Text files named by neither the new history.json nor the one before it (now the .bak) are deleted,
   * among those this store knows of (a file moved aside after a failed load may name others: kept).
   */
  let knownTextFiles = new Set<string>();
  /** The text files history.json names on disk (before a purge at load removes records from memory). */
  let diskTextFiles = new Set<string>();
  async function dropUnreferencedTexts(): Promise<void> {
    const written = committed.packFiles();
    const keep = new Set([...written, ...diskTextFiles]);
    const unreferenced = [...knownTextFiles].filter((name) => !keep.has(name));
    knownTextFiles = keep;
    diskTextFiles = written;
    await deleteTextFiles(fs, files.dir, unreferenced);
  }

  async function flush(): Promise<void> {
    await ready;
    while (pending.length > 0) {
      const batch = pending.splice(0);
      try {
        await writeBatch(batch);
      } catch (error) {
        // Not expected (writeBatch handles its errors); never leave a caller waiting.
        for (const change of batch) change.reject(error);
      }
    }
    flushing = null;
  }

  /** Queues a change; `apply` must check everything before touching the draft, then set whole records. */
  function change<T>(apply: (draft: Draft) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      pending.push({ apply, resolve: resolve as (value: unknown) => void, reject });
      flushing ??= flush();
    });
  }

  const liveRecord = (draft: Draft, id: string): StoredRecord => {
    const record = draft.get(id);
    if (!record || record.deletedAt !== null) throw notFound(id);
    return record;
  };

  /** The committed record with its texts; retried once if a write replaced it while reading. */
  async function whole(id: string): Promise<HistoryRecord | null> {
    for (let attempt = 0; ; attempt += 1) {
      const record = committed.get(id);
      if (!record) return null;
      const full = await hydrate(fs, files.dir, record);
      if (!full.textsProblem || committed.get(id) === record || attempt > 0) return full;
    }
  }

  const exportName = (ext: string) => `abuse-desk-history-${now().toISOString().slice(0, 10)}.${ext}`;

  return {
    ready,
    async idle() {
      await ready;
      await flushing;
    },

    async save(input) {
      const id = input.id ?? randomUUID();
      const rawText = input.maskRecipients ? maskRecipients(input.rawText) : input.rawText;
      return change((draft) => {
        const existing = draft.get(id);
        if (existing && existing.updatedAt !== input.baseUpdatedAt) {
          throw conflict(id, existing.updatedAt, input.baseUpdatedAt);
        }
        const updatedAt = stampAfter(existing?.updatedAt);
        const status = input.status ?? existing?.status ?? 'draft';
        const sentAt = input.sentAt !== undefined ? input.sentAt : (existing?.sentAt ?? null);
        const record: HistoryRecord = {
          id,
          createdAt: existing?.createdAt ?? updatedAt,
          updatedAt,
          status,
          sentAt: sentAt ?? (status === 'sent' ? updatedAt : null),
          orangeTicketRef:
            input.orangeTicketRef !== undefined ? input.orangeTicketRef : (existing?.orangeTicketRef ?? null),
          notes: input.notes ?? existing?.notes ?? '',
          incident: input.incident,
          advice: input.advice,
          ticket: input.ticket,
          rawText,
          deletedAt: null,
        };
        draft.set(id, toStored(record));
        return record;
      });
    },

    async get({ id }) {
      await ready;
      return whole(id);
    },

    async search(input) {
      await ready;
      const matches = index.filter(input);
      return {
        items: matches.slice(input.offset, input.offset + input.limit).map(summarize),
        total: matches.length,
        offset: input.offset,
        limit: input.limit,
      };
    },

    async setStatus(input) {
      const stored = await change((draft) => {
        const existing = liveRecord(draft, input.id);
        if (input.baseUpdatedAt !== undefined && input.baseUpdatedAt !== existing.updatedAt) {
          throw conflict(input.id, existing.updatedAt, input.baseUpdatedAt);
        }
        const updatedAt = stampAfter(existing.updatedAt);
        const sentAt = input.sentAt !== undefined ? input.sentAt : existing.sentAt;
        const record: StoredRecord = {
          ...existing,
          updatedAt,
          status: input.status,
          sentAt: sentAt ?? (input.status === 'sent' ? updatedAt : null),
          orangeTicketRef:
            input.orangeTicketRef !== undefined ? input.orangeTicketRef : existing.orangeTicketRef,
          notes: input.notes ?? existing.notes,
        };
        draft.set(record.id, record);
        return record;
      });
      return (await whole(stored.id)) ?? hydrate(fs, files.dir, stored);
    },

    delete({ id }) {
      return change((draft) => {
        const existing = liveRecord(draft, id);
        const updatedAt = stampAfter(existing.updatedAt);
        draft.set(id, { ...existing, updatedAt, deletedAt: updatedAt });
        return { id, deletedAt: updatedAt };
      });
    },

    async restore({ id }) {
      const stored = await change((draft) => {
        const existing = draft.get(id);
        if (!existing) throw notFound(id);
        const record: StoredRecord = {
          ...existing,
          updatedAt: stampAfter(existing.updatedAt),
          deletedAt: null,
        };
        draft.set(id, record);
        return record;
      });
      return (await whole(stored.id)) ?? hydrate(fs, files.dir, stored);
    },

    async recurrence(input) {
      await ready;
      return findRecurrence(index.live(), input, now());
    },

    async stats(input) {
      await ready;
      return weeklyStats(index.filter(input), input, now());
    },

    async exportCsv(filter) {
      await ready;
      const records = index.filter(filter).map((e) => e.record);
      return {
        filename: exportName('csv'),
        mimeType: 'text/csv;charset=utf-8',
        content: recordsToCsv(records),
        count: records.length,
      };
    },

    async exportJson(filter) {
      await ready;
      const records: HistoryRecord[] = [];
      for (const entry of index.filter(filter)) records.push(await hydrate(fs, files.dir, entry.record));
      return {
        filename: exportName('json'),
        mimeType: 'application/json',
        content: recordsToJson(records, now().toISOString()),
        count: records.length,
      };
    },

    async importJson({ content }) {
      const { candidates, invalid } = parseImport(content);
      return change((draft) => mergeImport(draft, candidates, invalid));
    },

    async status() {
      await ready;
      const events = [...loadEvents, ...writeEvents];
      return {
        file: files.main,
        count: index.live().length,
        writable: blocked === null,
        attention: events.some((e) => e.level !== 'info'),
        events,
      };
    },
  };
}
