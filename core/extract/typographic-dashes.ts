/**
 * A word processor or a blog's editor turns the hyphens of a date into en or em dashes
 * (`2020–11–04 10:21:42 1kaGbq-0003vd-Jh ** ...`, an Exim log in a blog post), and no log reader
 * takes them. Only in dates: a dash between words is left as written.
 */
import { TYPOGRAPHIC_DASHES } from './plain-characters';

const DASH = `[${TYPOGRAPHIC_DASHES}]`;
const DASHED_DATE = new RegExp(String.raw`\b(\d{4})${DASH}(\d{2})${DASH}(\d{2})\b`, 'g');
const ANY_DASH = new RegExp(DASH);

export function withPlainDateDashes(text: string): string {
  if (!ANY_DASH.test(text)) return text;
  return text.replace(DASHED_DATE, '$1-$2-$3');
}
