/**
 * mbox files: messages separated by `From ` lines (RFC 4155). Each message is read as a bounce and
 * its line numbers stay those of the whole file.
 */
import type { ExtractionResult, ExtractOptions } from '../../types';
import { MBOX_FROM } from '../detect';
import type { SourceText } from '../source-text';
import { extractMessage } from './message';

/** True when the text starts like an mbox (first non-empty line is a `From ` separator). */
export function looksLikeMbox(text: string): boolean {
  return MBOX_FROM.test(text.slice(0, 400).replace(/^\s+/, ''));
}

export async function extractMbox(source: SourceText, options: ExtractOptions): Promise<ExtractionResult> {
  const starts: number[] = [];
  for (let line = 1; line <= source.lineCount; line++) {
    const start = source.offsetOf(line);
    if (source.text.startsWith('From ', start) && MBOX_FROM.test(source.line(line))) starts.push(line);
  }
  // Each message from the line after its `From ` line to the line before the next one.
  const spans = starts.map((start, k) => ({
    first: start + 1,
    last: (starts[k + 1] ?? source.lineCount + 1) - 1,
  }));
  return extractSpans(source, spans, options);
}

/** The messages at `spans` (1-based lines of `source`, both included) read one by one, their results joined. */
export async function extractSpans(
  source: SourceText,
  spans: readonly { first: number; last: number }[],
  options: ExtractOptions,
): Promise<ExtractionResult> {
  const result: ExtractionResult = { incidents: [], warnings: [] };
  for (const { first, last } of spans) {
    if (last < first) continue;
    const raw = source.text.slice(
      source.offsetOf(first),
      last >= source.lineCount ? undefined : source.offsetOf(last + 1),
    );
    // mboxrd/mboxo escaping: `>From ` at the start of a body line was `From `.
    const part = await extractMessage(
      raw.includes('>From ') ? raw.replace(/^>(>*From )/gm, '$1') : raw,
      { source, from: first, to: last },
      options,
    );
    const offset = result.incidents.length;
    for (const incident of part.incidents) result.incidents.push(incident);
    for (const w of part.warnings) {
      result.warnings.push(offset === 0 ? w : renumber(w, offset));
    }
  }
  return result;
}

/** Missing-field warnings say "Incident N": shift N for messages after the first. */
function renumber(
  note: ExtractionResult['warnings'][number],
  offset: number,
): ExtractionResult['warnings'][number] {
  const shift = (t: string) =>
    t.replace(/^Incident (\d+)/, (_m, n: string) => `Incident ${Number(n) + offset}`);
  return { code: note.code, text: { fr: shift(note.text.fr), en: shift(note.text.en) } };
}
