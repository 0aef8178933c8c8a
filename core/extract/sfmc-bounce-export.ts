/**
 * Salesforce Marketing Cloud's `_Bounce` data view exported as CSV (a Query Studio or Automation Studio
 * query's result downloaded): its columns as Salesforce's help page "Data View: Bounce" lists them
 * (`SubscriberKey`, `EventDate`, `IsUnique`, `Domain`, `BounceCategory`, `BounceSubcategory`, `BounceType`,
 * `SMTPBounceReason`, `SMTPMessage`, `SMTPCode`...). Its `Domain` is "the domain at which the bounce
 * occurred", the bounced address's (where cPanel's `Domain` column is the sender's), and its dates are
 * "stored in Central Standard Time. Daylight Savings Time isn't observed": UTC−06:00 all year.
 */
import type { Note } from '../types';
import { note } from './notes';

/** Names only Marketing Cloud's bounce data view writes. */
const SFMC_BOUNCE_COLUMN = /^(?:smtpbouncereason|bouncesubcategory|bouncecategoryid)$/i;

/** True when a header's names are those of Marketing Cloud's `_Bounce` data view. */
export function isSfmcBounceHeader(names: readonly string[]): boolean {
  return names.some((name) => SFMC_BOUNCE_COLUMN.test(name.trim()));
}

/** The data view's fixed zone, Central Standard Time without its summer time. */
export const SFMC_ZONE = '-06:00';

export const SFMC_CST_NOTE: Note = note(
  'date.sfmc-cst',
  'La date est celle de la colonne `EventDate` de Marketing Cloud, lue en heure normale du Centre (UTC−06:00) toute l’année, comme Salesforce dit qu’il enregistre les dates de ses vues de données.',
  "The date is Marketing Cloud's `EventDate`, read as Central Standard Time (UTC−06:00) all year, as Salesforce says it stores its data views' dates.",
);
