/**
 * Where each value of a bounce's incident was read: the line of the pasted text that holds it, or the
 * encoded part it was decoded from (with a note, once per field).
 */

import type { FieldName, Incident, Note } from '../../types';
import { cite } from '../incident';
import { NOTES } from '../notes';
import type { MessageSpan } from './message';

/** How many values of a message are searched for through its text before whole lines are looked up. */
const MAX_SEARCHED_VALUES = 64;

/** Points each value at its line in the pasted text (see `cite`). */
export class Citations {
  // Several fields often come from one line (a Diagnostic-Code, a Received): search each text once.
  private readonly lines = new Map<string, number | null>();
  private encodedPart: number | null = null;
  private readonly noted = new Set<FieldName>();

  constructor(
    private readonly span: MessageSpan,
    private readonly warnings: Note[],
  ) {}

  /**
   * A value read from a base64 part is not in the original text: point at the start of the encoded
   * part holding it (the delivery-status part, else the first encoded part) and say so. Looked up
   * only when a value is missing from the text (three searches of the whole message otherwise).
   */
  private encodedPartLine(): number {
    const { source, from, to } = this.span;
    this.encodedPart ??=
      source.find('message/delivery-status', from, to, true) ??
      source.find('Content-Transfer-Encoding: base64', from, to, true) ??
      source.find('Content-Transfer-Encoding: quoted-printable', from, to, true) ??
      from;
    return this.encodedPart;
  }

  /** Cites the first line holding `needle` as the source of `field` (unless it has one already). */
  cite(incident: Incident, field: FieldName, needle: string | null | undefined, wholeLine = false): void {
    if (!needle || incident.sources[field]) return;
    const { source, from, to } = this.span;
    const own = wholeLine ? source.lineEqualTo(needle.trim(), from, to) : null;
    if (own !== null) {
      cite(incident, field, source.ref(own));
      return;
    }
    let line = this.lines.get(needle);
    if (line === undefined) {
      // Past a few dozen values (a bounce listing thousands of recipients), a value that is a whole line
      // or an address is looked up in an index rather than searched for through the text each time.
      const indexed =
        this.lines.size >= MAX_SEARCHED_VALUES
          ? (source.lineEqualTo(needle, from, to) ?? source.lineWithAddress(needle, from, to))
          : null;
      line = indexed ?? source.find(needle, from, to, true);
      this.lines.set(needle, line);
    }
    if (line !== null) {
      cite(incident, field, source.ref(line));
      return;
    }
    cite(incident, field, source.ref(this.encodedPartLine()));
    if (!this.noted.has(field)) {
      this.noted.add(field);
      this.warnings.push(NOTES.decodedPart(field, this.encodedPartLine()));
    }
  }
}
