/**
 * KumoMTA log records (docs/reference/log_record.md): one JSON object per line with `type` (Reception,
 * Delivery, Bounce, TransientFailure, Expiration, AdminBounce, OOB, Feedback, Rejection), `sender`,
 * `recipient` (string or array), `response` {code, enhanced_code {class, subject, detail}, content},
 * `peer_address` {name, addr} (the remote MX when delivering), `source_address` {address "ip:port"} (the
 * local address used: the sending IP), `timestamp` (Unix seconds) and, in newer releases, `event_time`
 * (RFC 3339). `egress_source` names a configured source, not a host. Records copied from the
 * documentation are pretty-printed with `//` comments and trailing commas: those are tolerated.
 */

import { blankRunsWithBreaksAsSpace } from '../../joined-lines';
import { debugResponse } from '../../kumomta-response';
import type { FormatReader, LogRecord, ScanContext } from '../model';
import { refOf } from '../model';
import type { RawStamp } from '../time';
import { baseRejection, stripPort } from './common';
import { OOB_NOTE, oobReply } from './kumomta-oob';

type Json = Record<string, unknown>;

/**
 * Removes `//` comments outside strings, trailing commas, and bare placeholder words used as values.
 * The text is copied by slices between comments: copied a character at a time, a record of 1 MB made a
 * million strings for the garbage collector, which then took most of its reading time.
 */
function relaxedJson(text: string): string {
  const parts: string[] = [];
  let kept = 0; // text before this offset is copied or dropped
  let inString = false;
  let cut = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \\ */) i++;
      else if (c === 34 /* " */) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 47 /* / */ && text.charCodeAt(i + 1) === 47) {
      parts.push(text.slice(kept, i));
      const nl = text.indexOf('\n', i);
      if (nl < 0) {
        cut = true;
        break;
      }
      kept = nl;
      i = nl - 1;
    }
  }
  if (!cut) parts.push(text.slice(kept));
  const out = parts.join('');
  return out
    .replace(/,(\s*[}\]])/g, '$1')
    .replace(/,\s*$/, '')
    .replace(/:\s*([A-Za-z_][A-Za-z0-9_]{0,40})(\s*[,}\n])/g, (m, word, end) =>
      ['true', 'false', 'null'].includes(word) ? m : `: null${end}`,
    );
}

/** The JSON object the text is, or null. */
function objectOf(text: string): Json | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null;
  } catch {
    return null;
  }
}

/** The record as JSON, else in its relaxed form (made only then: most records are plain JSON). */
function parseRecord(text: string): Json | null {
  return objectOf(text) ?? objectOf(relaxedJson(text));
}

const obj = (v: unknown): Json | null =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null;
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** The reply of KumoMTA's `response` object (also read in a record pasted as loose members, esp-facts.ts). */
export function replyText(response: Json): string | null {
  const code = typeof response.code === 'number' ? response.code : null;
  if (code === null || code < 400) return null;
  const e = obj(response.enhanced_code);
  const enhanced = e ? `${e.class}.${e.subject}.${e.detail}` : null;
  const content = blankRunsWithBreaksAsSpace(str(response.content) ?? '');
  const status = enhanced && /^\d\.\d{1,3}\.\d{1,3}$/.test(enhanced) ? enhanced : null;
  // Some records carry the whole reply in `content` (`550 5.1.1 no such user`), code included, maybe
  // without the enhanced code the record gives apart (`451 try later`).
  if (content.startsWith(`${code} `) || content.startsWith(`${code}-`)) {
    const rest = content.slice(4);
    return status && !/^\d\.\d{1,3}\.\d{1,3}(?:\s|$)/.test(rest) ? `${code} ${status} ${rest}` : content;
  }
  return [String(code), status, content].filter(Boolean).join(' ');
}

function stampOf(record: Json): RawStamp | null {
  const eventTime = str(record.event_time);
  if (eventTime) return { kind: 'iso', text: eventTime };
  return typeof record.timestamp === 'number' ? { kind: 'epoch', seconds: record.timestamp } : null;
}

function read(rec: LogRecord, ctx: ScanContext) {
  const record = parseRecord(rec.text);
  if (!record || typeof record.type !== 'string') {
    if (rec.text.includes('"type"')) {
      ctx.warnOnce({
        code: 'kumomta-unreadable-record',
        text: {
          fr: 'Un enregistrement JSON de KumoMTA n’a pas pu être lu (JSON invalide ou tronqué).',
          en: 'A KumoMTA JSON record could not be read (invalid or truncated JSON).',
        },
      });
    }
    return;
  }
  const type = record.type;
  if (type === 'Delivery') return ctx.count('delivered');
  if (type === 'Rejection') return ctx.count('inbound-rejection');
  if (type !== 'Bounce' && type !== 'TransientFailure' && type !== 'OOB') return;
  const response = obj(record.response);
  const content = str(response?.content) ?? '';
  // KumoMTA's own words: a failure of its own, or a greeting's refusal it quotes (kumomta-response.ts).
  const internal = content.startsWith('KumoMTA internal');
  const quoted = internal ? debugResponse(content) : null;
  const reply = internal
    ? (quoted?.reply ?? null)
    : type === 'OOB'
      ? oobReply(response)
      : response
        ? replyText(response)
        : null;
  const peer = obj(record.peer_address);
  // (An OOB record of a report without an `smtp;` diagnostic has a code KumoMTA made up, no words.)
  if (!reply) return ctx.count('failure-without-reply');
  const ref = refOf(rec);
  const rejection = baseRejection('kumomta', ref, stampOf(record), reply);
  const recipient = Array.isArray(record.recipient) ? record.recipient[0] : record.recipient;
  rejection.recipient = str(recipient);
  const sender = str(record.sender);
  if (sender) rejection.sender = { value: sender, ref };
  if (type === 'OOB') {
    // Its peer is the bounce's writer and deliverer, not the server that refused (kumomta-oob.ts).
    rejection.replyNote = OOB_NOTE;
    return ctx.emit(rejection);
  }
  rejection.remoteHost = str(peer?.name);
  rejection.remoteIp = str(peer?.addr) ?? quoted?.remoteIp ?? null;
  const source = str(obj(record.source_address)?.address);
  if (source) rejection.sendingIps.push({ value: stripPort(source), ref });
  ctx.emit(rejection);
}

export const kumomtaReader: FormatReader = {
  format: 'kumomta',
  claimsBare: (text) => text.charCodeAt(0) === 123,
  read: (record, _syslog, ctx) => read(record, ctx),
};
