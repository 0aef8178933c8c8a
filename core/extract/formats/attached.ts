/**
 * Bounces a customer forwarded as attachments (forwarded.ts), read one by one in the order of the
 * paste. An unencoded one is read where it stands (its line numbers those of the paste); an encoded one
 * (base64 or quoted-printable, an `.eml` file) is decoded, then read exactly as if it had been pasted
 * alone: its own Date, Received lines, report parts and attachments. Its values are not in the paste as
 * written, so each of its sources points at the line where the attachment starts, as a value read from
 * an encoded part of a bounce does (message.ts's Citations), and a note says so.
 */
import type { ExtractionResult, ExtractOptions, Incident, Note } from '../../types';
import { attachedMessageText } from '../decode-parts';
import { type ForwardedBounce, looksLikeBounceText, mayForwardBounce } from '../forwarded';
import { NOTES, renumbered } from '../notes';
import type { SourceText } from '../source-text';
import { extractSpans } from './mbox';

/** Reads a text as if it were the whole paste (`extract`, read-paste.ts). */
export type ReadAlone = (text: string, options: ExtractOptions) => Promise<ExtractionResult>;

/** Notes that only say nothing was found: a part that gives nothing is left out, as if not attached. */
const NOTHING_FOUND = 'input.no-incident';

/** The decoded attachment's result, its sources at the attachment's first line; null when it is no bounce. */
async function readDecoded(
  source: SourceText,
  attached: ForwardedBounce & { encoded: { header: string; partLine: number } },
  options: ExtractOptions,
  readAlone: ReadAlone,
): Promise<ExtractionResult | null> {
  const decoded = await attachedMessageText(attached.encoded.header, attached.text);
  // A forward of a forward (the support desk passing on the customer's mail) holds the bounce a level down.
  const text = decoded?.text ?? '';
  if (decoded === null || !(looksLikeBounceText(text) || mayForwardBounce(text))) return null;
  const alone = await readAlone(decoded.text, options);
  const said = alone.warnings.some((w) => w.code.startsWith('input.') && w.code !== NOTHING_FOUND);
  if (alone.incidents.length === 0 && !said) return null;
  const line = attached.encoded.partLine;
  for (const incident of alone.incidents) atLine(incident, source, line);
  // The decoding's notes (a message not in UTF-8) come first, as for a file dropped alone; notes naming
  // lines of the decoded text (an encoded part or attachment inside it) would name the wrong line.
  const warnings: Note[] = [NOTES.decodedAttachment(line), ...decoded.warnings];
  for (const w of alone.warnings) if (!w.code.startsWith('source.decoded')) warnings.push(w);
  return { incidents: alone.incidents, warnings };
}

/** Every source of the incident (and its trigger) pointed at `line` of the paste. */
function atLine(incident: Incident, source: SourceText, line: number): void {
  const ref = source.ref(line);
  for (const field of Object.keys(incident.sources) as (keyof Incident['sources'])[])
    if (incident.sources[field]) incident.sources[field] = { ...ref };
  if (incident.trigger) Object.assign(incident.trigger, ref);
}

/**
 * The incidents of the attached bounces, each's "Incident N" notes renumbered after those before it;
 * null when none of the encoded attachments turned out to be a bounce (the mail is then read as usual).
 */
export async function extractAttached(
  source: SourceText,
  attached: readonly ForwardedBounce[],
  options: ExtractOptions,
  readAlone: ReadAlone,
): Promise<ExtractionResult | null> {
  const spanOf = (a: ForwardedBounce) => ({ first: a.from, last: a.to });
  // Only unencoded attachments: read together as before (a Postfix notice and its postmaster copy).
  if (attached.every((a) => !a.encoded)) return extractSpans(source, attached.map(spanOf), options);
  const result: ExtractionResult = { incidents: [], warnings: [] };
  let read = 0;
  for (const a of attached) {
    const part = a.encoded
      ? await readDecoded(source, { ...a, encoded: a.encoded }, options, readAlone)
      : await extractSpans(source, [spanOf(a)], options);
    if (!part) continue;
    read++;
    const offset = result.incidents.length;
    for (const incident of part.incidents) result.incidents.push(incident);
    for (const w of part.warnings) result.warnings.push(offset === 0 ? w : renumbered(w, offset));
  }
  return read > 0 ? result : null;
}
