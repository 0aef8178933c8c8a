/**
 * When the last server before the refusal took the returned copy in, if well after the copy's own Date:
 * the time of its topmost Received field. A message's Date is when its author's client composed it; a
 * forwarder, a queue or a wrong clock may keep it long before the delivery that was refused (1&1's
 * `by mx.kundenserver.de ...; Mon, 16 Dec 2019 14:22:07 +0100` over a Date of 12:54:27, in the Orange
 * 506 notice of Sisimai's set-of-emails rhost-franceptt-04: the forward to Orange came an hour and a half
 * after the Date). The refusal came at that stamp or a little later.
 */
import { parseDate } from './dates';
import type { Field } from './header-block';

/** Less than this after the Date, the Date is near enough (ten minutes, as message-date.ts's queue). */
const LATER_THAN_MS = 10 * 60 * 1000;

/** More than this after the Date, the stamp is not the same journey's (a resent copy, a clock years off). */
const WITHIN_MS = 10 * 24 * 3600 * 1000;

export interface ReturnedHopDate {
  /** The Received field whose stamp it is. */
  field: Field;
  /** Its time, with its zone. */
  iso: string;
}

/**
 * The topmost Received field of the returned copy `fields` when its stamp and the copy's `date` both
 * have a zone and the stamp is more than LATER_THAN_MS (and less than WITHIN_MS) after it; else null.
 */
export function laterReturnedHopDate(fields: readonly Field[], date: Field | null): ReturnedHopDate | null {
  const written = date ? parseDate(date.value) : null;
  if (!written?.hadZone) return null;
  const field = fields.find((f) => f.name === 'received');
  const semicolon = field ? field.value.lastIndexOf(';') : -1;
  if (!field || semicolon < 0) return null;
  const stamp = parseDate(field.value.slice(semicolon + 1));
  if (!stamp?.hadZone) return null;
  const later = Date.parse(stamp.iso) - Date.parse(written.iso);
  return later > LATER_THAN_MS && later < WITHIN_MS ? { field, iso: stamp.iso } : null;
}
