/**
 * PowerMTA accounting CSV. The PowerMTA user guide ("Accounting file"): RFC 4180 CSV with a header line
 * naming the columns; the first column is always the record type (`d` delivered, `b` bounced, `t` transient,
 * `tq`, `rb`/`rs` remote bounce/status, `r` received, `f` feedback); the columns present depend on the
 * `record-fields` configuration, so they are read from the header, never assumed. Fields used: timeLogged
 * (event time, `2016-05-29 01:10:51+0200` or Unix time), timeQueued (when the message entered the queue: the
 * date used, with a note, when timeLogged is not recorded), orig, rcpt, dsnStatus, dsnDiag (`smtp;550 ...`),
 * dsnMta (`mx.example.com (192.0.2.2)`, or the name alone), dlvSourceIp (the local address used: the sending
 * IP), dlvDestinationIp (the remote address). `vmta` names a configuration entry, not a host. Without a
 * header the columns are unknown: a line whose values fit PowerMTA's default columns, field by field, is read
 * in that order, with a note; of others only the reply (the `smtp;` field) is read, with a warning.
 */
import type { Note } from '../../../types';
import type { FormatReader, LogRecord, ScanContext } from '../model';
import { refOf } from '../model';
import type { RawStamp } from '../time';
import { baseRejection } from './common';
import { parseCsvRow } from './csv';
import { alignFields } from './powermta-align';
import { PendingDates, slashedDate } from './powermta-dates';
import { holdsReply, remoteReplyOf, startsWithTypedReply } from './powermta-diag';
import { ADDRESS_OR_EMPTY, IP_OR_EMPTY, remoteOf, STAMP } from './powermta-fields';
import { openRowLines } from './powermta-open-row';

const KNOWN_COLUMNS = [
  'timeLogged',
  'orig',
  'rcpt',
  'dsnDiag',
  'dsnStatus',
  'dlvSourceIp',
  'vmta',
  'bounceCat',
];
const FAILURE_TYPES = new Set(['b', 'bounce', 't', 'transient', 'tq', 'rb', 'rs']);

/**
 * The separator of a PowerMTA accounting header line (also marked as a comment: `#type,timeLogged,...`),
 * or null when the line is none: `,`, or `;` in the file a spreadsheet set to French saved again.
 */
function headerSeparator(text: string): string | null {
  const start = text.startsWith('#') ? 1 : 0;
  if (!text.startsWith('type', start)) return null;
  const separator = text.charAt(start + 4);
  if (separator !== ',' && separator !== ';') return null;
  const names = text.split(separator);
  return KNOWN_COLUMNS.filter((c) => names.includes(c)).length >= 2 ? separator : null;
}

/** True for a PowerMTA accounting header line (also marked as a comment: `#type,timeLogged,...`). */
export function isPowerMtaHeader(text: string): boolean {
  return headerSeparator(text) !== null;
}

function stampOf(value: string | undefined): RawStamp | null {
  if (!value) return null;
  if (/^\d{9,11}$/.test(value)) return { kind: 'epoch', seconds: Number(value) };
  // Without its offset (`2026-03-11 10:01:00`, as a file re-exported or made by hand writes it): a
  // local time, read in the assumed zone, with a note.
  const local = /^(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d:\d\d)$/.exec(value);
  if (local) return { kind: 'local', date: local[1] as string, time: local[2] as string };
  return { kind: 'iso', text: value };
}

const QUEUE_TIME_NOTE: Note = {
  code: 'powermta-queue-time',
  text: {
    fr: 'Le fichier PowerMTA n’a pas de colonne timeLogged : la date indiquée est celle de la mise en file d’attente du message (timeQueued), pas celle du refus.',
    en: 'The PowerMTA file has no timeLogged column: the date given is when the message was queued (timeQueued), not when it was rejected.',
  },
};

const NO_REMOTE_WORDS_NOTE: Note = {
  code: 'powermta-no-reply',
  text: {
    fr: 'Le fichier PowerMTA n’enregistre pas la réponse du serveur distant (colonne dsnDiag absente ou vide) : seul le code d’état résumé par PowerMTA (dsnStatus) est connu. Reprenez la réponse SMTP dans le rebond si vous l’avez.',
    en: 'The PowerMTA file does not record the remote server’s reply (no or empty dsnDiag column): only PowerMTA’s own status summary (dsnStatus) is known. Take the SMTP reply from the bounce if you have it.',
  },
};

/**
 * Bounce records whose columns name neither the remote's reply nor its server: the user guide's own
 * sample file (`type,timeLogged,orig,rcpt,dlvSourceIp,bounceCat`, then `b,1178807915,orig@port25.com,
 * user3@domain.com,,policy-related`).
 */
const BOUNCE_WITHOUT_REPLY_NOTE: Note = {
  code: 'input.powermta-bounce-without-reply',
  text: {
    fr: 'Le fichier PowerMTA contient des rebonds (lignes «\u00a0b\u00a0») sans la réponse ni le nom du serveur distant (colonnes dsnDiag et dsnMta absentes ou vides)\u00a0: il n’y a pas de réponse SMTP à transmettre. Ajoutez dsnDiag et dsnMta à la directive record-fields du fichier comptable, ou reprenez la réponse dans le rebond.',
    en: 'The PowerMTA file has bounces ("b" lines) without the remote server’s reply or name (dsnDiag and dsnMta columns missing or empty): there is no SMTP reply to pass on. Add dsnDiag and dsnMta to the accounting file’s record-fields, or take the reply from the bounce.',
  },
};

/**
 * The `smtp;` reply of a row without header, with the pieces an unquoted comma of the reply cut off:
 * the reply's words go on after `, ` (`Smtp;550 5.7.1 spam URL , Barracuda, www.niche.com,spam-related,...`,
 * a production row quoted in a PHP script), and no field PowerMTA writes starts with a space.
 */
function headerlessDiag(fields: readonly string[]): string | null {
  const at = fields.findIndex(startsWithTypedReply);
  if (at < 0) return null;
  let end = at + 1;
  while (end < fields.length && fields[end]?.startsWith(' ')) end++;
  return remoteReplyOf(fields.slice(at, end).join(','));
}

function readHeaderless(record: LogRecord, fields: string[], ctx: ScanContext) {
  const diag = headerlessDiag(fields);
  if (!diag) return;
  ctx.warnOnce({
    code: 'powermta-no-header',
    text: {
      fr: 'Fichier comptable PowerMTA sans ligne d’en-tête : les colonnes sont inconnues, seule la réponse SMTP a été lue. Collez aussi la première ligne du fichier (type,timeLogged,...).',
      en: 'PowerMTA accounting file without its header line: the columns are unknown, only the SMTP reply (and the time after the record type) was read. Paste the first line of the file too (type,timeLogged,...).',
    },
  });
  // PowerMTA writes the time it logged the record right after its type: a full timestamp there is read
  // as timeLogged, with a note (a configuration may leave timeLogged out and put timeQueued first).
  const logged = fields[1]?.trim() ?? '';
  const stamp = STAMP.test(logged) ? stampOf(logged) : null;
  const rejection = baseRejection('powermta', refOf(record), stamp, diag);
  if (stamp) rejection.stampNote = HEADERLESS_TIME_NOTE;
  ctx.emit(rejection);
}

const HEADERLESS_TIME_NOTE: Note = {
  code: 'powermta-headerless-time',
  text: {
    fr: 'La date est le deuxième champ de la ligne PowerMTA, que PowerMTA réserve à l’heure d’écriture de l’enregistrement (timeLogged)\u00a0; sans ligne d’en-tête, vérifiez que votre configuration record-fields la place bien là.',
    en: "The date is the PowerMTA line's second field, where PowerMTA writes the time it logged the record (timeLogged); without the header line, check that your record-fields configuration puts it there.",
  },
};

/**
 * PowerMTA's default record fields for `d`, `b` and `t` records (the user guide's acct-file defaults,
 * seen as the header of real files): a line without its header is read in this order only when its
 * values fit it, field by field.
 */
const DEFAULT_COLUMNS =
  'type,timeLogged,timeQueued,orig,rcpt,orcpt,dsnAction,dsnStatus,dsnDiag,dsnMta,bounceCat,srcType,srcMta,dlvType,dlvSourceIp,dlvDestinationIp,dlvEsmtpAvailable,dlvSize,vmta,jobId,envId,queue,vmtaPool'.split(
    ',',
  );

/** True when a header-less line's values fit PowerMTA's default columns. */
function fitsDefaultColumns(fields: readonly string[]): boolean {
  const at = (i: number) => fields[i]?.trim() ?? '';
  return (
    fields.length >= DEFAULT_COLUMNS.length &&
    FAILURE_TYPES.has(at(0)) &&
    STAMP.test(at(1)) &&
    STAMP.test(at(2)) &&
    ADDRESS_OR_EMPTY.test(at(3)) &&
    /@/.test(at(4)) &&
    /^(?:failed|delayed|relayed|delivered|expanded)$/.test(at(6)) &&
    /^(?:[245]\.\d{1,3}\.\d{1,3}\b.*)?$/.test(at(7)) &&
    (at(8) === '' || holdsReply(at(8))) &&
    IP_OR_EMPTY.test(at(14)) &&
    IP_OR_EMPTY.test(at(15))
  );
}

const DEFAULT_COLUMNS_NOTE: Note = {
  code: 'powermta-default-columns',
  text: {
    fr: 'Fichier comptable PowerMTA sans ligne d’en-tête\u00a0: ses lignes ont été lues dans l’ordre des colonnes par défaut de PowerMTA (type,timeLogged,timeQueued,orig,rcpt,...), auquel leurs valeurs correspondent. Vérifiez-le si votre configuration record-fields est différente.',
    en: "PowerMTA accounting file without its header line: its lines were read in PowerMTA's default column order (type,timeLogged,timeQueued,orig,rcpt,...), which their values fit. Check it if your record-fields configuration differs.",
  },
};

const OPEN_ROW = 'powermta.openRow';

interface OpenRow {
  text: string;
  line: number;
  lines: number;
}

/**
 * The row `line` ends, its lines joined by a space from the first one's (dated and referred to by that
 * line), or null while its quoted field goes on over the next line (powermta-open-row.ts).
 */
function joinedRow(line: LogRecord, ctx: ScanContext): LogRecord | null {
  const open = ctx.formatState.get(OPEN_ROW) as OpenRow | undefined;
  // As the dispatcher, which sends the next lines here only once the file's header was seen.
  if (!open && !ctx.formatState.has('powermta.columns')) return line;
  const lines = openRowLines(open?.lines ?? 0, line.text);
  const record = open ? { text: `${open.text} ${line.text}`, line: open.line } : line;
  if (lines > 0) {
    ctx.formatState.set(OPEN_ROW, { ...record, lines });
    return null;
  }
  ctx.formatState.delete(OPEN_ROW);
  return record;
}

export const powermtaReader: FormatReader = {
  format: 'powermta',
  claimsBare: (text) => isPowerMtaHeader(text),
  read(line, _syslog, ctx) {
    const record = joinedRow(line, ctx);
    if (!record) return;
    const separator = headerSeparator(record.text);
    if (separator) {
      ctx.formatState.set('powermta.columns', record.text.split(separator));
      ctx.formatState.set('powermta.separator', separator);
      const dates = new PendingDates();
      if (separator === ';') [dates.order, dates.evidence] = ['day-first', 'separator'];
      ctx.formatState.set('powermta.dates', dates);
      return;
    }
    let dates = ctx.formatState.get('powermta.dates') as PendingDates | undefined;
    if (!dates) {
      dates = new PendingDates();
      ctx.formatState.set('powermta.dates', dates);
    }
    let fields = parseCsvRow(record.text, (ctx.formatState.get('powermta.separator') as string) ?? ',');
    let columns = ctx.formatState.get('powermta.columns') as string[] | undefined;
    if (!columns && fitsDefaultColumns(fields)) {
      ctx.warnOnce(DEFAULT_COLUMNS_NOTE);
      columns = DEFAULT_COLUMNS;
      // Fields the configuration adds go after the defaults: their names are unknown.
      fields = fields.slice(0, DEFAULT_COLUMNS.length);
    }
    if (!columns) {
      readHeaderless(record, fields, ctx);
      return;
    }
    const aligned = alignFields(fields, columns, ctx);
    const get = (name: string) => {
      const i = columns.indexOf(name);
      return i < 0 ? undefined : aligned[i]?.trim() || undefined;
    };
    const type = fields[0] ?? '';
    const logged = columns.includes('timeLogged');
    const when = logged ? get('timeLogged') : get('timeQueued');
    // Every row's date may show the order of the file's spreadsheet dates, delivered ones too.
    const slashed = slashedDate(when);
    if (slashed) dates.observe(slashed, ctx);
    if (type === 'd' || type === 'delivery') {
      ctx.count('delivered');
      return;
    }
    if (!FAILURE_TYPES.has(type)) return;
    const written = get('dsnDiag');
    const diag = written === undefined ? undefined : remoteReplyOf(written);
    const mta = remoteOf(get('dsnMta'));
    const hasReply = diag !== undefined && holdsReply(diag);
    if (!hasReply && !mta) {
      // A bounce all the same: saying nothing was recognised would be wrong.
      if (type === 'b' || type === 'bounce') ctx.warnOnce(BOUNCE_WITHOUT_REPLY_NOTE);
      ctx.count('failure-without-reply');
      return;
    }
    const ref = refOf(record);
    const status = get('dsnStatus');
    const stamp = slashed ? null : stampOf(when);
    // dsnStatus is PowerMTA's own summary (`5.1.1 (bad destination mailbox address)`, 4.0.0 for any
    // 421), never the remote's words: without a reply, only its enhanced code is kept, with a note.
    const rejection = baseRejection('powermta', ref, stamp, hasReply ? (diag ?? '') : '');
    if (!logged && stamp) rejection.stampNote = QUEUE_TIME_NOTE;
    if (!hasReply) {
      rejection.loggedEnhanced = /^[245]\.\d{1,3}\.\d{1,3}/.exec(status ?? '')?.[0] ?? null;
      rejection.replyNote = NO_REMOTE_WORDS_NOTE;
    }
    rejection.recipient = get('rcpt') ?? null;
    const orig = get('orig');
    if (orig) rejection.sender = { value: orig, ref };
    rejection.remoteHost = mta?.host ?? null;
    rejection.remoteIp = mta?.ip ?? get('dlvDestinationIp') ?? null;
    const source = get('dlvSourceIp');
    if (source) rejection.sendingIps.push({ value: source, ref });
    if (slashed && !dates.date(rejection, slashed)) return;
    ctx.emit(rejection);
  },
  finish(ctx) {
    // A row whose quotes the file never closed: read as far as it goes.
    const open = ctx.formatState.get(OPEN_ROW) as OpenRow | undefined;
    if (open) {
      ctx.formatState.delete(OPEN_ROW);
      powermtaReader.read({ text: open.text, line: open.line }, null, ctx);
    }
    // Rows still waiting for the file to show its date order: published without a date.
    (ctx.formatState.get('powermta.dates') as PendingDates | undefined)?.flush(ctx);
  },
};
