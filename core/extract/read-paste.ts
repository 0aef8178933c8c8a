/**
 * The recursive core of the extraction: `extract` reads the whole paste (accents repaired, the
 * passes of after-reading.ts on its result), readPaste the paste cleaned and unwrapped (HTML source,
 * quoted-printable, form encoding, quote marks, added empty lines), extractText the text by its kind
 * (log, mbox, queue, message, JSON, text). Each calls back into the others for a block it finds in the
 * paste (a quoted bounce, an attached one, stamped JSON, lines a hard wrap cut, a block among words).
 */

import type { ExtractionResult, ExtractOptions } from '../types';
import { afterReading } from './after-reading';
import { holdsAttributionWords } from './attribution-date';
import { withoutBarQuotes } from './bar-quote';
import { blockAmongWords } from './block-among-words';
import { detectInput } from './detect';
import { singleSpaced } from './double-spaced';
import { formEncodedJson } from './form-encoded';
import { extractAttached } from './formats/attached';
import { messageStarts } from './formats/concatenated';
import { extractJsonEvents } from './formats/json-event';
import { parseJsonInput } from './formats/json-input';
import { extractMbox } from './formats/mbox';
import { extractMessage } from './formats/message';
import { nodemailerLogText, withRecordTimes } from './formats/nodemailer-json-log';
import { PINO_PRETTY_HINT, pinoPrettyRecords } from './formats/pino-pretty-log';
import { extractQueueJson } from './formats/queue-json';
import { extractQueueListing } from './formats/queue-listing';
import { quotedBounceNotices, readQuotedNotices } from './formats/quoted-bounce-notice';
import { extractConcatenated } from './formats/repeated-notices';
import { extractSmtpReplies } from './formats/smtp-reply';
import { forwardedBounces, mayForwardBounce } from './forwarded';
import { unwrapped } from './hard-wrap';
import { splitLines } from './header-block';
import { withoutIdenticalIncidents } from './identical-incidents';
import { inPaste } from './in-paste';
import { withCutRecounted, withIncidentCap } from './incident-cap';
import { hasInputNote } from './input-note';
import { JOURNAL_EXPORT_HINT, journalExportText } from './journal-export';
import { JOURNAL_VERBOSE_HINT, journalVerboseText } from './journal-verbose';
import { LOG_CSV_HINT, logCsvText } from './log-csv-export';
import { logInMessage } from './log-in-message';
import { extractFromLog, extractLogPaste, wrappedLog } from './log-paste';
import { withMaddyRecords } from './maddy-delivery';
import { isQuotedLine } from './mail-quote';
import { withRepairedAccents } from './mojibake';
import { withNoIncidentReason } from './no-incident-reason';
import { NOTES, note } from './notes';
import { extractNoticeText, isNoticeText } from './notice-text';
import { RTF_DAMAGED_FIELD } from './outlook-file/msg-text';
import { outlookMsgAttachment } from './outlook-msg';
import { cleanedPaste } from './paste-cleaning';
import { htmlPaste, unquotedPaste } from './paste-wrappings';
import { quotedBlockOfPost } from './quoted-post';
import { quotedPrintablePaste } from './quoted-printable-paste';
import { withRepliesBeside } from './replies-above-block';
import { linesBelowAttribution, withAttributedQuote, withUnquotedReplies } from './replies-beside-quote';
import { SourceText } from './source-text';
import { MAY_HOLD_STAMPED_JSON, stampedJson } from './stamped-json';
import { withPrefixDates } from './stamped-json-date';

/** The field an Outlook `.msg` read gets when its only body, compressed RTF, is damaged (msg-text.ts). */
const RTF_DAMAGED = new RegExp(`^${RTF_DAMAGED_FIELD}: ([^\\n]{1,200})$`, 'm');

/** The incidents of a paste, whatever it is (index.ts), each value pointing at its line of `pasted`. */
export async function extract(pasted: string, options: ExtractOptions = {}): Promise<ExtractionResult> {
  const { text, repaired } = withRepairedAccents(pasted);
  const result = withIncidentCap(await readPaste(text, options, true));
  const found = afterReading(result, text, options);
  return repaired ? { ...found, warnings: [NOTES.accentsRepaired(), ...found.warnings] } : found;
}

/**
 * `extract`, `mayBeHtml` false when the paste is already the text HTML source showed: the paste cleaned
 * (paste-cleaning.ts), then read again as the text its HTML source, quoted-printable or form encoding
 * shows, else without its quote marks or added empty lines, each value pointing at its line as pasted.
 */
async function readPaste(
  pasted: string,
  options: ExtractOptions,
  mayBeHtml: boolean,
): Promise<ExtractionResult> {
  const paste = cleanedPaste(pasted);
  // HTML source (a saved page, an escaped paste; not a message, whose HTML parts its reader reads) is
  // read as the text it shows before quote marks or empty lines are looked at: its `&gt;` may be quotes.
  const html = mayBeHtml ? htmlPaste(paste) : null;
  if (html) {
    const read = await readPaste(html.text, options, false);
    // A block repeated on one line of source shows the same refusal on as many lines: one incident.
    const readLines = read.incidents.map((i) => i.sources.reply?.line ?? 0);
    return withCutRecounted(withoutIdenticalIncidents(inPaste(read, paste, html.pasteLine), readLines));
  }
  const qp = mayBeHtml ? await quotedPrintablePaste(paste) : null;
  if (qp) {
    const result = inPaste(await readPaste(qp.text, options, false), paste, qp.pasteLine);
    return { ...result, warnings: [NOTES.quotedPrintableDecoded(), ...result.warnings] };
  }
  const form = formEncodedJson(paste);
  if (form) return inPaste(await readPaste(form.text, options, false), paste, form.pasteLine);
  const unquoted = withoutBarQuotes(unquotedPaste(paste));
  const single = singleSpaced(unquoted);
  if (!single && unquoted === paste) return extractText(paste, options);
  return inPaste(
    await extractText(single ? single.text : unquoted, options),
    paste,
    single?.pasteLine ?? null,
  );
}

/**
 * `extract` on text without code marks, quote marks or added empty lines. Text and log lines cut by a
 * hard wrap (hard-wrap.ts) are read joined again, unless `mayBeWrapped` is false (they already were).
 */
async function extractText(
  input: string,
  options: ExtractOptions,
  mayBeWrapped = true,
): Promise<ExtractionResult> {
  const kind = detectInput(input);
  if (kind === 'empty') return { incidents: [], warnings: [NOTES.empty()] };
  // (Its `err: {` lines may make it look like JSON.)
  if (kind !== 'message' && kind !== 'mbox' && PINO_PRETTY_HINT.test(input.slice(0, 4096))) {
    const pretty = await readPinoPretty(input, options);
    if (pretty) return pretty;
  }
  if (kind === 'text' || kind === 'log') {
    const recast = await readRecast(input, options, mayBeWrapped);
    if (recast) return recast;
  }
  const source = new SourceText(input);
  switch (kind) {
    case 'log':
      return withNoIncidentReason(extractLogPaste(input, source, options), input);
    case 'mbox':
      return withNoIncidentReason(await extractMbox(source, options), input);
    case 'queue':
      return withNoIncidentReason(extractQueueListing(source), input);
    case 'message':
      return withNoIncidentReason(await readMessage(input, source, options, mayBeWrapped), input);
    case 'json':
      return readJson(input, source, options, mayBeWrapped);
    default:
      return withNoIncidentReason(await readText(input, source, options, mayBeWrapped), input);
  }
}

/** Said of an incident pino-pretty's time of day alone left undated. */
const PINO_TIME_OF_DAY = note(
  'date.pino-time-of-day',
  'pino-pretty n’a écrit que l’heure de chaque ligne, sans la date (son format par défaut depuis la version\u00a09)\u00a0: indiquez la date de l’incident, ou relancez pino-pretty avec l’option -t «\u00a0SYS:standard\u00a0» pour avoir la date et le fuseau.',
  'pino-pretty printed only the time of day on each line, not the date (its default since version 9): fill in the date of the incident, or run pino-pretty again with -t "SYS:standard" to get the date and the time zone.',
);

/** nodemailer's debug output logged through pino and printed by pino-pretty: read as its session. */
async function readPinoPretty(input: string, options: ExtractOptions): Promise<ExtractionResult | null> {
  const records = pinoPrettyRecords(splitLines(input));
  const log = records ? nodemailerLogText(records.values, input, records.lines) : null;
  if (!log) return null;
  const read = await extractText(log.text, options, false);
  if (read.incidents.length === 0) return null;
  const result = withRecordTimes(inPaste(read, input, log.pasteLine), log, new SourceText(input));
  if (records?.timeOfDayOnly)
    for (const incident of result.incidents)
      if (!incident.occurredAt) incident.assumptions.push(PINO_TIME_OF_DAY);
  return result;
}

/**
 * Text or log lines that stand for other lines, read as those: JSON an application logged after its
 * own prefix, a log search tool's CSV export (Graylog's, Splunk's), `journalctl -o verbose` (each
 * entry's fields one per line), lines a hard wrap cut (unless `mayBeWrapped` is false). Null when the
 * input is none of these, or they gave nothing.
 */
async function readRecast(
  input: string,
  options: ExtractOptions,
  mayBeWrapped: boolean,
): Promise<ExtractionResult | null> {
  if (MAY_HOLD_STAMPED_JSON.test(input.slice(0, 4096))) {
    const events = await stampedEvents(input, options);
    if (events) return events;
  }
  if (LOG_CSV_HINT.test(input.slice(0, 512))) {
    const rows = logCsvText(input);
    if (rows) return inPaste(extractFromLog(rows.text, options), input, rows.pasteLine);
  }
  if (JOURNAL_EXPORT_HINT.test(input.slice(0, 4096))) {
    const exported = journalExportText(input);
    if (exported) return inPaste(extractFromLog(exported.text, options), input, exported.pasteLine);
  }
  if (JOURNAL_VERBOSE_HINT.test(input.slice(0, 4096))) {
    const verbose = journalVerboseText(input);
    if (verbose) return inPaste(extractFromLog(verbose.text, options), input, verbose.pasteLine);
  }
  return mayBeWrapped ? readUnwrapped(input, options) : null;
}

/**
 * A message: the bounces a forward attached (each alone), several notices one after the other, else
 * the message itself; then the bounce or log lines a post quotes, when the message read gave only
 * quoted replies or nothing; and a note when the bounce is an Outlook .msg attached (outlook-msg.ts).
 */
async function readMessage(
  input: string,
  source: SourceText,
  options: ExtractOptions,
  mayBeWrapped: boolean,
): Promise<ExtractionResult> {
  const attached = mayForwardBounce(input) ? forwardedBounces(splitLines(input)) : [];
  const fromAttached = attached.length > 0 ? await extractAttached(source, attached, options, extract) : null;
  const starts = fromAttached ? [] : messageStarts(source);
  let result = fromAttached
    ? fromAttached
    : starts.length > 1
      ? await extractConcatenated(source, starts, options)
      : await extractMessage(input, { source, from: 1, to: source.lineCount }, options);
  // A person's mail quoting lines of the sender's log: read as that log (log-in-message.ts).
  if (!fromAttached && starts.length <= 1) result = logInMessage(input, source, result, options) ?? result;
  // A post that quotes a bounce or log lines in its body (`> ` lines, a list's answer): the quote alone,
  // also when the replies read through it kept their marks (a resent patch quoting web.de's notice,
  // vger's linux-media archive of 2016: its three recipients were read as one reply, `>` and all).
  const readQuoted = result.incidents.some((i) => isQuotedLine(i.sources.reply?.text ?? ''));
  if (readQuoted && mayBeWrapped) {
    const quoted = await quotedBlockIn(input, options);
    if (quoted) result = withUnquotedReplies(quoted, result);
  } else if (mayBeWrapped) result = await withQuoteBelowAttribution(input, source, result, options);
  if (result.incidents.length === 0 && !hasInputNote(result.warnings) && mayBeWrapped) {
    const quoted = await quotedBlockIn(input, options);
    if (quoted) result = quoted;
  }
  // No reply read, and the bounce is an Outlook .msg file attached (outlook-msg.ts): say so.
  const noReply = result.incidents.every((i) => i.reply.code === null);
  const msg = noReply ? outlookMsgAttachment(input) : null;
  if (msg) return { incidents: [], warnings: [NOTES.outlookMsgAttachment(msg)] };
  // No reply read, and the .msg read kept its body only as compressed RTF, damaged (msg-text.ts): say so.
  const rtf = noReply ? RTF_DAMAGED.exec(input.slice(0, 100_000)) : null;
  return rtf ? { incidents: [], warnings: [NOTES.outlookRtfDamaged(rtf[1] ?? '')] } : result;
}

/**
 * JSON: a queue's, else events (replies in JSON dress when they are no refusal the events say), or a
 * log wrapped in JSON; JSON with words around it, the JSON alone. The result has its no-incident
 * reason, except when it is the text read with its wrapped lines joined again (extractText gave it).
 */
async function readJson(
  input: string,
  source: SourceText,
  options: ExtractOptions,
  mayBeWrapped: boolean,
): Promise<ExtractionResult> {
  const values = parseJsonInput(input);
  if (!values) {
    // JSON with words around it does not parse whole: the JSON alone.
    const around = await blockAmongWords(extractText, input, options, mayBeWrapped);
    if (around) return withNoIncidentReason(around, input);
    // No JSON after all (a chat's `[10:14] Jean Dupont` line above a notice): read as text, its
    // wrapped lines joined again.
    const joined = mayBeWrapped ? await readUnwrapped(input, options) : null;
    if (joined) return joined;
    return withNoIncidentReason(await extractNoticeText(input, source, options), input);
  }
  const wrapped = wrappedLog(values, input, options);
  if (wrapped) return withNoIncidentReason(wrapped, input);
  // nodemailer's debug output through pino or bunyan: read as the session its console logger shows.
  const nodemailer = nodemailerLogText(values, input);
  if (nodemailer) {
    const read = await extractText(nodemailer.text, options, false);
    if (read.incidents.length > 0)
      return withRecordTimes(inPaste(read, input, nodemailer.pasteLine), nodemailer, source);
  }
  // A bounce notice an event quotes whole (PlusVibe's `msg`, Hyvor Relay's `bounce.text`): read as the notice.
  const notices = quotedBounceNotices(values, input);
  if (notices) {
    const read = await readQuotedNotices(notices, input, (text) => extractText(text, options, false));
    if (read.incidents.length > 0) return read;
  }
  let result = extractQueueJson(values, source) ?? extractJsonEvents(values, source);
  // Events that are no refusal (an ESP's suppression) say so; others may be replies in JSON dress.
  if (result.incidents.length === 0 && !hasInputNote(result.warnings))
    result = extractSmtpReplies(source, options);
  return withNoIncidentReason(result, input);
}

/** Text: a block among words (a log excerpt, JSON, a notice in a chat) read alone, else a notice's text. */
async function readText(
  input: string,
  source: SourceText,
  options: ExtractOptions,
  mayBeWrapped: boolean,
): Promise<ExtractionResult> {
  // One split for both readers: each split the text again (40 MB of lines for a 50 MB paste). Not
  // for a notice, whose reader reads the text: the lines would live on while it does. (Whether it is
  // one is told once: the notice reader tested the text's first 256 kB again.)
  const notice = isNoticeText(input);
  const lines = notice ? undefined : splitLines(input);
  const around = await blockAmongWords(extractText, input, options, mayBeWrapped, lines);
  const read = around ?? (await extractNoticeText(input, source, options, lines, notice));
  return mayBeWrapped ? withQuoteBelowAttribution(input, source, read, options) : read;
}

/**
 * A notice forwarded above a person's earlier mail it quotes (`Le ven. 4 déc. … a écrit :` then `> 552 …
 * [417]`): the quote's refusals are incidents too (replies-beside-quote.ts), when the read gave some.
 */
async function withQuoteBelowAttribution(
  input: string,
  source: SourceText,
  read: ExtractionResult,
  options: ExtractOptions,
): Promise<ExtractionResult> {
  if (read.incidents.length === 0 || !holdsAttributionWords(input)) return read;
  const quoted = await quotedBlockIn(input, options);
  if (quoted) return withAttributedQuote(read, quoted, source);
  // The quote's marks already gone (read-paste's unquotedPaste): the lines below its attribution line.
  const below = linesBelowAttribution(source, read);
  if (!below) return read;
  const rest = inPaste(await extractText(below.text, options, false), input, below.lineOf);
  return withRepliesBeside(read, rest, 'after');
}

/**
 * JSON objects an application logged after its own prefix (stamped-json.ts), read as JSON; null when there
 * are none or they say nothing.
 */
async function stampedEvents(input: string, options: ExtractOptions): Promise<ExtractionResult | null> {
  const stamped = stampedJson(splitLines(input));
  if (!stamped || !parseJsonInput(stamped.text)) return null;
  const result = await extractText(stamped.text, options, false);
  if (result.incidents.length === 0 && !hasInputNote(result.warnings)) return null;
  const source = new SourceText(input);
  return withMaddyRecords(
    withPrefixDates(inPaste(result, input, stamped.pasteLine), source, options),
    source,
  );
}

/**
 * A post's quoted bounce or log lines (quoted-post.ts) read alone, or null when there are none or they give
 * nothing.
 */
async function quotedBlockIn(input: string, options: ExtractOptions): Promise<ExtractionResult | null> {
  const block = await quotedBlockOfPost(input);
  if (!block) return null;
  const result = await readPaste(block.text, options, false);
  return result.incidents.length > 0 ? inPaste(result, input, block.lineOf) : null;
}

/** `input` read with the lines a hard wrap cut joined again, or null when it shows no wrap. */
async function readUnwrapped(input: string, options: ExtractOptions): Promise<ExtractionResult | null> {
  const wrap = unwrapped(input);
  return wrap ? inPaste(await extractText(wrap.text, options, false), input, wrap.pasteLine) : null;
}
