/**
 * The shapes the incident history stores and exchanges, as zod schemas (validated on load, on import and
 * at the IPC boundary) with the TypeScript types derived from them. Pure: zod only, so the contract (and
 * through it the preload and renderer) can import this file.
 */
import { z } from 'zod';
import type { Advice, Incident } from '../../../core/types';

const Localized = z.object({ fr: z.string().max(20_000), en: z.string().max(20_000) });
const shortText = z.string().max(2_000);
const isoDate = z.string().max(40);

/** The incident fields a source line can be kept for. */
export const FIELD_NAMES = [
  'occurredAt',
  'sendingIps',
  'sendingHosts',
  'sendingDomain',
  'recipientDomain',
  'remoteHost',
  'remoteIp',
  'reply',
  'orange',
] as const;

export const INPUT_FORMATS = [
  'smtp-reply',
  'json-event',
  'dsn',
  'postfix',
  'exim',
  'sendmail',
  'powermta',
  'kumomta',
  'haraka',
  'hmailserver',
  'opensmtpd',
  'qmail',
  'zonemta',
  'stalwart',
  'momentum',
  'exchange',
  'iis-smtp',
  'dma',
  'chasquid',
  'mox',
  'courier',
  'postal',
  'unknown',
] as const;

const SourceRef = z.object({ line: z.number().int(), text: z.string().max(100_000) });
const Note = z.object({ code: shortText, text: Localized });

const incidentShape = z.object({
  occurredAt: isoDate.nullable(),
  sendingIps: z.array(z.string().max(100)).max(1_000),
  sendingHosts: z.array(z.string().max(300)).max(1_000),
  sendingDomain: z.string().max(300).nullable(),
  recipientDomain: z.string().max(300).nullable(),
  remoteHost: z.string().max(300).nullable(),
  remoteIp: z.string().max(100).nullable(),
  reply: z.object({
    code: z.number().int().nullable(),
    enhanced: z.string().max(20).nullable(),
    text: z.string().max(100_000),
  }),
  orange: z
    .object({
      token: z.string().max(50).nullable(),
      reason: z.number().int().nullable(),
      server: z.string().max(100).nullable(),
    })
    .nullable(),
  isOrange: z.boolean(),
  format: z.enum(INPUT_FORMATS),
  sources: z.partialRecord(z.enum(FIELD_NAMES), SourceRef),
  assumptions: z.array(Note).max(100),
  trigger: z
    .object({
      line: z.number().int(),
      text: z.string().max(100_000),
      occurredAt: isoDate.nullable(),
      token: z.string().max(50).nullable(),
      reason: z.number().int().nullable(),
    })
    .nullable(),
});

/**
 * core/types.ts `Incident`. Loose at run time, so optional fields other parts of the app add to the type
 * later are kept in saved history rather than silently stripped; typed as the known fields, so a plain
 * `Incident` (an interface, without index signature) is accepted as input.
 */
export const IncidentSchema = incidentShape.loose() as unknown as typeof incidentShape;

export const NEXT_STEPS = [
  'wait-and-retry',
  'fix-configuration',
  'delist-elsewhere',
  'contact-orange',
  'not-an-abuse-desk-case',
  'unknown',
] as const;

const adviceShape = z.object({
  nextStep: z.enum(NEXT_STEPS),
  contactAbuseDesk: z.boolean(),
  summary: Localized,
  links: z.array(z.object({ label: Localized, url: z.string().max(4096) })).max(50),
});
/** core/types.ts `Advice`; loose at run time like IncidentSchema. */
export const AdviceSchema = adviceShape.loose() as unknown as typeof adviceShape;

// Both directions: a schema change that drifts from core/types.ts fails the typecheck here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const incidentMatchesCore: Same<z.infer<typeof IncidentSchema>, Incident> = true;
const adviceMatchesCore: Same<z.infer<typeof AdviceSchema>, Advice> = true;
void incidentMatchesCore;
void adviceMatchesCore;

const TicketText = z.object({ subject: z.string().max(2_000), body: z.string().max(1_000_000) });
export const TicketSchema = z.object({ fr: TicketText, en: TicketText });
export type Ticket = z.infer<typeof TicketSchema>;

export const STATUSES = ['draft', 'sent', 'resolved', 'closed'] as const;
export const StatusSchema = z.enum(STATUSES);
export type Status = z.infer<typeof StatusSchema>;

/** Largest pasted text kept with an incident (a whole day of MTA log is far smaller than this). */
export const MAX_RAW_TEXT = 2_000_000;

export const HistoryRecordSchema = z.object({
  id: z.string().min(1).max(100),
  createdAt: isoDate,
  updatedAt: isoDate,
  status: StatusSchema,
  sentAt: isoDate.nullable(),
  orangeTicketRef: z.string().max(200).nullable(),
  notes: z.string().max(100_000),
  incident: IncidentSchema,
  advice: AdviceSchema.nullable(),
  ticket: TicketSchema,
  rawText: z.string().max(MAX_RAW_TEXT),
  /** Set when deleted; cleared by restore (undo). Deleted records are hidden from every query. */
  deletedAt: isoDate.nullable(),
  /** Set (never stored) when the record's texts could not be read back: says what happened. */
  textsProblem: Localized.optional(),
});
export type HistoryRecord = z.infer<typeof HistoryRecordSchema>;

/** Version 2 of the file, and the shape of exports: whole records, texts inline. */
export const HistoryDocumentV2 = z.object({
  schemaVersion: z.literal(2),
  records: z.array(HistoryRecordSchema),
});

/** The texts of a record in a version 3 text pack line (see migrations.ts); read back until rewritten. */
export const RecordTextsSchema = z.object({
  rawText: HistoryRecordSchema.shape.rawText,
  ticket: TicketSchema,
});
export type RecordTexts = z.infer<typeof RecordTextsSchema>;

/** Text packs are named by a random UUID, never by anything a user or an import chose. */
export const TEXT_FILE_NAME = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.jsonl$/;

/** One JSON line of a text pack: `length` bytes from byte `offset` of history-texts/`file`. */
export const PackRefSchema = z.strictObject({
  file: z.string().regex(TEXT_FILE_NAME),
  offset: z.number().int().min(0),
  length: z.number().int().min(2).max(64_000_000),
});
export type PackRef = z.infer<typeof PackRefSchema>;

/** The incident fields the list, filters, search and recurrence use: kept in history.json. */
export const HotIncidentSchema = z.strictObject(
  incidentShape.omit({ sources: true, assumptions: true }).shape,
);
export type HotIncident = z.infer<typeof HotIncidentSchema>;

/** The rest of the incident (where each field was read, assumptions, fields added later): kept in a pack. */
export const ColdIncidentSchema = incidentShape.pick({ sources: true, assumptions: true }).loose();
export type ColdIncident = z.infer<typeof ColdIncidentSchema>;

/**
 * What only opening one incident needs, one JSON line per record in a text pack (version 4): the cold
 * part of the incident, the advice, both tickets and the pasted text. Validated when read.
 */
export const RecordDetailsSchema = z.strictObject({
  incident: ColdIncidentSchema,
  advice: AdviceSchema.nullable(),
  ticket: TicketSchema,
  rawText: HistoryRecordSchema.shape.rawText,
});
export type RecordDetails = z.infer<typeof RecordDetailsSchema>;

/**
 * A record in memory (version 4): the list's fields, and where its details are. Details are in a pack
 * (`PackRef`), or `inline` when fresh from a save, an import or a migration (the next write moves them to
 * a pack), or, for a record from a version 3 file whose texts could not be moved yet, the cold fields
 * inline and the texts still in their version 3 pack (`v3texts`).
 */
export const StoredRecordSchema = z.strictObject({
  id: HistoryRecordSchema.shape.id,
  createdAt: isoDate,
  updatedAt: isoDate,
  status: StatusSchema,
  sentAt: isoDate.nullable(),
  orangeTicketRef: HistoryRecordSchema.shape.orangeTicketRef,
  notes: HistoryRecordSchema.shape.notes,
  deletedAt: isoDate.nullable(),
  ticketSubjects: z.strictObject({
    fr: TicketSchema.shape.fr.shape.subject,
    en: TicketSchema.shape.en.shape.subject,
  }),
  incident: HotIncidentSchema,
  details: z.union([
    PackRefSchema,
    z.strictObject({ inline: RecordDetailsSchema }),
    z.strictObject({ v3texts: PackRefSchema, incident: ColdIncidentSchema, advice: AdviceSchema.nullable() }),
  ]),
});
export type StoredRecord = z.infer<typeof StoredRecordSchema>;

/** Version 4: history.json holds only StoredRecords, in the compact shape of hot-file.ts. */
export const CURRENT_SCHEMA_VERSION = 4;

// ---------------------------------------------------------------- operation inputs

export const SaveInput = z.object({
  /** Absent: a new record. Present: an update of that record (or a create with that id). */
  id: z.string().min(1).max(100).optional(),
  /** For an update: the `updatedAt` the editor started from; a newer stored copy is a conflict. */
  baseUpdatedAt: isoDate.optional(),
  status: StatusSchema.optional(),
  sentAt: isoDate.nullable().optional(),
  orangeTicketRef: z.string().max(200).nullable().optional(),
  notes: z.string().max(100_000).optional(),
  incident: IncidentSchema,
  advice: AdviceSchema.nullable(),
  ticket: TicketSchema,
  rawText: z.string().max(MAX_RAW_TEXT),
  /** Mask recipient addresses in `rawText` before storing (the abuse desk does not need them). */
  maskRecipients: z.boolean().default(true),
});
export type SaveInput = z.input<typeof SaveInput>;

export const IdInput = z.object({ id: z.string().min(1).max(100) });

export const SetStatusInput = z.object({
  id: z.string().min(1).max(100),
  status: StatusSchema,
  /** Defaults to now when the status becomes `sent` and no date was recorded yet. */
  sentAt: isoDate.nullable().optional(),
  orangeTicketRef: z.string().max(200).nullable().optional(),
  notes: z.string().max(100_000).optional(),
  baseUpdatedAt: isoDate.optional(),
});

/** Filters shared by search, stats and export. Dates: ISO; a date-only `to` includes that whole day (UTC). */
export const HistoryFilter = z.object({
  query: z.string().max(500).optional(),
  status: z.array(StatusSchema).max(4).optional(),
  reason: z.number().int().min(0).max(999).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type HistoryFilter = z.input<typeof HistoryFilter>;

export const SearchInput = HistoryFilter.extend({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});

export const RecurrenceInput = z.object({
  ip: z.string().max(100).nullable().optional(),
  domain: z.string().max(300).nullable().optional(),
  days: z.number().int().min(1).max(3650).default(30),
  /** The incident being looked at, left out of its own recurrence. */
  excludeId: z.string().max(100).optional(),
});

export const StatsInput = HistoryFilter.extend({
  by: z.enum(['ip', 'reason']),
  weeks: z.number().int().min(1).max(104).default(12),
  /** Number of series kept; the rest are summed under key "other". */
  top: z.number().int().min(1).max(20).default(5),
});

export const ImportInput = z.object({ content: z.string().max(200_000_000) });

// ---------------------------------------------------------------- operation outputs

/** One line of the history list: what the list shows, without the bulky texts. */
export interface HistorySummary {
  id: string;
  createdAt: string;
  updatedAt: string;
  /** The incident's own date when known, else when it was recorded: the list is ordered by it. */
  at: string;
  status: Status;
  sentAt: string | null;
  orangeTicketRef: string | null;
  notes: string;
  sendingIps: string[];
  sendingHosts: string[];
  sendingDomain: string | null;
  recipientDomain: string | null;
  code: number | null;
  enhanced: string | null;
  token: string | null;
  reason: number | null;
  /** The SMTP reply, cut to 300 characters. */
  replyText: string;
}

export interface SearchResult {
  items: HistorySummary[];
  /** Matches before paging. */
  total: number;
  offset: number;
  limit: number;
}

export interface RecurrenceMatch {
  value: string;
  count: number;
  /** Newest first. */
  ids: string[];
}

export interface Recurrence {
  days: number;
  since: string;
  ip: RecurrenceMatch | null;
  domain: RecurrenceMatch | null;
}

export interface WeeklyStats {
  by: 'ip' | 'reason';
  /** Monday (UTC) of each week, oldest first, as YYYY-MM-DD. */
  weeks: string[];
  series: Array<{ key: string; counts: number[]; total: number }>;
}

export interface ExportFile {
  filename: string;
  mimeType: string;
  content: string;
  count: number;
}

export interface ImportReport {
  added: number;
  /** Existing records replaced because the imported copy was newer. */
  updated: number;
  skipped: Array<{ id: string; reason: 'same' | 'local-newer'; text: Localized }>;
  invalid: Array<{ index: number; text: Localized }>;
}
type Localized = z.infer<typeof Localized>;

export type StoreEventCode =
  | 'created'
  | 'loaded'
  | 'migrated'
  | 'temp-files-removed'
  | 'purged'
  | 'main-missing-backup-loaded'
  | 'corrupt-moved-aside'
  | 'backup-loaded'
  | 'backup-unusable'
  | 'started-empty'
  | 'unreadable'
  | 'newer-version'
  | 'write-failed';

export interface StoreEvent {
  code: StoreEventCode;
  level: 'info' | 'warning' | 'error';
  text: Localized;
  at: string;
}

export interface StoreStatus {
  /** Where the history lives. */
  file: string;
  count: number;
  /** False when saving is refused to protect a file this version cannot safely replace. */
  writable: boolean;
  /** True when something at load needs the user's attention (a warning or error event). */
  attention: boolean;
  events: StoreEvent[];
}
