/**
 * A webhook's body as the ESP posts it, form-encoded: Mandrill sends its events as
 * `mandrill_events=%5B%7B%22event%22%3A%22hard_bounce%22...` (application/x-www-form-urlencoded), and a
 * request inspector (RequestBin and the like) shows that raw body. The JSON values of its parameters,
 * decoded, are the events; a paste that is anything else is left alone.
 */

export interface FormEncodedJson {
  /** The decoded JSON values, one per line of text. */
  text: string;
  /** For each line of `text` (0-based), its 1-based number in the paste. */
  pasteLine: number[];
}

/** One line of `name=value&name=value` whose some value is an encoded JSON array or object. */
const FORM_BODY = /^[A-Za-z_][\w.-]{0,60}=[^\s&=]*(?:&[A-Za-z_][\w.-]{0,60}=[^\s&=]*)*$/;
const ENCODED_JSON = /^(?:%5B|%7B|\[|\{)/i;

/** The decoded JSON values of a form-encoded body pasted alone, or null when the paste is no such body. */
export function formEncodedJson(paste: string): FormEncodedJson | null {
  const body = paste.trim();
  // A cheap test first: every paste goes through here.
  if (!body.includes('=%') || body.includes('\n') || !FORM_BODY.test(body)) return null;
  const values: string[] = [];
  for (const pair of body.split('&')) {
    const value = pair.slice(pair.indexOf('=') + 1);
    if (!ENCODED_JSON.test(value)) continue;
    try {
      values.push(decodeURIComponent(value.replace(/\+/g, ' ')));
    } catch {
      // A malformed escape: this value is not readable.
    }
  }
  if (values.length === 0) return null;
  const text = values.join('\n');
  const line = paste.slice(0, paste.indexOf(body)).split('\n').length;
  return { text, pasteLine: text.split('\n').map(() => line) };
}
