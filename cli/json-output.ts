/**
 * The extract command's JSON written in pieces, one incident at a time, byte for byte what
 * `JSON.stringify` of the whole would give. A log of a hundred thousand refusals (logs are read whole)
 * makes a document of hundreds of megabytes: as one string it passed V8's limit on a string's length
 * and the command died with `RangeError: Invalid string length` (an adversarial audit).
 */

import { incidentToJson } from '../core/extract/to-json';
import type { Advice, ExtractionResult, Incident } from '../core/types';

/** Pieces are gathered up to this many characters before each write. */
const CHUNK = 1 << 20;

/**
 * Writes `result` as `JSON.stringify({ ...head, incidents, warnings }, null, indent ? 2 : undefined)`
 * would, followed by a new line, in pieces of about a megabyte.
 */
export function writeExtractionJson(
  write: (text: string) => void,
  result: ExtractionResult,
  advise: (incident: Incident) => Advice,
  head: Record<string, unknown>,
  indent: boolean,
): void {
  const space = indent ? 2 : undefined;
  /** `value` as it stands at `depth` in the document: its inner lines indented to that depth. */
  const at = (value: unknown, depth: number) => {
    const text = JSON.stringify(value, null, space);
    // A string in JSON holds no raw line break: each one is the indentation's.
    return indent ? text.replaceAll('\n', `\n${'  '.repeat(depth)}`) : text;
  };
  const [open, close] = indent ? ['\n  ', '\n'] : ['', ''];
  const item = indent ? '\n    ' : '';
  let pending = '';
  const put = (text: string) => {
    pending += text;
    if (pending.length >= CHUNK) {
      write(pending);
      pending = '';
    }
  };
  const key = (name: string) => `${JSON.stringify(name)}:${indent ? ' ' : ''}`;
  put('{');
  let first = true;
  for (const [name, value] of Object.entries(head)) {
    if (value === undefined) continue;
    put(`${first ? '' : ','}${open}${key(name)}${at(value, 1)}`);
    first = false;
  }
  const list = (name: string, count: number, itemAt: (k: number) => unknown) => {
    put(`${first ? '' : ','}${open}${key(name)}[`);
    first = false;
    for (let k = 0; k < count; k++) put(`${k === 0 ? '' : ','}${item}${at(itemAt(k), 2)}`);
    put(count === 0 ? ']' : `${indent ? '\n  ' : ''}]`);
  };
  list('incidents', result.incidents.length, (k) => incidentToJson(result.incidents[k] as Incident, advise));
  list('warnings', result.warnings.length, (k) => result.warnings[k]?.text.en);
  put(`${close}}\n`);
  write(pending);
}
