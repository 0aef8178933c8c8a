/**
 * A notice whose body is an ESP event in JSON: Amazon SES sends its bounce notifications through SNS as
 * mail whose text is the SNS envelope (`"Message" : "{\"notificationType\":\"Bounce\"...`) or the SES
 * event itself, followed by SNS's `--` footer. The event names the bounced recipient, the reply, the
 * reporting MTA and the source address, which the mail's own headers (SNS's) do not.
 *
 * Mail transport may fold the long JSON line: a line starting with a space continues the one above
 * (RFC 5322 folding), inside a string value as often as not, so the fold is removed before parsing.
 */
import type { ExtractionResult } from '../../types';
import type { SourceText } from '../source-text';
import { extractJsonEvents } from './json-event';
import { parseJsonInput } from './json-input';

/** Longest body parsed as JSON (SES events are a few kB). */
const MAX_JSON = 256 * 1024;

/** The body lines up to the last one closing the JSON value (`}` or `]`), unfolded; null when none. */
function jsonText(bodyLines: readonly string[]): string | null {
  let first = 0;
  while (first < bodyLines.length && (bodyLines[first] as string).trim() === '') first++;
  const opening = bodyLines[first]?.trimStart() ?? '';
  if (!opening.startsWith('{') && !opening.startsWith('[')) return null;
  let last = -1;
  let size = 0;
  for (let i = first; i < bodyLines.length; i++) {
    const line = bodyLines[i] as string;
    size += line.length + 1;
    if (size > MAX_JSON) return null;
    if (/[}\]]\s*$/.test(line)) last = i;
  }
  if (last < 0) return null;
  let text = bodyLines[first] as string;
  for (let i = first + 1; i <= last; i++) {
    const line = bodyLines[i] as string;
    // Outside a string the removed line break and space were only white space between tokens.
    text = line.startsWith(' ') ? text + line.slice(1) : `${text}\n${line}`;
  }
  return text;
}

/** The incidents of an ESP event the body holds, or null when the body is no such JSON. */
export function jsonBodyEvents(bodyLines: readonly string[], source: SourceText): ExtractionResult | null {
  const text = jsonText(bodyLines);
  const values = text ? parseJsonInput(text) : null;
  if (!values) return null;
  const result = extractJsonEvents(values, source);
  return result.incidents.length > 0 ? result : null;
}
