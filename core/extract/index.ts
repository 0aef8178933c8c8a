/**
 * Public entry of the extraction engine: whatever the user pastes (an SMTP reply, a bounce message, an
 * mbox, ESP event JSON, MTA log lines) becomes incidents with the fields Orange's abuse desk asks for,
 * each with the 1-based line of the ORIGINAL text it came from. Pure: no Node, DOM or Electron API.
 */
import type { ExtractionResult, ExtractOptions, Incident, Note } from '../types';
import { withoutAttributeLists } from './attribute-lists';
import { withoutAutolinks } from './autolinks';
import { withoutBarQuotes } from './bar-quote';
import { withoutBbcode } from './bbcode';
import { withoutCodeMarks } from './code-marks';
import { withoutCommentMarks } from './comment-marks';
import { withoutCommonIndent } from './common-indent';
import { NAMES_CONNECTION_ENDS } from './connection-ends';
import { noReplyWords } from './connection-failure';
import { isCopiedTable } from './csv-export-row';
import { decodeBytes } from './decode-bytes';
import { looksLikeDeliveryStatus } from './delivery-status';
import { detectInput } from './detect';
import { singleSpaced } from './double-spaced';
import { embeddedBlock } from './embedded-block';
import { withoutEmlxEnvelope } from './emlx';
import { withoutEmphasis } from './emphasis';
import { exchangeOwnStatus } from './exchange-status';
import { formEncodedJson } from './form-encoded';
import { extractAttached } from './formats/attached';
import { messageStarts } from './formats/concatenated';
import type { Json } from './formats/esp-facts';
import { extractJsonEvents, parseJsonInput } from './formats/json-event';
import { jsonLogText, WRAPPED_LOG_HINT } from './formats/json-log';
import { extractMbox } from './formats/mbox';
import { extractMessage } from './formats/message';
import { extractQueueJson } from './formats/queue-json';
import { extractQueueListing } from './formats/queue-listing';
import { extractConcatenated } from './formats/repeated-notices';
import { extractSmtpReplies } from './formats/smtp-reply';
import { withForumShortenedLinks } from './forum-shortened-link';
import { forwardedBounces, mayForwardBounce } from './forwarded';
import { unwrapped } from './hard-wrap';
import { splitLines } from './header-block';
import { type HtmlSourceText, htmlSource, looksLikeHtmlSource } from './html-source';
import { withoutIdenticalIncidents } from './identical-incidents';
import { asLogResult, withCutRecounted, withIncidentCap } from './incident-cap';
import { flattenedLog, inlineLog } from './inline-log';
import { withoutInvisibleCharacters } from './invisible-characters';
import { JOURNAL_VERBOSE_HINT, journalVerboseText } from './journal-verbose';
import { withoutLineNumbers } from './line-numbers';
import { withoutListMarks } from './list-marks';
import { LOG_CSV_HINT, logCsvText } from './log-csv-export';
import { extractFromLog as readLog } from './logs';
import { APPLICATION_SEND_FAILED } from './loose-replies';
import { isMostlyQuoted, isQuotedLine, unquoteLines, unquoteRuns } from './mail-quote';
import { markedLineStarts, matchAtSome } from './marked-lines';
import { withRepairedAccents } from './mojibake';
import { keptNotes, NOTES } from './notes';
import { isCompoundFile, NotOutlookMessageError, outlookMessageText } from './outlook-file/msg-text';
import { outlookMsgAttachment } from './outlook-msg';
import { withPageHiddenAddresses } from './page-hidden-addresses';
import { withPanelFields } from './panel-detail-fields';
import { withoutByteOrderMark, withPlainSpaces } from './plain-spaces';
import { withPostalDeliveryTime } from './postal-delivery-time';
import { postfixNoticeOwnWords } from './postfix-own-words';
import { withReadableQmailStatus } from './qmail-status';
import { datedByAttribution } from './quote-attribution-date';
import { withLogYearFromMessage } from './quoted-log-year';
import { quotedBlockOfPost } from './quoted-post';
import { quotedPrintablePaste } from './quoted-printable-paste';
import {
  namesItsRefusal,
  refusalsBesideLog,
  repeatsLogged,
  sameAsLogged,
  sameReply,
  withBesideLog,
} from './replies-beside-log';
import { withReasonNotTold } from './shared-orange-wording';
import { withoutSignature } from './signature';
import { withPlainQuotes } from './smart-quotes';
import { hasTranscript } from './smtp-session';
import { SourceText } from './source-text';
import { MAY_HOLD_STAMPED_JSON, stampedJson } from './stamped-json';
import { isTestProbe, withoutToolTimings } from './test-tools';
import { withoutTrailingSpaces } from './trailing-spaces';
import { withPlainDateDashes } from './typographic-dashes';
import { withZimbraMsgtrace } from './zimbra-msgtrace';

export { MAX_INPUT_BYTES } from './decode-bytes';
export { detectInput, type InputKind } from './detect';
export { extractIps, isNonPublicIp, isOrangeIp, normalizeIp } from './ip';
export { ORANGE_MAIL_DOMAINS, ORANGE_MX_NAMES, ORANGE_NETWORKS } from './orange-network';
export type { ParsedReply } from './reply';
export { foldText, isOrangeHost, isOrangeSpfRefusal, parseReply, unwrapReply } from './reply';

/** A log's incidents, marked as such: a log is read whole (incident-cap.ts). */
function extractFromLog(text: string, options: ExtractOptions): ExtractionResult {
  return asLogResult(readLog(text, options));
}

/** A bounce body pasted without its headers: read as a message whose whole text is the body. */
const BODY_ONLY_HEADER = 'Content-Type: text/plain; charset=utf-8\n\n';
// A bounce's body pasted without its headers, in English or French: Exchange and Outlook.com add
// `Diagnostic information for administrators` / `Diagnostic pour les administrateurs` and list
// `Original message headers:` below (Office 365 in French: `Détails du message d’origine`, in German
// `Diagnoseinformationen für Administratoren`, `Ursprüngliche Nachrichtenkopfzeilen`; in Italian, Spanish and
// Norwegian as Sisimai's Exchange2007 sample, Microsoft's Exchange 2013 NDR documentation and a forum post
// have them); Yahoo's
// notice ends with `--- Below this line is a copy of the message.` and the returned headers; Gmail's
// is a `Delivery Status Notification` saying `Message not delivered`.
const BOUNCE_WORDS =
  /This is the mail system at host|SMTP error from remote mail server|Transcript of session follows|qmail-send program|could not be delivered|couldn['’]t be delivered|Delivery has failed|Undelivered Mail|Undeliverable:|Mail delivery failed|Original message headers|Diagnostic (?:information for administrators|pour les administrateurs)|Diagnoseinformationen f(?:ü|ue|u)r Administratoren|En-t[êe]tes (?:du|de) message d['’]origine|unable to deliver your message|Below this line is a copy of the message|Delivery Status Notification|Message not delivered|D[ée]tails du message d['’]origine|informations pour les administrateurs de messagerie|Informazioni di diagnostica per gli amministratori|Intestazioni originali del messaggio|Informaci[óo]n de diagn[óo]stico para administradores|Encabezados del mensaje original|Urspr(?:ü|ue)ngliche Nachrichtenkopfzeilen|Genererende server:|Opprinnelige meldingshoder/i;

/** A remote server's reply as an MTA logs it: Postfix's `host X[IP] said:`, Exim's `SMTP error from remote`. */
const REMOTE_SAID =
  /\bhost\s{1,4}\S{1,300}\s{1,4}(?:said|refused to talk to me):|SMTP error from remote mail server|SMTP ERROR:\s{1,4}[A-Z][A-Z ]{1,20}command failed:/i;

const QUOTE_MARK = /^[ \t]{0,3}>/my;
const SESSION_SERVER_LINE = /^[ \t]{0,4}<{1,3} ?[2-5]\d\d[ -]/m;
const SESSION_CLIENT_LINE = /^[ \t]{0,4}>{1,3} ?(?:EHLO|HELO|MAIL FROM|RCPT TO|DATA|QUIT|AUTH|STARTTLS)\b/im;

/**
 * A paste quoted in a mail reply (`> ` on most lines: a bounce or log excerpt answered on a mailing
 * list): read without the marks, line for line.
 */
function unquotedPaste(text: string): string {
  // (`/^[ \t]{0,3}>/m`, tried only where a line starts with `>`: marked-lines.ts.)
  if (!matchAtSome(QUOTE_MARK, text, markedLineStarts(text, ['>']))) return text;
  // An SMTP session whose client lines start with `>` (Sendmail's `>>>`, curl's `> `) beside the
  // server's `<` lines is no mail quote: its marks say who spoke.
  if (SESSION_SERVER_LINE.test(text) && SESSION_CLIENT_LINE.test(text)) return text;
  const lines = splitLines(text);
  // Code marks inside the quote (`> \`log line\``) come off once the quote marks have.
  if (isMostlyQuoted(lines)) return withoutCodeMarks(unquoteLines(lines).join('\n'));
  // A message's quoted runs are its body's, read alone when the message gives nothing (quotedBlockIn).
  const runs = STARTS_WITH_FIELD.test(text.trimStart()) ? null : unquoteRuns(lines);
  return runs ? withoutCodeMarks(runs.join('\n')) : text;
}

/** True when a note already says what is wrong with the input (`input.*`). */
function hasInputNote(notes: readonly Note[]): boolean {
  for (const n of notes) if (n.code.startsWith('input.')) return true;
  return false;
}

/**
 * The result read from the paste made readable (quote marks removed, added empty lines dropped), each
 * value pointing at its line of the paste as pasted: `pasteLine` maps the lines read to the paste's.
 */
function inPaste(
  result: ExtractionResult,
  paste: string,
  pasteLine: readonly number[] | null,
): ExtractionResult {
  const source = new SourceText(paste);
  const refOf = (line: number) => source.ref(pasteLine?.[line - 1] ?? line);
  for (const incident of result.incidents) {
    for (const [field, ref] of Object.entries(incident.sources))
      if (ref) incident.sources[field as keyof typeof incident.sources] = refOf(ref.line);
    if (incident.trigger) Object.assign(incident.trigger, refOf(incident.trigger.line));
  }
  return result;
}

/**
 * The log's incidents, and those of the remotes' refusals quoted beside its lines without being log lines
 * (replies-beside-log.ts), each read as a reply alone, in the order of the paste.
 */
function withRefusalsBesideLog(
  result: ExtractionResult,
  input: string,
  options: ExtractOptions,
): ExtractionResult {
  const beside: Incident[] = [];
  for (const record of refusalsBesideLog(input, result.incidents)) {
    const replies = extractSmtpReplies(new SourceText(record.text), options);
    const lines = splitLines(record.text).map(() => record.line);
    beside.push(
      ...inPaste(replies, input, lines).incidents.filter((i) => !sameAsLogged(result.incidents, i)),
    );
  }
  return withBesideLog(result, beside);
}

export async function extract(pasted: string, options: ExtractOptions = {}): Promise<ExtractionResult> {
  const { text, repaired } = withRepairedAccents(pasted);
  const result = withIncidentCap(await readPaste(text, options, true));
  const found = withPageHiddenAddresses(
    withForumShortenedLinks(
      withReasonNotTold(
        withUtcAsOffset(
          withoutTestProbes(
            withLogYearFromMessage(
              datedByAttribution(
                withZimbraMsgtrace(
                  withPostalDeliveryTime(withPanelFields(result, text, options), text, options),
                  text,
                ),
                text,
                options,
              ),
              text,
              options,
            ),
          ),
        ),
      ),
    ),
    text,
  );
  return repaired ? { ...found, warnings: [NOTES.accentsRepaired(), ...found.warnings] } : found;
}

/**
 * Every date written with its offset, UTC's as `+00:00` (the CLI's documented form): the log readers
 * keep a stamp's `Z` (KumoMTA's events, `docker logs -t`, `journalctl -o short-unix`), the others write
 * `+00:00`, and a script comparing dates as text should not see two forms of one zone.
 */
function withUtcAsOffset(result: ExtractionResult): ExtractionResult {
  const inZ = (date: string | null | undefined) => date?.endsWith('Z') === true;
  if (!result.incidents.some((i) => inZ(i.occurredAt) || inZ(i.trigger?.occurredAt))) return result;
  const offset = (date: string) => (date.endsWith('Z') ? `${date.slice(0, -1)}+00:00` : date);
  const incidents = result.incidents.map((i) => {
    if (!inZ(i.occurredAt) && !inZ(i.trigger?.occurredAt)) return i;
    const occurredAt = i.occurredAt === null ? null : offset(i.occurredAt);
    const trigger = i.trigger?.occurredAt
      ? { ...i.trigger, occurredAt: offset(i.trigger.occurredAt) }
      : i.trigger;
    return { ...i, occurredAt, trigger };
  });
  return { ...result, incidents };
}

/** The result without a test tool's probes refused by the user's own server (test-tools.ts), saying so. */
function withoutTestProbes(result: ExtractionResult): ExtractionResult {
  if (result.incidents.length === 0 || !result.incidents.every(isTestProbe)) return result;
  // The warnings about the incidents' empty fields go with them.
  const warnings = result.warnings.filter((w) => !w.code.startsWith('missing.'));
  return { incidents: [], warnings: [NOTES.testProbe(), ...warnings] };
}

/**
 * `extract`, `mayBeHtml` false when the paste is already the text HTML source showed. Each cleaning
 * step keeps the lines where they were (see each module); the order matters where one's marks hide
 * another's: the byte-order mark before the code marks, the signature's `-- ` before trailing spaces go.
 */
async function readPaste(
  pasted: string,
  options: ExtractOptions,
  mayBeHtml: boolean,
): Promise<ExtractionResult> {
  const cleaned = withoutToolTimings(
    withoutSignature(
      withoutCommentMarks(
        withoutCodeMarks(
          withoutListMarks(withoutLineNumbers(withoutEmlxEnvelope(withoutByteOrderMark(pasted)))),
        ),
      ),
    ),
  );
  const plain = withPlainSpaces(
    withoutTrailingSpaces(withoutEmphasis(withoutAutolinks(withoutAttributeLists(withoutBbcode(cleaned))))),
  );
  const paste = withoutCommonIndent(
    withReadableQmailStatus(withPlainDateDashes(withPlainQuotes(withoutInvisibleCharacters(plain)))),
  );
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

const STARTS_WITH_FIELD = /^[A-Za-z][A-Za-z0-9-]{0,60}:[ \t]/;

/**
 * The text HTML source shows, or null when `paste` is no HTML source or is a message or an mbox.
 * JSON counts only when it does not parse as it is (`&quot;` for its quotes): valid JSON may hold
 * HTML in its strings (an ESP event's body), which its own reader reads.
 */
function htmlPaste(paste: string): HtmlSourceText | null {
  // A text that starts with a header field is a message (or a notice pasted with its headers): its
  // HTML parts are its reader's, and looking for tags through it would cost every bounce a scan.
  if (STARTS_WITH_FIELD.test(paste.trimStart()) || !looksLikeHtmlSource(paste)) return null;
  const kind = detectInput(paste);
  if (kind === 'message' || kind === 'mbox' || kind === 'empty') return null;
  if (kind === 'json' && parseJsonInput(paste)) return null;
  return htmlSource(paste);
}

/**
 * A bounce, an mbox, log lines or JSON pasted between words (a chat line, a forward's header lines, a
 * signature: embedded-block.ts), or log lines quoted inline in a sentence (inline-log.ts), read alone,
 * each value pointing at its line of `input`; null when there is no such block, or it alone gives nothing.
 */
async function blockAmongWords(
  input: string,
  options: ExtractOptions,
  mayBeWrapped: boolean,
  lines: readonly string[] = splitLines(input),
): Promise<ExtractionResult | null> {
  const block = lines.length > 1 ? embeddedBlock(lines) : null;
  const inline = block || !input.includes('`') ? null : inlineLog(lines);
  const flattened = block || inline ? null : flattenedLog(lines);
  const found = block
    ? {
        text: block.text,
        lineOf:
          block.lineIndex?.map((index) => index + 1) ??
          Array.from({ length: splitLines(block.text).length }, (_, i) => block.first + i + 1),
      }
    : (inline ?? flattened);
  if (!found) return null;
  const result = await extractText(found.text, options, mayBeWrapped);
  if (flattened) return logBesideReplies(inPaste(result, input, found.lineOf), input, found.lineOf, options);
  if (
    result.incidents.length === 0 &&
    !hasInputNote(result.warnings.filter((w) => w.code !== 'input.no-incident'))
  )
    return null;
  // A forwarded notice read as a message that gave no reply: its text may hold one that only the
  // readers of a notice pasted as text find (in a sentence, in quotes); they read the whole paste.
  // (Not when it said why there is no reply: no server replied.)
  if (
    block?.forwardedNotice &&
    result.incidents.every((i) => i.reply.text === '') &&
    !hasInputNote(result.warnings)
  )
    return null;
  const read = inPaste(result, input, found.lineOf);
  const below = block && !block.lineIndex ? lines.slice(block.first + found.lineOf.length) : [];
  return below.some((line) => REPLY_OR_STATUS.test(line))
    ? withRepliesBelow(read, below, input, options)
    : read;
}

/** A reply code or an enhanced status code, as a line below an embedded block may hold one. */
const REPLY_OR_STATUS = /(?:^|[\s:("'])[245]\d\d[ -]|(?:^|\s)[245]\.\d{1,3}\.\d{1,3}\b/;

/**
 * An embedded block's incidents, then those of the replies pasted below it, read alone (a Mailgun event
 * above two fenced Outlook replies, as in the sample json-end.ts cites), each pointing at its line of
 * `input`; a reply that repeats one of the block's is not another incident.
 */
async function withRepliesBelow(
  read: ExtractionResult,
  below: readonly string[],
  input: string,
  options: ExtractOptions,
): Promise<ExtractionResult> {
  const first = splitLines(input).length - below.length + 1;
  const rest = inPaste(
    await extractText(below.join('\n'), options),
    input,
    below.map((_, k) => first + k),
  );
  // Only the replies repeating the block's go: another one below (derived-18: SES's own reply fenced,
  // then an Outlook refusal) is its own incident.
  const kept = rest.incidents.map((i) => !read.incidents.some((b) => sameReply(b.reply.text, i.reply.text)));
  if (!kept.includes(true)) return read;
  return {
    incidents: [...read.incidents, ...rest.incidents.filter((_, k) => kept[k])],
    warnings: [...read.warnings, ...keptNotes(rest.warnings, kept, read.incidents.length)],
  };
}

/**
 * A post's log records read as the log, and the rest of the post (the records' lines left empty) read as
 * a notice or replies, as the whole paste would be: mailcow issue #2532 (the UI's summary quoting one
 * refusal, comments, then a `> postfix-mailcow_1 | Apr 14 19:44:46 mail postfix/smtp[819]: ...` line)
 * and ActiveCampaign/smtp-field-manual PR 60 (an rsyslog-stamped Postfix line, then a JSON diff quoting
 * its reply) were read whole as replies: the log line lost its date and host, and the diff's reply took
 * the log line's recipient. Null, for the readers of the whole paste, when the log gives nothing.
 */
async function logBesideReplies(
  log: ExtractionResult,
  input: string,
  logLines: readonly number[],
  options: ExtractOptions,
): Promise<ExtractionResult | null> {
  const records = new Set(logLines);
  const rest = splitLines(input)
    .map((line, i) => (records.has(i + 1) ? '' : line))
    .join('\n');
  const replies = rest.trim() === '' ? null : await extractNoticeText(rest, new SourceText(rest), options);
  // A log that gave no incident but says why (its refusals are this server's own) is the answer, unless
  // the rest holds a reply: then the whole paste is read by the readers of replies.
  if (log.incidents.length === 0)
    return replies?.incidents.length ||
      !hasInputNote(log.warnings.filter((w) => w.code !== 'input.no-incident'))
      ? null
      : log;
  if (!replies) return log;
  // Only refusals of their own: not the log's again, in part, nor a sentence about codes (replies-beside-log.ts).
  return withBesideLog(
    log,
    replies.incidents.filter((i) => namesItsRefusal(i) && !repeatsLogged(log.incidents, i)),
  );
}

/** Log lines in JSON dress (Docker's json-file, journalctl -o json, a log viewer's export), read as the log. */
function wrappedLog(values: Json[], input: string, options: ExtractOptions): ExtractionResult | null {
  const wrapped = jsonLogText(values, input);
  return wrapped ? inPaste(extractFromLog(wrapped.text, options), input, wrapped.pasteLine) : null;
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
  if ((kind === 'text' || kind === 'log') && MAY_HOLD_STAMPED_JSON.test(input.slice(0, 4096))) {
    const events = await stampedEvents(input, options);
    if (events) return events;
  }
  // A log search tool's CSV export (Graylog's, Splunk's): each row read as the log line it stands for.
  if ((kind === 'text' || kind === 'log') && LOG_CSV_HINT.test(input.slice(0, 512))) {
    const rows = logCsvText(input);
    if (rows) return inPaste(extractFromLog(rows.text, options), input, rows.pasteLine);
  }
  // `journalctl -o verbose`: each entry's fields one per line, read as the log line it stands for.
  if ((kind === 'text' || kind === 'log') && JOURNAL_VERBOSE_HINT.test(input.slice(0, 4096))) {
    const verbose = journalVerboseText(input);
    if (verbose) return inPaste(extractFromLog(verbose.text, options), input, verbose.pasteLine);
  }
  if (mayBeWrapped && (kind === 'text' || kind === 'log')) {
    const joined = await readUnwrapped(input, options);
    if (joined) return joined;
  }
  const source = new SourceText(input);
  let result: ExtractionResult;
  switch (kind) {
    case 'log':
      try {
        // Only a wrapper's keys make it worth parsing the JSON here (KumoMTA's records are read as the log).
        const values = WRAPPED_LOG_HINT.test(input.slice(0, 4096)) ? parseJsonInput(input) : null;
        result = (values && wrappedLog(values, input, options)) || extractFromLog(input, options);
      } catch (error) {
        // Never let one reader's bug take the app down: say so, with the reason.
        result = {
          incidents: [],
          warnings: [NOTES.logError(error instanceof Error ? error.message : String(error))],
        };
      }
      // Log lines pasted without their syslog prefix (`host postfix/smtp[123]: ...`, or only the status's
      // end `to=<...>, relay=..., status=deferred (host X said: ...)`): no record was read, but the
      // remote's replies are still there to be read as such (only a remote's own wording: an inbound
      // refusal, `NOQUEUE: reject: RCPT from ...: 554 ...`, is this server's, never an incident).
      // Log lines quoted inline in a sentence (`... messages like \`Apr 21 ... status=deferred (...)\` which`).
      if (result.incidents.length === 0 && input.includes('`')) {
        const inline = inlineLog(splitLines(input));
        const read = inline ? extractFromLog(inline.text, options) : null;
        if (inline && read && read.incidents.length > 0) result = inPaste(read, input, inline.lineOf);
      }
      // A protocol log's session (Haraka's `[PROTOCOL] ... S: 550-...`) is read as a pasted session, and
      // an application's stamped line saying sending failed (`2024-03-12 10:15:32 ERROR failed to send
      // email: 421 ...`, which looks like an Exim log's) as the reply it quotes.
      if (
        result.incidents.length === 0 &&
        !hasInputNote(result.warnings) &&
        (REMOTE_SAID.test(input.slice(0, 256 * 1024)) ||
          APPLICATION_SEND_FAILED.test(input.slice(0, 256 * 1024)) ||
          NAMES_CONNECTION_ENDS.test(input.slice(0, 256 * 1024)) ||
          hasTranscript(splitLines(input.slice(0, 256 * 1024))))
      ) {
        const replies = extractSmtpReplies(source, options);
        if (replies.incidents.length > 0) result = replies;
      }
      if (result.incidents.length > 0) result = withRefusalsBesideLog(result, input, options);
      break;
    case 'mbox':
      result = await extractMbox(source, options);
      break;
    case 'queue':
      result = extractQueueListing(source);
      break;
    case 'message': {
      const attached = mayForwardBounce(input) ? forwardedBounces(splitLines(input)) : [];
      const fromAttached =
        attached.length > 0 ? await extractAttached(source, attached, options, extract) : null;
      const starts = fromAttached ? [] : messageStarts(source);
      result = fromAttached
        ? fromAttached
        : starts.length > 1
          ? await extractConcatenated(source, starts, options)
          : await extractMessage(input, { source, from: 1, to: source.lineCount }, options);
      // A post that quotes a bounce or log lines in its body (`> ` lines, a list's answer): the quote alone,
      // also when the replies read through it kept their marks (a resent patch quoting web.de's notice,
      // vger's linux-media archive of 2016: its three recipients were read as one reply, `>` and all).
      const readQuoted = result.incidents.some((i) => isQuotedLine(i.sources.reply?.text ?? ''));
      if (readQuoted && mayBeWrapped) {
        const quoted = await quotedBlockIn(input, options);
        if (quoted) result = quoted;
      }
      if (result.incidents.length === 0 && !hasInputNote(result.warnings) && mayBeWrapped) {
        const quoted = await quotedBlockIn(input, options);
        if (quoted) result = quoted;
      }
      // No reply read, and the bounce is an Outlook .msg file attached (outlook-msg.ts): say so.
      const msg = result.incidents.every((i) => i.reply.code === null) ? outlookMsgAttachment(input) : null;
      if (msg) result = { incidents: [], warnings: [NOTES.outlookMsgAttachment(msg)] };
      break;
    }
    case 'json': {
      const values = parseJsonInput(input);
      // JSON with words around it does not parse whole: the JSON alone.
      const around = values ? null : await blockAmongWords(input, options, mayBeWrapped);
      if (around) {
        result = around;
        break;
      }
      const wrapped = values ? wrappedLog(values, input, options) : null;
      if (wrapped) {
        result = wrapped;
        break;
      }
      // No JSON after all (a chat's `[10:14] Jean Dupont` line above a notice): read as text, its
      // wrapped lines joined again.
      if (!values) {
        const joined = mayBeWrapped ? await readUnwrapped(input, options) : null;
        if (joined) return joined;
        result = await extractNoticeText(input, source, options);
        break;
      }
      result = extractQueueJson(values, source) ?? extractJsonEvents(values, source);
      // Events that are no refusal (an ESP's suppression) say so; others may be replies in JSON dress.
      if (result.incidents.length === 0 && !hasInputNote(result.warnings))
        result = extractSmtpReplies(source, options);
      break;
    }
    default: {
      // One split for both readers: each split the text again (40 MB of lines for a 50 MB paste). Not
      // for a notice, whose reader reads the text: the lines would live on while it does.
      const lines = isNoticeText(input) ? undefined : splitLines(input);
      const around = await blockAmongWords(input, options, mayBeWrapped, lines);
      result = around ?? (await extractNoticeText(input, source, options, lines));
    }
  }
  // A log's note that Postfix kept back a message too big for its remote (logs/formats/postfix.ts) tells
  // of that message only: the connection failures of its other lines are still said.
  const notes = result.warnings.filter((w) => w.code !== 'input.size-limit-announced');
  if (result.incidents.length === 0 && !hasInputNote(notes)) {
    const words = noReplyWords(input);
    const own = words ? null : exchangeOwnStatus(input);
    // Postfix's notice pasted without its delivery-status part, listing its own reason for each recipient.
    const postfixOwn = words || own ? null : postfixNoticeOwnWords(input);
    const nothing = !words && !own && !postfixOwn;
    if (!nothing || notes.length === result.warnings.length)
      result.warnings.unshift(
        words
          ? NOTES.noServerReply(words)
          : own
            ? NOTES.exchangeOwnStatus(own)
            : postfixOwn
              ? NOTES.senderOwnDiagnostic(postfixOwn, 'notice')
              : NOTES.nothingFound(),
      );
  }
  return result;
}

/** JSON objects an application logged after its own prefix (stamped-json.ts), read as JSON; null when there are none or they say nothing. */
async function stampedEvents(input: string, options: ExtractOptions): Promise<ExtractionResult | null> {
  const stamped = stampedJson(splitLines(input));
  if (!stamped || !parseJsonInput(stamped.text)) return null;
  const result = await extractText(stamped.text, options, false);
  if (result.incidents.length === 0 && !hasInputNote(result.warnings)) return null;
  return inPaste(result, input, stamped.pasteLine);
}

/** A post's quoted bounce or log lines (quoted-post.ts) read alone, or null when there are none or they give nothing. */
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

/** True when the text reads as a notice's body (its delivery status, a bounce's words), not as replies. */
function isNoticeText(input: string): boolean {
  const head = input.slice(0, 256 * 1024);
  return looksLikeDeliveryStatus(head) || BOUNCE_WORDS.test(head);
}

/** Text that is no log, message or JSON: a notice's body pasted without its headers, or replies among words. */
async function extractNoticeText(
  input: string,
  source: SourceText,
  options: ExtractOptions,
  lines?: readonly string[],
): Promise<ExtractionResult> {
  const notice = isNoticeText(input) && !isCopiedTable(source);
  const result = notice
    ? await extractMessage(`${BODY_ONLY_HEADER}${input}`, { source, from: 1, to: source.lineCount }, options)
    : extractSmtpReplies(source, options, lines);
  // A notice's words around a reply no notice reader knows (a reply forwarded under a notice's
  // subject): the reply readers' fallbacks still find it.
  if (notice && result.incidents.length === 0 && !hasInputNote(result.warnings))
    return extractSmtpReplies(source, options, lines);
  return result;
}

/**
 * Like `extract`, from raw bytes: an Outlook `.msg` as the message it holds, else UTF-8, else
 * Windows-1252; binary input (a Compound File that is no mail among it) is refused with a warning.
 */
export async function extractBytes(
  bytes: Uint8Array,
  options: ExtractOptions = {},
): Promise<ExtractionResult> {
  const outlook = outlookMessageOrNull(bytes);
  if (outlook !== null) return extract(outlook, options);
  const decoded = decodeBytes(bytes);
  if (decoded.text === null) return { incidents: [], warnings: decoded.warnings };
  const result = await extract(decoded.text, options);
  // The decoding's notes first; most inputs have none (no copy then).
  const warnings = decoded.warnings.length === 0 ? result.warnings : decoded.warnings.concat(result.warnings);
  return { incidents: result.incidents, warnings };
}

/** The text of an Outlook `.msg`, or null for any other input (a Word `.doc` included). */
function outlookMessageOrNull(bytes: Uint8Array): string | null {
  if (!isCompoundFile(bytes)) return null;
  try {
    return outlookMessageText(bytes);
  } catch (error) {
    if (error instanceof NotOutlookMessageError) return null;
    throw error;
  }
}
