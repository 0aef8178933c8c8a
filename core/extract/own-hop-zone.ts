/**
 * A notice whose own Date has no zone (C's asctime: McAfee WebShield's `Date: Sat Apr 28 23:09:37 2012`,
 * mySociety/alaveteli's track-response-webshield-bounce.email of 2012), and whose own header has a
 * Received field stamped at that very second, or a few seconds later, with its zone (`by
 * mailproxy1.example.co.uk with SMTP; 28 Apr 2012 23:09:37 +0100`): the server that took the notice in
 * as it was written. The Date is read in that stamp's zone: the two clocks stood at the same time, so
 * they kept the same zone.
 */
import { inZoneOfNear, parseDate } from './dates';
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

/**
 * How many seconds after the Date its writer's MTA may stamp the notice it took in (a program writes the
 * Date, then hands the notice over: the same second or a few later), and before it (two clocks of one
 * host, or of the two ends of one connection, a second apart).
 */
const AFTER_SECONDS = 10;
const BEFORE_SECONDS = 2;

/** The notice's zone-less Date read in the zone of its own Received stamp right after it, or null. */
export function ownHopZonedDate(top: readonly Field[]): OwnHopZonedDate | null {
  const date = fieldValue(top, 'date');
  const parsed = date ? parseDate(date.value) : null;
  if (!date || !parsed || parsed.hadZone) return null;
  let hops = 0;
  for (const field of top) {
    if (field.name !== 'received') continue;
    if (++hops > MAX_HOPS) break;
    // The stamp follows the field's last semicolon (RFC 5322 section 3.6.7).
    const semicolon = field.value.lastIndexOf(';');
    if (semicolon < 0) continue;
    const stamp = parseDate(field.value.slice(semicolon + 1));
    // (The Date at most AFTER_SECONDS before the stamp, or BEFORE_SECONDS after it.)
    const zoned = stamp?.hadZone ? inZoneOfNear(parsed.iso, stamp.iso, -AFTER_SECONDS, BEFORE_SECONDS) : null;
    if (zoned) return { ...zoned, date };
  }
  return null;
}
