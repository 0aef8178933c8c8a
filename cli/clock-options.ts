/**
 * The options every command shares for dates: `--now` (the moment a syslog year is guessed from) and
 * `--assume-zone` (the zone of timestamps that carry none). A bad value is refused with a message, never
 * taken silently: an unknown zone once left every such date empty, and `+25:00` wrote an invalid one.
 */
import { isValidZone } from '../core/extract/logs/offset-text';
import type { ExtractOptions } from '../core/types';

export interface ClockValues {
  now?: string | undefined;
  'assume-zone'?: string | undefined;
}

/** What is wrong with the values, or null when both are usable. */
export function clockOptionError(values: ClockValues): string | null {
  if (values.now !== undefined && Number.isNaN(Date.parse(values.now)))
    return `--now expects an ISO 8601 date, not "${values.now}"`;
  const zone = values['assume-zone'];
  if (zone !== undefined && !isValidZone(zone))
    return `--assume-zone expects an IANA zone (Europe/Paris), UTC or an offset from -12:00 to +14:00, not "${zone}"`;
  return null;
}

/** The extraction options the values give (check them with clockOptionError first). */
export function clockOptions(values: ClockValues): ExtractOptions {
  return {
    ...(values.now ? { now: new Date(values.now) } : {}),
    ...(values['assume-zone'] ? { assumeZone: values['assume-zone'] } : {}),
  };
}
