/**
 * A log read together with the remotes' refusals pasted beside it (replies-beside-log.ts): quoted
 * beside its lines, or in the rest of a post around its records; a refusal the log holds already is
 * not another incident.
 */

import type { ExtractionResult, ExtractOptions, Incident } from '../types';
import { extractSmtpReplies } from './formats/smtp-reply';
import { splitLines } from './header-block';
import { inPaste } from './in-paste';
import { hasInputNote } from './input-note';
import { extractNoticeText } from './notice-text';
import {
  namesItsRefusal,
  refusalsBesideLog,
  repeatsLogged,
  sameAsLogged,
  withBesideLog,
} from './replies-beside-log';
import { SourceText } from './source-text';

/**
 * The log's incidents, and those of the remotes' refusals quoted beside its lines without being log lines
 * (replies-beside-log.ts), each read as a reply alone, in the order of the paste.
 */
export function withRefusalsBesideLog(
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

/**
 * A post's log records read as the log, and the rest of the post (the records' lines left empty) read as
 * a notice or replies, as the whole paste would be: mailcow issue #2532 (the UI's summary quoting one
 * refusal, comments, then a `> postfix-mailcow_1 | Apr 14 19:44:46 mail postfix/smtp[819]: ...` line)
 * and ActiveCampaign/smtp-field-manual PR 60 (an rsyslog-stamped Postfix line, then a JSON diff quoting
 * its reply) were read whole as replies: the log line lost its date and host, and the diff's reply took
 * the log line's recipient. Null, for the readers of the whole paste, when the log gives nothing.
 */
export async function logBesideReplies(
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
  // Only refusals of their own: not the log's again, in part, nor a sentence about codes
  // (replies-beside-log.ts).
  return withBesideLog(
    log,
    replies.incidents.filter((i) => namesItsRefusal(i) && !repeatsLogged(log.incidents, i)),
  );
}
