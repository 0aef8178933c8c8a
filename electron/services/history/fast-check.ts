/**
 * The load check of history.json (version 4, see hot-file.ts), the fast path of loading: it checks every
 * value of every column (one short loop per column) and accepts only what zod (DecodedRecordsSchema over
 * `decodeLenient`) accepts unchanged: same constraints, no key zod would strip or reject. At the first
 * doubt it returns null and zod decides, and words the error: a corrupt file is reported as before.
 * test/main/history/fast-check.test.ts holds it to zod on valid and mutated documents.
 */
import { COLUMNS, type Columns, FRAME_KEYS } from './hot-file';
import { type CheckedTables, RecordTable } from './record-table';
import {
  CURRENT_SCHEMA_VERSION,
  FIELD_NAMES,
  INPUT_FORMATS,
  NEXT_STEPS,
  STATUSES,
  TEXT_FILE_NAME,
} from './schema';
import { StringTable } from './string-table';

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
const int = (v: unknown): boolean => Number.isSafeInteger(v);
const intOrNull = (v: unknown): boolean => v === null || int(v);

const LOCALIZED_KEYS = ['fr', 'en'] as const;
const localized = (v: unknown): boolean =>
  isObject(v) && hasExactKeys(v, LOCALIZED_KEYS) && str(v.fr, 20_000) && str(v.en, 20_000);

/** The incident fields kept in history.json (the others go to the text packs). */
export const HOT_INCIDENT_KEYS = [
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
  'trigger',
] as const;

export const ADVICE_KEYS = ['nextStep', 'contactAbuseDesk', 'summary', 'links'] as const;

const SOURCE_FIELDS = new Set<string>(FIELD_NAMES);
const FORMATS = new Set<string>(INPUT_FORMATS);
const NEXT_STEP_SET = new Set<string>(NEXT_STEPS);
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

/** Loose: fields other parts of the app add to Incident later are kept. */
const coldIncident = (v: unknown): boolean =>
  isObject(v) && hasKeys(v, ['sources', 'assumptions']) && sources(v.sources) && assumptions(v.assumptions);

function advice(v: unknown): boolean {
  if (v === null) return true;
  if (!isObject(v) || !hasKeys(v, ADVICE_KEYS)) return false;
  if (!NEXT_STEP_SET.has(v.nextStep as string) || typeof v.contactAbuseDesk !== 'boolean') return false;
  if (!localized(v.summary) || !Array.isArray(v.links) || v.links.length > 50) return false;
  for (const link of v.links) {
    if (!isObject(link) || !hasExactKeys(link, ['label', 'url']) || !localized(link.label)) return false;
    if (!str(link.url, 4_096)) return false;
  }
  return true;
}

const ticketText = (v: unknown): boolean =>
  isObject(v) && hasExactKeys(v, ['subject', 'body']) && str(v.subject, 2_000) && str(v.body, 1_000_000);

function packRef(v: unknown): boolean {
  if (!isObject(v) || !hasExactKeys(v, ['file', 'offset', 'length'])) return false;
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

function recordDetails(v: unknown): boolean {
  if (!isObject(v) || !hasExactKeys(v, ['incident', 'advice', 'ticket', 'rawText'])) return false;
  const ticket = v.ticket;
  return (
    coldIncident(v.incident) &&
    advice(v.advice) &&
    str(v.rawText, 2_000_000) &&
    isObject(ticket) &&
    hasExactKeys(ticket, LOCALIZED_KEYS) &&
    ticketText(ticket.fr) &&
    ticketText(ticket.en)
  );
}

/** Details other than a pack reference (fresh inline details, texts left in a version 3 pack). */
function detailsObject(v: unknown): boolean {
  if (!isObject(v)) return false;
  if (hasExactKeys(v, ['inline'])) return recordDetails(v.inline);
  return (
    hasExactKeys(v, ['v3texts', 'incident', 'advice']) &&
    packRef(v.v3texts) &&
    coldIncident(v.incident) &&
    advice(v.advice)
  );
}

/**
 * A number that indexes a table of `length` entries: an integer from 0 to length - 1 (`v >>> 0` equals
 * only such a number; null, booleans, strings, fractions and negatives all differ from it).
 */
const isIndex = (v: unknown, length: number): v is number =>
  (v as number) >>> 0 === v && (v as number) < length;

type Frame = {
  [K in (typeof FRAME_KEYS)[number]]: K extends 'schemaVersion'
    ? number
    : K extends 'text'
      ? string
      : unknown[];
} & { columns: Columns };

function isFrame(v: unknown): v is Frame {
  if (!isObject(v) || !hasExactKeys(v, FRAME_KEYS) || v.schemaVersion !== CURRENT_SCHEMA_VERSION)
    return false;
  for (const key of FRAME_KEYS)
    if (key !== 'schemaVersion' && key !== 'text' && key !== 'columns' && !Array.isArray(v[key]))
      return false;
  const columns = v.columns;
  if (!isObject(columns) || !hasExactKeys(columns, COLUMNS) || !Array.isArray(columns.id)) return false;
  const count = columns.id.length;
  for (const name of COLUMNS) {
    const column = columns[name];
    if (!Array.isArray(column) || column.length !== count) return false;
  }
  return true;
}

/** The tables checked (their entries are decoded when a record needs them); null when any is odd. */
function checkTables(doc: Frame): (CheckedTables & { longest: number[] }) | null {
  const strings = StringTable.check(doc.text, doc.ends);
  if (!strings) return null;
  const { lengths } = strings;
  const n = lengths.length;
  const str = (v: unknown, max: number) => isIndex(v, n) && (lengths[v] as number) <= max;
  const strOrNull = (v: unknown, max: number) => v === null || str(v, max);

  // Each list's longest item, so each use checks its own limit at once.
  const longest: number[] = [];
  for (const refs of doc.lists) {
    if (!Array.isArray(refs)) return null;
    let max = 0;
    for (let i = 0; i < refs.length; i += 1) {
      const ref = refs[i];
      if (!isIndex(ref, n)) return null;
      const length = lengths[ref] as number;
      if (length > max) max = length;
    }
    longest.push(max);
  }
  for (const r of doc.replies) {
    if (!Array.isArray(r) || r.length !== 3) return null;
    if (!intOrNull(r[0]) || !strOrNull(r[1], 20) || !str(r[2], 100_000)) return null;
  }
  for (const o of doc.oranges) {
    if (!Array.isArray(o) || o.length !== 3) return null;
    if (!strOrNull(o[0], 50) || !intOrNull(o[1]) || !strOrNull(o[2], 100)) return null;
  }
  for (const pair of doc.subjects) {
    if (!Array.isArray(pair) || pair.length !== 2 || !str(pair[0], 2_000) || !str(pair[1], 2_000))
      return null;
  }
  const tables = doc as unknown as CheckedTables;
  return {
    strings,
    lists: tables.lists,
    replies: tables.replies,
    oranges: tables.oranges,
    subjects: tables.subjects,
    longest,
  };
}

/**
 * The check of every column of references (strings, lists and table entries), one loop for all (so one
 * function is compiled, not one per kind): each entry a number into a table whose `limits[v]` is within
 * `min`..`max` (or null where `nullable`); with `seen`, no number twice; with `used`, the numbers met.
 */
function refColumn(
  column: unknown[],
  limits: ArrayLike<number>,
  min: number,
  max: number,
  nullable: boolean,
  seen: Uint8Array | null = null,
  used: Set<number> | null = null,
): boolean {
  const n = limits.length;
  for (let i = 0; i < column.length; i += 1) {
    const v = column[i] as number;
    if (v === null) {
      if (!nullable) return false;
      continue;
    }
    if (v >>> 0 !== v || v >= n) return false;
    const limit = limits[v] as number;
    if (limit < min || limit > max) return false;
    if (seen !== null) {
      if (seen[v] === 1) return false;
      seen[v] = 1;
    }
    if (used !== null) used.add(v);
  }
  return true;
}

/** Each distinct string a column names is one of `allowed`. */
function namesAllowed(used: Set<number>, strings: StringTable, allowed: ReadonlySet<unknown>): boolean {
  for (const ref of used) if (!allowed.has(strings.get(ref))) return false;
  return true;
}

function triggerColumn(column: unknown[], lengths: Int32Array): boolean {
  const str = (v: unknown, max: number) => isIndex(v, lengths.length) && (lengths[v] as number) <= max;
  for (const t of column) {
    if (t === null) continue;
    if (!Array.isArray(t) || t.length !== 5) return false;
    const [line, text, occurredAt, token, reason] = t;
    if (!int(line) || !str(text, 100_000) || !(occurredAt === null || str(occurredAt, 40))) return false;
    if (!(token === null || str(token, 50)) || !intOrNull(reason)) return false;
  }
  return true;
}

/** Checks the details columns; returns the text packs they name (null when anything is odd). */
function detailsColumns(c: Columns, strings: StringTable): string[] | null {
  // Pack names are few: each is checked once.
  const checkedFile = new Uint8Array(strings.size);
  const packs = new Set<string>();
  for (let i = 0; i < c.details.length; i += 1) {
    const details = c.details[i];
    const offset = c.detailsOffset[i];
    const length = c.detailsLength[i];
    if (typeof details === 'number') {
      if (!isIndex(details, strings.size)) return null;
      if (checkedFile[details] === 0) {
        checkedFile[details] = TEXT_FILE_NAME.test(strings.get(details)) ? 1 : 2;
      }
      if (checkedFile[details] !== 1) return null;
      if (!int(offset) || (offset as number) < 0) return null;
      if (!int(length) || (length as number) < 2 || (length as number) > 64_000_000) return null;
    } else if (offset !== null || length !== null || !detailsObject(details)) return null;
    else if ('v3texts' in (details as object))
      packs.add((details as { v3texts: { file: string } }).v3texts.file);
  }
  for (let ref = 0; ref < checkedFile.length; ref += 1)
    if (checkedFile[ref] === 1) packs.add(strings.get(ref));
  return [...packs];
}

function isBooleanColumn(column: unknown[]): boolean {
  for (let i = 0; i < column.length; i += 1) if (typeof column[i] !== 'boolean') return false;
  return true;
}

/**
 * The records of a current-version document, every value checked; null when anything is not exactly as
 * zod would accept it unchanged (zod then decides). Never throws.
 */
export function checkDocument(doc: unknown): RecordTable | null {
  if (!isFrame(doc)) return null;
  const tables = checkTables(doc);
  if (!tables) return null;
  const { strings, lists, longest, replies, oranges, subjects } = tables;
  const { lengths } = strings;
  const c = doc.columns;
  // What each kind of reference is checked against: a string's length, a list's longest item (more
  // than 1,000 items counts as too long), nothing for the entries of the other tables.
  const listLimits = Int32Array.from(lists, (list, i) =>
    list.length > 1_000 ? 2 ** 30 : (longest[i] as number),
  );
  const entry = (table: readonly unknown[]) => new Int32Array(table.length);
  const statuses = new Set<number>();
  const formats = new Set<number>();
  // Ids are 1 to 100 characters long and distinct: equal strings share one number, so distinct ids are
  // distinct numbers. (zod does not ask this: a file repeating an id goes to zod, the later record wins.)
  const ok =
    refColumn(c.id, lengths, 1, 100, false, new Uint8Array(lengths.length)) &&
    refColumn(c.createdAt, lengths, 0, 40, false) &&
    refColumn(c.updatedAt, lengths, 0, 40, false) &&
    refColumn(c.status, lengths, 0, 20, false, null, statuses) &&
    namesAllowed(statuses, strings, STATUS_SET) &&
    refColumn(c.sentAt, lengths, 0, 40, true) &&
    refColumn(c.orangeTicketRef, lengths, 0, 200, true) &&
    refColumn(c.notes, lengths, 0, 100_000, false) &&
    refColumn(c.deletedAt, lengths, 0, 40, true) &&
    refColumn(c.subjects, entry(subjects), 0, 0, false) &&
    refColumn(c.occurredAt, lengths, 0, 40, true) &&
    refColumn(c.sendingIps, listLimits, 0, 100, false) &&
    refColumn(c.sendingHosts, listLimits, 0, 300, false) &&
    refColumn(c.sendingDomain, lengths, 0, 300, true) &&
    refColumn(c.recipientDomain, lengths, 0, 300, true) &&
    refColumn(c.remoteHost, lengths, 0, 300, true) &&
    refColumn(c.remoteIp, lengths, 0, 100, true) &&
    refColumn(c.reply, entry(replies), 0, 0, false) &&
    refColumn(c.orange, entry(oranges), 0, 0, true) &&
    isBooleanColumn(c.isOrange) &&
    refColumn(c.format, lengths, 0, 20, false, null, formats) &&
    namesAllowed(formats, strings, FORMATS) &&
    triggerColumn(c.trigger, lengths);
  const packs = ok ? detailsColumns(c, strings) : null;
  return packs ? new RecordTable({ strings, lists, replies, oranges, subjects }, c, packs) : null;
}
