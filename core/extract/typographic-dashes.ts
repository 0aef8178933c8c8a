/**
 * A word processor or a blog's editor turns the hyphens of a date into en or em dashes
 * (`2020–11–04 10:21:42 1kaGbq-0003vd-Jh ** ...`, an Exim log in a blog post), and no log reader
 * takes them. Only in dates: a dash between words is left as written.
 */
const DASHED_DATE = /\b(\d{4})[\u2010-\u2015](\d{2})[\u2010-\u2015](\d{2})\b/g;

export function withPlainDateDashes(text: string): string {
  if (!/[\u2010-\u2015]/.test(text)) return text;
  return text.replace(DASHED_DATE, '$1-$2-$3');
}
