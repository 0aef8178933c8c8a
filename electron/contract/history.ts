/**
 * The history group of the IPC contract: the local incident record (issue 6). Schemas and result types
 * live beside the store in electron/services/history/schema.ts (pure zod, safe for every side to import).
 */
import { z } from 'zod';
import {
  type ExportFile,
  HistoryFilter,
  type HistoryRecord,
  IdInput,
  ImportInput,
  type ImportReport,
  type Recurrence,
  RecurrenceInput,
  SaveInput,
  SearchInput,
  type SearchResult,
  SetStatusInput,
  StatsInput,
  type StoreStatus,
  type WeeklyStats,
} from '../services/history/schema';
import { operation } from './define';

export const historyContract = {
  /** Create (no id) or update (id + baseUpdatedAt); a stale update is refused as a conflict. */
  save: operation<HistoryRecord>()(SaveInput),
  get: operation<HistoryRecord | null>()(IdInput),
  /** List and search in one: newest first, paged; an empty query lists everything. */
  search: operation<SearchResult>()(SearchInput),
  setStatus: operation<HistoryRecord>()(SetStatusInput),
  /** Soft delete: hidden at once, restorable with `restore` (undo). */
  delete: operation<{ id: string; deletedAt: string }>()(IdInput),
  restore: operation<HistoryRecord>()(IdInput),
  recurrence: operation<Recurrence>()(RecurrenceInput),
  stats: operation<WeeklyStats>()(StatsInput),
  exportCsv: operation<ExportFile>()(HistoryFilter),
  exportJson: operation<ExportFile>()(HistoryFilter),
  importJson: operation<ImportReport>()(ImportInput),
  /** What happened when the store was opened (recovered file, newer version...) and whether it can save. */
  status: operation<StoreStatus>()(z.object({}).strict()),
};
