/**
 * A notice whose own Date has no zone (C's asctime: McAfee WebShield's `Date: Sat Apr 28 23:09:37 2012`,
 * mySociety/alaveteli's track-response-webshield-bounce.email of 2012), and whose own header has a
 * Received field stamped at that very second with its zone (`by mailproxy1.example.co.uk with SMTP; 28
 * Apr 2012 23:09:37 +0100`): the server that took the notice in as it was written. The Date is read in
 * that stamp's zone: the two clocks stood at the same second, so they kept the same time.
 */
import { parseDate } from './dates';
import { type Field, fieldValue } from './header-block';

/** Received fields of a notice's own header looked at (its hops, topmost first). */
const MAX_HOPS = 50;

export interface OwnHopZonedDate {
  /** The notice's Date, with the zone of the stamp. */
  iso: string;
  /** The stamp's offset (`+01:00`). */
  offset: string;
  /** The notice's Date field. */
  date: Field;
}

/** The notice's zone-less Date read in the zone of its own Received stamp at the same second, or null. */
export function ownHopZonedDate(top: readonly Field[]): OwnHopZonedDate | null {
  const date = fieldValue(top, 'date');
  const parsed = date ? parseDate(date.value) : null;
  if (!date || !parsed || parsed.hadZone) return null;
  const second = parsed.iso.slice(0, 19);
  let hops = 0;
  for (const field of top) {
    if (field.name !== 'received') continue;
    if (++hops > MAX_HOPS) break;
    // The stamp follows the field's last semicolon (RFC 5322 section 3.6.7).
    const semicolon = field.value.lastIndexOf(';');
    if (semicolon < 0) continue;
    const stamp = parseDate(field.value.slice(semicolon + 1));
    if (!stamp?.hadZone || stamp.iso.slice(0, 19) !== second) continue;
    const offset = /(?:[+-]\d{2}:\d{2}|Z)$/.exec(stamp.iso)?.[0];
    if (offset) return { iso: stamp.iso, offset, date };
  }
  return null;
}
