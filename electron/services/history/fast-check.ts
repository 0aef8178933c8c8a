/**
 * A hand-written check of a current-version history document, the fast path of loading: it accepts only
 * what HistoryDocumentSchema accepts unchanged (same constraints, no key that zod would strip or reject),
 * so an accepted document is exactly what `HistoryDocumentSchema.parse` would return. Anything it does
 * not accept goes through zod, which then decides and words the error: a corrupt file is reported as
 * before. test/main/history/fast-check.test.ts holds it to the schema on valid and mutated records.
 */
import type { HistoryDocument } from './schema';
import { CURRENT_SCHEMA_VERSION, STATUSES, TEXT_FILE_NAME } from './schema';

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** True when `v` has exactly these own keys (zod strips or rejects any other one). */
function hasExactKeys(v: Obj, keys: readonly string[]): boolean {
  if (Object.keys(v).length !== keys.length) return false;
  for (const key of keys) if (!Object.hasOwn(v, key)) return false;
  return true;
}

/** True when every listed key is present (loose objects keep the others). */
function hasKeys(v: Obj, keys: readonly string[]): boolean {
  for (const key of keys) if (!Object.hasOwn(v, key)) return false;
  return true;
}

const str = (v: unknown, max: number): boolean => typeof v === 'string' && v.length <= max;
const strOrNull = (v: unknown, max: number): boolean => v === null || str(v, max);
const int = (v: unknown): boolean => Number.isSafeInteger(v);
const intOrNull = (v: unknown): boolean => v === null || int(v);

function strArray(v: unknown, maxItems: number, maxLength: number): boolean {
  if (!Array.isArray(v) || v.length > maxItems) return false;
  for (const item of v) if (!str(item, maxLength)) return false;
  return true;
}

const LOCALIZED_KEYS = ['fr', 'en'] as const;
const localized = (v: unknown): boolean =>
  isObject(v) && hasExactKeys(v, LOCALIZED_KEYS) && str(v.fr, 20_000) && str(v.en, 20_000);

export const RECORD_KEYS = [
  'id',
  'createdAt',
  'updatedAt',
  'status',
  'sentAt',
  'orangeTicketRef',
  'notes',
  'incident',
  'advice',
  'deletedAt',
  'ticketSubjects',
  'texts',
] as const;

export const INCIDENT_KEYS = [
  'occurredAt',
  'sendingIps',
  'sendingHosts',
  'sendingDomain',
  'recipientDomain',
  'remoteHost',
  'remoteIp',
  'reply',
  'orange',
  'isOrange',
  'format',
  'sources',
  'assumptions',
  'trigger',
] as const;

export const ADVICE_KEYS = ['nextStep', 'contactAbuseDesk', 'summary', 'links'] as const;

const SOURCE_FIELDS = new Set([
  'occurredAt',
  'sendingIps',
  'sendingHosts',
  'sendingDomain',
  'recipientDomain',
  'remoteHost',
  'remoteIp',
  'reply',
  'orange',
]);
const FORMATS = new Set([
  'smtp-reply',
  'json-event',
  'dsn',
  'postfix',
  'exim',
  'sendmail',
  'powermta',
  'kumomta',
  'haraka',
  'opensmtpd',
  'qmail',
  'exchange',
  'unknown',
]);
const NEXT_STEPS = new Set([
  'wait-and-retry',
  'fix-configuration',
  'delist-elsewhere',
  'contact-orange',
  'not-an-abuse-desk-case',
  'unknown',
]);
const STATUS_SET = new Set<unknown>(STATUSES);

function sources(v: unknown): boolean {
  if (!isObject(v)) return false;
  for (const key in v) {
    if (!Object.hasOwn(v, key) || !SOURCE_FIELDS.has(key)) return false;
    const ref = v[key];
    if (!isObject(ref) || !hasExactKeys(ref, ['line', 'text']) || !int(ref.line) || !str(ref.text, 100_000)) {
      return false;
    }
  }
  return true;
}

function assumptions(v: unknown): boolean {
  if (!Array.isArray(v) || v.length > 100) return false;
  for (const note of v) {
    if (!isObject(note) || !hasExactKeys(note, ['code', 'text']) || !str(note.code, 2_000)) return false;
    if (!localized(note.text)) return false;
  }
  return true;
}

function incident(v: unknown): boolean {
  if (!isObject(v) || !hasKeys(v, INCIDENT_KEYS)) return false;
  const { reply, orange, trigger } = v;
  return (
    strOrNull(v.occurredAt, 40) &&
    strArray(v.sendingIps, 1_000, 100) &&
    strArray(v.sendingHosts, 1_000, 300) &&
    strOrNull(v.sendingDomain, 300) &&
    strOrNull(v.recipientDomain, 300) &&
    strOrNull(v.remoteHost, 300) &&
    strOrNull(v.remoteIp, 100) &&
    isObject(reply) &&
    hasExactKeys(reply, ['code', 'enhanced', 'text']) &&
    intOrNull(reply.code) &&
    strOrNull(reply.enhanced, 20) &&
    str(reply.text, 100_000) &&
    (orange === null ||
      (isObject(orange) &&
        hasExactKeys(orange, ['token', 'reason', 'server']) &&
        strOrNull(orange.token, 50) &&
        intOrNull(orange.reason) &&
        strOrNull(orange.server, 100))) &&
    typeof v.isOrange === 'boolean' &&
    FORMATS.has(v.format as string) &&
    sources(v.sources) &&
    assumptions(v.assumptions) &&
    (trigger === null ||
      (isObject(trigger) &&
        hasExactKeys(trigger, ['line', 'text', 'occurredAt', 'token', 'reason']) &&
        int(trigger.line) &&
        str(trigger.text, 100_000) &&
        strOrNull(trigger.occurredAt, 40) &&
        strOrNull(trigger.token, 50) &&
        intOrNull(trigger.reason)))
  );
}

function advice(v: unknown): boolean {
  if (v === null) return true;
  if (!isObject(v) || !hasKeys(v, ADVICE_KEYS)) return false;
  if (!NEXT_STEPS.has(v.nextStep as string) || typeof v.contactAbuseDesk !== 'boolean') return false;
  if (!localized(v.summary) || !Array.isArray(v.links) || v.links.length > 50) return false;
  for (const link of v.links) {
    if (!isObject(link) || !hasExactKeys(link, ['label', 'url']) || !localized(link.label)) return false;
    if (!str(link.url, 4_096)) return false;
  }
  return true;
}

const ticketText = (v: unknown): boolean =>
  isObject(v) && hasExactKeys(v, ['subject', 'body']) && str(v.subject, 2_000) && str(v.body, 1_000_000);

function texts(v: unknown): boolean {
  if (!isObject(v)) return false;
  if (hasExactKeys(v, ['file', 'offset', 'length'])) {
    const { file, offset, length } = v;
    return (
      typeof file === 'string' &&
      TEXT_FILE_NAME.test(file) &&
      int(offset) &&
      (offset as number) >= 0 &&
      int(length) &&
      (length as number) >= 2 &&
      (length as number) <= 64_000_000
    );
  }
  if (!hasExactKeys(v, ['inline'])) return false;
  const inline = v.inline;
  if (!isObject(inline) || !hasExactKeys(inline, ['rawText', 'ticket'])) return false;
  const ticket = inline.ticket;
  return (
    str(inline.rawText, 2_000_000) &&
    isObject(ticket) &&
    hasExactKeys(ticket, LOCALIZED_KEYS) &&
    ticketText(ticket.fr) &&
    ticketText(ticket.en)
  );
}

export function isStoredRecord(v: unknown): boolean {
  if (!isObject(v) || !hasExactKeys(v, RECORD_KEYS)) return false;
  const subjects = v.ticketSubjects;
  return (
    str(v.id, 100) &&
    (v.id as string).length >= 1 &&
    str(v.createdAt, 40) &&
    str(v.updatedAt, 40) &&
    STATUS_SET.has(v.status) &&
    strOrNull(v.sentAt, 40) &&
    strOrNull(v.orangeTicketRef, 200) &&
    str(v.notes, 100_000) &&
    strOrNull(v.deletedAt, 40) &&
    isObject(subjects) &&
    hasExactKeys(subjects, LOCALIZED_KEYS) &&
    str(subjects.fr, 2_000) &&
    str(subjects.en, 2_000) &&
    texts(v.texts) &&
    incident(v.incident) &&
    advice(v.advice)
  );
}

/** True only for a document HistoryDocumentSchema would return unchanged; false means "ask zod". */
export function isCurrentDocument(v: unknown): v is HistoryDocument {
  if (!isObject(v) || !hasExactKeys(v, ['schemaVersion', 'records'])) return false;
  if (v.schemaVersion !== CURRENT_SCHEMA_VERSION || !Array.isArray(v.records)) return false;
  for (const record of v.records) if (!isStoredRecord(record)) return false;
  return true;
}
