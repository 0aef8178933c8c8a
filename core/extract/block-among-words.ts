/**
 * A bounce, an mbox, log lines or JSON pasted between words, read alone, then the replies pasted
 * below it.
 */

import type { ExtractionResult, ExtractOptions } from '../types';
import { embeddedBlock } from './embedded-block';
import { splitLines } from './header-block';
import { inPaste } from './in-paste';
import { flattenedLog, inlineLog } from './inline-log';
import { hasInputNote } from './input-note';
import { logBesideReplies } from './log-with-replies';
import { withFullHostNames } from './logs/made-id-host';
import { NOTES } from './notes';
import { withRepliesAbove, withRepliesBeside } from './replies-above-block';

/** How a block's text is read: read-paste.ts's extractText, passed in (it calls blockAmongWords back). */
type TextReader = (
  input: string,
  options: ExtractOptions,
  mayBeWrapped?: boolean,
) => Promise<ExtractionResult>;

/**
 * A bounce, an mbox, log lines or JSON pasted between words (a chat line, a forward's header lines, a
 * signature: embedded-block.ts), or log lines quoted inline in a sentence (inline-log.ts), read alone,
 * each value pointing at its line of `input`; null when there is no such block, or it alone gives nothing.
 */
export async function blockAmongWords(
  readText: TextReader,
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
  const result = await readText(found.text, options, mayBeWrapped);
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
  const own = withForwardDateNote(inPaste(result, input, found.lineOf), found.lineOf, block?.headerLines);
  // A machine's full name the words around the block give (the notice it wrote, pasted above its log
  // lines: made-id-host.ts), where the block's syslog lines give its short one.
  withFullHostNames(own.incidents, input, () => lines);
  // Refusals the words above it quote (a notice's text): their lines are the paste's first ones.
  const above = block && !block.lineIndex && !block.forwardedNotice ? lines.slice(0, block.first) : [];
  const read = above.some((line) => REPLY_OR_STATUS.test(line))
    ? withRepliesAbove(own, await readText(above.join('\n'), options))
    : own;
  const below = block && !block.lineIndex ? lines.slice(block.first + found.lineOf.length) : [];
  return below.some((line) => REPLY_OR_STATUS.test(line))
    ? withRepliesBelow(readText, read, below, input, options)
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
  readText: TextReader,
  read: ExtractionResult,
  below: readonly string[],
  input: string,
  options: ExtractOptions,
): Promise<ExtractionResult> {
  const first = splitLines(input).length - below.length + 1;
  const rest = inPaste(
    await readText(below.join('\n'), options),
    input,
    below.map((_, k) => first + k),
  );
  // Only the replies repeating the block's go: another one below (derived-18: SES's own reply fenced,
  // then an Outlook refusal) is its own incident.
  return withRepliesBeside(read, rest, 'after');
}

/**
 * A forwarded notice read from the forward's header lines (`Envoyé :`, `Message du …`): a date read from
 * those lines is the client's, to the minute, and not the forwarding message's; the note says so, as it
 * does for the forward lines found in a message's body (formats/message-date.ts).
 */
function withForwardDateNote(
  result: ExtractionResult,
  lineOf: readonly number[],
  headerLines: number | undefined,
): ExtractionResult {
  if (!headerLines) return result;
  const forwardLines = new Set(lineOf.slice(0, headerLines));
  for (const incident of result.incidents) {
    const line = incident.sources.occurredAt?.line;
    if (line === undefined || !forwardLines.has(line)) continue;
    if (incident.assumptions.some((a) => a.code === 'date.forwarded-notice')) continue;
    incident.assumptions.push(NOTES.dateOfForwardedNotice('none'));
  }
  return result;
}
