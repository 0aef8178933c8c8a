/**
 * nodemailer's debug output logged through pino or bunyan, one JSON object per line. nodemailer hands
 * each line to a bunyan-compatible logger as `logger.debug({component, sid, tnx, ...}, message)`
 * (lib/shared/index.js, getLogger; its `tnx` says whose line it is: `server`, `client`, `dns`,
 * `network`), so pino writes `{"level":20,"time":<epoch ms>,"pid":..,"hostname":..,"component":
 * "smtp-connection","sid":"q3T0v9bXyZk","tnx":"server","msg":"550 ..."}` and bunyan `{"name":..,
 * "hostname":..,"pid":..,"component":..,"sid":..,"tnx":..,"level":20,"msg":"550 ...","time":
 * "2026-11-24T09:22:01.371Z","v":0}` (the fields as a README excerpt of nodemailer's records shows them:
 * `{"component":"smtp-connection","sid":"N5uAYhHPKsY","tnx":"network","localAddress":...}`). A logger
 * adapter may also keep the console logger's own prefix in the message (`[q3T0v9bXyZk] S: 550 ...`).
 *
 * Each line becomes the line nodemailer's console logger would print (`[2026-11-24 09:22:01] DEBUG
 * [sid] S: 550 ...`, UTC), read as the session it is (smtp-session.ts), and each incident is then dated
 * by its reply's own record, whose time names its zone (epoch milliseconds, or RFC 3339).
 */

import type { ExtractionResult, FieldName } from '../../types';
import { domainOf } from '../header-block';
import { resolveStamp } from '../logs/time';
import { withoutAnsweredMissing } from '../notes';

import type { SourceText } from '../source-text';
import { jsonPiece, topLevelSpans } from './json-spans';
import { isObj, type Json, type Obj } from './json-value';
import { envelopeErrorLines, envelopeSender } from './nodemailer-envelope-error';
import { sessionPrefix } from './nodemailer-session-prefix';

export interface NodemailerLogText {
  /** The console logger's lines, one per line of each record's message. */
  text: string;
  /** For each rebuilt line (0-based), the 1-based line of the paste its record starts on. */
  pasteLine: number[];
  /** Each record's time as ISO with its zone, by the 1-based paste line its record starts on. */
  timeOf: Map<number, string>;
  /** The envelope's sender of an application's error record (nodemailer-envelope-error.ts), by paste line. */
  senderOf: Map<number, string>;
}

/** nodemailer's components (smtp-connection, its transports, the mailer itself). */
const COMPONENT = /^(?:smtp-connection|smtp-transport|smtp-pool|mail|sendmail|ses-transport)$/;

/** pino's and bunyan's level numbers, as nodemailer's console logger names them (padded to five). */
const LEVELS: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO ',
  40: 'WARN ',
  50: 'ERROR',
  60: 'FATAL',
};

/** RFC 3339 with its zone (bunyan's `time`, pino's `isoTime`). */
const ZONED_ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:?\d\d)$/;

/**
 * Whether an object is one of nodemailer's records: its fields say so, or its message has the console
 * logger's prefix with a session id that prefixes a server's or client's line somewhere (`sids`).
 */
function isNodemailerRecord(o: Obj, sids: ReadonlySet<string>): boolean {
  if (typeof o.msg !== 'string') return false;
  if (envelopeErrorLines(o)) return true;
  if (typeof o.tnx === 'string') return true;
  if (typeof o.component === 'string' && COMPONENT.test(o.component)) return true;
  const prefix = sessionPrefix(o.msg);
  return prefix !== null && sids.has(prefix.sid);
}

/** The record's time as ISO with its zone: pino's epoch milliseconds (or seconds), or RFC 3339. */
export function recordTime(o: Obj): string | null {
  const t = o.time ?? o.timestamp;
  if (typeof t === 'number' && Number.isFinite(t) && t > 0) {
    const seconds = t > 1e11 ? t / 1000 : t;
    return resolveStamp({ kind: 'epoch', seconds }, {}).iso;
  }
  if (typeof t === 'string' && ZONED_ISO.test(t.trim()) && !Number.isNaN(Date.parse(t)))
    return resolveStamp({ kind: 'iso', text: t.trim() }, {}).iso;
  return null;
}

function levelName(level: Json | undefined): string {
  if (typeof level === 'number') return LEVELS[level] ?? 'INFO ';
  if (typeof level === 'string' && /^[a-z]{4,5}$/i.test(level)) return level.toUpperCase().padEnd(5);
  return 'INFO ';
}

/** `[YYYY-MM-DD HH:MM:SS] LEVEL ` in UTC, as nodemailer's console logger writes it; '' without a time. */
function consolePrefix(iso: string | null, level: Json | undefined): string {
  if (iso === null) return '';
  const utc = new Date(Date.parse(iso)).toISOString();
  return `[${utc.slice(0, 10)} ${utc.slice(11, 19)}] ${levelName(level)} `;
}

/** The console logger's lines for one record. */
function consoleLines(o: Obj, iso: string | null): string[] {
  const head = consolePrefix(iso, o.level);
  const envelope = envelopeErrorLines(o);
  if (envelope) return envelope.map((line) => `${head}${line}`);
  const msg = (o.msg as string).replace(/\r?\n$/, '');
  const own = sessionPrefix(msg);
  if (own) return [`${head}[${own.sid}] ${own.side ? `${own.side}: ` : ''}${msg.slice(own.length)}`];
  const sid = typeof o.sid === 'string' && /^[\w-]{1,40}$/.test(o.sid) ? o.sid : null;
  const side = o.tnx === 'server' ? 'S: ' : o.tnx === 'client' ? 'C: ' : '';
  // (Without a time, a server's or client's line stands alone, as RFC 5321 writes them.)
  const lead =
    head === '' ? (side === '' && sid ? `[${sid}] ` : side) : `${head}${sid ? `[${sid}] ` : ''}${side}`;
  return msg.split(/\r?\n/).map((line) => `${lead}${line}`);
}

/**
 * The console logger's text of nodemailer's records among the JSON values, or null when none of them
 * is a line the remote server wrote (no session to read).
 */
export function nodemailerLogText(
  values: readonly Json[],
  paste: string,
  /** Each value's 1-based paste line, when the values were not read as JSON (pino-pretty-log.ts). */
  valueLines?: readonly number[],
): NodemailerLogText | null {
  const sids = new Set<string>();
  for (const v of values) {
    const prefix = isObj(v) && typeof v.msg === 'string' ? sessionPrefix(v.msg) : null;
    if (prefix?.side) sids.add(prefix.sid);
  }
  const isRecord = (v: Json): v is Obj => isObj(v) && isNodemailerRecord(v, sids);
  const records = values.filter(isRecord);
  const serverLine = (o: Obj) =>
    o.tnx === 'server' || sessionPrefix(o.msg as string)?.side === 'S' || envelopeErrorLines(o) !== null;
  if (!records.some(serverLine)) return null;
  const spans = valueLines ? [] : topLevelSpans(paste);
  const lineOfValue = (i: number) =>
    valueLines ? (valueLines[i] ?? 1) : spans.length === values.length ? (spans[i]?.from ?? 1) : 1;
  const lines: string[] = [];
  const pasteLine: number[] = [];
  const timeOf = new Map<number, string>();
  const senderOf = new Map<number, string>();
  values.forEach((v, i) => {
    if (!isRecord(v)) return;
    const line = lineOfValue(i);
    const iso = recordTime(v);
    if (iso) timeOf.set(line, iso);
    const sender = envelopeSender(v);
    if (sender) senderOf.set(line, sender);
    for (const rebuilt of consoleLines(v, iso)) {
      lines.push(rebuilt);
      pasteLine.push(line);
    }
  });
  return { text: lines.join('\n'), pasteLine, timeOf, senderOf };
}

/**
 * The incidents read from the rebuilt lines (cited at the paste's lines), each dated by its reply's
 * record: its time names its zone, where the console logger's did not (UTC assumed).
 */
export function withRecordTimes(
  result: ExtractionResult,
  log: NodemailerLogText,
  paste: SourceText,
): ExtractionResult {
  const filled = new Map<number, FieldName[]>();
  result.incidents.forEach((incident, i) => {
    const line = incident.sources.reply?.line;
    const sender = line === undefined ? undefined : log.senderOf.get(line);
    const domain = sender ? domainOf(sender) : null;
    if (line !== undefined && sender && domain && !incident.sendingDomain) {
      incident.sendingDomain = domain;
      // (Its own line when pino-pretty printed the envelope below the record's head.)
      const own = paste.find(jsonPiece(sender), line, Math.min(paste.lineCount, line + 40)) ?? line;
      incident.sources.sendingDomain = paste.ref(own);
      filled.set(i + 1, ['sendingDomain']);
    }
    const iso = line === undefined ? undefined : log.timeOf.get(line);
    if (line === undefined || iso === undefined) return;
    if (!incident.occurredAt) filled.set(i + 1, [...(filled.get(i + 1) ?? []), 'occurredAt']);
    incident.occurredAt = iso;
    incident.sources.occurredAt = paste.ref(line);
    incident.assumptions = incident.assumptions.filter((a) => a.code !== 'date.no-zone');
  });
  if (filled.size === 0) return result;
  return { ...result, warnings: withoutAnsweredMissing(result.warnings, filled) };
}
