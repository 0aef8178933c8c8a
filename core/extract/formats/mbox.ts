/**
 * mbox files: messages separated by `From ` lines (RFC 4155), by their Content-Length (mboxcl2,
 * mbox-content-length.ts), or by MMDF's Control-A lines. Each message is read as a bounce and its line
 * numbers stay those of the whole file.
 */
import type { ExtractionResult, ExtractOptions } from '../../types';
import { MBOX_FROM } from '../detect';
import { MAX_INCIDENTS } from '../incident-cap';
import { NOTES, renumbered } from '../notes';
import type { SourceText } from '../source-text';
import { isExpungedByThunderbird } from '../thunderbird-expunged';
import { contentLengthEnd, mayHaveContentLength } from './mbox-content-length';
import { extractMessage } from './message';

/** True when the text starts like an mbox (first non-empty line is a `From ` separator). */
export function looksLikeMbox(text: string): boolean {
  return MBOX_FROM.test(text.slice(0, 400).replace(/^\s+/, ''));
}

/**
 * MMDF's separator, four Control-A characters alone on a line, written before and after each message
 * (SCO's and some older MTAs' mailboxes).
 */
export const MMDF_SEPARATOR = /^\x01{4}\r?$/;

/** The messages between MMDF separator lines (a message per run of lines between two of them). */
function mmdfSpans(source: SourceText): { first: number; last: number }[] {
  const spans: { first: number; last: number }[] = [];
  let first = 0;
  for (let line = 1; line <= source.lineCount; line++) {
    if (!MMDF_SEPARATOR.test(source.line(line))) continue;
    if (first > 0 && line > first) spans.push({ first, last: line - 1 });
    first = line + 1;
  }
  if (first > 0 && first <= source.lineCount && source.line(first).trim() !== '')
    spans.push({ first, last: source.lineCount });
  return spans.filter((s) => source.line(s.first).trim() !== '' || s.last > s.first);
}

export async function extractMbox(source: SourceText, options: ExtractOptions): Promise<ExtractionResult> {
  if (source.text.startsWith('\x01\x01\x01\x01')) return extractSpans(source, mmdfSpans(source), options);
  const isFromLine = (line: number) =>
    source.text.startsWith('From ', source.offsetOf(line)) && MBOX_FROM.test(source.line(line));
  const counted = mayHaveContentLength(source.text);
  const budget = { chars: 2 * source.text.length };
  // Each message from the line after its `From ` line to the line before the next one, or to where its
  // Content-Length ends it (mboxcl2: a body's `From ` lines are not escaped).
  const spans: { first: number; last: number }[] = [];
  let open: number | null = null;
  for (let line = 1; line <= source.lineCount; line++) {
    if (!isFromLine(line)) continue;
    if (open !== null) spans.push({ first: open + 1, last: line - 1 });
    open = line;
    const end = counted ? contentLengthEnd(source, line, isFromLine, budget) : null;
    if (end === null) continue;
    spans.push({ first: line + 1, last: end });
    open = null;
    line = end;
  }
  if (open !== null) spans.push({ first: open + 1, last: source.lineCount });
  return extractSpans(source, spans, options);
}

/**
 * The messages at `spans` (1-based lines of `source`, both included) read one by one, their results joined.
 */
export async function extractSpans(
  source: SourceText,
  spans: readonly { first: number; last: number }[],
  options: ExtractOptions,
): Promise<ExtractionResult> {
  const result: ExtractionResult = { incidents: [], warnings: [] };
  const raws = spans.map(({ first, last }) =>
    last < first
      ? ''
      : source.text.slice(
          source.offsetOf(first),
          last >= source.lineCount ? undefined : source.offsetOf(last + 1),
        ),
  );
  const copies = postmasterCopies(raws);
  const said = new Set<string>();
  const expunged = new Set(raws.flatMap((raw, k) => (isExpungedByThunderbird(headerOf(raw)) ? [k] : [])));
  for (let k = 0; k < spans.length; k++) {
    // One more than a paste may give is enough for withIncidentCap to tell where it cut.
    if (result.incidents.length > MAX_INCIDENTS) break;
    const { first, last } = spans[k] as { first: number; last: number };
    const raw = raws[k] as string;
    if (last < first || copies.has(k) || expunged.has(k)) continue;
    // mboxrd/mboxo escaping: `>From ` at the start of a body line was `From `.
    const part = await extractMessage(
      raw.includes('>From ') ? raw.replace(/^>(>*From )/gm, '$1') : raw,
      { source, from: first, to: last },
      options,
    );
    const offset = result.incidents.length;
    for (const incident of part.incidents) result.incidents.push(incident);
    for (const w of part.warnings) {
      const note = offset === 0 ? w : renumbered(w, offset);
      // A note on the file's kind of message said again for each message is said once; notes on an
      // incident name its number and stay apart.
      const key = `${note.code}\n${note.text.en}`;
      if (said.has(key)) continue;
      said.add(key);
      result.warnings.push(note);
    }
  }
  if (copies.size > 0) result.warnings.push(NOTES.postmasterCopies(copies.size));
  if (expunged.size > 0) result.warnings.push(NOTES.thunderbirdExpunged(expunged.size));
  return result;
}

const POSTMASTER_COPY = /^Subject:[ \t]{0,8}Postmaster (?:Copy|Warning):/im;
const QUEUE_ID = /^X-Postfix-Queue-ID:[ \t]{0,8}([0-9A-Za-z]{5,24})[ \t]*$/im;

/** The header block of a message (up to its first blank line, at most 64 kB). */
function headerOf(raw: string): string {
  const head = raw.slice(0, 64 * 1024);
  const blank = /\r?\n\r?\n|\r\r/.exec(head);
  return blank ? head.slice(0, blank.index) : head;
}

/**
 * The messages that are Postfix's copy for the postmaster (`Subject: Postmaster Copy: Undelivered
 * Mail`, with `notify_classes = bounce`) of a notice in the same file: the same X-Postfix-Queue-ID as a
 * message that is not a copy. One refused delivery, one incident; a copy alone is read.
 */
function postmasterCopies(raws: readonly string[]): Set<number> {
  const copies = new Set<number>();
  const candidates: [number, string][] = [];
  const notices = new Set<string>();
  for (let k = 0; k < raws.length; k++) {
    const raw = raws[k] as string;
    const queueId = QUEUE_ID.exec(raw.length > 1_000_000 ? raw.slice(0, 1_000_000) : raw)?.[1];
    if (!queueId) continue;
    if (POSTMASTER_COPY.test(headerOf(raw))) candidates.push([k, queueId]);
    else notices.add(queueId);
  }
  for (const [k, queueId] of candidates) if (notices.has(queueId)) copies.add(k);
  return copies;
}
