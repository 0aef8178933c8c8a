/**
 * Messages pasted one after the other (concatenated.ts) where a later one only repeats a refusal an
 * earlier one gave: a notice as a mail client shows it, then its whole source below (Thunderbird's View
 * source), or a customer's mail quoting Orange's reply in a sentence, then the raw notice below it (b1's
 * derived inputs of audit18's postfix-dsn-orange-999-after-queue). Read apart, the one refusal was
 * counted twice, once with the display's date or the customer's mail's. Such a message is read with the
 * one above it, as one message, which gives the refusal once, read from the notice's own fields.
 */
import type { ExtractionResult, ExtractOptions, Incident } from '../../types';
import { sameReply } from '../replies-beside-log';
import type { SourceText } from '../source-text';
import { extractSpans } from './mbox';

/** A reply's text compared: lower case, one space between words, no closing quote or full stop. */
function comparable(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/["'.,;)\]\s]+$/, '')
    .trim();
}

/** Whether two incidents name different values of the same field (both having one). */
function differ(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a !== b;
}

/** The name of the field an incident's date was read from (`Arrival-Date`, `Date`), or null. */
function dateField(incident: Incident): string | null {
  return (
    /^\s*([A-Za-z][A-Za-z0-9-]{0,76}):/.exec(incident.sources.occurredAt?.text ?? '')?.[1]?.toLowerCase() ??
    null
  );
}

/**
 * Whether two incidents were dated apart by the same field: two notices of the same refusal a day apart
 * (each with its Arrival-Date), not one shown twice (the display's Date, then the source's Arrival-Date).
 */
function datedApart(a: Incident, b: Incident): boolean {
  const field = dateField(a);
  return field !== null && field === dateField(b) && a.occurredAt !== b.occurredAt;
}

/**
 * Whether `later` is the refusal `earlier` gave: the same code, the same text (one holding the other:
 * a quote of its first words) or Orange's same token, and no other recipient domain, remote or date.
 */
function repeats(later: Incident, earlier: Incident): boolean {
  if (later.reply.code === null || later.reply.code !== earlier.reply.code) return false;
  const [a, b] = [comparable(later.reply.text), comparable(earlier.reply.text)];
  const sameText = Math.min(a.length, b.length) > 8 && sameReply(a, b);
  const token = later.orange?.token ?? null;
  const sameToken = token !== null && token === (earlier.orange?.token ?? null);
  return (
    (sameText || sameToken) &&
    !differ(later.recipientDomain, earlier.recipientDomain) &&
    !differ(later.remoteHost, earlier.remoteHost) &&
    !differ(later.remoteIp, earlier.remoteIp) &&
    !datedApart(later, earlier)
  );
}

/**
 * The messages starting at `starts` (1-based, the first being 1), one that only repeats those above read with
 * them.
 */
export async function extractConcatenated(
  source: SourceText,
  starts: readonly number[],
  options: ExtractOptions,
): Promise<ExtractionResult> {
  const spanOf = (k: number) => ({
    first: starts[k] as number,
    last: (starts[k + 1] ?? source.lineCount + 1) - 1,
  });
  const kept: number[] = [];
  const seen: Incident[] = [];
  for (let k = 0; k < starts.length; k++) {
    const { incidents } = await extractSpans(source, [spanOf(k)], options);
    const repeated = incidents.length > 0 && incidents.every((i) => seen.some((e) => repeats(i, e)));
    if (k === 0 || !repeated) kept.push(starts[k] as number);
    seen.push(...incidents);
  }
  return extractSpans(
    source,
    kept.map((first, k) => ({ first, last: (kept[k + 1] ?? source.lineCount + 1) - 1 })),
    options,
  );
}
