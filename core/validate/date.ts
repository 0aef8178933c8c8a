/** Checking the incident's date: a real timestamp with its zone, not in the future, not absurdly old. */
import type { Verdict } from '../types';
import { parseWallClock } from './iso-date';
import { error, ok, warning } from './verdict';

/** Clocks drift: a timestamp up to this far ahead of "now" is not called future. */
const CLOCK_SKEW_MS = 10 * 60_000;
const YEAR_MS = 366 * 24 * 3600_000;
/** Orange's OFR replies do not predate this; an earlier date is a parsing mistake. */
const EARLIEST_PLAUSIBLE_YEAR = 2000;

export function validateDate(iso: string | null | undefined, now: Date = new Date()): Verdict {
  const value = iso?.trim() ?? '';
  if (!value) return error('Date vide.', 'Empty date.');
  const parts = parseWallClock(value);
  if (!parts) {
    return error(
      `« ${value} » n’est pas une date valide (forme attendue : 2019-12-16T22:00:18+01:00).`,
      `"${value}" is not a valid date (expected form: 2019-12-16T22:00:18+01:00).`,
    );
  }
  if (parts.year < EARLIEST_PLAUSIBLE_YEAR) {
    return error(`L’année ${parts.year} n’est pas plausible.`, `The year ${parts.year} is not plausible.`);
  }
  if (!parts.instant) {
    return warning(
      'La date n’indique pas de fuseau horaire. Précisez-le (par exemple +01:00) : Orange en a besoin pour retrouver l’incident.',
      'The date has no time zone. Add it (for example +01:00): Orange needs it to find the incident.',
    );
  }
  const age = now.getTime() - parts.instant.getTime();
  if (age < -CLOCK_SKEW_MS) {
    return error('La date est dans le futur.', 'The date is in the future.');
  }
  if (age > YEAR_MS) {
    return warning(
      'L’incident date de plus d’un an : Orange n’en a probablement plus trace. Vérifiez l’année ou utilisez un rejet récent.',
      'The incident is more than a year old: Orange probably has no trace of it any more. Check the year or use a recent rejection.',
    );
  }
  return ok();
}
