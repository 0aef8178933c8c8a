/**
 * Schema versions of the history file and the steps between them. Each step takes a document of one
 * version (validated against that version's own schema) and returns the next version; `migrate` chains
 * them up to the current version. Add a step (and a test with a file of the old version) for every change.
 */
import { z } from 'zod';
import { encodeDocument } from './hot-file';
import {
  AdviceSchema,
  CURRENT_SCHEMA_VERSION,
  HistoryDocumentV2,
  HistoryRecordSchema,
  IncidentSchema,
  PackRefSchema,
  RecordTextsSchema,
  type StoredRecord,
  TicketSchema,
} from './schema';
import { splitIncident } from './stored';

/** Version 1: the first file format. Statuses draft/sent/done, one ticket per language at top level. */
export const HistoryDocumentV1 = z.object({
  schemaVersion: z.literal(1),
  incidents: z.array(
    z.object({
      id: z.string().min(1),
      createdAt: z.string(),
      updatedAt: z.string(),
      status: z.enum(['draft', 'sent', 'done']),
      incident: IncidentSchema,
      advice: AdviceSchema.nullable(),
      ticketFr: z.object({ subject: z.string(), body: z.string() }),
      ticketEn: z.object({ subject: z.string(), body: z.string() }),
      rawText: z.string(),
    }),
  ),
});

/** v1 → v2: `incidents` becomes `records`; tickets grouped; `done` becomes `resolved`; new fields empty. */
function v1ToV2(input: unknown): unknown {
  const doc = HistoryDocumentV1.parse(input);
  return {
    schemaVersion: 2,
    records: doc.incidents.map((r) => ({
      id: r.id,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      status: r.status === 'done' ? 'resolved' : r.status,
      sentAt: null,
      orangeTicketRef: null,
      notes: '',
      incident: r.incident,
      advice: r.advice,
      ticket: { fr: r.ticketFr, en: r.ticketEn },
      rawText: r.rawText,
      deletedAt: null,
    })),
  };
}

/**
 * Version 3: records whole but for their texts (pasted text, tickets), kept in text packs (one JSON
 * line `{rawText, ticket}` at `offset`, `length` bytes of `file`), or inline until the next write.
 */
const StoredRecordV3 = HistoryRecordSchema.omit({ rawText: true, ticket: true, textsProblem: true }).extend({
  ticketSubjects: z.object({
    fr: TicketSchema.shape.fr.shape.subject,
    en: TicketSchema.shape.en.shape.subject,
  }),
  texts: z.union([z.object(PackRefSchema.shape), z.object({ inline: RecordTextsSchema })]),
});
export const HistoryDocumentV3 = z.object({ schemaVersion: z.literal(3), records: z.array(StoredRecordV3) });

/** v2 → v3: the bulky texts leave the record (inline for now; the next write moves them to files). */
function v2ToV3(input: unknown): unknown {
  const doc = HistoryDocumentV2.parse(input);
  return {
    schemaVersion: 3,
    records: doc.records.map(
      ({ rawText, ticket, textsProblem: _ignored, ...rest }): z.infer<typeof StoredRecordV3> => ({
        ...rest,
        ticketSubjects: { fr: ticket.fr.subject, en: ticket.en.subject },
        texts: { inline: { rawText, ticket } },
      }),
    ),
  };
}

/**
 * v3 → v4: history.json keeps only the list's fields, in the compact shape of hot-file.ts; the rest of
 * the incident and the advice join the texts as the record's details. Texts still in a version 3 pack
 * stay there for now (`v3texts`): the next write, which can read them, moves the details to a new pack.
 */
function v3ToV4(input: unknown): unknown {
  const doc = HistoryDocumentV3.parse(input);
  return encodeDocument(
    doc.records.map(({ incident, advice, texts, ...meta }): StoredRecord => {
      const { hot, cold } = splitIncident(incident);
      return {
        ...meta,
        incident: hot,
        details:
          'inline' in texts
            ? { inline: { incident: cold, advice, ...texts.inline } }
            : { v3texts: texts, incident: cold, advice },
      };
    }),
  );
}

/** steps[n] turns version n into version n + 1. */
const steps: Record<number, (doc: unknown) => unknown> = { 1: v1ToV2, 2: v2ToV3, 3: v3ToV4 };

export class NewerVersionError extends Error {
  constructor(readonly version: number) {
    super(`history file has schema version ${version}, newer than ${CURRENT_SCHEMA_VERSION}`);
  }
}

/** The schema version a parsed document claims, or null when it has none. */
export function versionOf(doc: unknown): number | null {
  if (typeof doc !== 'object' || doc === null) return null;
  const version = (doc as { schemaVersion?: unknown }).schemaVersion;
  return typeof version === 'number' && Number.isInteger(version) ? version : null;
}

/**
 * Brings a parsed document to the current version. Throws when it has no version, an unknown one, or
 * content that does not match its version (the caller treats that as a corrupt file), and
 * NewerVersionError when it comes from a newer release of the app (or is past `target`).
 */
export function migrate(doc: unknown, target = CURRENT_SCHEMA_VERSION): { doc: unknown; from: number } {
  const from = versionOf(doc);
  if (from === null) throw new Error('history file has no schema version');
  if (from > target) throw new NewerVersionError(from);
  let current = doc;
  for (let version = from; version < target; version += 1) {
    const step = steps[version];
    if (!step) throw new Error(`no migration from schema version ${version}`);
    current = step(current);
  }
  return { doc: current, from };
}
