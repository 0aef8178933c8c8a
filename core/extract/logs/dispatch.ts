/**
 * Which reader a record belongs to, decided per record so that several logs pasted together (a Postfix
 * excerpt, then an Exim one) are each read by the right reader. Header-driven formats (PowerMTA CSV,
 * Exchange tracking) stay selected once their header has been seen.
 */

import { parseBsdPriorityLine } from './bsd-priority-line';
import { chasquidReader } from './formats/chasquid';
import { COMPOSE_PREFIX } from './formats/common';
import { courierReader } from './formats/courier';
import { dmaReader } from './formats/dma';
import { espEventReader } from './formats/esp-event';
import { exchangeReader } from './formats/exchange';
import { isExtendedReportHeader } from './formats/exchange-online-report';
import { exchangeSendReader, isExchangeSendRow } from './formats/exchange-send';
import { eximReader } from './formats/exim';
import { harakaReader } from './formats/haraka';
import { isHarakaJson } from './formats/haraka-json';
import { hmailserverReader } from './formats/hmailserver';
import { iisSmtpReader, isIisSmtpFields } from './formats/iis-smtp';
import { kumomtaReader } from './formats/kumomta';
import { KUMO_KEYS } from './formats/kumomta-keys';
import { isMessageTraceCsvHeader } from './formats/message-trace-csv';
import { momentumReader } from './formats/momentum';
import { moxReader } from './formats/mox';
import { opensmtpdReader } from './formats/opensmtpd';
import { isPostalLine, postalReader } from './formats/postal';
import { isPostalKloggerLine } from './formats/postal-klogger';
import { postfixReader } from './formats/postfix';
import { isPostqueueJson, postqueueJsonReader } from './formats/postqueue-json';
import { isPowerMtaHeader, powermtaReader } from './formats/powermta';
import { rowHoldsTypedReply } from './formats/powermta-diag';
import { openRowLines } from './formats/powermta-open-row';
import { qmailReader } from './formats/qmail';
import { queueEntryReader } from './formats/queue-entry';
import { sendmailReader } from './formats/sendmail';
import { stalwartReader } from './formats/stalwart';
import { zonemtaReader } from './formats/zonemta';
import { parseMailcowUiRow } from './mailcow-ui-row';
import type { FormatReader } from './model';
import { parseSocklogLine } from './socklog-line';
import { parseProgramLine, parseSyslog, type SyslogLine } from './syslog';

const SYSLOG_READERS: FormatReader[] = [
  postfixReader,
  eximReader,
  sendmailReader,
  opensmtpdReader,
  qmailReader,
  harakaReader,
  zonemtaReader,
  stalwartReader,
  dmaReader,
  courierReader,
  chasquidReader,
  moxReader,
];
const BARE_READERS: FormatReader[] = [
  exchangeSendReader,
  iisSmtpReader,
  eximReader,
  qmailReader,
  opensmtpdReader,
  harakaReader,
  hmailserverReader,
  zonemtaReader,
  postalReader,
  momentumReader,
  stalwartReader,
  postfixReader,
  chasquidReader,
  moxReader,
  queueEntryReader,
];

const HEADERLESS_PMTA = /^(?:b|t|tq|rb),/;
/**
 * `grep` over several files puts the file name (and, with -n, the line number) before each line:
 * `/var/log/mail.log.1:Jun  7 09:01:08 latonia dovecot: ...` (an Ubuntu forum thread).
 */
const GREP_PREFIX = /^[^\s:]{1,255}:(?:\d{1,10}:)?/;
/**
 * `cat -n` or `nl` puts a line number and a tab before each line; pasted into a forum the tab often
 * becomes spaces (`   24  Oct 14 18:04:40 contspmail01 sendmail[1131]: ...`, an Ubuntu forum thread).
 */
const LINE_NUMBER_PREFIX = /^\d{1,10}(?:\t| {1,8})/;
/**
 * `docker logs -t` puts the container's own stamp before each line (`2024-07-03T17:18:06.732276000Z
 * Jul 03 19:18:06 mail postfix/smtpd[...]`, anonaddy/docker issue #290): in UTC and with the year, so
 * it dates the line better than the syslog stamp behind it. Kubernetes' container runtime (CRI) writes
 * the same stamp, then the stream and whether the line is whole or partial (`... stdout F Jul 03 ...`).
 */
// CRI-O and conmon write the node's offset instead of Z (`2020-01-26T03:17:29.346494690+00:00 stderr F`,
// cri-o issue #3181).
const DOCKER_STAMP_PREFIX =
  /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:\d\d(?= std(?:out|err) [FP] ))) (?:(?:stdout|stderr) [FP] )?(?=[A-Za-z])/;
/**
 * The same prefix before Exim's main log line (an Exim container copying its log to its output): Exim's
 * own stamp, then a message id or `H=`, as the Exim reader reads behind a syslog prefix.
 */
const CONTAINER_EXIM_PREFIX =
  /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:\d\d) (?:(?:stdout|stderr) [FP] )?(?=\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{3})?(?: [+-]\d{4})?(?: \[\d{1,10}\])? (?:[0-9A-Za-z]{6}-[0-9A-Za-z]{6,11}-[0-9A-Za-z]{2,4} |H=))/;
/**
 * Sophos UTM's syslog stamp, `2022:03:19-10:51:50 mailserver exim-out[1163]: ...` (date and time without
 * a zone, joined by a dash), before the program's own line.
 */
const SOPHOS_LINE = /^(\d{4}):(\d\d):(\d\d)-(\d\d:\d\d:\d\d) (\S{1,255}) ([^\s[:]{1,128})\[(\d{1,10})\]: ?/;
/**
 * Rancher's log viewer copies each line behind its own local time and a bar (`Fri, Jul 8 2022 10:50:44
 * am | 2022-07-08T08:50:44.034047+00:00 mailu-postfix-6846ff6f7d-78gz5 postfix/smtpd[63828]: ...`,
 * Mailu issue #2386): the line's own stamp dates it.
 */
const RANCHER_PREFIX =
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), [A-Z][a-z]{2} \d{1,2} \d{4} \d{1,2}:\d\d:\d\d [ap]m \| /;
/**
 * `kubectl logs --prefix` (or `--all-pods`, which sets it) names the pod and container before each line
 * (`[pod/web-f4c54c7fc-r5d9h/nginx] 2026/10/07 15:28:54 ...`, with `--timestamps` the container's stamp
 * after it): Kubernetes' names are lower-case DNS labels and subdomains.
 */
const KUBECTL_PREFIX = /^\[pod\/[a-z0-9][a-z0-9.-]{0,252}\/[a-z0-9][a-z0-9-]{0,62}\] /;
/**
 * Proxmox Mail Gateway's log tracker (`pmg-log-tracker -vv`, its Tracking Center) numbers each log line
 * of a message in hexadecimal behind an `L` (`L00000024 Dec 18 15:50:38 pmg postfix/smtp[13180]: ...`).
 */
export const PMG_LINE_PREFIX = /^L[0-9A-F]{8} /;
/**
 * Loki's `logcli query` writes each line behind its time (RFC 3339, in the zone asked for) and the
 * stream's labels (`2024-03-05T10:12:01+01:00 {host="mx1", job="varlogs"} Mar  5 10:12:01 mx1 postfix/...`,
 * logcli's default output, pkg/logcli/output/default.go), the labels padded to the longest: that time,
 * with its year and offset, dates the line better than the syslog stamp behind it.
 */
const LOKI_PREFIX =
  /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:\d\d)) \{[^{}\n]{0,2000}\} +(?=[A-Za-z])/;
/**
 * Grafana's Explore downloads a logs panel as text (public/app/features/inspector/utils/download.ts,
 * downloadLogsModelAsTxt): its meta lines (`Common labels: {...}`), then each row as its time in epoch
 * milliseconds, a tab, that time in ISO 8601 (UTC), a tab and the line; before Grafana 10 the ISO time alone
 * (with the browser's offset) and a tab. That time dates the line, as Loki's prefix does.
 */
const GRAFANA_TXT_PREFIX =
  /^(?:\d{13}\t)?(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:\d\d))\t(?=[A-Za-z])/;
const EXCHANGE_ROW = /^"?\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/;

export interface Dispatch {
  reader: FormatReader;
  syslog: SyslogLine | null;
}

export interface DispatchState {
  /** Set when a PowerMTA header was seen. */
  powermta: boolean;
  /** Set when an Exchange `#Fields:` header was seen. */
  exchange: boolean;
  /** Set when the header of a message trace saved by Export-Csv was seen (its rows start with a quote). */
  messageTrace?: boolean;
  /**
   * Set when ESP events are read among JSON records (LogScanOptions.espEvents): a JSON record without
   * KumoMTA's keys goes to their reader (formats/esp-event.ts), which leaves to KumoMTA's what is none.
   */
  espEvents?: boolean;
  /**
   * Set with espEvents: the reader of a line that ends with a logged JSON object after its logger's prefix,
   * which no format claims (formats/stamped-json-record.ts).
   */
  stampedJson?: FormatReader;
  /** Lines read of a PowerMTA row whose quoted field goes on over the next line (powermta-open-row.ts). */
  powermtaOpenRow?: number;
}

/** The reader for one record, or null (comments, unrelated lines). */
export function dispatch(text: string, state: DispatchState): Dispatch | null {
  // The next line of a PowerMTA row inside quotes is its reader's, whatever it looks like.
  if (state.powermtaOpenRow) {
    state.powermtaOpenRow = openRowLines(state.powermtaOpenRow, text);
    return { reader: powermtaReader, syslog: null };
  }
  const c0 = text.charCodeAt(0);
  if (c0 === 123 /* { */)
    return {
      reader: isPostalKloggerLine(text)
        ? postalReader
        : isHarakaJson(text)
          ? harakaReader
          : isPostqueueJson(text)
            ? postqueueJsonReader
            : state.espEvents && !KUMO_KEYS.test(text)
              ? espEventReader
              : kumomtaReader,
      syslog: null,
    };
  if (c0 === 35 /* # */) {
    if (text.startsWith('#Fields:') && text.includes('event-id')) {
      state.exchange = true;
      return { reader: exchangeReader, syslog: null };
    }
    // The SMTP Send protocol log's columns: its rows are claimed by their shape.
    if (text.startsWith('#Fields:') && text.includes('connector-id')) {
      state.exchange = false;
      return { reader: exchangeSendReader, syslog: null };
    }
    // The W3C header of IIS's SMTP service log (its own columns): its reader keeps them.
    if (isIisSmtpFields(text)) return { reader: iisSmtpReader, syslog: null };
    // Ruby Logger's header above Postal's sender log: the zone its lines are written in.
    if (isPostalLine(text)) return { reader: postalReader, syslog: null };
    // PowerMTA's header kept as a comment (`#type,timeLogged,orig,...`).
    if (isPowerMtaHeader(text)) {
      state.powermta = true;
      state.exchange = false;
      return { reader: powermtaReader, syslog: null };
    }
    return null;
  }
  if (c0 === 34 /* " */ && isExtendedReportHeader(text)) {
    state.exchange = true;
    return { reader: exchangeReader, syslog: null };
  }
  if (isMessageTraceCsvHeader(text)) {
    state.messageTrace = true;
    state.exchange = false;
    return { reader: exchangeReader, syslog: null };
  }
  if (state.messageTrace && c0 === 34 && text.includes('","'))
    return { reader: exchangeReader, syslog: null };
  if (c0 === 116 /* t */ && isPowerMtaHeader(text)) {
    state.powermta = true;
    state.exchange = false;
    return { reader: powermtaReader, syslog: null };
  }
  if (state.powermta && /^[a-z]{1,8}[,;]/.test(text)) {
    state.powermtaOpenRow = openRowLines(0, text);
    return { reader: powermtaReader, syslog: null };
  }
  // (A send protocol log's row after a tracking log's header, its own header lost: its own reader's.)
  if (state.exchange && EXCHANGE_ROW.test(text) && text.includes(',') && !isExchangeSendRow(text))
    return { reader: exchangeReader, syslog: null };
  const syslog = syslogPrefix(text);
  if (syslog) {
    for (const reader of SYSLOG_READERS) if (reader.claimsSyslog?.(syslog)) return { reader, syslog };
    return loggedObject(text, state);
  }
  for (const reader of BARE_READERS) if (reader.claimsBare?.(text)) return { reader, syslog: null };
  if (HEADERLESS_PMTA.test(text) && rowHoldsTypedReply(text)) return { reader: powermtaReader, syslog: null };
  return loggedObject(text, state);
}

/** A line no format claims that ends with a logged JSON object, when such lines are read; else null. */
function loggedObject(text: string, state: DispatchState): Dispatch | null {
  return state.stampedJson?.claimsBare?.(text) ? { reader: state.stampedJson, syslog: null } : null;
}

/** The record's syslog prefix, behind a paste's prefix if need be (see afterPastePrefix), or null. */
export function syslogPrefix(text: string): SyslogLine | null {
  return parseSyslog(text) ?? afterPastePrefix(text);
}

/**
 * Exim's syslog line without the syslog stamp and host a tool cut off (OSSEC's `Portion of the log(s):`
 * quotes `exim[14700]: 2006-11-21 15:01:33 1Glsgv-0002wv-00 SMTP error ...`): the program, then Exim's
 * own stamp, which dates the line.
 */
const EXIM_PROGRAM_PREFIX = /^(exim4?)\[(\d{1,10})\]: (?=(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d))/;

/**
 * The syslog line behind a `docker logs -t` (or CRI), `docker compose logs`, Rancher, `grep` or line-number
 * prefix, or Sophos UTM's syslog line, or null. `docker compose logs -t` puts the service name before the
 * stamp (`smtp_1    | 2022-01-23T12:43:49.412345680Z Jan 23 13:43:49 ...`, as Mailu issue #128 asks users to
 * paste): what follows a prefix may have one of its own (`depth`).
 */
function afterPastePrefix(text: string, depth = 0): SyslogLine | null {
  const mailcow = depth === 0 ? parseMailcowUiRow(text) : null;
  if (mailcow) return mailcow;
  const docker = DOCKER_STAMP_PREFIX.exec(text);
  if (docker) {
    const rest = text.slice(docker[0].length);
    const line = parseSyslog(rest);
    if (line && line.stamp.kind === 'syslog')
      return { ...line, stamp: { kind: 'iso', text: docker[1] ?? '' } };
    // A line without a stamp of its own (`... stdout F postfix/smtp[88]: ...`, CRI's file): the
    // container's stamp dates it.
    const program = line ? null : parseProgramLine(rest, { kind: 'iso', text: docker[1] ?? '' });
    if (program) return program;
  }
  const loki = LOKI_PREFIX.exec(text) ?? GRAFANA_TXT_PREFIX.exec(text);
  if (loki) {
    const line = parseSyslog(text.slice(loki[0].length));
    if (line && line.stamp.kind === 'syslog') return { ...line, stamp: { kind: 'iso', text: loki[1] ?? '' } };
    if (line) return line;
  }
  const contained = CONTAINER_EXIM_PREFIX.exec(text);
  // Exim's own stamp dates the line, as behind a syslog prefix (the Exim reader reads it first).
  if (contained) {
    const message = text.slice(contained[0].length);
    const stamp = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)/.exec(message);
    return {
      stamp: { kind: 'local', date: stamp?.[1] ?? '', time: stamp?.[2] ?? '' },
      host: '',
      program: 'exim',
      pid: null,
      message,
    };
  }
  const sophos = SOPHOS_LINE.exec(text);
  if (sophos) {
    return {
      stamp: { kind: 'local', date: `${sophos[1]}-${sophos[2]}-${sophos[3]}`, time: sophos[4] ?? '' },
      host: sophos[5] ?? '',
      program: sophos[6] ?? '',
      pid: sophos[7] ?? null,
      message: text.slice(sophos[0].length),
    };
  }
  // Before grep's prefix, which `mail.info:` would pass for.
  const socklog = parseSocklogLine(text) ?? parseBsdPriorityLine(text);
  if (socklog) return socklog;
  const exim = EXIM_PROGRAM_PREFIX.exec(text);
  if (exim) {
    return {
      stamp: { kind: 'local', date: exim[3] ?? '', time: exim[4] ?? '' },
      host: '',
      program: exim[1] ?? 'exim',
      pid: exim[2] ?? null,
      message: text.slice(exim[0].length),
    };
  }
  const prefix =
    KUBECTL_PREFIX.exec(text) ??
    PMG_LINE_PREFIX.exec(text) ??
    COMPOSE_PREFIX.exec(text) ??
    RANCHER_PREFIX.exec(text) ??
    GREP_PREFIX.exec(text) ??
    LINE_NUMBER_PREFIX.exec(text);
  if (!prefix) return null;
  const rest = text.slice(prefix[0].length);
  return parseSyslog(rest) ?? (depth === 0 ? afterPastePrefix(rest, 1) : null);
}

/**
 * The record with its no-break spaces made plain: a log copied from an e-mail or a web page comes back
 * with them where it had runs of spaces (`May\u00a0 7`, `\u00a0** `), and no reader expects them. Callers
 * apply it before dispatch, so that the readers see the plain text too.
 */
export function plainSpaces(text: string): string {
  return text.includes('\u00a0') ? text.replace(/\u00a0/g, ' ') : text;
}
